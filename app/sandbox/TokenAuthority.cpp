#include "TokenAuthority.h"

#include "Scopes.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace tessera::sandbox {

namespace {

const QString CardType = QStringLiteral("card");
const QString AccountType = QStringLiteral("account");

QJsonArray sortedArray(const QSet<QString> &values)
{
    QStringList list(values.begin(), values.end());
    list.sort();
    return QJsonArray::fromStringList(list);
}

} // namespace

QJsonArray TokenAuthority::Resources::toJson() const
{
    QJsonArray result;
    if (!cardIds.isEmpty())
        result.append(QJsonObject{{QStringLiteral("type"), CardType},
                                  {QStringLiteral("ids"), sortedArray(cardIds)}});
    if (!accountIds.isEmpty())
        result.append(QJsonObject{{QStringLiteral("type"), AccountType},
                                  {QStringLiteral("ids"), sortedArray(accountIds)}});
    return result;
}

std::optional<TokenAuthority::Resources> TokenAuthority::Resources::fromJson(const QJsonValue &json)
{
    static const QRegularExpression identifier(QStringLiteral("^[1-9][0-9]*$"));
    const QJsonArray items = json.toArray();
    if (!json.isArray() || items.isEmpty())
        return std::nullopt;
    Resources resources;
    for (const QJsonValue &item : items) {
        const QString type = item.toObject().value(QLatin1String("type")).toString();
        const QJsonArray ids = item.toObject().value(QLatin1String("ids")).toArray();
        if ((type != CardType && type != AccountType) || ids.isEmpty())
            return std::nullopt;
        for (const QJsonValue &id : ids) {
            if (!id.isString() || !identifier.match(id.toString()).hasMatch())
                return std::nullopt;
            (type == CardType ? resources.cardIds : resources.accountIds).insert(id.toString());
        }
    }
    return resources;
}

TokenAuthority::TokenAuthority(const SandboxClock *clock)
    : m_clock(clock)
    , m_orgToken(randomToken())
    , m_twoFactorScopes(defaultTwoFactorScopes())
{}

QStringList TokenAuthority::defaultTwoFactorScopes()
{
    // The client asks for a code for exactly these: one list serves both.
    return Scopes::twoFactorScopes();
}

const QStringList &TokenAuthority::knownScopes()
{
    static const QStringList scopes = [] {
        const char *names[] = {"applications",
                               "applications-write",
                               "customer-token",
                               "customer-token-write",
                               "customers",
                               "customers-write",
                               "customer-tags-write",
                               "accounts",
                               "accounts-write",
                               "cards",
                               "cards-write",
                               "cards-sensitive",
                               "cards-sensitive-write",
                               "transactions",
                               "transactions-write",
                               "authorizations",
                               "statements",
                               "payments",
                               "payments-write",
                               "payments-write-counterparty",
                               "payments-write-linked-account",
                               "payments-write-ach-debit",
                               "ach-payments-write",
                               "wire-payments-write",
                               "counterparties",
                               "counterparties-write",
                               "events",
                               "events-write",
                               "webhooks",
                               "webhooks-write",
                               "authorization-requests",
                               "authorization-requests-write",
                               "batch-releases",
                               "batch-releases-write",
                               "check-deposits",
                               "check-deposits-write",
                               "check-payments",
                               "check-payments-write",
                               "received-payments",
                               "received-payments-write",
                               "chargebacks",
                               "chargebacks-write",
                               "rewards",
                               "rewards-write",
                               "wire-drawdowns",
                               "wire-drawdowns-write"};
        QStringList list;
        for (const char *name : names)
            list.append(QLatin1String(name));
        return list;
    }();
    return scopes;
}

const QStringList &TokenAuthority::orgOnlyScopes()
{
    static const QStringList scopes = {QStringLiteral("applications"),
                                       QStringLiteral("applications-write"),
                                       QStringLiteral("customer-token"),
                                       QStringLiteral("webhooks"),
                                       QStringLiteral("webhooks-write"),
                                       QStringLiteral("authorization-requests"),
                                       QStringLiteral("authorization-requests-write"),
                                       QStringLiteral("batch-releases"),
                                       QStringLiteral("batch-releases-write"),
                                       QStringLiteral("received-payments"),
                                       QStringLiteral("received-payments-write"),
                                       QStringLiteral("chargebacks"),
                                       QStringLiteral("chargebacks-write"),
                                       QStringLiteral("rewards"),
                                       QStringLiteral("rewards-write")};
    return scopes;
}

std::optional<TokenAuthority::Caller> TokenAuthority::authenticate(const QString &bearerToken)
{
    if (bearerToken.isEmpty())
        return std::nullopt;
    if (!m_orgToken.isEmpty() && bearerToken == m_orgToken) {
        Caller org;
        org.isOrg = true;
        return org;
    }
    const auto it = m_grants.constFind(fingerprint(bearerToken));
    if (it == m_grants.constEnd())
        return std::nullopt;
    if (m_clock->now() >= it->expiresAt) {
        m_grants.erase(it);
        return std::nullopt;
    }
    return it->caller;
}

QString TokenAuthority::startVerification(const QString &customerId)
{
    for (Verification &older : m_verifications) {
        if (older.customerId == customerId)
            older.superseded = true;
    }
    Verification verification;
    verification.customerId = customerId;
    verification.expiresAt = m_clock->now().addSecs(VerificationLifetimeSeconds);
    const QString token = randomToken();
    m_verifications.insert(token, verification);
    return token;
}

TokenAuthority::VerificationResult
TokenAuthority::redeemVerification(const QString &customerId, const QString &verificationToken,
                                   const QString &code)
{
    const auto it = m_verifications.find(verificationToken);
    // Another customer's verification is reported exactly like an unknown one so that
    // verification tokens cannot be probed across customers.
    if (it == m_verifications.end() || it->customerId != customerId)
        return VerificationResult::UnknownToken;
    if (it->used)
        return VerificationResult::Used;
    if (it->superseded)
        return VerificationResult::Superseded;
    if (m_clock->now() >= it->expiresAt)
        return VerificationResult::Expired;
    if (it->wrongCodes >= MaxWrongCodes)
        return VerificationResult::TooManyAttempts;
    if (code != sandboxCode()) {
        ++it->wrongCodes;
        return VerificationResult::WrongCode;
    }
    it->used = true;
    return VerificationResult::Accepted;
}

void TokenAuthority::setIdentityProvider(const Jwks &keys, const QString &issuer)
{
    m_jwtKeys = keys;
    m_jwtIssuer = issuer;
}

TokenAuthority::JwtCheck TokenAuthority::checkJwt(const QString &jwt,
                                                  const QString &expectedSubject) const
{
    using Outcome = JwtCheck::Outcome;
    if (!hasIdentityProvider())
        return {Outcome::NoIdentityProvider};
    JwtExpectations expected;
    expected.issuer = m_jwtIssuer;
    expected.now = m_clock->now();
    expected.leewaySeconds = 0; // never more lenient than Unit, whose leeway is not published
    JwtClaims claims;
    const JwtVerifier::Result verification = JwtVerifier::verify(jwt, m_jwtKeys, expected, &claims);
    if (verification == JwtVerifier::Result::UnknownKey && m_unknownKey)
        m_unknownKey();
    if (verification != JwtVerifier::Result::Accepted)
        return {Outcome::NotVerified, verification};
    if (expectedSubject.isEmpty())
        return {Outcome::CustomerHasNoSubject};
    if (claims.subject != expectedSubject)
        return {Outcome::WrongSubject};
    return {Outcome::Accepted};
}

QString TokenAuthority::issueCustomerToken(const QString &customerId, const QStringList &scopes,
                                           int expiresInSeconds,
                                           const QStringList &upgradableScopes,
                                           const Resources &resources)
{
    Grant grant;
    grant.caller.customerId = customerId;
    grant.caller.scopes = QSet<QString>(scopes.begin(), scopes.end());
    grant.caller.upgradableScopes = QSet<QString>(upgradableScopes.begin(), upgradableScopes.end());
    grant.caller.resources = resources;
    grant.expiresAt = m_clock->now().addSecs(expiresInSeconds);
    const QString token = randomToken();
    m_grants.insert(fingerprint(token), grant);
    return token;
}

int TokenAuthority::forgetCustomer(const QString &customerId)
{
    const qsizetype removed = m_grants.removeIf([&customerId](decltype(m_grants)::iterator it) {
        return it->caller.customerId == customerId;
    });
    m_verifications.removeIf([&customerId](decltype(m_verifications)::iterator it) {
        return it->customerId == customerId;
    });
    return int(removed);
}

QString TokenAuthority::fingerprint(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonArray TokenAuthority::grants() const
{
    QJsonArray result;
    const QDateTime now = m_clock->now();
    for (auto it = m_grants.begin(); it != m_grants.end(); ++it) {
        if (it->expiresAt <= now)
            continue;
        QJsonObject grant{
            {QStringLiteral("fingerprint"), it.key()},
            {QStringLiteral("customerId"), it->caller.customerId},
            {QStringLiteral("scopes"), sortedArray(it->caller.scopes)},
            {QStringLiteral("expiresAt"), it->expiresAt.toUTC().toString(Qt::ISODate)}};
        if (!it->caller.upgradableScopes.isEmpty())
            grant.insert(QStringLiteral("upgradableScopes"),
                         sortedArray(it->caller.upgradableScopes));
        if (it->caller.resources.isRestricted())
            grant.insert(QStringLiteral("resources"), it->caller.resources.toJson());
        result.append(grant);
    }
    return result;
}

void TokenAuthority::restoreGrants(const QJsonArray &grants)
{
    const QDateTime now = m_clock->now();
    for (const QJsonValue &value : grants) {
        const QJsonObject o = value.toObject();
        Grant grant;
        grant.caller.customerId = o.value(QLatin1String("customerId")).toString();
        for (const QJsonValue &scope : o.value(QLatin1String("scopes")).toArray())
            grant.caller.scopes.insert(scope.toString());
        for (const QJsonValue &scope : o.value(QLatin1String("upgradableScopes")).toArray())
            grant.caller.upgradableScopes.insert(scope.toString());
        // A narrowed token whose narrowing cannot be read must not come back unrestricted.
        if (o.contains(QLatin1String("resources"))) {
            const std::optional<Resources> resources =
                Resources::fromJson(o.value(QLatin1String("resources")));
            if (!resources)
                continue;
            grant.caller.resources = *resources;
        }
        grant.expiresAt =
            QDateTime::fromString(o.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
        const QString key = o.value(QLatin1String("fingerprint")).toString();
        if (key.size() == 64 && !grant.caller.customerId.isEmpty() && grant.expiresAt > now)
            m_grants.insert(key, grant);
    }
}

QString TokenAuthority::randomToken()
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    constexpr int Length = 48;
    QString token = QStringLiteral("v2.public.");
    token.reserve(token.size() + Length);
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < Length; ++i)
        token.append(QLatin1Char(alphabet[random->bounded(64)]));
    return token;
}

} // namespace tessera::sandbox
