#pragma once

#include "Address.h"
#include "Tags.h"

#include <optional>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tessera {

enum class CardType {
    Unknown,
    IndividualDebitCard,
    IndividualVirtualDebitCard,
    BusinessDebitCard,
    BusinessVirtualDebitCard,
    BusinessCreditCard,
    BusinessVirtualCreditCard,
};

enum class CardStatus {
    Unknown, // also every status string Unit may add later
    Active,
    Inactive,
    Stolen,
    Lost,
    Frozen,
    ClosedByCustomer,
    SuspectedFraud,
    ActiveForOnlineUse,
};

QString cardTypeName(CardType type);
CardType cardTypeFromName(const QString &name);
QString cardStatusName(CardStatus status);
CardStatus cardStatusFromName(const QString &name);
bool isVirtualCardType(CardType type);

struct Card
{
    QString id;
    CardType type = CardType::Unknown;
    QString typeName; // as received, so an unknown type can still be shown and re-encoded
    CardStatus status = CardStatus::Unknown;
    QString statusName; // as received
    QDateTime createdAt;
    QDateTime updatedAt;
    QString last4Digits;
    QString expirationDate; // "YYYY-MM"
    QString nextExpirationDate;
    QString bin;
    QString design;
    QString freezeReason;
    // Not a Unit attribute, never encoded or decoded: the status the card had when it was
    // frozen, kept by the sandbox so that unfreezing can restore it (CardLifecycle::apply).
    std::optional<CardStatus> statusBeforeFreeze;
    std::optional<Address> shippingAddress;
    Tags tags;
    QString accountId;
    QString accountType = QStringLiteral("depositAccount");
    QString customerId;
    QString customerType = QStringLiteral("individualCustomer");

    bool isVirtual() const { return isVirtualCardType(type); }

    // Unit's card has no link to the card that replaced it (its relationships are account and
    // customer only), so Tessera records one in the old card's tags, where Unit keeps a
    // client's own data: {"replacedBy": "<new card id>"}.
    static inline const QString ReplacedByTag = QStringLiteral("replacedBy");
    // The id of the card that replaced this one; empty when none is recorded.
    QString replacedById() const;

    // How many days before it stops working a card counts as expiring soon.
    static constexpr int ExpiresSoonDays = 60;
    // The last day the card works: Unit's expirationDate "YYYY-MM" is valid through the end of
    // that month. A null date when expirationDate is not "YYYY-MM".
    QDate lastValidDay() const;
    // Past its last valid day. A card without a readable expiry never counts as expired.
    bool isExpired(QDate today) const;
    // Not expired yet, but stops working within ExpiresSoonDays days of `today`.
    bool expiresSoon(QDate today) const;
};

} // namespace tessera

// Every member (Qt's implicitly shared types, enums, std::optional of those) may be moved in
// memory as bytes: a QList<Card> that grows reallocates instead of moving card by card.
Q_DECLARE_TYPEINFO(tessera::Card, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(tessera::Card)
