// The demo journey with the keyboard alone: every key goes to the widget that has focus, as it
// would for a person who cannot use a mouse. Sign in, create a virtual card through the wizard,
// freeze it, sign out.
#include "Backend.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "CreateCardWizard.h"
#include "DemoBackend.h"
#include "MainWindow.h"
#include "OtpDialog.h"
#include "SandboxServer.h"
#include "Session.h"
#include "TokenStore.h"
#include "WidgetDriving.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tessera;
using namespace tessera::ui;

class TestKeyboardJourney : public QObject
{
    Q_OBJECT

private:
    static QWidget *focused()
    {
        QWidget *widget = QApplication::focusWidget();
        return widget ? widget : QApplication::activeWindow();
    }

    static void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(focused(), Qt::Key(key), modifiers);
    }

    static QString focusedName()
    {
        QWidget *widget = QApplication::focusWidget();
        return widget ? widget->objectName() : QString();
    }

    // Presses Tab until the named widget has focus; false if it is not in the Tab chain.
    static bool tabTo(const QString &objectName)
    {
        for (int i = 0; i < 60; ++i) {
            if (focusedName() == objectName)
                return true;
            press(Qt::Key_Tab);
        }
        return false;
    }

    static void typeCode(MainWindow &window)
    {
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(focusedName(), QStringLiteral("otpCode"), 5000);
        QTest::keyClicks(focused(), QStringLiteral("000001"));
        press(Qt::Key_Return);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void signInCreateFreezeSignOut()
    {
        sandbox::SandboxServer sandbox;
        QVERIFY(sandbox.start() != 0);
        const auto demoBackend = test::makeDemoBackend(sandbox);
        Backend &backend = *demoBackend;
        backend.tokenStore()->setWatchdogInterval(3000);
        MainWindow window(&backend);
        window.resize(1100, 720);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Sign-in: once listed, the customers have focus; Down picks the second, Enter signs in.
        QTRY_COMPARE_WITH_TIMEOUT(focusedName(), QStringLiteral("customerList"), 5000);
        auto *customers = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(customers->currentIndex().isValid(), 5000);
        press(Qt::Key_Down);
        press(Qt::Key_Return);
        typeCode(window);
        QTRY_VERIFY_WITH_TIMEOUT(backend.session()->isActive(), 5000);
        QCOMPARE(backend.session()->customerId(), QStringLiteral("100002"));
        CardsModel *cards = window.cardsPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(cards->rowCount() > 0, 5000);
        QVERIFY(test::activate(&window));
        QCOMPARE(focusedName(), QStringLiteral("cardList"));
        const int cardsBefore = sandbox.cardCount();

        // Ctrl+N opens the wizard; the arrow keys choose a virtual card, Enter moves on.
        press(Qt::Key_N, Qt::ControlModifier);
        CreateCardWizard *wizard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((wizard = window.findChild<CreateCardWizard *>()), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeWindow() == wizard, 5000);
        QVERIFY(tabTo(QStringLiteral("physicalCardOption")) ||
                tabTo(QStringLiteral("virtualCardOption")));
        if (focusedName() == QLatin1String("physicalCardOption"))
            press(Qt::Key_Down);
        QCOMPARE(focusedName(), QStringLiteral("virtualCardOption"));
        QVERIFY(
            wizard->findChild<QRadioButton *>(QStringLiteral("virtualCardOption"))->isChecked());
        press(Qt::Key_Return);

        // Account: the list, an open account chosen with the keyboard.
        auto *accounts = wizard->findChild<QListWidget *>(QStringLiteral("accountList"));
        QTRY_VERIFY_WITH_TIMEOUT(accounts->count() > 0, 5000);
        QVERIFY(tabTo(QStringLiteral("accountList")));
        press(Qt::Key_Home);
        QVERIFY(accounts->currentItem() && (accounts->currentItem()->flags() & Qt::ItemIsEnabled));
        press(Qt::Key_Return);

        // Review (a virtual card has no address): Enter creates, the step-up code follows.
        QTRY_VERIFY_WITH_TIMEOUT(
            wizard->findChild<QAbstractButton *>(QStringLiteral("createCardButton"))->isVisible(),
            5000);
        press(Qt::Key_Return);
        typeCode(window);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->createdCard().has_value(), 5000);
        const QString createdId = wizard->createdCard()->id;
        QVERIFY(test::activate(wizard));
        press(Qt::Key_Return); // Finish
        QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<CreateCardWizard *>() ||
                                     !window.findChild<CreateCardWizard *>()->isVisible(),
                                 5000);
        QCOMPARE(sandbox.cardCount(), cardsBefore + 1);
        QTRY_COMPARE_WITH_TIMEOUT(cards->cardAt(0)->id, createdId, 5000);

        // Freeze the new (selected) card: Tab to the action, Space, then confirm with Tab and
        // Space, since Enter would take the safe default, Cancel.
        QVERIFY(test::activate(&window));
        QVERIFY(tabTo(QStringLiteral("action-freeze")));
        press(Qt::Key_Space);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmCardAction"))), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeWindow() == confirm, 5000);
        QVERIFY(tabTo(QStringLiteral("confirmButton")));
        press(Qt::Key_Space);
        // The new card is another resource than the account the creation was confirmed for:
        // its own code, typed from the keyboard too.
        typeCode(window);
        QTRY_COMPARE_WITH_TIMEOUT(cards->cardAt(cards->rowOf(createdId))->status,
                                  CardStatus::Frozen, 5000);

        // Ctrl+Shift+Q signs out.
        QVERIFY(test::activate(&window));
        QSignalSpy removed(backend.tokenStore(), &TokenStore::removeFinished);
        press(Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!backend.session()->isActive(), 5000);
        QVERIFY(removed.count() == 1 || removed.wait(5000));
    }
};

QTEST_MAIN(TestKeyboardJourney)
#include "tst_keyboardjourney.moc"
