// TokenAuthority without HTTP: the verification and token bookkeeping on their own.

#include "SandboxClock.h"
#include "TestSigningKey.h"
#include "TokenAuthority.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using tessera::Account;
using tessera::Card;
using tessera::sandbox::SandboxClock;
using tessera::sandbox::TokenAuthority;
using Result = TokenAuthority::VerificationResult;
using Resources = TokenAuthority::Resources;
using tessera::test::TestSigningKey;

namespace {

const QString JwtIssuer = QStringLiteral("https://id.bank.example/");

tessera::Jwks jwksOf(const TestSigningKey &key)
{
    return *tessera::Jwks::fromJson(key.jwksJson(), nullptr);
}

Card card(const char *id, const char *accountId, const char *customerId)
{
    Card c;
    c.id = QLatin1String(id);
    c.accountId = QLatin1String(accountId);
    c.customerId = QLatin1String(customerId);
    return c;
}

Account account(const char *id, const char *customerId)
{
    Account a;
    a.id = QLatin1String(id);
    a.customerId = QLatin1String(customerId);
    return a;
}

} // namespace

class TestTokenAuthority : public QObject
{
    Q_OBJECT

    TestSigningKey m_key;
    TestSigningKey m_otherKey;
    tessera::Jwks m_keys = jwksOf(m_key);

private slots:
    void tokensAreRandomAndOpaque()
    {
        const QString a = TokenAuthority::randomToken();
        const QString b = TokenAuthority::randomToken();
        QVERIFY(a != b);
        QVERIFY(a.startsWith(QLatin1String("v2.public.")));
        QCOMPARE(a.size(), 10 + 48);
        SandboxClock clock;
        TokenAuthority first(&clock);
        TokenAuthority second(&clock);
        QVERIFY(first.orgToken() != second.orgToken());
        const QString token =
            first.issueCustomerToken(QStringLiteral("1"), {QStringLiteral("cards")}, 60);
        QVERIFY(!token.contains(QLatin1String("cards")));
        QVERIFY(!second.authenticate(token)); // tokens are per instance
    }

    void authenticateResolvesGrants()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        QVERIFY(!tokens.authenticate({}));
        QVERIFY(!tokens.authenticate(QStringLiteral("nope")));
        const auto org = tokens.authenticate(tokens.orgToken());
        QVERIFY(org && org->isOrg && org->hasScope(QStringLiteral("anything")));
        const QString token = tokens.issueCustomerToken(
            QStringLiteral("42"), {QStringLiteral("cards"), QStringLiteral("accounts")}, 100);
        const auto caller = tokens.authenticate(token);
        QVERIFY(caller);
        QVERIFY(!caller->isOrg);
        QCOMPARE(caller->customerId, QStringLiteral("42"));
        QVERIFY(caller->hasScope(QStringLiteral("cards")));
        QVERIFY(!caller->hasScope(QStringLiteral("cards-write")));
        QVERIFY(caller->canSeeCustomer(QStringLiteral("42")));
        QVERIFY(!caller->canSeeCustomer(QStringLiteral("43")));
        clock.setOffset(99);
        QVERIFY(tokens.authenticate(token));
        clock.setOffset(100);
        QVERIFY(!tokens.authenticate(token));
        clock.setOffset(0);
        QVERIFY(!tokens.authenticate(token)); // an expired grant is gone for good
    }

    void resourcesNarrowWhatACallerSees()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        const Card own = card("1", "10", "42");
        const Card sibling = card("2", "10", "42");
        const Card onOtherAccount = card("3", "11", "42");
        const Card foreign = card("4", "12", "43");
        const Account checking = account("10", "42");
        const Account savings = account("11", "42");

        const auto whole = tokens.authenticate(
            tokens.issueCustomerToken(QStringLiteral("42"), {QStringLiteral("cards")}, 60));
        QVERIFY(whole && !whole->resources.isRestricted());
        QVERIFY(whole->canSeeCard(own) && whole->canSeeCard(onOtherAccount));
        QVERIFY(!whole->canSeeCard(foreign));
        QVERIFY(whole->canSeeAccount(checking) && !whole->canSeeAccount(account("12", "43")));

        Resources cards;
        cards.cardIds = {QStringLiteral("1")};
        const auto cardToken = tokens.authenticate(tokens.issueCustomerToken(
            QStringLiteral("42"), {QStringLiteral("cards")}, 60, {}, cards));
        QVERIFY(cardToken);
        QVERIFY(cardToken->canSeeCard(own));
        QVERIFY(!cardToken->canSeeCard(sibling));
        QVERIFY(!cardToken->canSeeAccount(checking)); // a card's account is not listed
        QVERIFY(cardToken->canSeeCustomer(QStringLiteral("42")));

        Resources accounts;
        accounts.accountIds = {QStringLiteral("10")};
        const auto accountToken = tokens.authenticate(tokens.issueCustomerToken(
            QStringLiteral("42"), {QStringLiteral("cards")}, 60, {}, accounts));
        QVERIFY(accountToken);
        QVERIFY(accountToken->canSeeCard(own) && accountToken->canSeeCard(sibling));
        QVERIFY(!accountToken->canSeeCard(onOtherAccount));
        QVERIFY(accountToken->canSeeAccount(checking) && !accountToken->canSeeAccount(savings));
        // Another customer's ids in the resources still show nothing of theirs.
        Resources foreignIds;
        foreignIds.cardIds = {QStringLiteral("4")};
        foreignIds.accountIds = {QStringLiteral("12")};
        const auto confused = tokens.authenticate(tokens.issueCustomerToken(
            QStringLiteral("42"), {QStringLiteral("cards")}, 60, {}, foreignIds));
        QVERIFY(!confused->canSeeCard(foreign) && !confused->canSeeAccount(account("12", "43")));

        const auto org = tokens.authenticate(tokens.orgToken());
        QVERIFY(org->canSeeCard(foreign) && org->canSeeAccount(savings));
    }

    void grantsRoundTripWithUpgradableScopesAndResources()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        Resources resources;
        resources.cardIds = {QStringLiteral("300001"), QStringLiteral("300002")};
        resources.accountIds = {QStringLiteral("200002")};
        const QString narrowed = tokens.issueCustomerToken(
            QStringLiteral("100001"),
            {QStringLiteral("cards"), QStringLiteral("customer-token-write")}, 600,
            {QStringLiteral("cards-write")}, resources);
        const QString plain =
            tokens.issueCustomerToken(QStringLiteral("100002"), {QStringLiteral("cards")}, 600);
        const QJsonArray saved = tokens.grants();
        QCOMPARE(saved.size(), 2);
        const QByteArray text = QJsonDocument(saved).toJson();
        QVERIFY2(!text.contains(narrowed.toUtf8()) && !text.contains(plain.toUtf8()),
                 "a token was saved");

        TokenAuthority restored(&clock);
        restored.restoreGrants(saved);
        const auto caller = restored.authenticate(narrowed);
        QVERIFY(caller);
        QCOMPARE(caller->customerId, QStringLiteral("100001"));
        QCOMPARE(caller->scopes,
                 (QSet<QString>{QStringLiteral("cards"), QStringLiteral("customer-token-write")}));
        QCOMPARE(caller->upgradableScopes, QSet<QString>{QStringLiteral("cards-write")});
        QCOMPARE(caller->resources.cardIds, resources.cardIds);
        QCOMPARE(caller->resources.accountIds, resources.accountIds);
        const auto other = restored.authenticate(plain);
        QVERIFY(other && !other->resources.isRestricted() && other->upgradableScopes.isEmpty());
        QCOMPARE(QJsonDocument(restored.grants()).toJson(QJsonDocument::Compact).size(),
                 QJsonDocument(saved).toJson(QJsonDocument::Compact).size());
    }

    void grantWithUnreadableResourcesIsNotRestored_data()
    {
        QTest::addColumn<QByteArray>("resources");
        QTest::newRow("empty") << QByteArray("[]");
        QTest::newRow("not an array") << QByteArray(R"({"type":"card","ids":["1"]})");
        QTest::newRow("other type") << QByteArray(R"([{"type":"customer","ids":["1"]}])");
        QTest::newRow("no ids") << QByteArray(R"([{"type":"card","ids":[]}])");
        QTest::newRow("bad id") << QByteArray(R"([{"type":"card","ids":["x"]}])");
    }

    void grantWithUnreadableResourcesIsNotRestored()
    {
        QFETCH(QByteArray, resources);
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        Resources narrow;
        narrow.cardIds = {QStringLiteral("1")};
        const QString token = tokens.issueCustomerToken(QStringLiteral("42"),
                                                        {QStringLiteral("cards")}, 600, {}, narrow);
        QJsonObject grant = tokens.grants().first().toObject();
        grant.insert(QStringLiteral("resources"),
                     QJsonDocument::fromJson("{\"v\":" + resources + "}")
                         .object()
                         .value(QLatin1String("v")));
        TokenAuthority restored(&clock);
        restored.restoreGrants(QJsonArray{grant});
        QVERIFY2(!restored.authenticate(token), "a narrowed token came back unrestricted");
    }

    void forgetCustomerDropsTheirTokensAndVerifications()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        const QString first =
            tokens.issueCustomerToken(QStringLiteral("42"), {QStringLiteral("cards")}, 600);
        const QString second =
            tokens.issueCustomerToken(QStringLiteral("42"), {QStringLiteral("customers")}, 600);
        const QString other =
            tokens.issueCustomerToken(QStringLiteral("43"), {QStringLiteral("cards")}, 600);
        const QString pending = tokens.startVerification(QStringLiteral("42"));
        const QString otherPending = tokens.startVerification(QStringLiteral("43"));

        QCOMPARE(tokens.forgetCustomer(QStringLiteral("42")), 2);
        QVERIFY(!tokens.authenticate(first));
        QVERIFY(!tokens.authenticate(second));
        QVERIFY(tokens.authenticate(other));
        QCOMPARE(tokens.grants().size(), 1);
        QCOMPARE(tokens.redeemVerification(QStringLiteral("42"), pending, QStringLiteral("000001")),
                 Result::UnknownToken);
        QCOMPARE(
            tokens.redeemVerification(QStringLiteral("43"), otherPending, QStringLiteral("000001")),
            Result::Accepted);
        QCOMPARE(tokens.forgetCustomer(QStringLiteral("42")), 0);
        QVERIFY(tokens.authenticate(tokens.orgToken())); // the org token is not a customer's
    }

    void verificationRules()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        const QString c = QStringLiteral("7");
        const QString v = tokens.startVerification(c);
        QCOMPARE(tokens.redeemVerification(QStringLiteral("8"), v, QStringLiteral("000001")),
                 Result::UnknownToken);
        QCOMPARE(tokens.redeemVerification(c, QStringLiteral("x"), QStringLiteral("000001")),
                 Result::UnknownToken);
        for (int i = 0; i < TokenAuthority::MaxWrongCodes; ++i)
            QCOMPARE(tokens.redeemVerification(c, v, QStringLiteral("000002")), Result::WrongCode);
        QCOMPARE(tokens.redeemVerification(c, v, QStringLiteral("000001")),
                 Result::TooManyAttempts);

        const QString w = tokens.startVerification(c);
        QCOMPARE(tokens.redeemVerification(c, w, QStringLiteral("000002")), Result::WrongCode);
        QCOMPARE(tokens.redeemVerification(c, w, QStringLiteral("000001")), Result::Accepted);
        QCOMPARE(tokens.redeemVerification(c, w, QStringLiteral("000001")), Result::Used);

        const QString older = tokens.startVerification(c);
        const QString newer = tokens.startVerification(c);
        const QString otherCustomer = tokens.startVerification(QStringLiteral("9"));
        QCOMPARE(tokens.redeemVerification(c, older, QStringLiteral("000001")), Result::Superseded);
        clock.setOffset(TokenAuthority::VerificationLifetimeSeconds);
        QCOMPARE(tokens.redeemVerification(c, newer, QStringLiteral("000001")), Result::Expired);
        clock.setOffset(0);
        // Another customer's newer verification does not supersede this one, and vice versa.
        QCOMPARE(
            tokens.redeemVerification(QStringLiteral("9"), otherCustomer, QStringLiteral("000001")),
            Result::Accepted);
    }

    void aJwtIsCheckedAsUnitChecksIt_data()
    {
        using O = TokenAuthority::JwtCheck::Outcome;
        using V = tessera::JwtVerifier::Result;
        QTest::addColumn<QString>("jwt");
        QTest::addColumn<QString>("jwtSubject");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("verification");
        const QString me = QStringLiteral("auth0|me");
        const auto claims = [&](int lifetime = 3600) {
            return TestSigningKey::standardClaims(JwtIssuer, {}, me, lifetime);
        };
        QTest::newRow("signed by the provider, for this customer")
            << m_key.sign(claims()) << me << int(O::Accepted) << int(V::Accepted);
        QTest::newRow("signed by another key")
            << m_otherKey.sign(claims()) << me << int(O::NotVerified) << int(V::UnknownKey);
        QTest::newRow("another key under the provider's kid")
            << TestSigningKey(m_key.kid()).sign(claims()) << me << int(O::NotVerified)
            << int(V::BadSignature);
        QTest::newRow("expired a second ago (no leeway)")
            << m_key.sign(claims(-1)) << me << int(O::NotVerified) << int(V::Expired);
        QJsonObject noExpiry = claims();
        noExpiry.remove(QStringLiteral("exp"));
        QTest::newRow("no exp") << m_key.sign(noExpiry) << me << int(O::NotVerified)
                                << int(V::Expired);
        QJsonObject otherIssuer = claims();
        otherIssuer.insert(QStringLiteral("iss"), QStringLiteral("https://other.example"));
        QTest::newRow("another issuer")
            << m_key.sign(otherIssuer) << me << int(O::NotVerified) << int(V::WrongIssuer);
        const auto part = [](const QJsonObject &object) {
            return TestSigningKey::base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
        };
        const QJsonObject none{{QStringLiteral("alg"), QStringLiteral("none")},
                               {QStringLiteral("kid"), m_key.kid()}};
        QTest::newRow("alg none") << QString::fromLatin1(part(none) + '.' + part(claims()) + '.')
                                  << me << int(O::NotVerified) << int(V::UnsupportedAlgorithm);
        QTest::newRow("not a JWT")
            << QStringLiteral("a.b") << me << int(O::NotVerified) << int(V::Malformed);
        QTest::newRow("another customer's subject")
            << m_key.sign(claims()) << QStringLiteral("auth0|you") << int(O::WrongSubject)
            << int(V::Accepted);
        QTest::newRow("customer without jwtSubject")
            << m_key.sign(claims()) << QString() << int(O::CustomerHasNoSubject)
            << int(V::Accepted);
    }

    void aJwtIsCheckedAsUnitChecksIt()
    {
        QFETCH(QString, jwt);
        QFETCH(QString, jwtSubject);
        QFETCH(int, outcome);
        QFETCH(int, verification);
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        tokens.setIdentityProvider(m_keys, JwtIssuer);
        const TokenAuthority::JwtCheck check = tokens.checkJwt(jwt, jwtSubject);
        QCOMPARE(int(check.outcome), outcome);
        QCOMPARE(int(check.verification), verification);
    }

    void everyJwtIsRefusedWithoutAnIdentityProvider()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        QVERIFY(!tokens.hasIdentityProvider());
        const QString me = QStringLiteral("auth0|me");
        QCOMPARE(tokens.checkJwt(m_key.sign(TestSigningKey::standardClaims(JwtIssuer, {}, me)), me)
                     .outcome,
                 TokenAuthority::JwtCheck::Outcome::NoIdentityProvider);
    }

    void aJwtExpiresOnTheSandboxClock()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        tokens.setIdentityProvider(m_keys, JwtIssuer);
        const QString me = QStringLiteral("auth0|me");
        const QString jwt = m_key.sign(TestSigningKey::standardClaims(JwtIssuer, {}, me, 3600));
        QCOMPARE(tokens.checkJwt(jwt, me).outcome, TokenAuthority::JwtCheck::Outcome::Accepted);
        clock.setOffset(3600);
        QCOMPARE(tokens.checkJwt(jwt, me).verification, tessera::JwtVerifier::Result::Expired);
    }

    void aJwtWithAnUnknownKeyAsksForTheProvidersKeysAgain()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        tokens.setIdentityProvider(m_keys, JwtIssuer);
        int asked = 0;
        tokens.setUnknownKeyHandler([&asked] { ++asked; });
        const QString me = QStringLiteral("auth0|me");
        const QJsonObject claims = TestSigningKey::standardClaims(JwtIssuer, {}, me);
        (void)tokens.checkJwt(m_key.sign(claims), me);
        QCOMPARE(asked, 0);
        (void)tokens.checkJwt(m_otherKey.sign(claims), me);
        QCOMPARE(asked, 1);
    }

    void scopeLists()
    {
        QCOMPARE(TokenAuthority::knownScopes().size(), 46);
        QVERIFY(TokenAuthority::knownScopes().contains(QStringLiteral("cards-write")));
        const QStringList twoFactor = TokenAuthority::defaultTwoFactorScopes();
        QVERIFY(twoFactor.contains(QStringLiteral("cards-write")));
        QVERIFY(!twoFactor.contains(QStringLiteral("cards")));
        for (const QString &scope : twoFactor)
            QVERIFY(TokenAuthority::knownScopes().contains(scope));
        // Org-only scopes are Unit scopes; a customer token may still mint
        // (customer-token-write), and no 2FA scope is org-only.
        QCOMPARE(TokenAuthority::orgOnlyScopes().size(), 15);
        for (const QString &scope : TokenAuthority::orgOnlyScopes()) {
            QVERIFY(TokenAuthority::knownScopes().contains(scope));
            QVERIFY(!twoFactor.contains(scope));
        }
        QVERIFY(!TokenAuthority::orgOnlyScopes().contains(QStringLiteral("customer-token-write")));
        QVERIFY(TokenAuthority::orgOnlyScopes().contains(QStringLiteral("customer-token")));
    }
};

QTEST_GUILESS_MAIN(TestTokenAuthority)
#include "tst_tokenauthority.moc"
