#include "Backend.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "CreateCardWizard.h"
#include "MainWindow.h"
#include "OtpDialog.h"
#include "SandboxServer.h"
#include "Session.h"

#include <QAbstractButton>
#include <QLabel>
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
using tessera::sandbox::SandboxServer;
using tessera::ui::MainWindow;

// The promise, as a person does it: pick a demo customer, see their cards, create a
// debit card through the wizard with code 000001, and freeze it.
class TestDemoJourney : public QObject
{
    Q_OBJECT

private:
    template <class T>
    static T *find(QWidget *root, const char *name)
    {
        return root->findChild<T *>(QLatin1String(name));
    }

    static void typeCode(MainWindow &window)
    {
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        auto *code = find<QLineEdit>(window.otpDialog(), "otpCode");
        QTest::keyClicks(code, QStringLiteral("000001"));
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() == nullptr, 5000);
    }

private slots:
    void signInCreateAndFreeze()
    {
        QStandardPaths::setTestModeEnabled(true);
        SandboxServer sandbox;
        QVERIFY(sandbox.start() != 0);
        Backend backend(Environment::demo(sandbox.baseUrl()), sandbox.orgToken());
        backend.tokenStore()->setWatchdogInterval(3000);
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Pick the first demo customer and sign in with the code.
        auto *customers = find<QListView>(&window, "customerList");
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() > 0, 5000);
        QTest::mouseClick(find<QPushButton>(&window, "signInButton"), Qt::LeftButton);
        typeCode(window);

        // Their cards.
        CardsModel *cards = window.cardsPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(cards->rowCount() > 0, 5000);
        const int before = cards->rowCount();
        const int cardsOnServer = sandbox.cardCount();

        // Create a physical debit card through the wizard.
        QTest::mouseClick(find<QPushButton>(window.cardsPage(), "createCardButton"),
                          Qt::LeftButton);
        ui::CreateCardWizard *wizard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (wizard = window.findChild<ui::CreateCardWizard *>()) != nullptr, 5000);
        QVERIFY(find<QRadioButton>(wizard, "physicalCardOption")->isChecked()
                || find<QRadioButton>(wizard, "virtualCardOption")->isChecked() == false);
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
        typeCode(window); // step-up to cards-write
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

        // Freeze it: a confirmation, and no second code (the token has cards-write now).
        QSignalSpy codeRequired(backend.authenticator(), &Authenticator::codeRequired);
        QTest::mouseClick(find<QPushButton>(window.cardsPage(), "action-freeze"), Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmCardAction")))
                    != nullptr);
        QTest::mouseClick(find<QPushButton>(confirm, "confirmButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(cards->cardAt(0)->status, CardStatus::Frozen, 5000);
        QCOMPARE(codeRequired.count(), 0);
        QTRY_VERIFY(find<QLabel>(&window, "statusMessage")->text().contains(QLatin1String("frozen")));
    }
};

QTEST_MAIN(TestDemoJourney)
#include "tst_demojourney.moc"
