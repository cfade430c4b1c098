#pragma once

#include "Tags.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tessera {

enum class AccountStatus { Unknown, Open, Frozen, Closed };

QString accountStatusName(AccountStatus status);
AccountStatus accountStatusFromName(const QString &name);

struct Account
{
    QString id;
    QString type = QStringLiteral("depositAccount"); // depositAccount | creditAccount | ...
    QString name;
    QString depositProduct;
    QString routingNumber;
    QString accountNumber;
    // Unit's own "maskedAccountNumber" ("******1234"), sent when the full number is not.
    QString serverMaskedAccountNumber;
    QString currency = QStringLiteral("USD");
    qint64 balance = 0; // cents
    qint64 hold = 0;    // cents
    qint64 available = 0;
    AccountStatus status = AccountStatus::Unknown;
    QString statusName;
    QString closeReason;
    QString freezeReason;
    QDateTime createdAt;
    QDateTime updatedAt;
    Tags tags;
    QString customerId;

    bool isDeposit() const { return type == QLatin1String("depositAccount"); }
    // "******1234": what a UI may show instead of the full number; Unit's masked number when
    // the full one was not sent.
    QString maskedAccountNumber() const;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::Account)
