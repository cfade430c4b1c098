#pragma once

#include "Card.h"
#include "TextArena.h"
#include "ValuePool.h"

#include <array>
#include <deque>
#include <limits>
#include <QList>
#include <vector>

namespace tessera {

// The cards a list holds, compactly: about a tenth of the memory of a QList<Card> at 100 000
// cards. A card is kept as one fixed-size record: the values repeated from card to card
// (type and status names, account and customer, bin, design, expiry, freeze reason, shipping
// address, tags) as indexes into pools, the ones that differ (id, last four digits) as text in
// an arena, instants as 8 bytes of milliseconds and offset. at() makes the Card again, equal field
// by field to the one that went in. Records sit in a std::deque, whose blocks never move: growing
// at either end copies no card. Ids are found through an open-addressing table of 8-byte slots.
class CardStore
{
public:
    int size() const { return int(m_records.size()); }
    bool isEmpty() const { return m_records.empty(); }
    Card at(int position) const;
    // Single fields, for what needs no whole Card (a role of the model, a search).
    QString idAt(int position) const;
    CardStatus statusAt(int position) const;
    QString accountIdAt(int position) const;
    QStringView last4DigitsAt(int position) const;
    // Valid until the store next changes.
    const Tags &tagsAt(int position) const;
    // -1 when no card has that id.
    int positionOf(QStringView id) const;
    bool contains(QStringView id) const { return positionOf(id) >= 0; }
    // The indexes into `cards` of those whose id the store does not hold yet, the first of
    // each id only: the cards of a page that append() may take.
    QList<int> notHeld(const QList<Card> &cards) const;

    // A card whose id the store does not hold yet, at the end or at the front.
    void append(const Card &card);
    void prepend(const Card &card);
    // The card at `position` takes every field of `card` but its id, which stays (the lookup
    // by id depends on it; callers replace a card by one with the same id).
    void replace(int position, const Card &card);
    void clear();
    // Room in the id table for `cards` cards, up to MaxReserved, so that filling a list whose
    // size the server told makes the table once instead of doubling it page after page (each
    // doubling is new memory to touch and every id to place again).
    void reserve(int cards);
    // 2 MiB of table: more is made as cards come, however many a server says there are.
    static constexpr int MaxReserved = 1 << 17;

private:
    enum class DateKind : quint8 { Invalid, Utc, OffsetFromUtc, LocalTime, Other };
    // An instant in 8 bytes, the kind in the low 3 bits. Utc and LocalTime: the milliseconds
    // since the epoch above them. OffsetFromUtc: the offset in whole minutes in the next 12
    // bits (up to 34 hours either way), the milliseconds in the top 49 (8 900 years either way
    // of 1970). Other: the index into m_otherDates above the kind; an instant that does not
    // fit is kept there too. Half the 16 bytes of milliseconds, offset and kind side by side:
    // each card held is memory the list touches for the first time.
    struct Date
    {
        quint64 bits = 0; // DateKind::Invalid
    };
    struct Record
    {
        TextArena::Ref id;
        TextArena::Ref last4Digits;
        Date createdAt;
        Date updatedAt;
        // Indexes into m_strings.
        quint32 typeName = 0;
        quint32 statusName = 0;
        quint32 expirationDate = 0;
        quint32 nextExpirationDate = 0;
        quint32 bin = 0;
        quint32 design = 0;
        quint32 freezeReason = 0;
        quint32 accountId = 0;
        quint32 accountType = 0;
        quint32 customerId = 0;
        quint32 customerType = 0;
        quint32 shippingAddress = NoAddress; // index into m_addresses
        quint32 tags = 0;                    // index into m_tags
        quint8 type = 0;                     // a CardType
        quint8 status = 0;                   // a CardStatus
        qint8 statusBeforeFreeze = -1;       // a CardStatus, -1 for none
    };
    // Each card held is new memory the list touches (a page fault per 4 KiB on Linux).
    static_assert(sizeof(Record) <= 88);
    static constexpr quint32 NoAddress = 0xffffffffu;
    static constexpr qint32 EmptySerial = std::numeric_limits<qint32>::min();
    // An entry of the id table: the card's serial and its id's hash, so a lookup compares
    // ids only where the hashes match, and growing the table reads no card.
    struct Slot
    {
        qint32 serial = EmptySerial;
        quint32 hash = 0;
    };

    struct StringHash
    {
        size_t operator()(const QString &text) const { return qHash(text); }
    };
    // Equal and alike in every text's nullness too (QString() == QString(u"") is true): a
    // card comes out of the store exactly as it went in.
    struct ExactlyEqual
    {
        bool operator()(const QString &a, const QString &b) const;
        bool operator()(const Address &a, const Address &b) const;
        bool operator()(const Tags &a, const Tags &b) const;
    };
    // One and the same data, or both null (QString::isSharedWith() is false for null and
    // literal texts; literals are then compared as text).
    struct SameData
    {
        bool operator()(const QString &a, const QString &b) const
        {
            if (a.isNull() || b.isNull())
                return a.isNull() && b.isNull();
            return a.isSharedWith(b) && a.constData() == b.constData() && a.size() == b.size();
        }
        bool operator()(const Tags &a, const Tags &b) const { return a.isSharedWith(b); }
        bool operator()(const Address &a, const Address &b) const;
    };
    struct AddressHash
    {
        size_t operator()(const Address &address) const;
    };
    struct TagsHash
    {
        size_t operator()(const Tags &tags) const;
    };

    Record makeRecord(const Card &card);
    Date storeDate(const QDateTime &time);
    QDateTime dateOf(const Date &date) const;
    static quint32 hashOf(QStringView id) { return quint32(qHash(id)); }
    // The position of the card with `id`, whose hash is `hash`; -1 when none.
    int find(QStringView id, quint32 hash) const;
    void index(qint32 serial, quint32 hash);
    static void put(std::vector<Slot> &table, Slot entry);
    // A table where `cards` cards take at most half the slots.
    void growIndex(size_t cards);
    qint32 serialAt(int position) const { return m_firstSerial + position; }

    std::deque<Record> m_records;
    // A card's serial is its position plus m_firstSerial; the id table holds serials, so a
    // card put at the front (m_firstSerial - 1) moves no other card's entry.
    qint32 m_firstSerial = 0;
    std::vector<Slot> m_slots; // a power of two in size, at most three quarters used
    TextArena m_text;
    using StringPool = ValuePool<QString, StringHash, ExactlyEqual, SameData>;
    using TagsPool = ValuePool<Tags, TagsHash, ExactlyEqual, SameData>;
    // The fields whose values go into m_strings, each with the values it interned last.
    enum StringField {
        TypeName,
        StatusName,
        ExpirationDate,
        NextExpirationDate,
        Bin,
        Design,
        FreezeReason,
        AccountId,
        AccountType,
        CustomerId,
        CustomerType,
        StringFieldCount
    };
    StringPool m_strings;
    std::array<StringPool::Recent, StringFieldCount> m_recentStrings;
    using AddressPool = ValuePool<Address, AddressHash, ExactlyEqual, SameData>;
    AddressPool m_addresses;
    AddressPool::Recent m_recentAddresses;
    TagsPool m_tags;
    TagsPool::Recent m_recentTags;
    std::vector<QDateTime> m_otherDates; // instants in a time zone (the API never sends one)
};

} // namespace tessera
