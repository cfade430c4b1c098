// The bank's production set-up end to end, with three real processes on loopback: tessera
// (this process, driven through its widgets as a customer would), tessera-broker holding the
// org token, and tessera-sandbox standing in for Unit.

#include "Authenticator.h"
#include "Backend.h"
#include "BrokerProcess.h"
#include "Card.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "MainWindow.h"
#include "OtpDialog.h"
#include "SandboxProcess.h"
#include "SeedIds.h"
#include "Session.h"
#include "SuiteSetup.h"
#include "TokenStore.h"

#include <memory>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using tessera::ui::MainWindow;

class TestProductionJourney : public QObject
{
    Q_OBJECT

private:
    test::SandboxProcess m_unit;
    std::unique_ptr<test::BrokerProcess> m_broker;

    Environment environment() const
    {
        // Production's own, but with the sandbox process at Unit's address.
        return Environment::custom(m_unit.baseUrl(), m_broker->baseUrl());
    }

    template <class T> static T *find(QWidget &parent, const char *name)
    {
        return parent.findChild<T *>(QLatin1String(name));
    }

    // Types `code` into the open code dialog and presses Verify.
    static bool enterCode(MainWindow &window, const QString &code)
    {
        if (!QTest::qWaitFor([&] { return window.otpDialog() && window.otpDialog()->isVisible(); },
                             10000))
            return false;
        auto *field = find<QLineEdit>(*window.otpDialog(), "otpCode");
        auto *verify = find<QPushButton>(*window.otpDialog(), "otpVerify");
        field->selectAll();
        QTest::keyClicks(field, code);
        if (!QTest::qWaitFor([&] { return verify->isEnabled(); }, 5000))
            return false;
        QTest::mouseClick(verify, Qt::LeftButton);
        return true;
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_productionjourney")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QString error;
        QVERIFY2(m_unit.start(&error), qPrintable(error));
        m_broker = std::make_unique<test::BrokerProcess>(m_unit.baseUrl(), m_unit.orgToken());
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void signInByPhoneRelaunchWithoutACodeStepUpAtUnitNeverTheBroker()
    {
        {
            Backend backend(environment(), {});
            MainWindow window(&backend);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTest::keyClicks(find<QLineEdit>(window, "signInIdentifier"),
                             QStringLiteral("+1 (415) 555-0142"));
            QTest::mouseClick(find<QPushButton>(window, "sendCodeButton"), Qt::LeftButton);

            QSignalSpy rejected(backend.authenticator(), &Authenticator::codeRejected);
            QVERIFY(enterCode(window, QStringLiteral("000002")));
            QVERIFY(rejected.wait(10000));
            auto *said = find<QLabel>(*window.otpDialog(), "otpError");
            QVERIFY2(said->text().startsWith(QStringLiteral("That code is not right.")),
                     qPrintable(said->text()));

            QSignalSpy signedIn(backend.authenticator(), &Authenticator::signedIn);
            QVERIFY(enterCode(window, QStringLiteral("000001")));
            QVERIFY(signedIn.wait(10000));
            QCOMPARE(backend.session()->customerId(), test::seed::mayaThompson);
            QCOMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));
            QTRY_VERIFY_WITH_TIMEOUT(window.cardsPage()->model()->rowCount() > 0, 10000);
            // The sign-in token came from the broker, minted with the org token.
            QVERIFY(m_unit.log().contains(
                QLatin1String("customer token issued for customer 100001 by the org token")));
        }

        // Relaunch: the keychain's token, no code, no call to the broker.
        const qsizetype brokerLogBefore = m_broker->log().size();
        Backend backend(environment(), {});
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy restored(backend.authenticator(), &Authenticator::restoreFinished);
        backend.restoreLastSignIn();
        QVERIFY(restored.wait(10000));
        QCOMPARE(restored.first().first().toBool(), true);
        QTRY_COMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));
        QVERIFY(!window.otpDialog() || !window.otpDialog()->isVisible());
        CardsModel *cards = window.cardsPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(cards->rowCount() > 0, 10000);

        // A two-factor action: a code, then Unit mints the verified token for the customer's
        // own token. The broker hears nothing of it.
        int row = -1;
        for (int i = 0; i < cards->rowCount() && row < 0; ++i) {
            if (cards->cardAt(i)->status == CardStatus::Active)
                row = i;
        }
        QVERIFY(row >= 0);
        const QString cardId = cards->cardAt(row)->id;
        auto *list = find<QListView>(*window.cardsPage(), "cardList");
        list->setCurrentIndex(cards->index(row));
        auto *freeze = find<QPushButton>(*window.cardsPage(), "action-freeze");
        QTRY_VERIFY_WITH_TIMEOUT(freeze->isVisible(), 5000);
        QTest::mouseClick(freeze, Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmCardAction"))) &&
                confirm->isVisible(),
            5000);
        QTest::mouseClick(find<QPushButton>(*confirm, "confirmButton"), Qt::LeftButton);
        QVERIFY(enterCode(window, QStringLiteral("000001")));
        QTRY_VERIFY_WITH_TIMEOUT(cards->cardAt(cards->rowOf(cardId))->status == CardStatus::Frozen,
                                 10000);
        QVERIFY(m_unit.log().contains(
            QLatin1String("customer token issued for customer 100001 by a customer token")));
        QCOMPARE(m_broker->log().size(), brokerLogBefore);

        QSignalSpy removed(backend.tokenStore(), &TokenStore::removeFinished);
        backend.authenticator()->signOut();
        removed.wait(3000);
    }
};

QTEST_MAIN(TestProductionJourney)
#include "tst_productionjourney.moc"
