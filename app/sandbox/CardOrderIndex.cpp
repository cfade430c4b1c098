#include "CardOrderIndex.h"

#include <algorithm>

namespace tessera::sandbox {

namespace {

using Lists = std::vector<const std::vector<CardOrderIndex::Entry> *>;

// How many entries of all lists come before `entry` in the merged order.
qsizetype rankOf(const Lists &lists, const CardOrderIndex::Entry &entry)
{
    qsizetype rank = 0;
    for (const auto *list : lists)
        rank += std::lower_bound(list->begin(), list->end(), entry) - list->begin();
    return rank;
}

// Where, in each list, the merged order's entry number `rank` (from 0) starts: a binary search
// in each list for the entry with exactly `rank` entries before it, so no entry before it is
// read.
std::vector<qsizetype> splitAt(const Lists &lists, qsizetype rank)
{
    std::vector<qsizetype> split(lists.size());
    for (const auto *candidates : lists) {
        qsizetype lo = 0;
        qsizetype hi = qsizetype(candidates->size());
        while (lo < hi) {
            const qsizetype mid = lo + (hi - lo) / 2;
            const qsizetype midRank = rankOf(lists, (*candidates)[mid]);
            if (midRank < rank) {
                lo = mid + 1;
            } else if (midRank > rank) {
                hi = mid;
            } else {
                for (size_t i = 0; i < lists.size(); ++i)
                    split[i] =
                        std::lower_bound(lists[i]->begin(), lists[i]->end(), (*candidates)[mid]) -
                        lists[i]->begin();
                return split;
            }
        }
    }
    // No entry has that rank: it is past the end.
    for (size_t i = 0; i < lists.size(); ++i)
        split[i] = qsizetype(lists[i]->size());
    return split;
}

} // namespace

CardOrderIndex::Entry CardOrderIndex::entryOf(const Card &card, qsizetype slot)
{
    return {card.createdAt.toMSecsSinceEpoch(), card.id.toLongLong(), slot};
}

QString CardOrderIndex::keyOf(const Scope &scope)
{
    switch (scope.kind) {
    case Scope::Kind::All:
        return {};
    case Scope::Kind::Customer:
        return QLatin1Char('c') + scope.id;
    case Scope::Kind::Account:
        return QLatin1Char('a') + scope.id;
    }
    return {};
}

QList<QString> CardOrderIndex::keysOf(const Card &card) const
{
    return {keyOf({Scope::Kind::All, {}}), keyOf({Scope::Kind::Customer, card.customerId}),
            keyOf({Scope::Kind::Account, card.accountId})};
}

void CardOrderIndex::insert(const Card &card, qsizetype slot)
{
    const Entry entry = entryOf(card, slot);
    for (const QString &key : keysOf(card)) {
        std::vector<Entry> &list = m_buckets[key][int(card.status)];
        list.insert(std::upper_bound(list.begin(), list.end(), entry), entry);
    }
}

void CardOrderIndex::remove(const Card &card, qsizetype slot)
{
    const Entry entry = entryOf(card, slot);
    for (const QString &key : keysOf(card)) {
        const auto bucket = m_buckets.find(key);
        if (bucket == m_buckets.end())
            continue;
        std::vector<Entry> &list = (*bucket)[int(card.status)];
        const auto it = std::lower_bound(list.begin(), list.end(), entry);
        if (it != list.end() && it->slot == slot)
            list.erase(it);
    }
}

void CardOrderIndex::rebuild(const QList<Card> &cards)
{
    m_buckets.clear();
    // Cards come in runs of the same customer and account (5 000 generated ones in a row), so
    // the buckets are looked up again only when those change.
    const QString *customerId = nullptr;
    const QString *accountId = nullptr;
    std::array<Bucket *, 3> buckets{};
    for (qsizetype slot = 0; slot < cards.size(); ++slot) {
        const Card &card = cards.at(slot);
        if (!customerId || *customerId != card.customerId || *accountId != card.accountId) {
            customerId = &card.customerId;
            accountId = &card.accountId;
            // Inserting may move the other buckets: all three are looked up after it.
            const QList<QString> keys = keysOf(card);
            for (const QString &key : keys)
                m_buckets[key];
            for (int i = 0; i < 3; ++i)
                buckets[i] = &m_buckets[keys.at(i)];
        }
        const Entry entry = entryOf(card, slot);
        for (Bucket *bucket : buckets)
            (*bucket)[int(card.status)].push_back(entry);
    }
    for (Bucket &bucket : m_buckets) {
        for (std::vector<Entry> &list : bucket)
            std::sort(list.begin(), list.end());
    }
}

Lists CardOrderIndex::lists(const Scope &scope, const QList<CardStatus> &statuses) const
{
    Lists result;
    const auto bucket = m_buckets.constFind(keyOf(scope));
    if (bucket == m_buckets.constEnd())
        return result;
    for (int status = 0; status < StatusCount; ++status) {
        const std::vector<Entry> &list = (*bucket)[status];
        if (!list.empty() && (statuses.isEmpty() || statuses.contains(CardStatus(status))))
            result.push_back(&list);
    }
    return result;
}

CardOrderIndex::Window CardOrderIndex::window(const Scope &scope, const QList<CardStatus> &statuses,
                                              bool ascending, qsizetype offset,
                                              qsizetype limit) const
{
    const Lists sources = lists(scope, statuses);
    Window window;
    for (const auto *list : sources)
        window.total += qsizetype(list->size());
    if (offset >= window.total || limit <= 0)
        return window;
    // A descending page is an ascending one counted from the end, then reversed.
    const qsizetype first =
        ascending ? offset : std::max<qsizetype>(0, window.total - offset - limit);
    const qsizetype last =
        ascending ? std::min(window.total, offset + limit) : window.total - offset;
    std::vector<qsizetype> heads = splitAt(sources, first);
    window.cardSlots.reserve(last - first);
    for (qsizetype n = first; n < last; ++n) {
        int next = -1;
        for (int i = 0; i < int(sources.size()); ++i) {
            if (heads[i] < qsizetype(sources[i]->size()) &&
                (next < 0 || (*sources[i])[heads[i]] < (*sources[next])[heads[next]]))
                next = i;
        }
        window.cardSlots.append((*sources[next])[heads[next]++].slot);
    }
    if (!ascending)
        std::reverse(window.cardSlots.begin(), window.cardSlots.end());
    return window;
}

std::vector<CardOrderIndex::Entry> CardOrderIndex::entries(const Scope &scope,
                                                           const QList<CardStatus> &statuses) const
{
    std::vector<Entry> all;
    for (const auto *list : lists(scope, statuses))
        all.insert(all.end(), list->begin(), list->end());
    return all;
}

} // namespace tessera::sandbox
