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

    // Where a caller's last text is kept, so that the same text again (a field's value is
    // most often the one of the card before) is compared there first instead of hashed and
    // looked for. One per field of the caller's. Only ever a place to look: when the table
    // grows its texts move, and the text found there is compared with the one asked for.
    struct Hint
    {
        std::size_t slot = std::string_view::npos;
    };

    // The QString for `utf8`, made once (QString::fromUtf8) and shared afterwards.
    QString get(std::string_view utf8);
    // The same, trying `hint`'s place first; `hint` then names where `utf8` is kept.
    QString get(std::string_view utf8, Hint &hint);

private:
    struct Entry
    {
        QByteArray utf8;
        QString text;
        bool used = false;
    };

    // The QString for `utf8`; `*slot` is where it is kept, or npos when it is not kept.
    QString lookUp(std::string_view utf8, std::size_t *slot);
    void grow();

    qsizetype m_capacity;
    qsizetype m_count = 0;
    // Open addressing with linear probing, at most half full: a lookup is a short hash of a
    // short text and one or two comparisons, where QHash's seeded hash costs several times more
    // on every field of every card.
    std::vector<Entry> m_slots;
};

} // namespace tessera
