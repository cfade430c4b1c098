// PurchaseSimulation against the real sandbox on a loopback port, with the sandbox's org token
// as the demo uses it: pending first, then settled; declined and refused ones in plain words;
// never sent twice.
#include "ApiClient.h"
#include "FaultInjector.h"
#include "PurchaseSimulation.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"
#include "SeedIds.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using tessera::sandbox::FaultInjector;
using tessera::sandbox::SandboxServer;

class TestPurchaseSimulation : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_org;

    template <class T> T fetch(ApiReply *raw)
    {
        std::unique_ptr<ApiReply> reply(raw);
        [&] { QVERIFY(test::waitForFinished(reply.get(), 10000)); }();
        [&] { QVERIFY2(!reply->hasError(), qPrintable(reply->error().detail)); }();
        return reply->valueAs<T>();
    }

    Card mayasCard() { return fetch<Card>(m_org->getCard(test::seed::mayaActivePhysicalCard)); }
    Account mayasChecking() { return fetch<Account>(m_org->getAccount(test::seed::mayaChecking)); }

private slots:
    void init()
    {
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY(m_sandbox->start() != 0);
        m_org = std::make_unique<ApiClient>(&m_network);
        m_org->setBaseUrl(m_sandbox->baseUrl());
        m_org->setBearerToken(m_sandbox->orgToken());
    }

    void cleanup()
    {
        m_org.reset();
        m_sandbox.reset();
    }

    void aPurchaseIsPendingFirstThenSettled()
    {
        const Card card = mayasCard();
        const Account before = mayasChecking();
        PurchaseSimulation simulation(m_org.get());
        simulation.setSettleDelay(std::chrono::milliseconds(200));
        QSignalSpy authorized(&simulation, &PurchaseSimulation::authorized);
        QSignalSpy settled(&simulation, &PurchaseSimulation::settled);
        QSignalSpy failed(&simulation, &PurchaseSimulation::failed);

        simulation.start(card, test::seed::mayaChecking, 1899,
                         QStringLiteral("Blue Bottle Coffee"));
        QVERIFY(simulation.isActive());
        QVERIFY(authorized.wait(10000));
        QVERIFY(settled.isEmpty());
        const Authorization pending = authorized.first().first().value<Authorization>();
        QCOMPARE(pending.status, AuthorizationStatus::Authorized);
        QCOMPARE(pending.amount, 1899);
        QCOMPARE(pending.merchant.name, QStringLiteral("Blue Bottle Coffee"));
        QCOMPARE(pending.cardId, card.id);
        // Held while pending.
        const Account held = mayasChecking();
        QCOMPARE(held.hold, before.hold + 1899);
        QCOMPARE(held.available, before.available - 1899);
        QCOMPARE(held.balance, before.balance);

        QVERIFY(settled.wait(10000));
        QVERIFY(failed.isEmpty());
        QVERIFY(!simulation.isActive());
        const Transaction purchase = settled.first().first().value<Transaction>();
        QCOMPARE(purchase.kind, TransactionKind::Purchase);
        QCOMPARE(purchase.signedAmount(), -1899);
        QCOMPARE(purchase.authorizationId, pending.id);
        QCOMPARE(purchase.cardLast4Digits, card.last4Digits);
        QCOMPARE(purchase.balance, std::optional<qint64>(before.balance - 1899));
        const Account after = mayasChecking();
        QCOMPARE(after.balance, before.balance - 1899);
        QCOMPARE(after.hold, before.hold);
    }

    void aPaymentTheBalanceCannotCoverIsDeclined()
    {
        const Account before = mayasChecking();
        PurchaseSimulation simulation(m_org.get());
        simulation.setSettleDelay(std::chrono::milliseconds(10));
        QSignalSpy authorized(&simulation, &PurchaseSimulation::authorized);
        QSignalSpy failed(&simulation, &PurchaseSimulation::failed);
        simulation.start(mayasCard(), test::seed::mayaChecking, before.available + 100,
                         QStringLiteral("Best Buy"));
        QVERIFY(failed.wait(10000));
        QVERIFY(authorized.isEmpty());
        QVERIFY(!simulation.isActive());
        QCOMPARE(failed.first().first().toString(),
                 QStringLiteral("The card payment was declined."));
        QCOMPARE(mayasChecking().available, before.available);
    }

    void aCardTheAccountDoesNotHaveFailsInPlainWords()
    {
        Card stranger = mayasCard();
        stranger.last4Digits = QStringLiteral("0000");
        PurchaseSimulation simulation(m_org.get());
        QSignalSpy failed(&simulation, &PurchaseSimulation::failed);
        simulation.start(stranger, test::seed::mayaChecking, 500, QStringLiteral("Shell"));
        QVERIFY(failed.wait(10000));
        const QString message = failed.first().first().toString();
        QVERIFY(!message.isEmpty());
        for (const char *technical : {"400", "last4", "cardLast4Digits", "Bad Request"})
            QVERIFY2(!message.contains(QLatin1String(technical)), qPrintable(message));
    }

    void aSecondStartWhileOneIsUnderWayIsIgnored()
    {
        const Card card = mayasCard();
        PurchaseSimulation simulation(m_org.get());
        simulation.setSettleDelay(std::chrono::milliseconds(50));
        QSignalSpy authorized(&simulation, &PurchaseSimulation::authorized);
        QSignalSpy settled(&simulation, &PurchaseSimulation::settled);
        QSignalSpy requests(m_sandbox.get(), &SandboxServer::requestReceived);
        simulation.start(card, test::seed::mayaChecking, 700, QStringLiteral("Starbucks"));
        simulation.start(card, test::seed::mayaChecking, 900, QStringLiteral("Peet's Coffee"));
        QVERIFY(settled.wait(10000));
        QCOMPARE(authorized.size(), 1);
        QCOMPARE(settled.first().first().value<Transaction>().amount, 700);
        QCOMPARE(requests.size(), 2); // one authorization, one purchase
    }

    // A repeat could be a second payment: even a client that retries GETs sends these once.
    void simulationsAreNeverSentTwice()
    {
        RetryPolicy retrying;
        retrying.maxAttempts = 4;
        retrying.baseDelayMs = 2;
        retrying.maxDelayMs = 10;
        m_org->setRetryPolicy(retrying);
        const Card card = mayasCard();
        QString error;
        const auto rule = FaultInjector::parseRule(
            QStringLiteral("POST /sandbox/authorizations 503 n=1"), &error);
        QVERIFY2(rule, qPrintable(error));
        m_sandbox->faults().addRule(*rule);
        QSignalSpy requests(m_sandbox.get(), &SandboxServer::requestReceived);
        PurchaseSimulation simulation(m_org.get());
        QSignalSpy failed(&simulation, &PurchaseSimulation::failed);
        simulation.start(card, test::seed::mayaChecking, 500, QStringLiteral("Shell"));
        QVERIFY(failed.wait(10000));
        QTest::qWait(100);
        QCOMPARE(requests.size(), 1);
        QVERIFY(!simulation.isActive());
    }
};

QTEST_GUILESS_MAIN(TestPurchaseSimulation)
#include "tst_purchasesimulation.moc"
