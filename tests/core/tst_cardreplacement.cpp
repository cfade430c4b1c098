#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CardReplacement.h"
#include "CardsModel.h"
#include "Page.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "SignedInCardsFixture.h"
#include "SuiteSetup.h"

#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using tessera::sandbox::FaultInjector;
using tessera::sandbox::SandboxServer;

// Replacing a card as core runs it for the replace dialog: sent once, recorded on the old
// card, and after a lost answer the truth found out from the account's cards.
class TestCardReplacement : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    std::optional<Card> activeCard() const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const std::optional<Card> card = m_model->cardAt(row);
            if (card->status == CardStatus::Active)
                return card;
        }
        return std::nullopt;
    }

    // Starts the replacement of `card`, answers the step-up code, waits until it is over.
    void replaceWithCode(CardReplacement &replacement, const Card &card)
    {
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        QVERIFY(replacement.start(card, std::nullopt));
        QVERIFY(replacement.isBusy());
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->submitCode(QStringLiteral("000001"));
        QTRY_VERIFY_WITH_TIMEOUT(!replacement.isBusy(), 15000);
    }

    // The card as the sandbox has it now.
    Card cardOnServer(const QString &id)
    {
        std::unique_ptr<ApiReply> reply(m_backend->api()->getCard(id));
        if (!test::waitForFinished(reply.get(), 5000) || reply->hasError())
            return {};
        return reply->valueAs<Card>();
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_cardreplacement")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
    }

    void init() { QVERIFY(signInWithCards(test::seed::mayaThompson)); }

    void cleanup() { signOutAndForget(); }

    // The old card names its replacement afterwards, so it is not offered for replacing again.
    void aReplacedCardNamesItsReplacement()
    {
        const std::optional<Card> card = activeCard();
        QVERIFY(card);
        const Card old = *card;
        CardReplacement replacement(m_backend.get());
        QSignalSpy replaced(&replacement, &CardReplacement::replaced);
        replaceWithCode(replacement, old);
        QCOMPARE(replaced.count(), 1);
        const Card newCard = replaced.first().first().value<Card>();
        QVERIFY(!newCard.id.isEmpty());
        QVERIFY(newCard.id != old.id);
        QCOMPARE(cardOnServer(old.id).replacedById(), newCard.id);
    }

    // Unit replaced the card but the answer was lost: the replace went out once, the new card
    // is found among the account's cards, recorded on the old one, and reported as done.
    void aReplaceWhoseAnswerIsLostIsSentOnceAndFoundDone()
    {
        const std::optional<Card> card = activeCard();
        QVERIFY(card);
        const Card old = *card;
        const QString path = QStringLiteral("/cards/%1/replace").arg(old.id);
        QVERIFY(addFault(QStringLiteral("POST %1 drop-after-commit n=1").arg(path)));
        QSignalSpy received(&m_sandbox, &SandboxServer::requestReceived);
        CardReplacement replacement(m_backend.get());
        QSignalSpy replaced(&replacement, &CardReplacement::replaced);
        QSignalSpy failed(&replacement, &CardReplacement::failed);
        replaceWithCode(replacement, old);
        QCOMPARE(countOf(received, "POST", path), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(replaced.count(), 1);
        const Card newCard = replaced.first().first().value<Card>();
        QVERIFY(newCard.id != old.id);
        QCOMPARE(newCard.accountId, old.accountId);
        QCOMPARE(cardOnServer(old.id).replacedById(), newCard.id);
    }

    // The connection dropped before Unit did anything: sent once, no new card on the account,
    // and the customer hears that the card was not replaced.
    void aReplaceThatWasNotDoneIsSentOnceAndReportedNotDone()
    {
        const std::optional<Card> card = activeCard();
        QVERIFY(card);
        const Card old = *card;
        const int cardsBefore = m_sandbox.cardCount();
        const QString path = QStringLiteral("/cards/%1/replace").arg(old.id);
        QVERIFY(addFault(QStringLiteral("POST %1 drop-before-response n=1").arg(path)));
        QSignalSpy received(&m_sandbox, &SandboxServer::requestReceived);
        CardReplacement replacement(m_backend.get());
        QSignalSpy replaced(&replacement, &CardReplacement::replaced);
        QSignalSpy failed(&replacement, &CardReplacement::failed);
        replaceWithCode(replacement, old);
        QCOMPARE(countOf(received, "POST", path), 1);
        QCOMPARE(replaced.count(), 0);
        QCOMPARE(failed.count(), 1);
        const ApiError error = failed.first().first().value<ApiError>();
        QVERIFY(error.kind != ApiError::Kind::OutcomeUnknown);
        QVERIFY2(error.message().contains(QLatin1String("not replaced")),
                 qPrintable(error.message()));
        const Card now = cardOnServer(old.id);
        QCOMPARE(now.status, old.status);
        QVERIFY(now.replacedById().isEmpty());
        QCOMPARE(m_sandbox.cardCount(), cardsBefore);
    }

    // When the account's cards cannot be listed either, the outcome stays unknown and is said
    // to be unknown.
    void anUncheckableReplaceIsReportedAsUnknown()
    {
        const std::optional<Card> card = activeCard();
        QVERIFY(card);
        const Card old = *card;
        QVERIFY(
            addFault(QStringLiteral("POST /cards/%1/replace drop-after-commit n=1").arg(old.id)));
        CardReplacement replacement(m_backend.get());
        QSignalSpy failed(&replacement, &CardReplacement::failed);
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        QVERIFY(replacement.start(old, std::nullopt));
        QVERIFY(sent.wait(5000));
        // From now on every list fails: the check after the lost answer cannot be made.
        QVERIFY(addFault(QStringLiteral("GET /cards 500")));
        m_backend->authenticator()->submitCode(QStringLiteral("000001"));
        QTRY_VERIFY_WITH_TIMEOUT(!replacement.isBusy(), 30000);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::OutcomeUnknown);
    }
};

QTEST_GUILESS_MAIN(TestCardReplacement)
#include "tst_cardreplacement.moc"
