#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace tessera {

// The bank's OpenID Connect provider as its provisioning file names it: where customers sign
// in (the issuer; its discovery document gives the endpoints and keys), the public client the
// bank registered for Tessera (no secret: a desktop app cannot keep one), the scopes asked
// for, and the name on the sign-in button.
struct IdentityProvider
{
    QUrl issuer;
    QString clientId;
    QStringList scopes; // always holds "openid"
    QString displayName;

    // An issuer over https (http only on this computer), a client id, "openid" among the
    // scopes.
    bool isValid() const;
};

} // namespace tessera
