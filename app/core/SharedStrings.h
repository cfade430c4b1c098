#pragma once

#include <QByteArray>
#include <QString>
#include <string_view>
#include <vector>

namespace tessera {

// Hands out one QString per distinct UTF-8 text, so values repeated across many records (a
// page's account and customer ids, type and status names, expiry months, addresses) share one
// allocation through QString's implicit sharing instead of one each. Holds at most `capacity`
// distinct texts: past that, new texts get a QString of their own, so a hostile document cannot
// grow it without bound.
class SharedStrings
{
public:
    explicit SharedStrings(qsizetype capacity);

    // The QString for `utf8`, made once (QString::fromUtf8) and shared afterwards.
    QString get(std::string_view utf8);

private:
    struct Entry
    {
        QByteArray utf8;
        QString text;
        bool used = false;
    };

    void grow();

    qsizetype m_capacity;
    qsizetype m_count = 0;
    // Open addressing with linear probing, at most half full: a lookup is a short hash of a
    // short text and one or two comparisons, where QHash's seeded hash costs several times more
    // on every field of every card.
    std::vector<Entry> m_slots;
};

} // namespace tessera
