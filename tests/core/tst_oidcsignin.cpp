#include "ClosedPort.h"
#include "FakeIdentityProvider.h"
#include "GlewlwydProcess.h"
#include "MessageCapture.h"
#include "OidcSignIn.h"
#include "ScriptedBrowser.h"

#include <memory>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace tessera;
using namespace std::chrono_literals;

namespace {

// Nothing accepts a connection on `address`:`port` any more (or ever did).
bool refusesConnections(quint16 port, const QHostAddress &address = QHostAddress::LocalHost)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    if (socket.waitForConnected(2000)) {
        socket.abort();
        return false;
    }
    return socket.error() == QAbstractSocket::ConnectionRefusedError ||
           socket.error() == QAbstractSocket::NetworkError;
}

// What a customer reads says what happened in plain words, never the protocol's.
bool isPlainWords(const QString &message)
{
    static const QRegularExpression jargon(
        QStringLiteral("\\b(JWT|JWKS|nonce|PKCE|aud|iss|kid|sub|exp|HTTP|state|id_token|"
                       "access_denied|invalid_grant|redirect_uri|OAuth|OIDC)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return !message.trimmed().isEmpty() && !jargon.match(message).hasMatch();
}

QJsonObject payloadOf(const QString &jwt)
{
    const QByteArray payload = QByteArray::fromBase64(
        jwt.section(QLatin1Char('.'), 1, 1).toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object();
}

// None of the secrets appears in anything that was logged.
QString leakedSecret(const QStringList &messages, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (secret.size() < 8)
            continue;
        for (const QString &message : messages) {
            if (message.contains(secret))
                return message;
        }
    }
    return {};
}

// A sign-in under test with spies on its three signals.
struct SignInUnderTest
{
    QNetworkAccessManager network;
    OidcSignIn signIn{&network};
    QSignalSpy browser{&signIn, &OidcSignIn::openBrowser};
    QSignalSpy tokens{&signIn, &OidcSignIn::idTokenReceived};
    QSignalSpy failures{&signIn, &OidcSignIn::failed};

    QUrl authorizationUrl() const { return browser.value(0).value(0).toUrl(); }
    bool waitForEnd(int timeoutMs = 15000)
    {
        return QTest::qWaitFor([this] { return tokens.size() + failures.size() > 0; }, timeoutMs);
    }
    OidcSignIn::Problem problem() const
    {
        return failures.value(0).value(0).value<OidcSignIn::Problem>();
    }
    QString message() const { return failures.value(0).value(1).toString(); }
    QString idToken() const { return tokens.value(0).value(0).toString(); }
    JwtClaims claims() const { return tokens.value(0).value(1).value<JwtClaims>(); }
};

} // namespace

// OpenID Connect sign-in in the system browser (issue 13): against a real provider (glewlwyd on
// loopback, a scripted browser logging the user in) and against a fake one that misbehaves in
// each way a provider, or someone posing as one, can.
class TestOidcSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_glewlwyd = std::make_unique<test::GlewlwydProcess>();
        m_glewlwyd->setSubject(QStringLiteral("maya-sub-7f3a"));
        m_glewlwyd->setEmail(QStringLiteral("maya@example.test"));
        QString error;
        QVERIFY2(m_glewlwyd->start(&error), qPrintable(error));
    }

    void aRealProviderSignsTheUserInWithAVerifiedIdTokenForTheirSubjectAndEmail()
    {
        test::MessageCapture log;
        SignInUnderTest test;
        test.signIn.start(glewlwydProvider());
        QVERIFY(test.browser.wait(10000));
        QVERIFY(test.signIn.isActive());
        const QUrl redirectUri = test.signIn.redirectUri();
        QVERIFY(m_glewlwyd->setRedirectUris({redirectUri.toString()}));

        test::ScriptedBrowser browser;
        const int landed = browser.openAndLogIn(test.authorizationUrl(), m_glewlwyd->userName(),
                                                m_glewlwyd->password());
        QVERIFY2(landed == 200, qPrintable(browser.lastError() + m_glewlwyd->log().right(2000)));
        QCOMPARE(browser.landedOn(), redirectUri);
        QVERIFY2(test.waitForEnd(), "no ID token and no failure");
        QVERIFY2(test.failures.isEmpty(), qPrintable(test.message()));
        QCOMPARE(test.tokens.size(), 1);

        const JwtClaims claims = test.claims();
        QCOMPARE(claims.subject, m_glewlwyd->subject());
        QCOMPARE(claims.email, m_glewlwyd->email());
        QCOMPARE(claims.issuer, m_glewlwyd->issuer().toString());
        QVERIFY(claims.audience.contains(m_glewlwyd->clientId()));
        // The provider itself put them there (email-claim "mandatory"), not our parsing.
        const QJsonObject payload = payloadOf(test.idToken());
        QCOMPARE(payload.value(QStringLiteral("sub")).toString(), m_glewlwyd->subject());
        QCOMPARE(payload.value(QStringLiteral("email")).toString(), m_glewlwyd->email());
        QCOMPARE(payload.value(QStringLiteral("nonce")).toString(),
                 QUrlQuery(test.authorizationUrl())
                     .queryItemValue(QStringLiteral("nonce"), QUrl::FullyDecoded));
        QVERIFY(!test.signIn.isActive());

        log.stop();
        const QString leak = leakedSecret(
            log.messages(), {test.idToken(), test.idToken().section(QLatin1Char('.'), 1, 1),
                             test.idToken().section(QLatin1Char('.'), 2, 2)});
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }

    void theAuthorizationRequestCarriesPkceStateAndNonceAndNoSecret()
    {
        SignInUnderTest test;
        test.signIn.start(glewlwydProvider());
        QVERIFY(test.browser.wait(10000));
        const QUrl url = test.authorizationUrl();
        const QUrlQuery query(url);
        auto value = [&query](const char *name) {
            return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
        };
        QCOMPARE(url.adjusted(QUrl::RemoveQuery),
                 QUrl(m_glewlwyd->issuer().toString() + QStringLiteral("/auth")));
        QCOMPARE(value("response_type"), QStringLiteral("code"));
        QCOMPARE(value("client_id"), m_glewlwyd->clientId());
        QCOMPARE(value("redirect_uri"), test.signIn.redirectUri().toString());
        QCOMPARE(value("code_challenge_method"), QStringLiteral("S256"));
        // base64url of a SHA-256: 43 characters, no padding.
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$"))
                    .match(value("code_challenge"))
                    .hasMatch());
        QVERIFY(value("state").size() >= 16);
        QVERIFY(value("nonce").size() >= 16);
        QVERIFY(value("scope").split(QLatin1Char(' ')).contains(QStringLiteral("openid")));
        QVERIFY(!query.hasQueryItem(QStringLiteral("client_secret")));
        QVERIFY(!query.hasQueryItem(QStringLiteral("code_verifier")));

        // A second sign-in asks with fresh values.
        SignInUnderTest second;
        second.signIn.start(glewlwydProvider());
        QVERIFY(second.browser.wait(10000));
        const QUrlQuery again(second.authorizationUrl());
        for (const char *name : {"state", "nonce", "code_challenge"})
            QVERIFY(again.queryItemValue(QLatin1String(name)) !=
                    query.queryItemValue(QLatin1String(name)));
    }

    void theListenerIsOn127001OnlyAndClosedAfterTheRedirect()
    {
        SignInUnderTest test;
        test.signIn.start(glewlwydProvider());
        QVERIFY(test.browser.wait(10000));
        const QUrl redirect = test.signIn.redirectUri();
        QCOMPARE(redirect.scheme(), QStringLiteral("http"));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(redirect.path(), QStringLiteral("/callback"));
        const quint16 port = quint16(redirect.port());
        QVERIFY(!refusesConnections(port));
        // Not on this computer's other addresses.
        QVERIFY(refusesConnections(port, QHostAddress::LocalHostIPv6));
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (!address.isLoopback() && !address.isLinkLocal())
                QVERIFY2(refusesConnections(port, address), qPrintable(address.toString()));
        }

        QVERIFY(m_glewlwyd->setRedirectUris({redirect.toString()}));
        test::ScriptedBrowser browser;
        QCOMPARE(browser.openAndLogIn(test.authorizationUrl(), m_glewlwyd->userName(),
                                      m_glewlwyd->password()),
                 200);
        QVERIFY(test.waitForEnd());
        QCOMPARE(test.tokens.size(), 1);
        QVERIFY(refusesConnections(port));
        QVERIFY(test.signIn.redirectUri().isEmpty());
    }

    void aUserWhoDoesNotAllowTesseraAtTheProviderLeavesTheSignInWaitingUntilCancelled()
    {
        // glewlwyd 2.7.5 has no "deny" that goes back to the app: the user leaves the page.
        SignInUnderTest test;
        test.signIn.start(glewlwydProvider());
        QVERIFY(test.browser.wait(10000));
        const quint16 port = quint16(test.signIn.redirectUri().port());
        QVERIFY(m_glewlwyd->setRedirectUris({test.signIn.redirectUri().toString()}));
        test::ScriptedBrowser browser;
        QCOMPARE(browser.openAndLogIn(test.authorizationUrl(), m_glewlwyd->userName(),
                                      m_glewlwyd->password(), false),
                 0);
        QTest::qWait(200);
        QVERIFY(test.signIn.isActive());
        QVERIFY(test.tokens.isEmpty() && test.failures.isEmpty());

        test.signIn.cancel();
        QVERIFY(refusesConnections(port));
        QVERIFY(!test.signIn.isActive());
        QTest::qWait(100);
        QVERIFY(test.tokens.isEmpty() && test.failures.isEmpty());
    }

    void aWellBehavedProviderGetsTheVerifierForItsChallenge()
    {
        test::FakeIdentityProvider provider;
        QVERIFY(provider.listen());
        test::MessageCapture log;
        SignInUnderTest test;
        test.signIn.start(fakeProvider(provider));
        QVERIFY(test.browser.wait(10000));
        test::ScriptedBrowser browser;
        QCOMPARE(browser.openAndLogIn(test.authorizationUrl(), {}, {}), 200);
        QVERIFY(test.waitForEnd());
        QVERIFY2(test.failures.isEmpty(), qPrintable(test.message()));
        QCOMPARE(test.claims().subject, provider.subject());
        QCOMPARE(test.claims().email, provider.email());

        const QUrlQuery form = provider.lastTokenRequest();
        QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")),
                 QStringLiteral("authorization_code"));
        QVERIFY(form.queryItemValue(QStringLiteral("code_verifier")).size() >= 43);
        QVERIFY(!form.hasQueryItem(QStringLiteral("client_secret")));
        log.stop();
        const QString leak = leakedSecret(
            log.messages(), {form.queryItemValue(QStringLiteral("code")),
                             form.queryItemValue(QStringLiteral("code_verifier")), test.idToken()});
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }

    void whatTheProviderGetsWrongIsRefusedInPlainWordsWithTheListenerClosed_data()
    {
        using M = test::FakeIdentityProvider::Misbehaviour;
        using P = OidcSignIn::Problem;
        QTest::addColumn<M>("misbehaviour");
        QTest::addColumn<P>("problem");
        QTest::addColumn<QString>("logged"); // the technical reason, for the log only
        QTest::newRow("signed with another key")
            << M::SignWithAnotherKey << P::InvalidIdToken << QStringLiteral("BadSignature");
        QTest::newRow("expired") << M::Expired << P::InvalidIdToken << QStringLiteral("Expired");
        QTest::newRow("another issuer")
            << M::OtherIssuer << P::InvalidIdToken << QStringLiteral("WrongIssuer");
        QTest::newRow("for another app")
            << M::WrongAudience << P::InvalidIdToken << QStringLiteral("WrongAudience");
        QTest::newRow("another nonce")
            << M::WrongNonce << P::InvalidIdToken << QStringLiteral("WrongNonce");
        QTest::newRow("another state")
            << M::WrongState << P::WrongState << QStringLiteral("state does not match");
        QTest::newRow("access denied")
            << M::AccessDenied << P::ProviderRefused << QStringLiteral("access_denied");
        QTest::newRow("token endpoint 400") << M::TokenEndpoint400 << P::ProviderRefused
                                            << QStringLiteral("HTTP 400 invalid_grant");
        QTest::newRow("token endpoint 500")
            << M::TokenEndpoint500 << P::ProviderUnreachable << QStringLiteral("HTTP 500");
        QTest::newRow("token endpoint drops")
            << M::TokenEndpointDrop << P::ProviderUnreachable << QStringLiteral("not reachable");
        QTest::newRow("discovery names another issuer")
            << M::DiscoveryOtherIssuer << P::ProviderUnreachable
            << QStringLiteral("discovery names issuer");
    }
    void whatTheProviderGetsWrongIsRefusedInPlainWordsWithTheListenerClosed()
    {
        QFETCH(test::FakeIdentityProvider::Misbehaviour, misbehaviour);
        QFETCH(OidcSignIn::Problem, problem);
        QFETCH(QString, logged);
        test::FakeIdentityProvider provider;
        QVERIFY(provider.listen());
        provider.setMisbehaviour(misbehaviour);

        test::MessageCapture log;
        SignInUnderTest test;
        test.signIn.start(fakeProvider(provider));
        quint16 port = 0;
        if (misbehaviour != test::FakeIdentityProvider::Misbehaviour::DiscoveryOtherIssuer) {
            QVERIFY(test.browser.wait(10000));
            port = quint16(test.signIn.redirectUri().port());
            test::ScriptedBrowser browser;
            QCOMPARE(browser.openAndLogIn(test.authorizationUrl(), {}, {}), 200);
        }
        QVERIFY(test.waitForEnd());
        QVERIFY(test.tokens.isEmpty());
        QCOMPARE(test.failures.size(), 1);
        QCOMPARE(test.problem(), problem);
        QVERIFY2(isPlainWords(test.message()), qPrintable(test.message()));
        QVERIFY(!test.signIn.isActive());
        QVERIFY(test.signIn.redirectUri().isEmpty());
        if (port != 0)
            QVERIFY(refusesConnections(port));
        if (misbehaviour == test::FakeIdentityProvider::Misbehaviour::WrongState) {
            QTest::qWait(200);
            QCOMPARE(provider.tokenRequests(), 0); // the code is never exchanged
        }
        QTest::qWait(50);
        QCOMPARE(test.failures.size(), 1);

        log.stop();
        const QStringList messages = log.messages().filter(QStringLiteral("tessera.oidc"));
        QVERIFY2(!messages.filter(logged).isEmpty(), qPrintable(messages.join(QLatin1Char('\n'))));
        const QUrlQuery form = provider.lastTokenRequest();
        const QString leak =
            leakedSecret(log.messages(), {form.queryItemValue(QStringLiteral("code")),
                                          form.queryItemValue(QStringLiteral("code_verifier"))});
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }

    void anUnreachableProviderFailsInPlainWords()
    {
        SignInUnderTest test;
        IdentityProvider provider;
        provider.issuer = QUrl(test::closedLoopbackUrl().toString() + QStringLiteral("/oidc"));
        provider.clientId = QStringLiteral("tessera-desktop");
        provider.scopes = {QStringLiteral("openid"), QStringLiteral("email")};
        test.signIn.start(provider);
        QVERIFY(test.waitForEnd());
        QCOMPARE(test.problem(), OidcSignIn::Problem::ProviderUnreachable);
        QCOMPARE(test.message(),
                 QStringLiteral("Your bank did not answer. Check your connection and try again."));
        QVERIFY(test.browser.isEmpty());
        QVERIFY(test.signIn.redirectUri().isEmpty());
    }

    void aBrowserThatNeverComesBackTimesOutWithTheListenerClosed()
    {
        test::FakeIdentityProvider provider;
        QVERIFY(provider.listen());
        SignInUnderTest test;
        test.signIn.setTimeout(700ms);
        test.signIn.start(fakeProvider(provider));
        QVERIFY(test.browser.wait(5000));
        const quint16 port = quint16(test.signIn.redirectUri().port());
        QVERIFY(test.waitForEnd(5000));
        QCOMPARE(test.problem(), OidcSignIn::Problem::TimedOut);
        QCOMPARE(test.message(), QStringLiteral("The sign-in took too long. Try again."));
        QVERIFY(refusesConnections(port));
    }

    void cancelClosesThePortAndEmitsNothing()
    {
        test::FakeIdentityProvider provider;
        QVERIFY(provider.listen());
        SignInUnderTest test;
        test.signIn.start(fakeProvider(provider));
        QVERIFY(test.browser.wait(5000));
        const QUrl authorizationUrl = test.authorizationUrl();
        const quint16 port = quint16(test.signIn.redirectUri().port());
        QVERIFY(!refusesConnections(port));
        test.signIn.cancel();
        QVERIFY(refusesConnections(port));
        QVERIFY(!test.signIn.isActive());
        QVERIFY(test.signIn.redirectUri().isEmpty());
        // The browser coming back late finds nobody.
        test::ScriptedBrowser browser;
        QCOMPARE(browser.openAndLogIn(authorizationUrl, {}, {}), 0);
        QTest::qWait(100);
        QVERIFY(test.tokens.isEmpty() && test.failures.isEmpty());
        QCOMPARE(provider.tokenRequests(), 0);
    }

private:
    IdentityProvider glewlwydProvider() const
    {
        IdentityProvider provider;
        provider.issuer = m_glewlwyd->issuer();
        provider.clientId = m_glewlwyd->clientId();
        provider.scopes = {QStringLiteral("openid"), QStringLiteral("email")};
        provider.displayName = QStringLiteral("Test Bank");
        return provider;
    }
    static IdentityProvider fakeProvider(const test::FakeIdentityProvider &fake)
    {
        IdentityProvider provider;
        provider.issuer = fake.issuer();
        provider.clientId = fake.clientId();
        provider.scopes = {QStringLiteral("openid"), QStringLiteral("email")};
        provider.displayName = QStringLiteral("Fake Bank");
        return provider;
    }

    std::unique_ptr<test::GlewlwydProcess> m_glewlwyd;
};

QTEST_GUILESS_MAIN(TestOidcSignIn)
#include "tst_oidcsignin.moc"
