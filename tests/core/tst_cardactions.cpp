#include "Authenticator.h"
#include "Backend.h"
#include "CardActions.h"
#include "CardsModel.h"
#include "Credentials.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "SignedInCardsFixture.h"
#include "SuiteSetup.h"

#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using tessera::sandbox::FaultInjector;
using tessera::sandbox::SandboxServer;

// A card action as core runs it for the cards page: the lifecycle decides whether it may go,
// the step-up code is asked through the authenticator, and the model shows Unit's answer.
class TestCardActions : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    // The first card of the signed-in customer that `action` applies to, as the model has it.
    std::optional<Card> cardFor(CardAction action) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const std::optional<Card> card = m_model->cardAt(row);
            if (CardLifecycle::apply(card->status, action))
                return card;
        }
        return std::nullopt;
    }

    // Applies `action` to `card`, answering the step-up code, and waits until it is over.
    void applyWithCode(CardActions &actions, const Card &card, CardAction action)
    {
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        QSignalSpy busy(&actions, &CardActions::busyChanged);
        QVERIFY(actions.apply(card, action));
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->submitCode(QStringLiteral("000001"));
        QTRY_VERIFY_WITH_TIMEOUT(!actions.isBusy(), 15000);
        QCOMPARE(busy.count(), 2); // busy once, through the check as well
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_cardactions")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
    }

    void init() { QVERIFY(signInWithCards(test::seed::mayaThompson)); }

    void cleanup() { signOutAndForget(); }

    void freezeAsksForACodeThenUpdatesTheModel()
    {
        const std::optional<Card> card = cardFor(CardAction::Freeze);
        QVERIFY(card);
        const QString cardId = card->id;
        CardActions actions(m_backend.get(), m_model.get());
        QSignalSpy required(m_backend->authenticator(), &Authenticator::codeRequired);
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        QSignalSpy succeeded(&actions, &CardActions::succeeded);
        QSignalSpy busy(&actions, &CardActions::busyChanged);
        QVERIFY(actions.apply(*card, CardAction::Freeze));
        QVERIFY(actions.isBusy());
        // A second action while the first is on its way is refused, not queued.
        QVERIFY(!actions.apply(*m_model->cardAt(m_model->rowOf(cardId)), CardAction::Close));
        QVERIFY(required.wait(5000));
        QCOMPARE(required.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::StepUp);
        QVERIFY(sent.count() > 0 || sent.wait(5000));
        m_backend->authenticator()->submitCode(QStringLiteral("000001"));
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(succeeded.first().first().value<Card>().status, CardStatus::Frozen);
        QCOMPARE(m_model->cardAt(m_model->rowOf(cardId))->status, CardStatus::Frozen);
        QVERIFY(!actions.isBusy());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(m_backend->credentials()->verifiedCount(), 1);
    }

    void anActionTheStatusDoesNotAllowIsNotSent()
    {
        const std::optional<Card> active = cardFor(CardAction::Freeze);
        QVERIFY(active);
        CardActions actions(m_backend.get(), m_model.get());
        QSignalSpy required(m_backend->authenticator(), &Authenticator::codeRequired);
        QVERIFY(!actions.apply(*active, CardAction::Unfreeze));
        QVERIFY(!actions.isBusy());
        QTest::qWait(100);
        QCOMPARE(required.count(), 0);
    }

    void givingUpTheCodeChangesNothing()
    {
        const std::optional<Card> card = cardFor(CardAction::Freeze);
        QVERIFY(card);
        const QString cardId = card->id;
        const CardStatus before = card->status;
        CardActions actions(m_backend.get(), m_model.get());
        QSignalSpy cancelled(&actions, &CardActions::cancelled);
        QSignalSpy failed(&actions, &CardActions::failed);
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        QVERIFY(actions.apply(*card, CardAction::Freeze));
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->cancel();
        QVERIFY(cancelled.count() == 1 || cancelled.wait(5000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_model->cardAt(m_model->rowOf(cardId))->status, before);
        QVERIFY(!actions.isBusy());
    }

    // Unit froze the card but the connection dropped before its answer: the freeze is sent
    // once (never again behind the customer's back), the card is loaded again, and the result
    // is the truth: frozen.
    void aFreezeWhoseAnswerIsLostIsSentOnceAndFoundDone()
    {
        const std::optional<Card> card = cardFor(CardAction::Freeze);
        QVERIFY(card);
        const Card before = *card;
        const QString path = QStringLiteral("/cards/%1/freeze").arg(before.id);
        QVERIFY(addFault(QStringLiteral("POST %1 drop-after-commit n=1").arg(path)));
        QSignalSpy received(&m_sandbox, &SandboxServer::requestReceived);
        CardActions actions(m_backend.get(), m_model.get());
        QSignalSpy succeeded(&actions, &CardActions::succeeded);
        QSignalSpy failed(&actions, &CardActions::failed);
        applyWithCode(actions, before, CardAction::Freeze);
        QCOMPARE(countOf(received, "POST", path), 1);
        QCOMPARE(countOf(received, "GET", QStringLiteral("/cards/%1").arg(before.id)), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(succeeded.count(), 1);
        QCOMPARE(succeeded.first().first().value<Card>().status, CardStatus::Frozen);
        QCOMPARE(m_model->cardAt(m_model->rowOf(before.id))->status, CardStatus::Frozen);
    }

    // The connection dropped before Unit did anything: sent once, and after loading the card
    // the customer hears plainly that it was not done.
    void anUnfreezeThatWasNotDoneIsSentOnceAndReportedNotDone()
    {
        const std::optional<Card> card = cardFor(CardAction::Unfreeze);
        QVERIFY(card);
        const Card before = *card;
        const QString path = QStringLiteral("/cards/%1/unfreeze").arg(before.id);
        QVERIFY(addFault(QStringLiteral("POST %1 drop-before-response n=1").arg(path)));
        QSignalSpy received(&m_sandbox, &SandboxServer::requestReceived);
        CardActions actions(m_backend.get(), m_model.get());
        QSignalSpy succeeded(&actions, &CardActions::succeeded);
        QSignalSpy failed(&actions, &CardActions::failed);
        applyWithCode(actions, before, CardAction::Unfreeze);
        QCOMPARE(countOf(received, "POST", path), 1);
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(failed.count(), 1);
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.message(), QStringLiteral("The connection dropped before the bank "
                                                 "answered, and the card shows no change: it "
                                                 "was not done. You can try again."));
        QCOMPARE(m_model->cardAt(m_model->rowOf(before.id))->status, before.status);
    }

    // When even the check fails, the customer is told the outcome is unknown, not a guess.
    void anUncheckableOutcomeIsReportedAsUnknown()
    {
        const std::optional<Card> card = cardFor(CardAction::Unfreeze);
        QVERIFY(card);
        const Card before = *card;
        QVERIFY(addFault(
            QStringLiteral("POST /cards/%1/unfreeze drop-after-commit n=1").arg(before.id)));
        QVERIFY(addFault(QStringLiteral("GET /cards/%1 500").arg(before.id)));
        CardActions actions(m_backend.get(), m_model.get());
        QSignalSpy failed(&actions, &CardActions::failed);
        applyWithCode(actions, before, CardAction::Unfreeze);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::OutcomeUnknown);
    }
};

QTEST_GUILESS_MAIN(TestCardActions)
#include "tst_cardactions.moc"
