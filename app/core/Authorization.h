#pragma once

#include "Tags.h"
#include "Transaction.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tessera {

// Unit's authorization statuses (GET /authorizations filter[status]). Authorized is a pending
// card payment that holds money; Completed became a transaction; Declined never took money.
enum class AuthorizationStatus { Unknown, Authorized, Completed, Canceled, Declined };

QString authorizationStatusName(AuthorizationStatus status);
AuthorizationStatus authorizationStatusFromName(const QString &name);

// One of Unit's card authorizations (schemas/authorization/authorization.json).
struct Authorization
{
    QString id;
    QDateTime createdAt;
    qint64 amount = 0; // cents
    QString cardLast4Digits;
    Merchant merchant;
    bool recurring = false;
    AuthorizationStatus status = AuthorizationStatus::Unknown;
    QString statusName;    // as received
    QString declineReason; // Unit's reason, e.g. "InsufficientFunds", when Declined
    QString summary;
    QString paymentMethod;
    QString digitalWallet;
    QString cardNetwork;
    Tags tags;
    // Relationships
    QString accountId;
    QString customerId;
    QString cardId;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::Authorization)
