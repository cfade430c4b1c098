#include "Authenticator.h"
#include "Backend.h"
#include "BrokerProcess.h"
#include "ClosedPort.h"
#include "KeychainThread.h"
#include "MainWindow.h"
#include "OtpDialog.h"
#include "Provisioning.h"
#include "ProvisioningFile.h"
#include "SandboxServer.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "SignInPage.h"
#include "SuiteSetup.h"
#include "TokenStore.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace tessera;
using tessera::ui::MainWindow;
using tessera::ui::SettingsDialog;
using tessera::ui::SignInPage;

// The sign-in page outside the demo, where a customer signs in through the bank's broker with
// the phone number or email of their account; and what a bank's provisioning does to it.
class TestSignInPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Provisioning provisioningFile(const char *name, const QByteArray &content)
    {
        return test::provisioningFile(m_dir.path(), content, QLatin1String(name));
    }

    template <class T> static T *find(QWidget &parent, const char *name)
    {
        return parent.findChild<T *>(QLatin1String(name));
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_signinpage")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_dir.isValid());
    }

    // One field for a phone number or email, a channel and Send code: no customer id, no
    // pasted token, and nothing that says whether an account has what is typed.
    void productionAsksForAPhoneNumberOrEmail()
    {
        const Provisioning provisioning = provisioningFile(
            "bank.conf", "[bank]\nname=Example Bank\nbrokerUrl=https://tokens.bank.example\n");
        Backend backend(Environment::production(provisioning.brokerUrl()), {});
        backend.setProvisioning(provisioning);
        SignInPage page(&backend);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(find<QLineEdit>(page, "signInIdentifier")->isVisible());
        QVERIFY(find<QRadioButton>(page, "signInChannelSms")->isChecked());
        QVERIFY(find<QRadioButton>(page, "signInChannelCall")->isVisible());
        QVERIFY(!find<QPushButton>(page, "sendCodeButton")->isEnabled()); // nothing typed yet
        QVERIFY(!find<QLineEdit>(page, "customerIdField"));
        QVERIFY(!find<QPlainTextEdit>(page, "jwtField"));
        QCOMPARE(find<QLabel>(page, "signInTitle")->text(),
                 QStringLiteral("Sign in to Example Bank"));
        QVERIFY(find<QLabel>(page, "signInIntro")
                    ->text()
                    .contains(QStringLiteral("to the phone on your account")));
    }

    // A support person may paste an identity token, only when started for it.
    void aPastedTokenOnlyWithTheSupportOption()
    {
        Backend backend(Environment::production(QUrl(QStringLiteral("https://t.example"))), {});
        backend.setSupportSignIn(true);
        SignInPage page(&backend);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(find<QPlainTextEdit>(page, "jwtField")->isVisible());
        QVERIFY(find<QLineEdit>(page, "signInIdentifier")->isVisible());
        QVERIFY(!find<QLineEdit>(page, "customerIdField"));
    }

    void whatIsNeitherAPhoneNorAnEmailIsSaidAndKept()
    {
        Backend backend(Environment::production(test::closedLoopbackUrl()), {});
        SignInPage page(&backend);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *field = find<QLineEdit>(page, "signInIdentifier");
        QSignalSpy required(backend.authenticator(), &Authenticator::codeRequired);
        QTest::keyClicks(field, QStringLiteral("555-0100"));
        QTest::mouseClick(find<QPushButton>(page, "sendCodeButton"), Qt::LeftButton);
        auto *status = find<QLabel>(page, "signInStatus");
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("ten digits")), qPrintable(status->text()));
        QCOMPARE(field->text(), QStringLiteral("555-0100"));
        QCOMPARE(required.count(), 0); // nothing was sent
    }

    // Connection refused: a box that says so with Try again; what was typed stays, and Try
    // again asks once more.
    void anUnreachableBrokerOffersTryAgainAndKeepsWhatWasTyped()
    {
        Backend backend(Environment::production(test::closedLoopbackUrl()), {});
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *field = find<QLineEdit>(window, "signInIdentifier");
        QTest::keyClicks(field, QStringLiteral("(555) 555-0100"));
        QSignalSpy unavailable(backend.authenticator(), &Authenticator::signInServiceUnavailable);
        QTest::mouseClick(find<QPushButton>(window, "sendCodeButton"), Qt::LeftButton);
        QVERIFY(unavailable.wait(5000));
        auto *problem = find<QWidget>(window, "brokerProblem");
        QVERIFY(problem->isVisible());
        const QString said = find<QLabel>(window, "brokerProblemText")->text();
        QVERIFY2(said.contains(QStringLiteral("cannot be reached")), qPrintable(said));
        QVERIFY(!find<QLabel>(window, "signInStatus")->isVisible()); // said once, in the box
        QVERIFY(!window.otpDialog());
        QCOMPARE(field->text(), QStringLiteral("(555) 555-0100"));

        QTest::mouseClick(find<QPushButton>(window, "brokerRetryButton"), Qt::LeftButton);
        QVERIFY(unavailable.wait(5000));
        QCOMPARE(unavailable.count(), 2);
        QVERIFY(problem->isVisible());
        QCOMPARE(field->text(), QStringLiteral("(555) 555-0100"));
    }

    // The customer's way in: their phone number, the code dialog, a wrong code said with the
    // code kept for correction, the right one and their cards (the real broker, the sandbox as
    // Unit).
    void signsInWithAPhoneNumberAndTheCodeDialog()
    {
        sandbox::SandboxServer unit;
        QVERIFY(unit.start() != 0);
        test::BrokerProcess broker(unit.baseUrl(), unit.orgToken());
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        Backend backend(Environment::custom(unit.baseUrl(), broker.baseUrl()), {});
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClicks(find<QLineEdit>(window, "signInIdentifier"),
                         QStringLiteral("+1 415 555 0142"));
        QTest::mouseClick(find<QPushButton>(window, "sendCodeButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() && window.otpDialog()->isVisible(), 10000);
        ui::OtpDialog *dialog = window.otpDialog();
        auto *code = find<QLineEdit>(*dialog, "otpCode");
        auto *verify = find<QPushButton>(*dialog, "otpVerify");

        QSignalSpy rejected(backend.authenticator(), &Authenticator::codeRejected);
        QTest::keyClicks(code, QStringLiteral("000002"));
        QTRY_VERIFY(verify->isEnabled());
        QTest::mouseClick(verify, Qt::LeftButton);
        QVERIFY(rejected.wait(10000));
        auto *said = find<QLabel>(*dialog, "otpError");
        QVERIFY(said->isVisible());
        QVERIFY2(said->text().startsWith(QStringLiteral("That code is not right.")),
                 qPrintable(said->text()));
        QCOMPARE(code->text(), QStringLiteral("000002"));

        QSignalSpy signedIn(backend.authenticator(), &Authenticator::signedIn);
        code->selectAll();
        QTest::keyClicks(code, QStringLiteral("000001"));
        QTRY_VERIFY(verify->isEnabled());
        QTest::mouseClick(verify, Qt::LeftButton);
        QVERIFY(signedIn.wait(10000));
        QCOMPARE(backend.session()->customerId(), QStringLiteral("100001"));
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));
        backend.authenticator()->signOut();
    }

    // A bank's setup that cannot be used is said on the sign-in page: no form, and not the
    // demo in its place.
    void anUnusableProvisioningFileIsSaidInPlainWords()
    {
        const Provisioning provisioning =
            provisioningFile("http.conf", "[bank]\nbrokerUrl=http://tokens.bank.example\n");
        QCOMPARE(provisioning.state(), Provisioning::State::Unusable);
        Backend backend(Environment::production({}), {});
        backend.setProvisioning(provisioning);
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *problem = find<QLabel>(window, "setupProblem");
        QVERIFY(problem && problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("Your bank's setup of Tessera")));
        QVERIFY(problem->text().contains(QStringLiteral("bank's support")));
        QVERIFY(!find<QLineEdit>(window, "signInIdentifier"));
        QVERIFY(!find<QPushButton>(window, "sendCodeButton")->isVisible());
        QVERIFY(!find<QWidget>(window, "customerList"));
    }

    // Settings shows the bank's environment and broker, and nothing there can change them.
    void settingsShowTheBanksSetupReadOnly()
    {
        const Provisioning provisioning = provisioningFile(
            "bank2.conf", "[bank]\nname=Example Bank\nbrokerUrl=https://tokens.bank.example\n");
        Backend backend(Environment::production(provisioning.brokerUrl()), {});
        backend.setProvisioning(provisioning);
        MainWindow window(&backend);
        window.show();
        QSignalSpy changed(&window, &MainWindow::environmentChanged);
        find<QAction>(window, "actionSettings")->trigger();
        auto *dialog = find<SettingsDialog>(window, "settingsDialog");
        QVERIFY(dialog && dialog->isVisible());
        auto *kind = find<QComboBox>(*dialog, "environmentKind");
        QCOMPARE(kind->currentData().toInt(), int(Environment::Kind::Production));
        QVERIFY(!kind->isEnabled());
        auto *broker = find<QLineEdit>(*dialog, "brokerUrlField");
        QCOMPARE(broker->text(), QStringLiteral("https://tokens.bank.example"));
        QVERIFY(broker->isReadOnly());
        QVERIFY(find<QLabel>(*dialog, "provisionedNote")
                    ->text()
                    .contains(QStringLiteral("Example Bank")));
        dialog->accept();
        QCOMPARE(changed.count(), 0);
    }
    // Unit's sandbox without an org token in the keychain: the sign-in page, built only when it
    // first shows (after a relaunch's restore found nothing), still says what to do.
    void aMissingOrgTokenSaidBeforeThePageWasBuiltIsShown()
    {
        Backend backend(Environment::unitSandbox(), QString());
        // A keychain service of its own: other suites save an org token under Tessera's.
        backend.tokenStore()->setServiceName(
            QStringLiteral("TesseraTest-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
        QSignalSpy missing(&backend, &Backend::orgTokenMissing);
        backend.loadOrgTokenFromKeychain();
        QVERIFY(missing.wait(5000));
        SignInPage page(&backend);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *status = find<QLabel>(page, "signInStatus");
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), missing.first().first().toString());
        QVERIFY(status->text().contains(QStringLiteral("Settings")));
    }
    // A relaunch whose saved sign-in is gone (expired, removed): from "Opening your saved
    // sign-in…", which holds no focus, to the sign-in page with the cursor in its field, as a
    // launch that starts on the sign-in page has it.
    void aRelaunchWithoutItsSignInPutsTheCursorInTheField()
    {
        const Provisioning provisioning = provisioningFile(
            "bank3.conf", "[bank]\nname=Example Bank\nbrokerUrl=https://tokens.bank.example\n");
        const Environment environment = Environment::production(provisioning.brokerUrl());
        QSettings().setValue(QStringLiteral("environments/%1/lastCustomerId").arg(environment.id()),
                             QStringLiteral("no-such-customer"));
        Backend backend(environment, {});
        backend.setProvisioning(provisioning);
        // The keychain answers only once the window is up and active, as a desktop's does.
        QSemaphore keychainBusy;
        QMetaObject::invokeMethod(KeychainThread::context(),
                                  [&keychainBusy] { keychainBusy.acquire(); });
        QSignalSpy restored(backend.authenticator(), &Authenticator::restoreFinished);
        backend.restoreLastSignIn(); // in the order app/main.cpp uses
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("restoringPage"));
        keychainBusy.release();
        QVERIFY(restored.wait(5000));
        QCOMPARE(restored.first().first().toBool(), false);
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
        QTRY_COMPARE(QApplication::focusWidget(), find<QLineEdit>(window, "signInIdentifier"));
        QSettings().remove(QStringLiteral("environments/%1/lastCustomerId").arg(environment.id()));
    }
};

QTEST_MAIN(TestSignInPage)
#include "tst_signinpage.moc"
