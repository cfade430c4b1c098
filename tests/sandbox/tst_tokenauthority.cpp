// TokenAuthority without HTTP: the verification and token bookkeeping on their own.

#include "SandboxClock.h"
#include "TokenAuthority.h"

#include <QTest>

using tessera::sandbox::SandboxClock;
using tessera::sandbox::TokenAuthority;
using Result = TokenAuthority::VerificationResult;

class TestTokenAuthority : public QObject
{
    Q_OBJECT

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
        QVERIFY(caller->canSee(QStringLiteral("42")));
        QVERIFY(!caller->canSee(QStringLiteral("43")));
        clock.setOffset(99);
        QVERIFY(tokens.authenticate(token));
        clock.setOffset(100);
        QVERIFY(!tokens.authenticate(token));
        clock.setOffset(0);
        QVERIFY(!tokens.authenticate(token)); // an expired grant is gone for good
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

    void jwtChecks_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("expected");
        const QByteArray header = R"({"alg":"HS256","typ":"JWT"})";
        QTest::newRow("ok") << header << QByteArray(R"({"sub":"auth0|me"})")
                            << int(TokenAuthority::JwtResult::Accepted);
        QTest::newRow("ok with exp")
            << header << QByteArray(R"({"sub":"auth0|me","exp":4102444800})")
            << int(TokenAuthority::JwtResult::Accepted);
        QTest::newRow("expired") << header << QByteArray(R"({"sub":"auth0|me","exp":1})")
                                 << int(TokenAuthority::JwtResult::Expired);
        QTest::newRow("other subject") << header << QByteArray(R"({"sub":"auth0|you"})")
                                       << int(TokenAuthority::JwtResult::WrongSubject);
        QTest::newRow("no sub") << header << QByteArray(R"({"name":"me"})")
                                << int(TokenAuthority::JwtResult::Malformed);
        QTest::newRow("not json") << header << QByteArray("hello")
                                  << int(TokenAuthority::JwtResult::Malformed);
        QTest::newRow("exp not a number")
            << header << QByteArray(R"({"sub":"auth0|me","exp":"soon"})")
            << int(TokenAuthority::JwtResult::Malformed);
    }

    void jwtChecks()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, payload);
        QFETCH(int, expected);
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        const auto enc = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const QString jwt =
            QString::fromLatin1(header.toBase64(enc) + '.' + payload.toBase64(enc) + ".sig");
        QCOMPARE(int(tokens.checkJwt(jwt, QStringLiteral("auth0|me"))), expected);
    }

    void jwtShape()
    {
        SandboxClock clock;
        TokenAuthority tokens(&clock);
        QCOMPARE(tokens.checkJwt(QStringLiteral("a.b"), QStringLiteral("x")),
                 TokenAuthority::JwtResult::Malformed);
        QCOMPARE(tokens.checkJwt(QStringLiteral("!!.??.sig"), QStringLiteral("x")),
                 TokenAuthority::JwtResult::Malformed);
        // A customer without jwtSubject can never use a JWT.
        const auto enc = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const QString jwt = QString::fromLatin1(QByteArray("{}").toBase64(enc) + '.' +
                                                QByteArray(R"({"sub":""})").toBase64(enc) + ".s");
        QCOMPARE(tokens.checkJwt(jwt, QString()), TokenAuthority::JwtResult::WrongSubject);
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
    }
};

QTEST_GUILESS_MAIN(TestTokenAuthority)
#include "tst_tokenauthority.moc"
