#pragma once

#include "ApiError.h"

#include <QCoreApplication>
#include <QString>

namespace tessera {

// What a person reads when a request failed: one plain sentence chosen from the error's kind,
// HTTP status and Unit's error code — never Unit's own title or detail, which name statuses,
// attributes and offsets ("ClosedByCustomer", "jwtSubject", "at offset 12") — plus Unit's
// supportId, which a support person can look up. The technical detail goes to the log.
class UserFacingError
{
    Q_DECLARE_TR_FUNCTIONS(UserFacingError)

public:
    explicit UserFacingError(const ApiError &error);

    QString message() const { return m_message; }
    // Unit's supportId of the first entry that has one; empty when Unit sent none.
    QString supportId() const { return m_supportId; }

    // Plain words for a refused one-time code or bank sign-in (JWT), told apart by the
    // attribute Unit points at: a wrong code, a code that can no longer be used, a JWT that was
    // not accepted. Tessera's own checks (Kind::Invalid) keep their words; anything else is
    // message().
    static QString forVerification(const ApiError &error);

    // Plain words for the bank's broker refusing a sign-in (BrokerSignIn): a wrong code and how
    // many tries are left, a sign-in that ended, a limit and how long to wait, a refused
    // identity token, or the broker being out of reach. Never whether an account exists.
    static QString forBrokerSignIn(const ApiError &error);

    // Logs title, code, detail and source pointer of every entry (qCInfo, category lcApi).
    static void log(const ApiError &error, const char *context);

private:
    static QString plainMessage(const ApiError &error);

    QString m_message;
    QString m_supportId;
};

} // namespace tessera
