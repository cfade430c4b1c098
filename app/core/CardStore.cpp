#include "CardStore.h"

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

bool CardStore::ExactlyEqual::operator()(const Address &a, const Address &b) const
{
    return (*this)(a.street, b.street) && (*this)(a.street2, b.street2) &&
           (*this)(a.city, b.city) && (*this)(a.state, b.state) &&
           (*this)(a.postalCode, b.postalCode) && (*this)(a.country, b.country);
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

CardStore::Date CardStore::storeDate(const QDateTime &time)
{
    Date date;
    if (!time.isValid())
        return date;
    switch (time.timeSpec()) {
    case Qt::UTC:
        date.kind = DateKind::Utc;
        break;
    case Qt::OffsetFromUTC:
        date.kind = DateKind::OffsetFromUtc;
        date.offsetSeconds = time.offsetFromUtc();
        break;
    case Qt::LocalTime:
        date.kind = DateKind::LocalTime;
        break;
    case Qt::TimeZone:
        date.kind = DateKind::Other;
        date.msecs = qint64(m_otherDates.size());
        m_otherDates.push_back(time);
        return date;
    }
    date.msecs = time.toMSecsSinceEpoch();
    return date;
}

QDateTime CardStore::dateOf(const Date &date) const
{
    switch (date.kind) {
    case DateKind::Invalid:
        break;
    case DateKind::Utc:
        return QDateTime::fromMSecsSinceEpoch(date.msecs, Qt::UTC);
    case DateKind::OffsetFromUtc:
        return QDateTime::fromMSecsSinceEpoch(date.msecs, Qt::OffsetFromUTC, date.offsetSeconds);
    case DateKind::LocalTime:
        return QDateTime::fromMSecsSinceEpoch(date.msecs, Qt::LocalTime);
    case DateKind::Other:
        return m_otherDates[size_t(date.msecs)];
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
        record.shippingAddress = m_addresses.intern(*card.shippingAddress);
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
    QVarLengthArray<quint32, 128> freshHashes;
    for (int i = 0; i < cards.size(); ++i) {
        const QString &id = cards.at(i).id;
        const quint32 hash = hashOf(id);
        if (find(id, hash) >= 0)
            continue;
        bool repeated = false;
        for (qsizetype taken = 0; taken < fresh.size() && !repeated; ++taken)
            repeated = freshHashes[taken] == hash && cards.at(fresh.at(taken)).id == id;
        if (repeated)
            continue;
        fresh.append(i);
        freshHashes.append(hash);
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
        growIndex();
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

void CardStore::growIndex()
{
    size_t capacity = 64;
    while (size_t(size()) * 2 > capacity)
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
