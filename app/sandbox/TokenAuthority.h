#pragma once

#include "Account.h"
#include "Card.h"
#include "Jwks.h"
#include "JwtVerifier.h"
#include "SandboxClock.h"

#include <functional>
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
// Customer-token rules (unit-api-notes §2.2, §2.4), enforced by TokenEndpoints and the
// endpoints through Caller:
//  * The token endpoints take the org token, or a customer token with scope
//    customer-token-write for its own customer; another customer answers exactly like an
//    unknown one (404).
//  * A customer token mints only scopes of its own scope or upgradableScope; 2FA scopes
//    (twoFactorScopes()) still need a code or JWT, whoever mints ("upgradable" is not "free").
//  * upgradableScope needs customer-token-write in scope; each entry is a known Unit scope, and
//    for a customer-minted token within the minting token's scope and upgradableScope.
//  * Org-only scopes (orgOnlyScopes()) are never granted to a customer token, in scope or
//    upgradableScope, whoever mints (400 InvalidScope); customer-token-write is allowed.
//  * resources narrows a token to cards and accounts on every endpoint (see Resources). A
//    token minted by a narrowed token must be narrowed to what its minter sees.
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

    // What a token's `resources` narrows it to. Unit documents the attribute but not how a
    // narrowed token behaves, so these are the sandbox's (deliberately strict) choices:
    //  * a card is seen when it is listed, or when the account it is on is listed;
    //  * an account is seen only when it is listed (a token narrowed to cards sees no account,
    //    so it cannot create cards either);
    //  * the customer itself stays visible (it is neither a card nor an account).
    // Empty: the token is not narrowed.
    struct Resources
    {
        QSet<QString> cardIds;
        QSet<QString> accountIds;

        bool isRestricted() const { return !cardIds.isEmpty() || !accountIds.isEmpty(); }
        // [{"type":"card","ids":[...]},{"type":"account","ids":[...]}], ids sorted.
        QJsonArray toJson() const;
        // nullopt unless `json` is such a non-empty array.
        static std::optional<Resources> fromJson(const QJsonValue &json);
    };

    // Who is calling, as resolved from the bearer token. Every "may this caller see it"
    // decision goes through canSeeCustomer/canSeeAccount/canSeeCard.
    struct Caller
    {
        bool isOrg = false;
        QString customerId; // empty for the org token
        QSet<QString> scopes;
        QSet<QString> upgradableScopes;
        Resources resources; // never restricted for the org token

        bool hasScope(const QString &scope) const { return isOrg || scopes.contains(scope); }
        // Whether a token this caller mints may hold `scope` (in scope or upgradableScope).
        bool mayGrant(const QString &scope) const
        {
            return isOrg || scopes.contains(scope) || upgradableScopes.contains(scope);
        }
        // The customer itself: resources do not narrow this.
        bool canSeeCustomer(const QString &id) const { return isOrg || id == customerId; }
        bool canSeeAccount(const Account &account) const
        {
            return canSeeCustomer(account.customerId) &&
                   (!resources.isRestricted() || resources.accountIds.contains(account.id));
        }
        bool canSeeCard(const Card &card) const
        {
            return canSeeCustomer(card.customerId) &&
                   (!resources.isRestricted() || resources.cardIds.contains(card.id) ||
                    resources.accountIds.contains(card.accountId));
        }
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

    // How a jwtToken fared. Unit verifies a JWT against the identity provider set up for the org
    // (unit-api-notes §2.3): RS256 with one of its keys, its issuer, an expiry in the future
    // (exp is required; no leeway), and `sub` equal to the customer's jwtSubject.
    struct JwtCheck
    {
        enum class Outcome {
            Accepted,
            NoIdentityProvider, // the org has none: Unit takes no JWT at all then
            NotVerified,        // see `verification`
            CustomerHasNoSubject,
            WrongSubject,
        };
        Outcome outcome = Outcome::NoIdentityProvider;
        JwtVerifier::Result verification = JwtVerifier::Result::Accepted; // when NotVerified
    };

    explicit TokenAuthority(const SandboxClock *clock);

    QString orgToken() const { return m_orgToken; }
    void setOrgToken(const QString &token) { m_orgToken = token; }

    QStringList twoFactorScopes() const { return m_twoFactorScopes; }
    void setTwoFactorScopes(const QStringList &scopes) { m_twoFactorScopes = scopes; }
    static QStringList defaultTwoFactorScopes();
    // Every scope name Unit documents (unit-api-notes §2.4).
    static const QStringList &knownScopes();
    // Scopes only an org token holds (unit-api-notes §2.4): applications*, customer-token
    // (read), webhooks*, authorization-requests*, batch-releases*, received-payments*,
    // chargebacks*, rewards*. Not customer-token-write: Unit's docs give it to customer tokens.
    static const QStringList &orgOnlyScopes();

    // nullopt: missing, unknown or expired token (a 401).
    std::optional<Caller> authenticate(const QString &bearerToken);

    QString startVerification(const QString &customerId);
    VerificationResult redeemVerification(const QString &customerId,
                                          const QString &verificationToken, const QString &code);
    // The org's identity provider, as set up in Unit's dashboard: the keys of its JWK Set and its
    // issuer. Without one every jwtToken is refused.
    void setIdentityProvider(const Jwks &keys, const QString &issuer);
    bool hasIdentityProvider() const { return !m_jwtKeys.isEmpty() && !m_jwtIssuer.isEmpty(); }
    // Called when a JWT names a key the set does not have (the provider may have rotated its
    // keys): tessera-sandbox fetches its JWK Set again then.
    void setUnknownKeyHandler(std::function<void()> handler) { m_unknownKey = std::move(handler); }
    JwtCheck checkJwt(const QString &jwt, const QString &expectedSubject) const;

    // Records the grant as given: the rules above are checked by TokenEndpoints.
    QString issueCustomerToken(const QString &customerId, const QStringList &scopes,
                               int expiresInSeconds, const QStringList &upgradableScopes = {},
                               const Resources &resources = {});
    // Signs the customer out of the sandbox: drops every token and pending verification of
    // theirs. Returns how many tokens were dropped.
    int forgetCustomer(const QString &customerId);

    // Unexpired customer-token grants (scopes, upgradable scopes, resources) for keeping a
    // demo's sign-ins across runs. Tokens are held by SHA-256 fingerprint only, in memory and in
    // this state: never the tokens. A grant whose resources cannot be read is not restored.
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
    Jwks m_jwtKeys;
    QString m_jwtIssuer;
    std::function<void()> m_unknownKey;
    QHash<QString, Verification> m_verifications;
    static QString fingerprint(const QString &token);

    QHash<QString, Grant> m_grants; // by fingerprint
};

} // namespace tessera::sandbox
