#pragma once

#include "Phone.h"
#include "SignInIdentifier.h"

#include <optional>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tessera {

// What the keychain keeps for one environment and customer: the secret and what it may do.
struct StoredToken
{
    QString customerId;
    QString token;
    QStringList scopes;
    QDateTime expiresAt; // UTC
    // A business signed in as one of its authorized users: that user's phone, which every
    // later code of the session goes to as well. Empty: the customer's own phone (a business's
    // contact), which the verification request then does not name.
    Phone codeRecipient;
    // Signed in through the bank's broker: the phone number or email the customer gave, so an
    // expired sign-in is renewed with a new code alone. Empty for entries from before, and for
    // sign-ins that need no code (an identity provider's token).
    SignInIdentifier signInIdentifier;

    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return !expiresAt.isValid() || now >= expiresAt;
    }

    QByteArray toJson() const;
    // Nothing for anything that is not a complete entry, so a damaged entry reads as absent.
    static std::optional<StoredToken> fromJson(const QByteArray &json);
};

} // namespace tessera
