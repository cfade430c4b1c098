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
using tessera::sandbox::SandboxServer;

// A card action as core runs it for the cards page: the lifecycle decides whether it may go,
// the step-up code is asked through the authenticator, and the model shows Unit's answer.
class TestCardActions : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    // The first card of the signed-in customer that `action` applies to, as the model has it.
    const Card *cardFor(CardAction action) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const Card *card = m_model->cardAt(row);
            if (CardLifecycle::apply(card->status, action))
                return card;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_cardactions")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
    }

    void init()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        createCardsModel()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_model->state() == CardsModel::State::Idle && m_model->rowCount() > 0, 5000);
    }

    void cleanup()
    {
        m_model.reset();
        if (m_backend)
            m_backend->authenticator()->signOut();
        m_backend.reset();
    }

    void freezeAsksForACodeThenUpdatesTheModel()
    {
        const Card *card = cardFor(CardAction::Freeze);
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
        const Card *active = cardFor(CardAction::Freeze);
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
        const Card *card = cardFor(CardAction::Freeze);
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
};

QTEST_GUILESS_MAIN(TestCardActions)
#include "tst_cardactions.moc"
