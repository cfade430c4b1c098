#pragma once

#include "Card.h"
#include "SeedIds.h"

#include <QList>

namespace tessera::test {

inline Address addressIn(const QString &country, const QString &state)
{
    Address address;
    address.street = QStringLiteral("1 Main St");
    address.city = QStringLiteral("Springfield");
    address.postalCode = QStringLiteral("12345");
    address.country = country;
    address.state = state;
    return address;
}

// Cards the seed does not have: every optional field, unknown type and status, odd strings
// (quotes, control characters, emoji, a lone surrogate), offsets and far dates, an address
// abroad, no relationships.
inline QList<Card> unusualCards()
{
    QList<Card> cards;
    Card base;
    base.id = QStringLiteral("900001");
    base.type = CardType::IndividualDebitCard;
    base.status = CardStatus::Active;
    base.createdAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
    base.last4Digits = QStringLiteral("0042");
    base.expirationDate = QStringLiteral("2028-02");
    base.accountId = seed::bulkChecking;
    base.customerId = seed::bulkCustomer;
    cards << base;

    Card unknown = base;
    unknown.type = CardType::Unknown;
    unknown.typeName = QStringLiteral("businessPrepaidCard");
    unknown.status = CardStatus::Unknown;
    unknown.statusName = QStringLiteral("Hibernating");
    unknown.accountType = QStringLiteral("creditAccount");
    unknown.customerType = QStringLiteral("businessCustomer");
    cards << unknown;

    Card full = base;
    full.createdAt = QDateTime(QDate(1999, 12, 31), QTime(22, 0), Qt::OffsetFromUTC, -5 * 3600);
    full.updatedAt = QDateTime(QDate(2030, 1, 1), QTime(0, 0, 0, 7), Qt::OffsetFromUTC, 3600);
    full.nextExpirationDate = QStringLiteral("2032-02");
    full.bin = QStringLiteral("423456789");
    full.design = QStringLiteral("midnight \"blue\"\\");
    full.status = CardStatus::Frozen;
    full.freezeReason = QStringLiteral("tab\there, newline\nthere, bell\a, del\x7f, \x01\x1f");
    full.shippingAddress = addressIn(QStringLiteral("US"), QString());
    full.shippingAddress->street2 = QStringLiteral("Apt 2 · Étage 3 · 東京 · 😀");
    full.tags.insert(QStringLiteral("purpose"), QStringLiteral("travel ✈"));
    full.tags.insert(QStringLiteral("Zebra"), QStringLiteral("first, uppercase"));
    full.tags.insert(QStringLiteral("émoji😀"), QString(QChar(0xd800)) + QStringLiteral("lone"));
    full.tags.insert(QStringLiteral("empty"), QString());
    cards << full;

    Card abroad = base;
    abroad.shippingAddress = addressIn(QStringLiteral("DE"), QString());
    abroad.updatedAt = QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    cards << abroad;

    Card virtualWithAddress = base; // a virtual card's address is never written
    virtualWithAddress.type = CardType::IndividualVirtualDebitCard;
    virtualWithAddress.shippingAddress = addressIn(QStringLiteral("US"), QStringLiteral("CA"));
    cards << virtualWithAddress;

    Card bare = base; // no relationships, an ancient and a far date
    bare.accountId.clear();
    bare.customerId.clear();
    bare.createdAt = QDateTime(QDate(999, 5, 6), QTime(1, 2, 3), Qt::UTC);
    bare.updatedAt = QDateTime(QDate(12000, 1, 1), QTime(0, 0), Qt::UTC);
    bare.expirationDate.clear();
    bare.last4Digits.clear();
    cards << bare;
    return cards;
}

} // namespace tessera::test
