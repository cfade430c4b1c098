// A bank whose customers sign in at its own identity provider, end to end with four real
// processes on loopback: tessera (this process, driven through its widgets as a customer
// would), glewlwyd (the bank's OpenID Connect provider, logged into by a scripted browser),
// tessera-broker (holding the org token, checking the ID token against the provider's keys)
// and tessera-sandbox standing in for Unit (checking it again, as Unit does).

#include "Authenticator.h"
#include "Backend.h"
#include "BrokerProcess.h"
#include "BrowserStandIn.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "ChildByName.h"
#include "EnvironmentSettings.h"
#include "GlewlwydProcess.h"
#include "HttpExchange.h"
#include "MainWindow.h"
#include "MessageCapture.h"
#include "OidcSignIn.h"
#include "OtpDialog.h"
#include "Provisioning.h"
#include "SandboxProcess.h"
#include "ScriptedBrowser.h"
#include "SeedIds.h"
#include "Session.h"
#include "SuiteSetup.h"
#include "TokenStore.h"

#include <memory>
#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using tessera::ui::MainWindow;

class TestBankIdentityJourney : public QObject
{
    Q_OBJECT

private:
    test::GlewlwydProcess m_provider;
    std::unique_ptr<test::SandboxProcess> m_unit;
    std::unique_ptr<test::BrokerProcess> m_broker;
    QTemporaryDir m_dir;
    test::BrowserStandIn m_browser;

    // The bank's provisioning file: its broker, Unit's address (the sandbox), its provider.
    Provisioning provisioning()
    {
        const QString path = m_dir.filePath(QStringLiteral("provisioning.conf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Provisioning::read(QString());
        file.write("[bank]\nname=Example Bank\nbrokerUrl=" + m_broker->baseUrl().toEncoded() +
                   "\n[unit]\napiUrl=" + m_unit->baseUrl().toEncoded() +
                   "\n[identityProvider]\nissuer=" + m_provider.issuer().toEncoded() +
                   "\nclientId=" + m_provider.clientId().toUtf8() + "\n");
        file.close();
        return Provisioning::read(path);
    }

    // Clicks "Sign in with …", lets the browser sign in at the provider, and waits until
    // Tessera is signed in and has closed its listener.
    bool signInAtTheBank(MainWindow &window, Backend &backend, test::ScriptedBrowser &browser)
    {
        m_browser.opened.clear();
        QTest::mouseClick(test::child<QPushButton>(&window, "signInWithBankButton"),
                          Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !m_browser.opened.isEmpty(); }, 10000))
            return false;
        if (!test::child<QWidget>(&window, "browserWaiting")->isVisible())
            return false;
        const QUrl redirect = backend.identitySignIn()->redirectUri();
        if (redirect.host() != QLatin1String("127.0.0.1") ||
            !m_provider.setRedirectUris({redirect.toString()}))
            return false;
        QSignalSpy signedIn(backend.authenticator(), &Authenticator::signedIn);
        const int landed = browser.openAndLogIn(m_browser.opened.first(), m_provider.userName(),
                                                m_provider.password());
        if (landed != 200) {
            qWarning("the browser did not get back to Tessera: %s",
                     qPrintable(browser.lastError()));
            return false;
        }
        return (!signedIn.isEmpty() || signedIn.wait(15000)) && refusesConnections(redirect);
    }

    static bool refusesConnections(const QUrl &url)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        return !socket.waitForConnected(2000);
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_bankidentityjourney")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_dir.isValid());
        QString error;
        // Maya Thompson of the demo seed, as the bank's provider knows her.
        m_provider.setSubject(QStringLiteral("auth0|64f1c2a9e3b7d10001maya"));
        m_provider.setEmail(QStringLiteral("maya.thompson@example.com"));
        QVERIFY2(m_provider.start(&error), qPrintable(error));
        // Unit and the broker check ID tokens against the provider's published keys.
        QNetworkAccessManager network;
        const test::HttpAnswer discovery = test::exchange(
            network,
            QNetworkRequest(QUrl(m_provider.issuer().toString() +
                                 QStringLiteral("/.well-known/openid-configuration"))),
            "GET");
        QCOMPARE(discovery.status, 200);
        const QString jwks = QJsonDocument::fromJson(discovery.body)
                                 .object()
                                 .value(QLatin1String("jwks_uri"))
                                 .toString();
        QVERIFY(!jwks.isEmpty());
        const QString issuer = m_provider.issuer().toString();
        m_unit = std::make_unique<test::SandboxProcess>(
            QStringList{QStringLiteral("--jwks"), jwks, QStringLiteral("--jwt-issuer"), issuer});
        QVERIFY2(m_unit->start(&error), qPrintable(error));
        m_broker = std::make_unique<test::BrokerProcess>(
            m_unit->baseUrl(), m_unit->orgToken(),
            QStringList{QStringLiteral("[identityProvider]"), QStringLiteral("jwks=") + jwks,
                        QStringLiteral("issuer=") + issuer,
                        QStringLiteral("audience=") + m_provider.clientId()});
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void signInAtTheBanksProviderWithoutACode()
    {
        const Provisioning bank = provisioning();
        QVERIFY2(bank.isProvisioned(), qPrintable(bank.problem()));
        Backend backend(EnvironmentSettings::load(bank), {});
        backend.setProvisioning(bank);
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *button = test::child<QPushButton>(&window, "signInWithBankButton");
        QVERIFY(button && button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Sign &in with Example Bank"));
        test::ScriptedBrowser browser; // keeps the provider's session, as a browser does
        test::MessageCapture tesseraLog;
        QSignalSpy idToken(backend.identitySignIn(), &OidcSignIn::idTokenReceived);
        QVERIFY(signInAtTheBank(window, backend, browser));
        tesseraLog.stop();
        QCOMPARE(idToken.size(), 1);
        const QString token = idToken.first().first().toString();
        QVERIFY(token.startsWith(QLatin1String("eyJ")));
        QVERIFY(tesseraLog.messages().join(u'\n').contains(
            QLatin1String("signed in at the identity provider")));
        for (const QString &message : tesseraLog.messages())
            QVERIFY2(!message.contains(token) && !message.contains(QLatin1String("eyJ")),
                     "an ID token was logged");
        QCOMPARE(backend.session()->customerId(), test::seed::mayaThompson);
        QTRY_COMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));
        QTRY_VERIFY_WITH_TIMEOUT(window.cardsPage()->model()->rowCount() > 0, 10000);
        QVERIFY(!window.otpDialog() || !window.otpDialog()->isVisible()); // no code, ever
        // The broker exchanged the ID token at Unit with the org token; Unit checked it too.
        QVERIFY(m_unit->log().contains(
            QLatin1String("customer token issued for customer 100001 by the org token")));
        // No ID token (a JWT starts "eyJ") in what the broker or Unit wrote down.
        QVERIFY(!m_broker->log().contains(QLatin1String("eyJ")));
        QVERIFY(!m_unit->log().contains(QLatin1String("eyJ")));

        // The sign-in token stops working: with no phone or email to send a code for, the
        // session ends and the customer signs in at the bank again — no login there this time,
        // the browser still has the bank's session.
        QSignalSpy signedOut(backend.authenticator(), &Authenticator::signedOut);
        backend.session()->reportUnauthorized();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 5000);
        QTRY_COMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
        QVERIFY(!window.otpDialog() || !window.otpDialog()->isVisible());
        auto *status = test::child<QLabel>(&window, "signInStatus");
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Your sign-in has ended. Sign in again to go on."));
        QVERIFY(signInAtTheBank(window, backend, browser));
        QCOMPARE(backend.session()->customerId(), test::seed::mayaThompson);
        QTRY_COMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));

        // Locked, the customer proves they are back the way they signed in: at the bank.
        window.findChild<QAction *>(QStringLiteral("lockNowAction"))->trigger();
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("lockView"));
        QTest::mouseClick(test::child<QPushButton>(&window, "unlockButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 2, 5000);
        QTRY_COMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
        QVERIFY(!window.otpDialog() || !window.otpDialog()->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Your sign-in has ended. Sign in again to go on."));
        QVERIFY(signInAtTheBank(window, backend, browser));
        QTRY_COMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));

        QSignalSpy removed(backend.tokenStore(), &TokenStore::removeFinished);
        backend.authenticator()->signOut();
        removed.wait(3000);
    }

    void cancellingInTheMiddleClosesTheListenerAndKeepsThePage()
    {
        const Provisioning bank = provisioning();
        Backend backend(EnvironmentSettings::load(bank), {});
        backend.setProvisioning(bank);
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        m_browser.opened.clear();
        QTest::mouseClick(test::child<QPushButton>(&window, "signInWithBankButton"),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 10000);
        const QUrl redirect = backend.identitySignIn()->redirectUri();
        QVERIFY(!refusesConnections(redirect));
        QTest::mouseClick(test::child<QPushButton>(&window, "cancelBrowserSignInButton"),
                          Qt::LeftButton);
        QVERIFY(refusesConnections(redirect));
        QVERIFY(!test::child<QWidget>(&window, "browserWaiting")->isVisible());
        QVERIFY(test::child<QPushButton>(&window, "signInWithBankButton")->isEnabled());
        QVERIFY(test::child<QWidget>(&window, "signInIdentifier")->isEnabled());
        // The browser that comes back late finds nobody listening: nothing signs in.
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
    }
};

QTEST_MAIN(TestBankIdentityJourney)
#include "tst_bankidentityjourney.moc"
