#include "ApiClient.h"
#include "Backend.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "DemoLaunch.h"
#include "DemoSignIn.h"
#include "FaultInjector.h"
#include "MainWindow.h"
#include "OtpDialog.h"
#include "RetryPolicy.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "SignInPage.h"
#include "Style.h"
#include "SuiteSetup.h"
#include "TokenStore.h"

#include <memory>
#include <QAction>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::MainWindow;
using tessera::ui::OtpDialog;

// The app as a person uses it: pick a demo customer, type the code, quit, start again.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    test::DemoLaunch m_demo;

    // Like a launch of the app: a new in-process sandbox on the demo's state file.
    void launchSandbox() { QVERIFY(m_demo.launch()); }
    std::unique_ptr<Backend> makeBackend() { return m_demo.makeBackend(); }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_mainwindow")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
    }

    void init() { launchSandbox(); }

    // Without an icon theme that has it (a run from the build tree, Windows, macOS) the window
    // icon comes from the sizes compiled in, sharp at every scale.
    void windowIconIsThereWithoutATheme()
    {
        const QString name = QStringLiteral("io.github.tessera_banking.Tessera");
        if (QIcon::hasThemeIcon(name))
            QSKIP("the icon theme has Tessera's icon (package installed)");
        const QList<QSize> sizes = ui::Style::appIcon().availableSizes();
        QCOMPARE(sizes.size(), 6);
        QVERIFY(sizes.contains(QSize(16, 16)) && sizes.contains(QSize(256, 256)));
        QCOMPARE(ui::Style::appIcon().pixmap(QSize(64, 64)).size(), QSize(64, 64));
    }

    // main() decodes the icon's images on a pool thread while the window starts: they make the
    // same icon there as on the GUI thread.
    void theIconsImagesDecodedOffTheGuiThreadMakeTheSameIcon()
    {
        if (QIcon::hasThemeIcon(QStringLiteral("io.github.tessera_banking.Tessera")))
            QSKIP("the icon theme has Tessera's icon (package installed)");
        QList<QImage> images;
        std::unique_ptr<QThread> decoder(
            QThread::create([&images] { images = ui::Style::appIconImages(); }));
        decoder->start();
        QVERIFY(decoder->wait(10000));
        QCOMPARE(images.size(), 6);
        const QIcon icon = ui::Style::appIcon(images);
        QCOMPARE(icon.availableSizes(), ui::Style::appIcon().availableSizes());
        QCOMPARE(icon.pixmap(QSize(256, 256)).toImage(),
                 ui::Style::appIcon().pixmap(QSize(256, 256)).toImage());
    }

    // OK in Settings restarts the app only when the environment really changed.
    void settingsRestartOnlyForAnotherEnvironment()
    {
        const QUrl broker(QStringLiteral("https://bank.example/tokens"));
        Backend backend(Environment::production(broker), {});
        MainWindow window(&backend);
        window.show();
        QSignalSpy changed(&window, &MainWindow::environmentChanged);
        const auto openSettings = [&window] {
            window.findChild<QAction *>(QStringLiteral("actionSettings"))->trigger();
            auto *dialog = window.findChild<ui::SettingsDialog *>(QStringLiteral("settingsDialog"));
            return dialog && dialog->isVisible() ? dialog : nullptr;
        };
        ui::SettingsDialog *dialog = openSettings();
        QVERIFY(dialog);
        dialog->accept(); // nothing changed
        QCOMPARE(changed.count(), 0);

        QTRY_VERIFY(!window.findChild<ui::SettingsDialog *>(QStringLiteral("settingsDialog")));
        dialog = openSettings();
        QVERIFY(dialog);
        auto *brokerField = dialog->findChild<QLineEdit *>(QStringLiteral("brokerUrlField"));
        brokerField->setText(QStringLiteral("https://other-bank.example/tokens"));
        dialog->accept();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<Environment>().tokenBrokerUrl,
                 QUrl(QStringLiteral("https://other-bank.example/tokens")));
    }

    void aCodeThatCannotBeSentOpensNoDialogAndSaysWhy()
    {
        auto backend = makeBackend();
        MainWindow window(backend.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 1, 5000);
        list->setCurrentIndex(list->model()->index(0, 0));
        const auto rule = sandbox::FaultInjector::parseRule(
            QStringLiteral("POST /customers/*/token/verification 503 n=1"));
        QVERIFY(rule);
        m_demo.sandbox()->faults().addRule(*rule);
        QSignalSpy notSent(backend->authenticator(), &Authenticator::codeNotSent);
        bool dialogSeen = false;
        QTimer watch;
        connect(&watch, &QTimer::timeout, this,
                [&] { dialogSeen |= window.otpDialog() != nullptr; });
        watch.start(1);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QVERIFY(notSent.wait(5000));
        QTest::qWait(50);
        watch.stop();
        QVERIFY2(!dialogSeen, "a code dialog opened for a code that was never sent");
        auto *status = window.findChild<QLabel *>(QStringLiteral("signInStatus"));
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QLatin1String("could not be sent")),
                 qPrintable(status->text()));
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled());

        // Once the server sends codes again, the same button works and the dialog opens.
        m_demo.sandbox()->faults().clear();
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        static_cast<QDialog *>(window.otpDialog())->reject();
    }

    // A demo list that cannot be read says so in Tessera's words (not the decoder's "at
    // offset n"), and Retry loads it.
    void anUnreadableCustomerListIsExplainedInPlainWords()
    {
        const auto rule =
            sandbox::FaultInjector::parseRule(QStringLiteral("GET /customers malformed-json n=4"));
        QVERIFY(rule);
        m_demo.sandbox()->faults().addRule(*rule);
        auto backend = makeBackend();
        backend->tokenApi()->setRetryPolicy(RetryPolicy::none());
        MainWindow window(backend.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *retry = window.findChild<QPushButton *>(QStringLiteral("signInRetry"));
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 5000);
        const QString said = window.findChild<QLabel *>(QStringLiteral("signInStatus"))->text();
        m_demo.sandbox()->faults().clear();
        QCOMPARE(said, QStringLiteral("The demo customers could not be loaded: The bank's answer "
                                      "could not be read. Try again later."));
        QTest::mouseClick(retry, Qt::LeftButton);
        auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 1, 5000);
    }

    // The code dialog of a step-up names the phone of the customer who signed in.
    void aStepUpNamesTheSignedInCustomersPhone()
    {
        auto backend = makeBackend();
        MainWindow window(backend.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 1, 5000);
        const QModelIndexList maya = list->model()->match(
            list->model()->index(0, 0), Qt::UserRole + 1, QStringLiteral("100001"));
        QCOMPARE(maya.size(), 1);
        list->setCurrentIndex(maya.first());
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        auto *code = window.otpDialog()->findChild<QLineEdit *>(QStringLiteral("otpCode"));
        QTest::keyClicks(code, QStringLiteral("000001"));
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPage()->objectName(), QStringLiteral("cardsPage"),
                                  5000);
        QTRY_VERIFY(window.otpDialog() == nullptr);

        backend->authenticator()->authorize(
            {{QStringLiteral("cards-write")}, {}}, &window, [] {}, [](const ApiError &) {});
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        auto *sentTo = window.otpDialog()->findChild<QLabel *>(QStringLiteral("otpSentTo"));
        QTRY_VERIFY_WITH_TIMEOUT(sentTo->text().contains(QLatin1String("sent")), 5000);
        QVERIFY2(sentTo->text().contains(QLatin1String("+1 ******0142")),
                 qPrintable(sentTo->text()));
        static_cast<QDialog *>(window.otpDialog())->reject();

        // Nothing for the next launch to restore.
        QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
        backend->authenticator()->signOut();
        QVERIFY(removed.wait(5000));
    }

    // A business is listed once per person its code can go to; signing in as an authorized
    // user greets the business by its name and sends every code to that user's phone.
    // A person's row has two lines (name, where the code goes), a business's one: each row is
    // as tall as its own lines, so no name is cut short to "Maya Thompson…".
    void everyDemoCustomerRowShowsAllItsLines()
    {
        auto backend = makeBackend();
        MainWindow window(backend.get());
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 6, 5000);
        const int lineSpacing = list->fontMetrics().lineSpacing();
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            const qsizetype lines = index.data().toString().count(QLatin1Char('\n')) + 1;
            QVERIFY2(list->visualRect(index).height() >= lines * lineSpacing,
                     qPrintable(QStringLiteral("row %1: %2 px for %3 lines of %4 px")
                                    .arg(row)
                                    .arg(list->visualRect(index).height())
                                    .arg(lines)
                                    .arg(lineSpacing)));
        }
    }

    void aBusinessSignsInAsOneOfItsAuthorizedUsers()
    {
        auto backend = makeBackend();
        MainWindow window(backend.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 1, 5000);
        const QModelIndexList rows =
            list->model()->match(list->model()->index(0, 0), Qt::UserRole + 1,
                                 test::seed::northwindCoffee, -1, Qt::MatchExactly);
        QCOMPARE(rows.size(), 3); // the contact and two authorized users
        QCOMPARE(rows.at(0).data().toString(),
                 QStringLiteral("Northwind Coffee Roasters LLC — code to Elena Vasquez, phone "
                                "ending in 0161"));
        QCOMPARE(rows.at(1).data().toString(),
                 QStringLiteral("Northwind Coffee Roasters LLC — code to Marcus Lee, phone "
                                "ending in 0174"));
        QCOMPARE(rows.at(2).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Northwind Coffee Roasters LLC — code to Aisha Rahman, phone "
                                "ending in 0188"));

        list->setCurrentIndex(rows.at(1));
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        auto *sentTo = window.otpDialog()->findChild<QLabel *>(QStringLiteral("otpSentTo"));
        QTRY_VERIFY_WITH_TIMEOUT(sentTo->text().contains(QLatin1String("sent")), 5000);
        QVERIFY2(sentTo->text().contains(QLatin1String("+1 ******0174")),
                 qPrintable(sentTo->text()));
        auto *code = window.otpDialog()->findChild<QLineEdit *>(QStringLiteral("otpCode"));
        QTest::keyClicks(code, QStringLiteral("000001"));
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPage()->objectName(), QStringLiteral("cardsPage"),
                                  5000);
        QTRY_VERIFY(window.otpDialog() == nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.findChild<QLabel *>(QStringLiteral("greeting"))->text(),
            QStringLiteral("Hello, Northwind Coffee Roasters LLC — your cards"), 5000);

        // A step-up of that session names the same user's phone, not the contact's.
        backend->authenticator()->authorize(
            {{QStringLiteral("cards-write")}, {}}, &window, [] {}, [](const ApiError &) {});
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        sentTo = window.otpDialog()->findChild<QLabel *>(QStringLiteral("otpSentTo"));
        QTRY_VERIFY_WITH_TIMEOUT(sentTo->text().contains(QLatin1String("sent")), 5000);
        QVERIFY2(sentTo->text().contains(QLatin1String("+1 ******0174")),
                 qPrintable(sentTo->text()));
        static_cast<QDialog *>(window.otpDialog())->reject();

        QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
        backend->authenticator()->signOut();
        QVERIFY(removed.wait(5000));
    }

    void signInOnceThenRestoreFromKeychain()
    {
        QString signedInCustomer;
        QString phoneHint;
        {
            auto backend = makeBackend();
            MainWindow window(backend.get());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            backend->restoreLastSignIn();
            QCOMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
            QCOMPARE(window.findChild<QLabel *>(QStringLiteral("environmentBadge"))->text(),
                     QStringLiteral("DEMO"));

            auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
            QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 4, 5000);
            const QModelIndex second = list->model()->index(1, 0);
            QVERIFY(second.data().toString().contains(QLatin1String("******")));
            list->setCurrentIndex(second);
            signedInCustomer = second.data(Qt::UserRole + 1).toString();
            QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                              Qt::LeftButton);

            QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
            OtpDialog *dialog = window.otpDialog();
            QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(QStringLiteral("otpSentTo"))
                                         ->text()
                                         .contains(QLatin1String("sent")),
                                     5000);
            QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("otpSandboxHint"))->isVisible());
            phoneHint = dialog->findChild<QLabel *>(QStringLiteral("otpSentTo"))
                            ->property("phoneHint")
                            .toString();
            QVERIFY(phoneHint.contains(QLatin1String("******")));
            auto *code = dialog->findChild<QLineEdit *>(QStringLiteral("otpCode"));
            QTest::keyClicks(code, QStringLiteral("000001"));
            QSignalSpy written(backend->tokenStore(), &TokenStore::writeFinished);
            QTest::keyClick(code, Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(window.currentPage()->objectName(),
                                      QStringLiteral("cardsPage"), 5000);
            QCOMPARE(backend->session()->customerId(), signedInCustomer);
            QVERIFY(written.count() == 1 || written.wait(5000));
            QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("greeting"))
                                         ->text()
                                         .startsWith(QLatin1String("Hello")),
                                     5000);
            QVERIFY(window.findChild<QLabel *>(QStringLiteral("sessionExpiry"))
                        ->text()
                        .contains(QLatin1String("Session ends in")));
        }

        // Second launch: the keychain has the token, so no code is asked for, and the cards
        // page needs one request (GET /cards brings the customer along for the greeting).
        launchSandbox();
        // Before the backend: a request still on its way when the backend goes is aborted, and
        // its finished signal lands here.
        QStringList requests;
        auto backend = makeBackend();
        auto *network = backend->findChild<QNetworkAccessManager *>();
        QVERIFY(network);
        connect(network, &QNetworkAccessManager::finished, this,
                [&requests](QNetworkReply *reply) { requests << reply->url().path(); });
        MainWindow window(backend.get());
        QSignalSpy codeRequired(backend->authenticator(), &Authenticator::codeRequired);
        QSignalSpy restored(backend->authenticator(), &Authenticator::restoreFinished);
        const QFileInfo settingsFile(QSettings().fileName());
        const QDateTime settingsWritten = settingsFile.lastModified();
        QVERIFY(settingsWritten.isValid());
        // In the order app/main.cpp uses.
        backend->restoreLastSignIn();
        window.show();
        QVERIFY(restored.wait(5000));
        QCOMPARE(restored.first().first().toBool(), true);
        // The last sign-in is the one restored: the settings file is not written again (it
        // was, on the window's thread, as the first cards were awaited).
        QCOMPARE(QFileInfo(settingsFile.filePath()).lastModified(), settingsWritten);
        QCOMPARE(codeRequired.count(), 0);
        QVERIFY(window.otpDialog() == nullptr);
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));
        QCOMPARE(backend->session()->customerId(), signedInCustomer);
        // The restored token works against the relaunched sandbox: the greeting loads and no
        // renewal is asked for.
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("greeting"))
                                     ->text()
                                     .startsWith(QLatin1String("Hello")),
                                 5000);
        QCOMPARE(codeRequired.count(), 0);
        QTest::qWait(200); // nothing else follows
        QCOMPARE(requests, QStringList{QStringLiteral("/cards")});

        // A step-up after the restored sign-in still names the phone the code goes to, though
        // the demo's customer list was never loaded.
        backend->authenticator()->authorize(
            {{QStringLiteral("cards-write")}, {}}, &window, [] {}, [](const ApiError &) {});
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        QCOMPARE(window.otpDialog()
                     ->findChild<QLabel *>(QStringLiteral("otpSentTo"))
                     ->property("phoneHint")
                     .toString(),
                 phoneHint);
        static_cast<QDialog *>(window.otpDialog())->reject(); // as its Cancel button does
        QTRY_VERIFY(window.otpDialog() == nullptr);

        // Sign out from the status bar: back to the list, and the keychain entry is gone.
        QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("statusSignOut")),
                          Qt::LeftButton);
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
        QVERIFY(removed.wait(5000));
        QCOMPARE(removed.first().first().value<TokenStore::Status>(), TokenStore::Status::Ok);
        QCOMPARE(backend->lastCustomerId(), QString());
    }

    // As app/main.cpp starts, the keychain is asked before the window is built. A relaunch
    // that finds its sign-in goes from "Opening your saved sign-in…" straight to its cards:
    // not through the sign-in page (not even built) nor through the cards' loading state,
    // unless the cards take longer than a moment. One that finds none shows the sign-in page.
    void aRelaunchShowsTheSignInPageOnlyWithoutASavedSignIn_data()
    {
        QTest::addColumn<bool>("saved");
        QTest::addColumn<bool>("slowCards");
        QTest::newRow("saved") << true << false;
        QTest::newRow("saved, the cards slow") << true << true;
        QTest::newRow("not saved") << false << false;
    }

    void aRelaunchShowsTheSignInPageOnlyWithoutASavedSignIn()
    {
        QFETCH(bool, saved);
        QFETCH(bool, slowCards);
        const QString customer = test::seed::mayaThompson;
        {
            auto backend = makeBackend();
            QSignalSpy written(backend->tokenStore(), &TokenStore::writeFinished);
            QVERIFY(test::signInWithCode(backend->authenticator(), customer));
            QVERIFY(written.count() == 1 || written.wait(5000));
        }
        auto backend = makeBackend();
        if (!saved) {
            QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
            backend->tokenStore()->remove(backend->environment().id(), customer);
            QVERIFY(removed.wait(5000));
        }
        if (slowCards) {
            const auto rule = sandbox::FaultInjector::parseRule(
                QStringLiteral("GET /cards delay delay=1500 n=1"));
            QVERIFY(rule);
            m_demo.sandbox()->faults().addRule(*rule);
        }
        QSignalSpy restored(backend->authenticator(), &Authenticator::restoreFinished);
        backend->restoreLastSignIn();
        MainWindow window(backend.get());
        auto *expiry = window.findChild<QLabel *>(QStringLiteral("sessionExpiry"));
        QVERIFY(expiry->text().isEmpty()); // neither signed in nor signed out yet
        // Every page as it is switched to, with the cards the list had then.
        QStringList pagesShown{window.currentPage()->objectName()};
        QList<int> cardsThen{0};
        auto *pages = qobject_cast<QStackedWidget *>(window.centralWidget());
        QVERIFY(pages);
        connect(pages, &QStackedWidget::currentChanged, this, [&] {
            pagesShown << window.currentPage()->objectName();
            cardsThen << window.cardsPage()->model()->rowCount();
        });
        window.show();
        QVERIFY(restored.count() == 1 || restored.wait(5000));
        QCOMPARE(restored.first().first().toBool(), saved);
        if (!saved) {
            QCOMPARE(pagesShown,
                     (QStringList{QStringLiteral("restoringPage"), QStringLiteral("signInPage")}));
            QCOMPARE(expiry->text(), QStringLiteral("Signed out"));
            auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
            QTRY_VERIFY_WITH_TIMEOUT(list && list->model()->rowCount() > 0, 5000);
            QCOMPARE(backend->session()->isActive(), false);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.cardsPage()->model()->rowCount() > 0, 5000);
        QCOMPARE(pagesShown,
                 (QStringList{QStringLiteral("restoringPage"), QStringLiteral("cardsPage")}));
        QVERIFY(!window.findChild<ui::SignInPage *>());
        if (slowCards)
            QCOMPARE(cardsThen.constLast(), 0); // shown loading, before the cards came
        else
            QVERIFY(cardsThen.constLast() > 0); // shown with its cards
    }

    void cancellingTheCodeKeepsTheSignInPage()
    {
        auto backend = makeBackend();
        MainWindow window(backend.get());
        window.show();
        auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 1, 5000);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        QTest::mouseClick(window.otpDialog()->findChild<QPushButton *>(QStringLiteral("otpCancel")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() == nullptr, 5000);
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
        QVERIFY(!backend->session()->isActive());
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
