#include "AccountsModel.h"
#include "AccountsPage.h"
#include "ActivityEntry.h"
#include "ActivityModel.h"
#include "ActivityPage.h"
#include "Backend.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "ChildByName.h"
#include "DemoBackend.h"
#include "DemoSignIn.h"
#include "MainWindow.h"
#include "Money.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "WidgetDriving.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::MainWindow;

// The Activity tab as a customer uses it: a card's or an account's activity, newest first,
// its details, and filters that Unit applies — what was typed is never lost.
class TestActivityPage : public QObject
{
    Q_OBJECT

private:
    template <class T> static T *find(QWidget *root, const char *name)
    {
        return test::child<T>(root, name);
    }

    // Maya signed in, her cards on screen, then the activity of her first active card.
    bool openCardActivity()
    {
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()) ||
            !test::signInWithCode(m_backend->authenticator(), test::seed::mayaThompson))
            return false;
        CardsModel *cards = m_window->cardsPage()->model();
        if (!QTest::qWaitFor([&] { return cards->rowCount() > 0; }, 5000))
            return false;
        for (int row = 0; row < cards->rowCount(); ++row) {
            if (cards->cardAt(row)->status == CardStatus::Active) {
                m_card = *cards->cardAt(row);
                break;
            }
        }
        m_window->openCardActivity(m_card);
        ActivityModel *activity = m_window->activityPage()->model();
        return QTest::qWaitFor([&] { return activity->rowCount() > 0; }, 10000);
    }

    SandboxServer m_sandbox;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<MainWindow> m_window;
    Card m_card;

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

    void aCardsActivityIsNewestFirstAndARowShowsItsDetails()
    {
        QVERIFY(openCardActivity());
        ui::ActivityPage *page = m_window->activityPage();
        QCOMPARE(m_window->customerTabs()->currentWidget(), page);
        QVERIFY(find<QLabel>(page, "activityTitle")->text().endsWith(m_card.last4Digits));
        ActivityModel *activity = page->model();
        for (int row = 1; row < activity->rowCount(); ++row)
            QVERIFY(activity->entryAt(row - 1)->createdAt() >= activity->entryAt(row)->createdAt());
        QVERIFY(!find<QLabel>(page, "activityCount")->text().isEmpty());

        auto *list = find<QListView>(page, "activityList");
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(activity->index(0)).center());
        auto *title = find<QLabel>(page, "activityDetailsTitle");
        QTRY_VERIFY(title->isVisible());
        QCOMPARE(title->text(), activity->entryAt(0)->counterparty());
        QVERIFY(find<QLabel>(page, "activityDetailsAmount")
                    ->text()
                    .contains(Money::format(qAbs(activity->entryAt(0)->signedAmount()))));
    }

    void aSearchGoesToTheServerAfterAPauseAndNarrowsTheList()
    {
        QVERIFY(openCardActivity());
        ui::ActivityPage *page = m_window->activityPage();
        ActivityModel *activity = page->model();
        const int everything = activity->totalTransactions();
        QVERIFY(everything > 0);
        QTest::keyClicks(find<QLineEdit>(page, "activitySearch"), QStringLiteral("coffee"));
        // Not per keystroke: the model gets the whole word.
        QTRY_COMPARE(activity->filter().text, QStringLiteral("coffee"));
        QTRY_VERIFY_WITH_TIMEOUT(
            activity->state() == ActivityModel::State::Idle && activity->hasLoadedOnce(), 10000);
        QVERIFY(activity->totalTransactions() < everything);
        if (activity->rowCount() == 0) {
            QVERIFY(
                find<QLabel>(page, "activityEmptyText")->text().contains(QLatin1String("filters")));
        }
    }

    void anAmountThatIsNotOneIsSaidAndKeptAndNothingIsAsked()
    {
        QVERIFY(openCardActivity());
        ui::ActivityPage *page = m_window->activityPage();
        ActivityModel *activity = page->model();
        auto *min = find<QLineEdit>(page, "activityMinAmount");
        QTest::keyClicks(min, QStringLiteral("12x"));
        QTest::keyClick(min, Qt::Key_Return);
        auto *problem = find<QLabel>(page, "activityFilterProblem");
        QTRY_VERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QLatin1String("smallest amount")));
        QCOMPARE(min->text(), QStringLiteral("12x"));
        QVERIFY(!activity->filter().minAmount);

        // Corrected, it applies: only amounts from $12 up.
        min->clear();
        QTest::keyClicks(min, QStringLiteral("12"));
        QTest::keyClick(min, Qt::Key_Return);
        QTRY_VERIFY(!problem->isVisible());
        QCOMPARE(activity->filter().minAmount, std::optional<qint64>(1200));
        QTRY_VERIFY_WITH_TIMEOUT(activity->state() == ActivityModel::State::Idle, 10000);
        for (int row = 0; row < activity->rowCount(); ++row)
            QVERIFY(qAbs(activity->entryAt(row)->signedAmount()) >= 1200);
    }

    void anAccountsActivityOpensFromTheAccountsTab()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(test::signInWithCode(m_backend->authenticator(), test::seed::mayaThompson));
        QVERIFY(test::activate(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        ui::AccountsPage *accounts = m_window->accountsPage();
        QTRY_COMPARE(m_window->customerTabs()->currentWidget(), accounts);
        QTRY_VERIFY_WITH_TIMEOUT(accounts->model()->rowCount() == 2, 5000);
        auto *list = find<QListView>(accounts, "accountList");
        QTRY_VERIFY(list->selectionModel()->hasSelection() || list->currentIndex().isValid());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(accounts->model()->index(0)).center());
        QTest::mouseClick(find<QPushButton>(accounts, "showAccountActivityButton"), Qt::LeftButton);
        ui::ActivityPage *page = m_window->activityPage();
        QTRY_COMPARE(m_window->customerTabs()->currentWidget(), page);
        QCOMPARE(page->scope().kind, ActivityScope::Kind::Account);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, 10000);
        // No purchase simulation for a whole account: it is a card's.
        QVERIFY(!find<QPushButton>(page, "simulatePurchaseButton")->isVisible());
    }
};

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
