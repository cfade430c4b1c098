#include "AddressForm.h"
#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "ChildByName.h"
#include "DemoBackend.h"
#include "DemoSignIn.h"
#include "ReplaceCardDialog.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"
#include "Session.h"
#include "TokenStore.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::AddressForm;
using tessera::ui::ReplaceCardDialog;

// Replaces Maya's seed cards through the real dialog against the in-process sandbox.
class TestReplaceCardDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ReplaceCardDialog> m_dialog;

    template <class T> T *child(const char *name) { return test::child<T>(m_dialog.get(), name); }

    Card fetchCard(const QString &id)
    {
        std::unique_ptr<ApiReply> reply(m_backend->api()->getCard(id));
        if (!test::waitForFinished(reply.get()) || reply->hasError())
            return {};
        return reply->valueAs<Card>();
    }

    void openDialog(const Card &card)
    {
        m_dialog = std::make_unique<ReplaceCardDialog>(m_backend.get(), card);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_replacecarddialog"));
    }

    // A fresh sandbox and sign-in (as Maya, 100001) for each test: replacing changes cards.
    void init()
    {
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY(m_sandbox->start() != 0);
        m_backend = test::makeDemoBackend(*m_sandbox);
        m_backend->authenticator()->setEnvironmentId(QStringLiteral("test-") +
                                                     QUuid::createUuid().toString(QUuid::Id128));
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            m_backend->tokenStore()->setWatchdogInterval(2000);
        QVERIFY(test::signInWithCode(m_backend->authenticator(), QStringLiteral("100001")));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_backend.reset();
        m_sandbox.reset();
    }

    void replacesAPhysicalCard()
    {
        const Card old = fetchCard(QStringLiteral("300001"));
        QCOMPARE(old.id, QStringLiteral("300001"));
        QVERIFY(!old.isVirtual());
        openDialog(old);

        QVERIFY(child<QLabel>("replaceExplanation")->text().contains(old.last4Digits));
        auto *form = child<AddressForm>("replaceAddressForm");
        QVERIFY(form && form->isVisible());
        QCOMPARE(m_dialog->addressForm(), form);
        QCOMPARE(form->address(), *old.shippingAddress); // prefilled from the card

        // A broken address is refused in place, with nothing sent.
        auto *zip = child<QLineEdit>("postalCodeField");
        zip->setFocus();
        zip->selectAll();
        QTest::keyClicks(zip, QStringLiteral("12"));
        const int before = m_sandbox->cardCount();
        QSignalSpy replaced(m_dialog.get(), &ReplaceCardDialog::cardReplaced);
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        QTest::mouseClick(child<QPushButton>("replaceButton"), Qt::LeftButton);
        QVERIFY(!child<QLabel>("postalCodeError")->isHidden());
        QVERIFY(m_dialog->isVisible());
        QVERIFY(!m_dialog->isBusy());
        QCOMPARE(sent.count(), 0);

        QTest::keyClicks(zip, QStringLiteral("345"));
        QTest::mouseClick(child<QPushButton>("replaceButton"), Qt::LeftButton);
        QVERIFY(m_dialog->isBusy());
        QVERIFY(!child<QPushButton>("replaceButton")->isEnabled());
        QVERIFY(!child<QWidget>("replaceBusy")->isHidden());
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->submitCode(QStringLiteral("000001"));
        QTRY_COMPARE_WITH_TIMEOUT(replaced.count(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 5000);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

        const Card newCard = replaced.first().first().value<Card>();
        QVERIFY(!newCard.id.isEmpty());
        QVERIFY(newCard.id != old.id);
        QCOMPARE(newCard.accountId, old.accountId);
        QCOMPARE(newCard.status, CardStatus::Inactive);
        QCOMPARE(newCard.shippingAddress->postalCode, QStringLiteral("12345"));
        QCOMPARE(m_sandbox->cardCount(), before + 1);
        QCOMPARE(fetchCard(old.id).status, CardStatus::ClosedByCustomer);
        QCOMPARE(replaced.count(), 1);
    }

    void virtualCardHasNoAddressForm()
    {
        const Card old = fetchCard(QStringLiteral("300002"));
        QVERIFY(old.isVirtual());
        openDialog(old);
        QVERIFY(m_dialog->addressForm() == nullptr);
        QVERIFY(m_dialog->findChild<AddressForm *>() == nullptr);
        QVERIFY(m_dialog->findChild<QLineEdit *>(QStringLiteral("streetField")) == nullptr);
        QVERIFY(child<QLabel>("replaceExplanation")->text().contains(QLatin1String("virtual")));

        QSignalSpy replaced(m_dialog.get(), &ReplaceCardDialog::cardReplaced);
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        QTest::mouseClick(child<QPushButton>("replaceButton"), Qt::LeftButton);
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->submitCode(QStringLiteral("000001"));
        QTRY_COMPARE_WITH_TIMEOUT(replaced.count(), 1, 5000);
        const Card newCard = replaced.first().first().value<Card>();
        QVERIFY(newCard.id != old.id);
        QVERIFY(newCard.isVirtual());
        QVERIFY(!newCard.shippingAddress.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 5000);
    }

    void cancellingTheCodeKeepsTheDialog()
    {
        Card old = fetchCard(QStringLiteral("300001"));
        old.shippingAddress.reset(); // then the customer's address on file is offered
        openDialog(old);
        auto *street = child<QLineEdit>("streetField");
        QTRY_COMPARE_WITH_TIMEOUT(street->text(), QStringLiteral("742 Valencia St"), 5000);
        street->selectAll();
        QTest::keyClicks(street, QStringLiteral("1 Market St"));

        QSignalSpy replaced(m_dialog.get(), &ReplaceCardDialog::cardReplaced);
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        const int before = m_sandbox->cardCount();
        QTest::mouseClick(child<QPushButton>("replaceButton"), Qt::LeftButton);
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->cancel();
        QVERIFY(m_dialog->isVisible());
        QVERIFY(!m_dialog->isBusy());
        QCOMPARE(child<QLabel>("replaceError")->text(),
                 QStringLiteral("Card not replaced: confirmation was cancelled."));
        QVERIFY(!child<QLabel>("replaceError")->isHidden());
        QCOMPARE(street->text(), QStringLiteral("1 Market St"));
        QVERIFY(street->isEnabled());
        QCOMPARE(replaced.count(), 0);
        QCOMPARE(m_sandbox->cardCount(), before);
    }

    void serverErrorIsShownInline()
    {
        // Replacing a closed card is refused by the server; the dialog says so and stays.
        const Card closed = fetchCard(QStringLiteral("300002"));
        openDialog(closed);
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        QSignalSpy replaced(m_dialog.get(), &ReplaceCardDialog::cardReplaced);
        // Close it behind the dialog's back first, with the org token.
        std::unique_ptr<ApiReply> close(
            m_backend->tokenApi()->applyCardAction(closed.id, CardAction::Close));
        QVERIFY(test::waitForFinished(close.get()));
        QVERIFY(!close->hasError());

        QTest::mouseClick(child<QPushButton>("replaceButton"), Qt::LeftButton);
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->submitCode(QStringLiteral("000001"));
        auto *error = child<QLabel>("replaceError");
        QTRY_VERIFY_WITH_TIMEOUT(!error->isHidden(), 5000);
        // Plain words only: Unit's detail names the status ("ClosedByCustomer").
        QVERIFY2(error->text().startsWith(QLatin1String("Card not replaced. ")),
                 qPrintable(error->text()));
        QVERIFY2(!error->text().contains(QLatin1String("ClosedByCustomer")),
                 qPrintable(error->text()));
        QVERIFY(m_dialog->isVisible());
        QVERIFY(child<QPushButton>("replaceButton")->isEnabled());
        QCOMPARE(replaced.count(), 0);
    }
};

QTEST_MAIN(TestReplaceCardDialog)
#include "tst_replacecarddialog.moc"
