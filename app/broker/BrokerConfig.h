#pragma once

#include "Scopes.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tessera::broker {

// What a bank configures for its broker, read from an INI file (/etc/tessera-broker/broker.conf
// in the package; see packaging/broker/broker.conf for every key and its default):
//
//   [unit]    apiUrl, orgTokenFile
//   [listen]  address, port, behindProxy, tlsCertificate, tlsKey
//   [tokens]  signInScopes, upgradableScopes, maxExpiresIn
//   [signIn]  codeLifetime
//   [store]   redis (empty: in memory, one machine), redisPasswordFile, redisKeyPrefix
//   [limits]  startsPerAddress, startsPerIdentifier, startWindow, wrongCodesPerAddress,
//             wrongCodesPerIdentifier, wrongCodeWindow, wrongCodesPerSignIn
//   [identityProvider]  jwks, issuer, audience (all three, or none: no JWT sign-in)
//
// The org token itself is never in the file: `orgTokenFile` names the file that holds it,
// by default the systemd credential $CREDENTIALS_DIRECTORY/unit-org-token.
// How often one client address, one phone number or email (its identifier), and one sign-in
// may try: starts (each sends a code) and codes, counted in fixed windows. The "wrongCodes"
// limits count every code attempt before it is tried, a right code too (at most one per
// sign-in: it ends the sign-in), so attempts sent at once cannot slip past them.
struct BrokerLimits
{
    int startsPerAddress = 10;
    int startsPerIdentifier = 5;
    int startWindow = 600; // seconds
    int wrongCodesPerAddress = 20;
    int wrongCodesPerIdentifier = 10;
    int wrongCodeWindow = 3600;  // seconds
    int wrongCodesPerSignIn = 5; // its window: the sign-in's codeLifetime
};

// The bank's OpenID Connect provider, whose ID tokens POST /v1/jwt-sign-ins takes: the broker
// checks each one (signature, issuer, audience, expiry) before it looks anyone up.
struct IdentityProviderConfig
{
    QString jwks;     // its JWK Set: a file, or an https address (http only on loopback)
    QString issuer;   // an ID token's "iss", exactly
    QString audience; // the client id the bank registered for Tessera, in the token's "aud"

    bool isSet() const { return !jwks.isEmpty() || !issuer.isEmpty() || !audience.isEmpty(); }
};

struct BrokerConfig
{
    QUrl unitApiUrl = QUrl(QStringLiteral("https://api.unit.co"));
    QString orgTokenFile;

    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8090;
    bool behindProxy = false; // TLS ends at a reverse proxy in front of the broker
    QString tlsCertificateFile;
    QString tlsKeyFile;

    QStringList signInScopes = Scopes::signIn(); // what every sign-in token carries
    QStringList upgradableScopes =
        Scopes::upgradable(); // 2FA scopes the customer may later mint with a code
    int maxExpiresIn = 86400; // seconds, at most Unit's 24 h
    int codeLifetime = 600;   // seconds a started sign-in waits for its code

    QString redisAddress;      // host:port or a unix socket path; empty: in memory
    QString redisPasswordFile; // Redis's requirepass, read from this file; empty: no AUTH
    QString redisKeyPrefix = QStringLiteral("tessera-broker:"); // brokers sharing one Redis

    BrokerLimits limits;
    IdentityProviderConfig identityProvider; // not set: no sign-in with an ID token

    // Reads `path` over the defaults. False with a reason on an unreadable file or a value that
    // is not one (the broker then refuses to start).
    static bool load(const QString &path, BrokerConfig *config, QString *error);

    // Why this configuration must not run, or empty: an org-only or 2FA scope at sign-in, a
    // lifetime beyond Unit's 24 h, a non-loopback address without TLS unless behind a proxy...
    QString problem() const;

    bool usesTls() const { return !tlsCertificateFile.isEmpty(); }
};

} // namespace tessera::broker
