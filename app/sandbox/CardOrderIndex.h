#pragma once

#include "Card.h"

#include <array>
#include <QHash>
#include <QList>
#include <QString>
#include <vector>

namespace tessera::sandbox {

// The store's cards in createdAt order (ties by id), kept per status for everyone, per customer
// and per account, so a page of GET /cards reads only the cards it shows whatever the store's
// size: its place in the order is found by binary search, not by scanning.
class CardOrderIndex
{
public:
    struct Entry
    {
        qint64 createdAtMs = 0;
        qint64 id = 0;
        qsizetype slot = 0; // the card's place in the store

        // The slot last makes every entry unique, even with ids that are not numbers.
        bool operator<(const Entry &other) const
        {
            if (createdAtMs != other.createdAtMs)
                return createdAtMs < other.createdAtMs;
            return id != other.id ? id < other.id : slot < other.slot;
        }
    };
    // Which cards a list looks at: everyone's, one customer's or one account's.
    struct Scope
    {
        enum class Kind { All, Customer, Account };
        Kind kind = Kind::All;
        QString id;
    };
    struct Window
    {
        qsizetype total = 0;        // matching cards, all pages
        QList<qsizetype> cardSlots; // the page's cards, in the requested order
    };

    static Entry entryOf(const Card &card, qsizetype slot);

    void clear() { m_buckets.clear(); }
    void insert(const Card &card, qsizetype slot);
    void remove(const Card &card, qsizetype slot);
    // Fills the index from scratch, sorting once instead of inserting one by one.
    void rebuild(const QList<Card> &cards);

    // The cards of `scope` with one of `statuses` (empty: any), page [offset, offset + limit)
    // in ascending or descending createdAt order.
    Window window(const Scope &scope, const QList<CardStatus> &statuses, bool ascending,
                  qsizetype offset, qsizetype limit) const;
    // Every card of `scope` with one of `statuses` (empty: any), in no particular order.
    std::vector<Entry> entries(const Scope &scope, const QList<CardStatus> &statuses) const;

private:
    static constexpr int StatusCount = int(CardStatus::ActiveForOnlineUse) + 1;
    using Bucket = std::array<std::vector<Entry>, StatusCount>;

    static QString keyOf(const Scope &scope);
    QList<QString> keysOf(const Card &card) const;
    std::vector<const std::vector<Entry> *> lists(const Scope &scope,
                                                  const QList<CardStatus> &statuses) const;

    QHash<QString, Bucket> m_buckets;
};

} // namespace tessera::sandbox
