#include "Account.h"
#include "AccountsModel.h"
#include "AccountsPage.h"
#include "ActivityPage.h"
#include "Backend.h"
#include "BrowserStandIn.h"
#include "ChildByName.h"
#include "DemoBackend.h"
#include "DemoSignIn.h"
#include "MainWindow.h"
#include "Money.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "StatementsModel.h"
#include "WidgetDriving.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::MainWindow;

// The Accounts tab: balances as Unit gives them, and statements saved as PDF where the
// customer chooses, readable by them alone, then opened in the system's viewer.
class TestAccountsPage : public QObject
{
    Q_OBJECT

private:
    template <class T> static T *find(QWidget *root, const char *name)
    {
        return test::child<T>(root, name);
    }

    // Maya signed in and on the Accounts tab, her accounts listed, the first one selected.
    bool openAccounts()
    {
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()) ||
            !test::signInWithCode(m_backend->authenticator(), test::seed::mayaThompson))
            return false;
        m_window->customerTabs()->setCurrentWidget(m_window->accountsPage());
        AccountsModel *accounts = m_window->accountsPage()->model();
        if (!QTest::qWaitFor([&] { return accounts->rowCount() == 2; }, 5000))
            return false;
        auto *list = find<QListView>(m_window->accountsPage(), "accountList");
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(accounts->index(0)).center());
        StatementsModel *statements = m_window->accountsPage()->statements();
        return QTest::qWaitFor([&] { return statements->rowCount() > 0; }, 10000);
    }

    void selectFirstStatement()
    {
        auto *list = find<QListView>(m_window->accountsPage(), "statementList");
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(0, 0)).center());
    }

    QFileDialog *saveDialog()
    {
        QTest::mouseClick(find<QPushButton>(m_window->accountsPage(), "saveStatementButton"),
                          Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        const bool opened = QTest::qWaitFor([&] {
            return (dialog = m_window->findChild<QFileDialog *>(
                        QStringLiteral("statementFileDialog"))) != nullptr;
        });
        return opened ? dialog : nullptr;
    }

    SandboxServer m_sandbox;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sandbox.start() != 0);
    }

    void init()
    {
        m_backend = test::makeDemoBackend(m_sandbox);
        m_window = std::make_unique<MainWindow>(m_backend.get());
    }

    void cleanup()
    {
        m_window.reset();
        m_backend.reset();
    }

    // Start-up builds only what the first screen shows: the Accounts and Activity pages come
    // the first time the customer goes to them, in their tabs' places, as the shortcuts go.
    void theAccountsAndActivityPagesAreBuiltWhenFirstShown()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(test::signInWithCode(m_backend->authenticator(), test::seed::mayaThompson));
        QVERIFY(test::activate(m_window.get()));
        QTabWidget *tabs = m_window->customerTabs();
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("cardsPage"));
        QVERIFY(!m_window->hasAccountsPage());
        QVERIFY(!m_window->hasActivityPage());
        const QString accountsTip = tabs->tabToolTip(1);

        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(m_window->hasAccountsPage());
        QVERIFY(!m_window->hasActivityPage());
        QCOMPARE(tabs->currentIndex(), 1);
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("accountsPage"));
        QCOMPARE(tabs->currentWidget(), m_window->accountsPage());
        QCOMPARE(m_window->currentPage(), m_window->accountsPage());
        QCOMPARE(tabs->tabText(1), QStringLiteral("Accounts"));
        QCOMPARE(tabs->tabToolTip(1), accountsTip);
        QVERIFY(m_window->accountsPage()->isVisible());
        // Built and loaded: the page works as one built with the window did.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->accountsPage()->model()->rowCount(), 2, 5000);

        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QVERIFY(m_window->hasActivityPage());
        QCOMPARE(tabs->currentIndex(), 2);
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("activityPage"));
        QCOMPARE(m_window->currentPage(), m_window->activityPage());
        QCOMPARE(tabs->count(), 3);

        // Once built, a page stays: back and forth keeps the same one.
        QWidget *accounts = m_window->accountsPage();
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("cardsPage"));
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), accounts);
    }

    void eachAccountShowsTheBalancesUnitGives()
    {
        QVERIFY(openAccounts());
        AccountsModel *accounts = m_window->accountsPage()->model();
        for (int row = 0; row < accounts->rowCount(); ++row) {
            const QModelIndex index = accounts->index(row);
            const Account account = index.data(AccountsModel::AccountRole).value<Account>();
            QCOMPARE(index.data(AccountsModel::AvailableTextRole).toString(),
                     Money::format(account.available));
            QCOMPARE(index.data(AccountsModel::BalanceTextRole).toString(),
                     Money::format(account.balance));
            QCOMPARE(index.data(AccountsModel::HoldTextRole).toString(),
                     Money::format(account.hold));
            QCOMPARE(account.available, account.balance - account.hold);
        }
    }

    void aStatementIsSavedWhereChosenForTheOwnerAloneAndOpened()
    {
        QVERIFY(openAccounts());
        test::BrowserStandIn viewer({QStringLiteral("file")});
        selectFirstStatement();
        QFileDialog *dialog = saveDialog();
        QVERIFY(dialog);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("october.pdf"));
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
        QTRY_COMPARE_WITH_TIMEOUT(viewer.opened.size(), 1, 10000);
        QCOMPARE(viewer.opened.first(), QUrl::fromLocalFile(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QCOMPARE(file.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser |
                                        QFileDevice::ReadOwner | QFileDevice::WriteOwner),
                 QFileDevice::Permissions());
        // Nothing else was written next to it (no temporary copy left behind).
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        QVERIFY(find<QLabel>(m_window->accountsPage(), "statementsNote")
                    ->text()
                    .contains(QLatin1String("october.pdf")));
    }

    void aStatementThatCannotBeSavedIsSaidAndNothingIsOpened()
    {
        QVERIFY(openAccounts());
        test::BrowserStandIn viewer({QStringLiteral("file")});
        selectFirstStatement();
        QTemporaryDir dir;
        // A folder that went away between choosing and saving (tests run as root, for whom
        // a read-only folder is no obstacle).
        const QString path = dir.filePath(QStringLiteral("gone/statement.pdf"));
        m_window->accountsPage()->saveStatement(path);
        auto *note = find<QLabel>(m_window->accountsPage(), "statementsNote");
        QTRY_VERIFY_WITH_TIMEOUT(!note->text().contains(QLatin1String("Saving")), 10000);
        QVERIFY2(!note->text().contains(QLatin1String("Saved")), qPrintable(note->text()));
        QVERIFY(!note->text().isEmpty());
        QVERIFY(viewer.opened.isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(find<QPushButton>(m_window->accountsPage(), "saveStatementButton")->isEnabled());
    }
};

QTEST_MAIN(TestAccountsPage)
#include "tst_accountspage.moc"
