#pragma once

#include "SandboxClock.h"

#include <optional>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tessera::sandbox {

// Holds every secret the sandbox knows: the org token, pending OTP verifications and the
// customer tokens minted from them. Tokens are opaque random strings mapped to their grant;
// nothing about the grant can be read from the token itself.
//
// Unit does not publish its verification rules, so these are the sandbox's own choices
// (unit-api-notes §2.5), picked to match Twilio Verify, which Unit's OTP flow resembles:
//  * the code is always 000001 (as in Unit's sandbox) and no SMS is sent;
//  * a verification lives 10 minutes;
//  * 5 wrong codes kill it; the 6th attempt fails with TooManyAttempts even if correct;
//  * a newer verification for the same customer supersedes every older one;
//  * a verification is single-use: once it has minted a token it cannot mint another.
class TokenAuthority
{
public:
    static constexpr int VerificationLifetimeSeconds = 600;
    static constexpr int MaxWrongCodes = 5;
    static constexpr int MaxTokenLifetimeSeconds = 86400;

    // Who is calling, as resolved from the bearer token.
    struct Caller
    {
        bool isOrg = false;
        QString customerId; // empty for the org token
        QSet<QString> scopes;

        bool hasScope(const QString &scope) const { return isOrg || scopes.contains(scope); }
        // Whether the caller may see resources owned by `ownerId`.
        bool canSee(const QString &ownerId) const { return isOrg || ownerId == customerId; }
    };

    enum class VerificationResult {
        Accepted,
        UnknownToken, // never issued, or issued for another customer
        Used,
        Superseded,
        Expired,
        TooManyAttempts,
        WrongCode,
    };

    enum class JwtResult { Accepted, Malformed, WrongSubject, Expired };

    explicit TokenAuthority(const SandboxClock *clock);

    QString orgToken() const { return m_orgToken; }
    void setOrgToken(const QString &token) { m_orgToken = token; }

    QStringList twoFactorScopes() const { return m_twoFactorScopes; }
    void setTwoFactorScopes(const QStringList &scopes) { m_twoFactorScopes = scopes; }
    static QStringList defaultTwoFactorScopes();
    // Every scope name Unit documents (unit-api-notes §2.4).
    static const QStringList &knownScopes();

    // nullopt: missing, unknown or expired token (a 401).
    std::optional<Caller> authenticate(const QString &bearerToken);

    QString startVerification(const QString &customerId);
    VerificationResult redeemVerification(const QString &customerId,
                                          const QString &verificationToken, const QString &code);
    // The sandbox does not verify JWT signatures (it has no IdP keys); it only checks that the
    // token is shaped like a JWT, names the customer's jwtSubject and has not expired.
    JwtResult checkJwt(const QString &jwt, const QString &expectedSubject) const;

    QString issueCustomerToken(const QString &customerId, const QStringList &scopes,
                               int expiresInSeconds);

    // Unexpired customer-token grants for keeping a demo's sign-ins across runs. Tokens are
    // held by SHA-256 fingerprint only, in memory and in this state: never the tokens.
    QJsonArray grants() const;
    void restoreGrants(const QJsonArray &grants);

    // "v2.public." + url-safe random characters, like Unit's tokens look.
    static QString randomToken();
    // Unit's sandbox code is always 000001; tests may pick another to trace it through logs.
    QString sandboxCode() const { return m_code; }
    void setSandboxCode(const QString &code) { m_code = code; }

private:
    struct Verification
    {
        QString customerId;
        QDateTime expiresAt;
        int wrongCodes = 0;
        bool used = false;
        bool superseded = false;
    };
    struct Grant
    {
        Caller caller;
        QDateTime expiresAt;
    };

    const SandboxClock *m_clock;
    QString m_orgToken;
    QString m_code = QStringLiteral("000001");
    QStringList m_twoFactorScopes;
    QHash<QString, Verification> m_verifications;
    static QString fingerprint(const QString &token);

    QHash<QString, Grant> m_grants; // by fingerprint
};

} // namespace tessera::sandbox
