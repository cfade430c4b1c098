#pragma once

#include "Authorization.h"
#include "Transaction.h"

#include <optional>
#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <variant>

namespace tessera {

// One row of a card's or an account's activity: a settled transaction, or a card
// authorization still pending or declined, with the words a list shows for it.
struct ActivityEntry
{
    Q_DECLARE_TR_FUNCTIONS(ActivityEntry)

public:
    enum class Status { Settled, Pending, Declined };

    std::variant<Transaction, Authorization> record;

    const Transaction *transaction() const { return std::get_if<Transaction>(&record); }
    const Authorization *authorization() const { return std::get_if<Authorization>(&record); }

    QString id() const;
    QDateTime createdAt() const;
    // Negative when money left (or, pending or declined, would leave) the account.
    qint64 signedAmount() const;
    Status status() const;
    // Who was paid or paid: the merchant, the ATM, the ACH company or counterparty; else
    // Unit's summary of the transaction.
    QString counterparty() const;
    // What kind of money movement it was, in plain words ("Card purchase", "Fee").
    QString kindText() const;
    // Empty when settled; "Pending"; why it was declined ("Declined: not enough money").
    QString statusText() const;
    // The card's last four digits, empty when no card was used.
    QString cardLast4Digits() const;
    // The account's balance after it, when Unit gives one (transactions only).
    std::optional<qint64> balanceAfter() const;

    // Plain words for one of Unit's decline reasons ("InsufficientFunds"); "Declined" for a
    // reason Tessera does not know.
    static QString declineReasonText(const QString &unitReason);
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::ActivityEntry)
