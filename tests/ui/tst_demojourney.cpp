#include "ActivityEntry.h"
#include "ActivityModel.h"
#include "ActivityPage.h"
#include "Backend.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "ChildByName.h"
#include "CreateCardWizard.h"
#include "Credentials.h"
#include "DemoBackend.h"
#include "MainWindow.h"
#include "MessageCapture.h"
#include "OtpDialog.h"
#include "SandboxServer.h"
#include "Scopes.h"
#include "SecretRedactor.h"
#include "Session.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::MainWindow;

// The promise, as a person does it: pick a demo customer, see their cards, create a
// debit card through the wizard with code 000001, and freeze it.
class TestDemoJourney : public QObject
{
    Q_OBJECT

private:
    template <class T> static T *find(QWidget *root, const char *name)
    {
        return test::child<T>(root, name);
    }

    static void typeCode(MainWindow &window, const QString &otp)
    {
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        auto *code = find<QLineEdit>(window.otpDialog(), "otpCode");
        QTest::keyClicks(code, otp);
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() == nullptr, 5000);
    }

    // Sign in as the first demo customer, create a physical card through the wizard and
    // freeze it, all through the widgets.
    void runJourney(SandboxServer &sandbox, Backend &backend, MainWindow &window,
                    const QString &otp = QStringLiteral("000001"))
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Pick the first demo customer and sign in with the code.
        auto *customers = find<QListView>(&window, "customerList");
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() > 0, 5000);
        QTest::mouseClick(find<QPushButton>(&window, "signInButton"), Qt::LeftButton);
        typeCode(window, otp);

        // Their cards.
        CardsModel *cards = window.cardsPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(cards->rowCount() > 0, 5000);
        const int before = cards->rowCount();
        const int cardsOnServer = sandbox.cardCount();

        // Create a physical debit card through the wizard.
        QTest::mouseClick(find<QPushButton>(window.cardsPage(), "createCardButton"),
                          Qt::LeftButton);
        ui::CreateCardWizard *wizard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((wizard = window.findChild<ui::CreateCardWizard *>()) != nullptr,
                                 5000);
        QVERIFY(find<QRadioButton>(wizard, "physicalCardOption")->isChecked() ||
                find<QRadioButton>(wizard, "virtualCardOption")->isChecked() == false);
        find<QRadioButton>(wizard, "physicalCardOption")->setChecked(true);
        auto *next = find<QAbstractButton>(wizard, "wizardNextButton");
        QTest::mouseClick(next, Qt::LeftButton); // -> account
        auto *accounts = find<QListWidget>(wizard, "accountList");
        QTRY_VERIFY_WITH_TIMEOUT(accounts->count() > 0, 5000);
        QListWidgetItem *open = nullptr;
        for (int i = 0; i < accounts->count() && !open; ++i) {
            if (accounts->item(i)->flags().testFlag(Qt::ItemIsEnabled))
                open = accounts->item(i);
        }
        QVERIFY(open);
        QTest::mouseClick(accounts->viewport(), Qt::LeftButton, {},
                          accounts->visualItemRect(open).center());
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 5000);
        QTest::mouseClick(next, Qt::LeftButton); // -> address, prefilled from the customer
        QTRY_VERIFY_WITH_TIMEOUT(!find<QLineEdit>(wizard, "streetField")->text().isEmpty(), 5000);
        QTest::mouseClick(next, Qt::LeftButton); // -> review
        QSignalSpy created(wizard, &ui::CreateCardWizard::cardCreated);
        QTest::mouseClick(find<QAbstractButton>(wizard, "createCardButton"), Qt::LeftButton);
        typeCode(window, otp); // step-up to cards-write
        QVERIFY(created.count() == 1 || created.wait(5000));
        const Card card = created.first().first().value<Card>();
        QCOMPARE(card.status, CardStatus::Inactive);
        QTRY_VERIFY(find<QLabel>(wizard, "createdCardSummary")->text().contains(card.last4Digits));
        QTest::mouseClick(find<QAbstractButton>(wizard, "wizardFinishButton"), Qt::LeftButton);
        QCOMPARE(sandbox.cardCount(), cardsOnServer + 1);

        // It is on the cards page at once, selected.
        QCOMPARE(cards->rowCount(), before + 1);
        QCOMPARE(cards->cardAt(0)->id, card.id);
        auto *list = find<QListView>(window.cardsPage(), "cardList");
        QCOMPARE(list->currentIndex().row(), 0);

        // Freeze it: a confirmation, then a code of its own (one code, one card: the creation
        // was confirmed for the account, and the sign-in token never holds cards-write).
        QVERIFY(!backend.session()->scopes().contains(QStringLiteral("cards-write")));
        QSignalSpy codeRequired(backend.authenticator(), &Authenticator::codeRequired);
        QTest::mouseClick(find<QPushButton>(window.cardsPage(), "action-freeze"), Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox *>(
                         QStringLiteral("confirmCardAction"))) != nullptr);
        QTest::mouseClick(find<QPushButton>(confirm, "confirmButton"), Qt::LeftButton);
        typeCode(window, otp);
        QTRY_COMPARE_WITH_TIMEOUT(cards->cardAt(0)->status, CardStatus::Frozen, 5000);
        QCOMPARE(codeRequired.count(), 1);

        QTRY_VERIFY(
            find<QLabel>(&window, "statusMessage")->text().contains(QLatin1String("frozen")));
    }

    // The first card of the list with `status`, selected as a person clicks it.
    static std::optional<Card> selectCard(MainWindow &window, CardStatus status)
    {
        CardsModel *cards = window.cardsPage()->model();
        auto *list = find<QListView>(window.cardsPage(), "cardList");
        for (int row = 0; row < cards->rowCount(); ++row) {
            if (cards->cardAt(row)->status != status)
                continue;
            list->scrollTo(cards->index(row));
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualRect(cards->index(row)).center());
            return cards->cardAt(row);
        }
        return std::nullopt;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Issue 14's journey: sign in, open a card's activity, simulate a purchase, see it pending,
    // then settled, and export what the list shows to CSV.
    void signInOpenACardsActivitySimulateAPurchaseAndExportIt()
    {
        SandboxServer sandbox;
        QVERIFY(sandbox.start() != 0);
        const auto demoBackend = test::makeDemoBackend(sandbox);
        Backend &backend = *demoBackend;
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *customers = find<QListView>(&window, "customerList");
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() > 0, 5000);
        QTest::mouseClick(find<QPushButton>(&window, "signInButton"), Qt::LeftButton);
        typeCode(window, QStringLiteral("000001"));
        QTRY_VERIFY_WITH_TIMEOUT(window.cardsPage()->model()->rowCount() > 0, 5000);

        // An active card, and its activity: the seeded history, newest first.
        const std::optional<Card> active = selectCard(window, CardStatus::Active);
        QVERIFY(active);
        const Card card = *active;
        auto *showActivity = find<QPushButton>(window.cardsPage(), "showCardActivityButton");
        QTRY_VERIFY(showActivity->isVisible());
        QTest::mouseClick(showActivity, Qt::LeftButton);
        ui::ActivityPage *page = window.activityPage();
        QCOMPARE(window.customerTabs()->currentWidget(), page);
        QVERIFY(find<QLabel>(page, "activityTitle")->text().contains(card.last4Digits));
        ActivityModel *activity = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(activity->rowCount() > 0, 10000);
        QVERIFY(find<QListView>(page, "activityList")->isVisible());

        // A purchase at a merchant, simulated: pending at the top of the list at once.
        auto *simulate = find<QPushButton>(page, "simulatePurchaseButton");
        QVERIFY(simulate->isVisible());
        QTimer::singleShot(0, this, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == QLatin1String("simulatePurchaseDialog"));
            auto *amount = find<QLineEdit>(dialog, "simulatedAmount");
            amount->selectAll();
            QTest::keyClicks(amount, QStringLiteral("23.45"));
            auto *merchant = find<QComboBox>(dialog, "simulatedMerchant");
            merchant->lineEdit()->selectAll();
            QTest::keyClicks(merchant->lineEdit(), QStringLiteral("Joe's \"Corner\" Deli, SF"));
            QTest::mouseClick(find<QPushButton>(dialog, "simulateButton"), Qt::LeftButton);
        });
        QTest::mouseClick(simulate, Qt::LeftButton);
        const auto topIs = [activity](ActivityEntry::Status status) {
            const ActivityEntry *top = activity->entryAt(0);
            return top && top->counterparty() == QLatin1String("Joe's \"Corner\" Deli, SF") &&
                   top->status() == status && top->signedAmount() == -2345;
        };
        QTRY_VERIFY_WITH_TIMEOUT(topIs(ActivityEntry::Status::Pending), 10000);
        QVERIFY(find<QLabel>(page, "simulationStatus")->text().contains(QLatin1String("pending")));
        // Then the merchant settles it: a card purchase, no longer pending.
        QTRY_VERIFY_WITH_TIMEOUT(topIs(ActivityEntry::Status::Settled), 15000);

        // Export to CSV through the save dialog.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("activity.csv"));
        QTest::mouseClick(find<QPushButton>(page, "exportCsvButton"), Qt::LeftButton);
        QFileDialog *save = nullptr;
        QTRY_VERIFY((save = window.findChild<QFileDialog *>(QStringLiteral("exportFileDialog"))));
        save->selectFile(path);
        static_cast<QDialog *>(save)->accept(); // QFileDialog::accept is protected
        QTRY_VERIFY_WITH_TIMEOUT(
            find<QLabel>(&window, "statusMessage")->text().contains(QLatin1String("activity.csv")),
            15000);
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY(bytes.startsWith("Date,Description,Type,Status,Amount,Balance,Card,ID\r\n"));
        QVERIFY2(bytes.contains(",\"Joe's \"\"Corner\"\" Deli, SF\",Purchase,Settled,-23.45,"),
                 bytes.left(400).constData());
        QCOMPARE(int(csv.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
    }

    void signInCreateAndFreeze()
    {
        SandboxServer sandbox;
        QVERIFY(sandbox.start() != 0);
        const auto demoBackend = test::makeDemoBackend(sandbox);
        Backend &backend = *demoBackend;
        backend.tokenStore()->setWatchdogInterval(3000);
        MainWindow window(&backend);
        runJourney(sandbox, backend, window);
    }

    // The whole session with every log category at debug: no token, org token or code may
    // reach a log line, the settings file or any file the app writes.
    void noSecretLeavesTheSession()
    {
        const QDateTime started = QDateTime::currentDateTime().addSecs(-1);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        test::MessageCapture capture;
        SecretRedactor::installMessageHandler();

        QStringList secrets;
        {
            const QString dataDir =
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            QDir().mkpath(dataDir);
            SandboxServer sandbox;
            sandbox.setStateFile(dataDir + QStringLiteral("/demo-sandbox-state.json"));
            QVERIFY(sandbox.start() != 0);
            const auto demoBackend = test::makeDemoBackend(sandbox);
            Backend &backend = *demoBackend;
            backend.tokenStore()->setWatchdogInterval(3000);
            MainWindow window(&backend);
            QStringList tokens;
            connect(backend.session(), &Session::began, this,
                    [&] { tokens << backend.session()->token().token; });
            // A code of its own, so it can be told apart from the demo's published 000001.
            sandbox.setVerificationCode(QStringLiteral("482915"));
            runJourney(sandbox, backend, window, QStringLiteral("482915"));
            if (QTest::currentTestFailed())
                return;
            const QString customerId = backend.session()->customerId();
            // The verified tokens of the journey: the new card's account, then the card.
            const std::optional<Card> card = window.cardsPage()->model()->cardAt(0);
            QVERIFY(card);
            tokens << backend.credentials()->bearerFor(
                          {{Scopes::CardsWrite}, TokenResource::account(card->accountId)})
                   << backend.credentials()->bearerFor(
                          {{Scopes::CardsWrite}, TokenResource::card(card->id)});
            tokens.removeAll(QString());
            QSignalSpy removed(backend.tokenStore(), &TokenStore::removeFinished);
            backend.authenticator()->signOut();
            QVERIFY(removed.wait(5000));
            // Sign-out removed the keychain entry: the Secret Service no longer has it.
            QSignalSpy read(backend.tokenStore(), &TokenStore::readFinished);
            backend.tokenStore()->read(backend.environment().id(), customerId);
            QVERIFY(read.wait(5000));
            QCOMPARE(read.first().first().value<TokenStore::Status>(),
                     TokenStore::Status::NotFound);
            secrets = tokens;
            secrets << sandbox.orgToken();
            window.close(); // writes the window geometry to the settings
        }
        capture.stop();
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(secrets.size() >= 4);            // sign-in token, two verified tokens, org token
        QVERIFY(capture.messages().size() > 20); // it did log, at debug

        QStringList places{QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                           QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
                           QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
                           QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)};
        QByteArrayList contents{capture.messages().join(QLatin1Char('\n')).toUtf8()};
        QStringList scanned;
        for (const QString &place : places) {
            QDirIterator it(place, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (QFileInfo(file).lastModified() < started || !file.open(QIODevice::ReadOnly))
                    continue;
                scanned << file.fileName();
                contents << file.readAll();
            }
        }
        QVERIFY2(scanned.join(QLatin1Char(' ')).contains(QLatin1String("demo-sandbox-state")),
                 qPrintable(scanned.join(QLatin1Char(' '))));
        static const QRegularExpression code(QStringLiteral("(?<![0-9])482915(?![0-9])"));
        for (const QByteArray &content : std::as_const(contents)) {
            for (const QString &secret : std::as_const(secrets))
                QVERIFY2(!content.contains(secret.toUtf8()), "a token leaked");
            const auto match = code.match(QString::fromUtf8(content));
            QVERIFY2(!match.hasMatch(), qPrintable(QString::fromUtf8(content).mid(
                                            qMax(0, int(match.capturedStart()) - 120), 240)));
        }
        qInfo("scanned %lld log lines and %lld files for %lld secrets: none found",
              qint64(capture.messages().size()), qint64(scanned.size()), qint64(secrets.size()));
    }
};

QTEST_MAIN(TestDemoJourney)
#include "tst_demojourney.moc"
