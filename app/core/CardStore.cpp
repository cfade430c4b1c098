#include "CardStore.h"

#include <algorithm>
#include <QVarLengthArray>

namespace tessera {

size_t CardStore::AddressHash::operator()(const Address &address) const
{
    return qHashMulti(0, address.street, address.street2, address.city, address.state,
                      address.postalCode, address.country);
}

size_t CardStore::TagsHash::operator()(const Tags &tags) const
{
    size_t hash = 0;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        hash = qHashMulti(hash, it.key(), it.value());
    return hash;
}

bool CardStore::ExactlyEqual::operator()(const QString &a, const QString &b) const
{
    return a.isNull() == b.isNull() && a == b;
}

namespace {

// Whether `same` holds for each text of the two addresses.
template <class Same> bool eachText(const Address &a, const Address &b, const Same &same)
{
    return same(a.street, b.street) && same(a.street2, b.street2) && same(a.city, b.city) &&
           same(a.state, b.state) && same(a.postalCode, b.postalCode) && same(a.country, b.country);
}

} // namespace

bool CardStore::ExactlyEqual::operator()(const Address &a, const Address &b) const
{
    return eachText(a, b, *this);
}

bool CardStore::SameData::operator()(const Address &a, const Address &b) const
{
    return eachText(a, b, *this);
}

bool CardStore::ExactlyEqual::operator()(const Tags &a, const Tags &b) const
{
    if (a.size() != b.size())
        return false;
    for (auto x = a.cbegin(), y = b.cbegin(); x != a.cend(); ++x, ++y) {
        if (!(*this)(x.key(), y.key()) || !(*this)(x.value(), y.value()))
            return false;
    }
    return true;
}

namespace {

constexpr int DateKindBits = 3;
constexpr int OffsetMinutesBits = 12;

// `value` kept in the top 64 - `low` bits of a word, if it fits there (as a signed number).
bool fitsAbove(qint64 value, int low)
{
    const qint64 limit = qint64(1) << (63 - low);
    return value >= -limit && value < limit;
}

quint64 above(qint64 value, int low)
{
    return quint64(value) << low;
}

// The signed number in the bits of `word` from `low` up (an arithmetic shift).
qint64 from(quint64 word, int low)
{
    return qint64(word) >> low;
}

} // namespace

CardStore::Date CardStore::storeDate(const QDateTime &time)
{
    const auto packed = [](DateKind kind, quint64 value) { return Date{value | quint64(kind)}; };
    if (!time.isValid())
        return {};
    const qint64 msecs = time.toMSecsSinceEpoch();
    switch (time.timeSpec()) {
    case Qt::UTC:
    case Qt::LocalTime:
        if (fitsAbove(msecs, DateKindBits))
            return packed(time.timeSpec() == Qt::UTC ? DateKind::Utc : DateKind::LocalTime,
                          above(msecs, DateKindBits));
        break;
    case Qt::OffsetFromUTC: {
        const int offset = time.offsetFromUtc();
        const int minutes = offset / 60;
        constexpr int lowBits = DateKindBits + OffsetMinutesBits;
        if (offset % 60 == 0 && fitsAbove(minutes, 64 - OffsetMinutesBits) &&
            fitsAbove(msecs, lowBits)) {
            const quint64 minuteBits = quint64(minutes) & ((quint64(1) << OffsetMinutesBits) - 1);
            return packed(DateKind::OffsetFromUtc,
                          above(msecs, lowBits) | (minuteBits << DateKindBits));
        }
        break;
    }
    case Qt::TimeZone:
        break;
    }
    const Date other = packed(DateKind::Other, above(qint64(m_otherDates.size()), DateKindBits));
    m_otherDates.push_back(time);
    return other;
}

QDateTime CardStore::dateOf(const Date &date) const
{
    const auto kind = DateKind(date.bits & ((1u << DateKindBits) - 1));
    switch (kind) {
    case DateKind::Invalid:
        break;
    case DateKind::Utc:
        return QDateTime::fromMSecsSinceEpoch(from(date.bits, DateKindBits), Qt::UTC);
    case DateKind::OffsetFromUtc: {
        constexpr int lowBits = DateKindBits + OffsetMinutesBits;
        const int minutes = int(from(date.bits << (64 - lowBits), 64 - OffsetMinutesBits));
        return QDateTime::fromMSecsSinceEpoch(from(date.bits, lowBits), Qt::OffsetFromUTC,
                                              minutes * 60);
    }
    case DateKind::LocalTime:
        return QDateTime::fromMSecsSinceEpoch(from(date.bits, DateKindBits), Qt::LocalTime);
    case DateKind::Other:
        return m_otherDates[size_t(date.bits >> DateKindBits)];
    }
    return {};
}

CardStore::Record CardStore::makeRecord(const Card &card)
{
    Record record;
    record.last4Digits = m_text.add(card.last4Digits);
    record.createdAt = storeDate(card.createdAt);
    record.updatedAt = storeDate(card.updatedAt);
    const auto intern = [this](const QString &value, StringField field) {
        return m_strings.intern(value, m_recentStrings[field]);
    };
    record.typeName = intern(card.typeName, TypeName);
    record.statusName = intern(card.statusName, StatusName);
    record.expirationDate = intern(card.expirationDate, ExpirationDate);
    record.nextExpirationDate = intern(card.nextExpirationDate, NextExpirationDate);
    record.bin = intern(card.bin, Bin);
    record.design = intern(card.design, Design);
    record.freezeReason = intern(card.freezeReason, FreezeReason);
    record.accountId = intern(card.accountId, AccountId);
    record.accountType = intern(card.accountType, AccountType);
    record.customerId = intern(card.customerId, CustomerId);
    record.customerType = intern(card.customerType, CustomerType);
    if (card.shippingAddress)
        record.shippingAddress = m_addresses.intern(*card.shippingAddress, m_recentAddresses);
    record.tags = m_tags.intern(card.tags, m_recentTags);
    record.type = quint8(card.type);
    record.status = quint8(card.status);
    if (card.statusBeforeFreeze)
        record.statusBeforeFreeze = qint8(*card.statusBeforeFreeze);
    return record;
}

Card CardStore::at(int position) const
{
    const Record &record = m_records[size_t(position)];
    Card card;
    card.id = m_text.text(record.id);
    card.type = CardType(record.type);
    card.typeName = m_strings.at(record.typeName);
    card.status = CardStatus(record.status);
    card.statusName = m_strings.at(record.statusName);
    card.createdAt = dateOf(record.createdAt);
    card.updatedAt = dateOf(record.updatedAt);
    card.last4Digits = m_text.text(record.last4Digits);
    card.expirationDate = m_strings.at(record.expirationDate);
    card.nextExpirationDate = m_strings.at(record.nextExpirationDate);
    card.bin = m_strings.at(record.bin);
    card.design = m_strings.at(record.design);
    card.freezeReason = m_strings.at(record.freezeReason);
    if (record.statusBeforeFreeze >= 0)
        card.statusBeforeFreeze = CardStatus(record.statusBeforeFreeze);
    if (record.shippingAddress != NoAddress)
        card.shippingAddress = m_addresses.at(record.shippingAddress);
    card.tags = m_tags.at(record.tags);
    card.accountId = m_strings.at(record.accountId);
    card.accountType = m_strings.at(record.accountType);
    card.customerId = m_strings.at(record.customerId);
    card.customerType = m_strings.at(record.customerType);
    return card;
}

QString CardStore::idAt(int position) const
{
    return m_text.text(m_records[size_t(position)].id);
}

CardStatus CardStore::statusAt(int position) const
{
    return CardStatus(m_records[size_t(position)].status);
}

QString CardStore::accountIdAt(int position) const
{
    return m_strings.at(m_records[size_t(position)].accountId);
}

QStringView CardStore::last4DigitsAt(int position) const
{
    return m_text.view(m_records[size_t(position)].last4Digits);
}

const Tags &CardStore::tagsAt(int position) const
{
    return m_tags.at(m_records[size_t(position)].tags);
}

int CardStore::positionOf(QStringView id) const
{
    return find(id, hashOf(id));
}

int CardStore::find(QStringView id, quint32 hash) const
{
    if (m_slots.empty())
        return -1;
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = hash & mask; m_slots[slot].serial != EmptySerial; slot = (slot + 1) & mask) {
        if (m_slots[slot].hash != hash)
            continue;
        const int position = m_slots[slot].serial - m_firstSerial;
        if (m_text.view(m_records[size_t(position)].id) == id)
            return position;
    }
    return -1;
}

QList<int> CardStore::notHeld(const QList<Card> &cards) const
{
    QList<int> fresh;
    fresh.reserve(cards.size());
    // The ids taken from the page so far, in a table of their own (slots name a card of the
    // page): comparing each card with every one before it cost 50 comparisons a card on a page
    // of 100, a tenth of taking the card.
    size_t tableSize = 16;
    while (tableSize < size_t(cards.size()) * 2)
        tableSize *= 2;
    QVarLengthArray<Slot, 256> taken(qsizetype(tableSize), Slot{});
    const size_t mask = tableSize - 1;
    for (int i = 0; i < cards.size(); ++i) {
        const QString &id = cards.at(i).id;
        const quint32 hash = hashOf(id);
        if (find(id, hash) >= 0)
            continue;
        size_t slot = hash & mask;
        bool repeated = false;
        for (; taken[qsizetype(slot)].serial != EmptySerial && !repeated;
             slot = (slot + 1) & mask) {
            const Slot &other = taken[qsizetype(slot)];
            repeated = other.hash == hash && cards.at(other.serial).id == id;
        }
        if (repeated)
            continue;
        taken[qsizetype(slot)] = Slot{i, hash};
        fresh.append(i);
    }
    return fresh;
}

void CardStore::append(const Card &card)
{
    Q_ASSERT(!contains(card.id));
    Record record = makeRecord(card);
    record.id = m_text.add(card.id);
    m_records.push_back(record);
    index(serialAt(size() - 1), hashOf(card.id));
}

void CardStore::prepend(const Card &card)
{
    Q_ASSERT(!contains(card.id));
    Record record = makeRecord(card);
    record.id = m_text.add(card.id);
    m_records.push_front(record);
    --m_firstSerial;
    index(m_firstSerial, hashOf(card.id));
}

void CardStore::replace(int position, const Card &card)
{
    Q_ASSERT(idAt(position) == card.id);
    // The old record's texts stay in the arena: a status change here and there leaves a few
    // bytes behind, not worth compacting for.
    Record &record = m_records[size_t(position)];
    const TextArena::Ref id = record.id;
    record = makeRecord(card);
    record.id = id;
}

void CardStore::clear()
{
    *this = CardStore();
}

void CardStore::index(qint32 serial, quint32 hash)
{
    // At most three quarters full, so a search for an id that is not there stops soon.
    if (size_t(size()) * 4 > m_slots.size() * 3)
        growIndex(size_t(size()));
    put(m_slots, {serial, hash});
}

void CardStore::put(std::vector<Slot> &table, Slot entry)
{
    const size_t mask = table.size() - 1;
    size_t slot = entry.hash & mask;
    while (table[slot].serial != EmptySerial)
        slot = (slot + 1) & mask;
    table[slot] = entry;
}

void CardStore::reserve(int cards)
{
    const auto wanted = size_t(std::clamp(cards, 0, MaxReserved));
    if (wanted * 2 > m_slots.size())
        growIndex(wanted);
}

void CardStore::growIndex(size_t cards)
{
    size_t capacity = 64;
    while (cards * 2 > capacity)
        capacity *= 2;
    // The hashes are in the old slots: growing reads no card.
    std::vector<Slot> table(capacity);
    for (const Slot &entry : m_slots) {
        if (entry.serial != EmptySerial)
            put(table, entry);
    }
    m_slots = std::move(table);
}

} // namespace tessera
