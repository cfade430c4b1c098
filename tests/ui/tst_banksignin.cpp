// "Sign in with <bank>" on the sign-in page of a bank whose provisioning names its identity
// provider: the button, the "continue in your browser" state with Cancel, and what the customer
// reads when the provider's answer cannot be used. The provider here is the test's own, told to
// misbehave; tst_bankidentityjourney signs in for real through glewlwyd, the broker and Unit.

#include "Authenticator.h"
#include "Backend.h"
#include "BrokerProcess.h"
#include "BrowserStandIn.h"
#include "ChildByName.h"
#include "ClosedPort.h"
#include "FakeIdentityProvider.h"
#include "MainWindow.h"
#include "OidcSignIn.h"
#include "ProvisioningFile.h"
#include "SandboxServer.h"
#include "ScriptedBrowser.h"
#include "Session.h"
#include "SuiteSetup.h"
#include "WidgetDriving.h"
#include "WriteFile.h"

#include <optional>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using tessera::ui::MainWindow;

class TestBankSignIn : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::FakeIdentityProvider m_provider;
    std::optional<test::BrowserStandIn> m_browser{std::in_place};

    // The bank's setup: a broker nobody answers at (these tests never get that far) and the
    // test's identity provider.
    Provisioning bankWithProvider(const QByteArray &name = "Example Bank")
    {
        return test::provisioningFile(
            m_dir.path(), "[bank]\nname=" + name +
                              "\nbrokerUrl=" + test::closedLoopbackUrl().toEncoded() +
                              "\n[identityProvider]\nissuer=" + m_provider.issuer().toEncoded() +
                              "\nclientId=" + m_provider.clientId().toUtf8() + "\n");
    }

    // Tessera as the bank ships it, its window shown.
    struct Shown
    {
        explicit Shown(const Provisioning &bank)
            : backend(Environment::production(bank.brokerUrl()), {})
            // The sign-in page reads the provisioning when it is built.
            , window((backend.setProvisioning(bank), &backend))
        {
            window.show();
        }
        Backend backend;
        MainWindow window;
    };

    static bool refusesConnections(const QUrl &url)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        return !socket.waitForConnected(2000);
    }

    // Clicks "Sign in with …" and waits until Tessera asked for the browser.
    bool startSignIn(MainWindow &window)
    {
        m_browser->opened.clear();
        QTest::mouseClick(test::child<QPushButton>(&window, "signInWithBankButton"),
                          Qt::LeftButton);
        return QTest::qWaitFor([&] { return !m_browser->opened.isEmpty(); }, 10000);
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_banksignin")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_provider.listen());
    }

    void init()
    {
        if (!m_browser)
            m_browser.emplace();
    }

    void theButtonBearsTheBanksNameAboveTheCodeForm()
    {
        const Provisioning bank = bankWithProvider();
        QVERIFY2(bank.isProvisioned(), qPrintable(bank.problem()));
        Shown app(bank);
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        MainWindow &window = app.window;
        auto *button = test::child<QPushButton>(&window, "signInWithBankButton");
        QVERIFY(button && button->isVisible() && button->isEnabled());
        QCOMPARE(button->text(), QStringLiteral("Sign &in with Example Bank"));
        QVERIFY(
            test::child<QLineEdit>(&window, "signInIdentifier")->isVisible()); // a code still works
        QVERIFY(!test::child<QWidget>(&window, "browserWaiting")->isVisible());
    }

    // Alt+I signs in at the bank; an '&' in the bank's name stays a letter.
    void theButtonHasAShortcutAndTheBanksNameIsShownAsItIs()
    {
        m_provider.setMisbehaviour(test::FakeIdentityProvider::Misbehaviour::None);
        Shown app(bankWithProvider("Smith & Sons Bank"));
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        auto *button = test::child<QPushButton>(&app.window, "signInWithBankButton");
        QCOMPARE(button->text(), QStringLiteral("Sign &in with Smith && Sons Bank"));
        QVERIFY(test::activate(&app.window));
        m_browser->opened.clear();
        QTest::keyClick(&app.window, Qt::Key_I, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_browser->opened.size(), 1, 10000);
        QTest::mouseClick(test::child<QPushButton>(&app.window, "cancelBrowserSignInButton"),
                          Qt::LeftButton);
    }

    void withoutAnIdentityProviderThereIsNoButton()
    {
        const Provisioning bank = test::provisioningFile(
            m_dir.path(), "[bank]\nbrokerUrl=" + test::closedLoopbackUrl().toEncoded() + "\n");
        Shown app(bank);
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        QVERIFY(!app.backend.identitySignIn());
        QVERIFY(!test::child<QPushButton>(&app.window, "signInWithBankButton"));
        QVERIFY(test::child<QLineEdit>(&app.window, "signInIdentifier")->isVisible());
    }

    void theBrowserOpensAndThePageWaitsThenCancelClosesTheListener()
    {
        m_provider.setMisbehaviour(test::FakeIdentityProvider::Misbehaviour::None);
        const Provisioning bank = bankWithProvider();
        Shown app(bank);
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        Backend &backend = app.backend;
        MainWindow &window = app.window;
        auto *identifier = test::child<QLineEdit>(&window, "signInIdentifier");
        QTest::keyClicks(identifier, QStringLiteral("(415) 555-0142"));

        QVERIFY(startSignIn(window));
        const QUrl page = m_browser->opened.first();
        QVERIFY(page.toString().startsWith(m_provider.issuer().toString()));
        auto *waiting = test::child<QWidget>(&window, "browserWaiting");
        QVERIFY(waiting->isVisible());
        QVERIFY(test::child<QLabel>(&window, "browserWaitingText")
                    ->text()
                    .contains(QStringLiteral("Continue in your browser")));
        QVERIFY(!test::child<QPushButton>(&window, "signInWithBankButton")->isVisible());
        QVERIFY(!identifier->isEnabled()); // one sign-in at a time
        const QUrl redirect = backend.identitySignIn()->redirectUri();
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(!refusesConnections(redirect));

        // "Open the page again" hands the same page to the browser.
        QTest::mouseClick(test::child<QPushButton>(&window, "reopenBrowserButton"), Qt::LeftButton);
        QCOMPARE(m_browser->opened.size(), 2);
        QCOMPARE(m_browser->opened.last(), page);

        QTest::mouseClick(test::child<QPushButton>(&window, "cancelBrowserSignInButton"),
                          Qt::LeftButton);
        QVERIFY(refusesConnections(redirect));
        QVERIFY(!waiting->isVisible());
        QVERIFY(test::child<QPushButton>(&window, "signInWithBankButton")->isEnabled());
        QVERIFY(identifier->isEnabled());
        QCOMPARE(identifier->text(), QStringLiteral("(415) 555-0142")); // nothing typed is lost
        // A browser that comes back late finds nobody listening.
        test::ScriptedBrowser browser;
        QCOMPARE(browser.openAndLogIn(page, {}, {}), 0);
        QVERIFY(backend.session()->customerId().isEmpty());
    }

    // A computer with no browser to hand the page to: the page gives its address to copy.
    void withoutABrowserThePageGivesTheAddress()
    {
        m_provider.setMisbehaviour(test::FakeIdentityProvider::Misbehaviour::None);
        m_browser.reset(); // the offscreen platform opens nothing
        Shown app(bankWithProvider());
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        QTest::mouseClick(test::child<QPushButton>(&app.window, "signInWithBankButton"),
                          Qt::LeftButton);
        auto *address = test::child<QLabel>(&app.window, "authorizationAddress");
        QTRY_VERIFY_WITH_TIMEOUT(address->isVisible(), 10000);
        const QString issuer = m_provider.issuer().toString().toHtmlEscaped();
        QVERIFY2(address->text().contains(issuer), qPrintable(address->text()));
        QVERIFY(address->textInteractionFlags() & Qt::TextSelectableByMouse);
        QVERIFY(test::child<QWidget>(&app.window, "browserWaiting")->isVisible());
    }

    // The provider's token is good but the bank's broker refuses it (here: it was told Tessera
    // is another client): the page says so under the button, and nobody is signed in.
    void aSignInTheBrokerRefusesIsSaidWhereTheCustomerLooks()
    {
        m_provider.setMisbehaviour(test::FakeIdentityProvider::Misbehaviour::None);
        sandbox::SandboxServer unit;
        QVERIFY(unit.start());
        const QString keys = m_dir.filePath(QStringLiteral("provider-jwks.json"));
        QVERIFY(test::writeFile(keys, m_provider.signingKey().jwksJson()));
        test::BrokerProcess broker(unit.baseUrl(), unit.orgToken(),
                                   {QStringLiteral("[identityProvider]"),
                                    QStringLiteral("jwks=") + keys,
                                    QStringLiteral("issuer=") + m_provider.issuer().toString(),
                                    QStringLiteral("audience=another-app")});
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const Provisioning bank = test::provisioningFile(
            m_dir.path(), "[bank]\nname=Example Bank\nbrokerUrl=" + broker.baseUrl().toEncoded() +
                              "\n[identityProvider]\nissuer=" + m_provider.issuer().toEncoded() +
                              "\nclientId=" + m_provider.clientId().toUtf8() + "\n");
        Shown app(bank);
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        QVERIFY(startSignIn(app.window));
        QSignalSpy received(app.backend.identitySignIn(), &OidcSignIn::idTokenReceived);
        QSignalSpy rejected(app.backend.authenticator(), &Authenticator::codeRejected);
        test::ScriptedBrowser browser;
        browser.openAndLogIn(m_browser->opened.first(), {}, {});
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000); // Tessera took it
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 10000); // the broker did not
        auto *status = test::child<QLabel>(&app.window, "bankSignInStatus");
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(),
                 QStringLiteral("Your bank did not accept this sign-in. Sign in again."));
        QVERIFY(test::child<QPushButton>(&app.window, "signInWithBankButton")->isEnabled());
        QVERIFY(test::child<QLineEdit>(&app.window, "signInIdentifier")->isEnabled());
        QVERIFY(app.backend.session()->customerId().isEmpty());
        QVERIFY(broker.log().contains(QLatin1String("WrongAudience")));
    }

    // What the provider sends back cannot be used: the page says so where the customer looks,
    // in plain words, and offers the button again.
    void aTokenThatCannotBeUsedIsSaidInPlainWords_data()
    {
        using M = test::FakeIdentityProvider::Misbehaviour;
        QTest::addColumn<M>("misbehaviour");
        QTest::addColumn<QString>("said");
        const QString checked = QStringLiteral("could not be checked");
        QTest::newRow("another key") << M::SignWithAnotherKey << checked;
        QTest::newRow("expired") << M::Expired << QStringLiteral("has expired");
        QTest::newRow("another issuer") << M::OtherIssuer << checked;
        QTest::newRow("another app's") << M::WrongAudience << QStringLiteral("another app");
        QTest::newRow("another sign-in's")
            << M::WrongNonce << QStringLiteral("does not belong to this sign-in");
        QTest::newRow("another request's")
            << M::WrongState << QStringLiteral("not for this sign-in");
        QTest::newRow("refused by the customer")
            << M::AccessDenied << QStringLiteral("You did not allow Tessera");
    }
    void aTokenThatCannotBeUsedIsSaidInPlainWords()
    {
        QFETCH(test::FakeIdentityProvider::Misbehaviour, misbehaviour);
        QFETCH(QString, said);
        m_provider.setMisbehaviour(misbehaviour);
        const Provisioning bank = bankWithProvider();
        Shown app(bank);
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        Backend &backend = app.backend;
        MainWindow &window = app.window;
        QVERIFY(startSignIn(window));
        const QUrl redirect = backend.identitySignIn()->redirectUri();
        QSignalSpy failed(backend.identitySignIn(), &OidcSignIn::failed);
        test::ScriptedBrowser browser;
        browser.openAndLogIn(m_browser->opened.first(), {}, {});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);

        auto *status = test::child<QLabel>(&window, "bankSignInStatus");
        QVERIFY(status->isVisible());
        const QString text = status->text();
        QVERIFY2(text.contains(said), qPrintable(text));
        for (const char *word : {"JWT", "nonce", "aud", "iss", "state", "PKCE", "token"})
            QVERIFY2(!text.contains(QLatin1String(word), Qt::CaseInsensitive), qPrintable(text));
        QVERIFY(!test::child<QWidget>(&window, "browserWaiting")->isVisible());
        QVERIFY(test::child<QPushButton>(&window, "signInWithBankButton")->isEnabled());
        QVERIFY(refusesConnections(redirect));
        QVERIFY(backend.session()->customerId().isEmpty());
    }
};

QTEST_MAIN(TestBankSignIn)
#include "tst_banksignin.moc"
