// BrokerRateLimits over an InMemoryBrokerStore with a clock the test moves: each limit is hit
// one request after its allowance, says how long to wait, and recovers when its window ends;
// code attempts are counted when admitted, before the code is tried.

#include "BrokerRateLimits.h"
#include "InMemoryBrokerStore.h"

#include <QTest>

using namespace tessera::broker;

namespace {

using Outcome = BrokerRateLimits::Decision::Outcome;

// A store that cannot be reached (Redis down): every counter answers Unavailable.
class UnreachableStore : public BrokerStore
{
public:
    Status putSignIn(const PendingSignIn &, int) override { return Status::Unavailable; }
    Status updateSignIn(const PendingSignIn &) override { return Status::Unavailable; }
    Status signIn(const QByteArray &, PendingSignIn *) override { return Status::Unavailable; }
    Status removeSignIn(const QByteArray &) override { return Status::Unavailable; }
    Count hit(const QByteArray &, int) override { return Count{Status::Unavailable, 0, 0}; }
    Count peek(const QByteArray &) override { return Count{Status::Unavailable, 0, 0}; }
};

} // namespace

class TestBrokerRateLimits : public QObject
{
    Q_OBJECT

    qint64 m_nowMs = 0;
    std::unique_ptr<InMemoryBrokerStore> m_store;
    BrokerLimits m_limits;

    BrokerRateLimits limits() { return BrokerRateLimits(*m_store, m_limits); }

private slots:
    void init()
    {
        m_nowMs = 1000;
        m_store = std::make_unique<InMemoryBrokerStore>([this] { return m_nowMs; });
        m_limits = BrokerLimits{};
    }

    void anAddressStartsTenSignInsPerWindowThenWaitsUntilItEnds()
    {
        BrokerRateLimits policy = limits();
        for (int i = 0; i < 10; ++i)
            QVERIFY(policy.admitStart("192.0.2.1", "identifier" + QByteArray::number(i)).allowed());
        m_nowMs += 100 * 1000;
        const auto limited = policy.admitStart("192.0.2.1", "another");
        QCOMPARE(limited.outcome, Outcome::Limited);
        QCOMPARE(limited.retryAfterSeconds, 500);
        QVERIFY(policy.admitStart("192.0.2.2", "another").allowed()); // others are not held up
        m_nowMs += 500 * 1000;
        QVERIFY(policy.admitStart("192.0.2.1", "another").allowed());
    }

    void aPhoneOrEmailStartsFiveSignInsPerWindowFromAnyAddress()
    {
        BrokerRateLimits policy = limits();
        for (int i = 0; i < 5; ++i)
            QVERIFY(policy.admitStart("192.0.2." + QByteArray::number(i), "maya").allowed());
        const auto limited = policy.admitStart("198.51.100.7", "maya");
        QCOMPARE(limited.outcome, Outcome::Limited);
        QCOMPARE(limited.retryAfterSeconds, 600);
        QVERIFY(policy.admitStart("198.51.100.7", "daniel").allowed());
        m_nowMs += 600 * 1000;
        QVERIFY(policy.admitStart("198.51.100.7", "maya").allowed());
    }

    void startsRefusedForTheAddressDoNotUseUpTheIdentifiersAllowance()
    {
        m_limits.startsPerAddress = 1;
        BrokerRateLimits policy = limits();
        QVERIFY(policy.admitStart("192.0.2.1", "maya").allowed());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(policy.admitStart("192.0.2.1", "maya").outcome, Outcome::Limited);
        for (int i = 2; i < 6; ++i)
            QVERIFY(policy.admitStart("192.0.2." + QByteArray::number(i), "maya").allowed());
    }

    void anAddressMayTryTwentyCodesPerHour()
    {
        BrokerRateLimits policy = limits();
        for (int i = 0; i < 20; ++i) {
            const QByteArray identifier = "identifier" + QByteArray::number(i);
            QVERIFY(policy.admitCodeAttempt("192.0.2.1", identifier, identifier, 600)
                        .decision.allowed());
        }
        const auto limited = policy.admitCodeAttempt("192.0.2.1", "fresh", "fresh", 600);
        QCOMPARE(limited.decision.outcome, Outcome::Limited);
        QCOMPARE(limited.decision.retryAfterSeconds, 3600);
        QVERIFY(policy.admitCodeAttempt("192.0.2.9", "fresh", "fresh", 600).decision.allowed());
        m_nowMs += 3600 * 1000;
        QVERIFY(policy.admitCodeAttempt("192.0.2.1", "fresh", "fresh", 600).decision.allowed());
    }

    void aPhoneOrEmailMayTryTenCodesPerHourFromAnyAddress()
    {
        BrokerRateLimits policy = limits();
        for (int i = 0; i < 10; ++i) {
            const QByteArray address = "192.0.2." + QByteArray::number(i);
            QVERIFY(policy.admitCodeAttempt(address, "maya", address, 600).decision.allowed());
        }
        QCOMPARE(policy.admitCodeAttempt("198.51.100.7", "maya", "new", 600).decision.outcome,
                 Outcome::Limited);
        QVERIFY(policy.admitCodeAttempt("198.51.100.7", "daniel", "new", 600).decision.allowed());
        m_nowMs += 3600 * 1000;
        QVERIFY(policy.admitCodeAttempt("198.51.100.7", "maya", "new", 600).decision.allowed());
    }

    void aSignInMayTryFiveCodesEachCountedBeforeItIsTried()
    {
        BrokerRateLimits policy = limits();
        // Five attempts admitted one after the other, as when all are in flight at once: each
        // already counted, each with its own count.
        for (int attemptsLeft = 4; attemptsLeft >= 0; --attemptsLeft) {
            const auto attempt = policy.admitCodeAttempt("192.0.2.1", "maya", "sign-in", 600);
            QVERIFY(attempt.decision.allowed());
            QVERIFY(!attempt.signInUsedUp);
            QCOMPARE(attempt.attemptsLeft, attemptsLeft);
        }
        const auto usedUp = policy.admitCodeAttempt("192.0.2.1", "maya", "sign-in", 600);
        QVERIFY(usedUp.decision.allowed());
        QVERIFY(usedUp.signInUsedUp);
        const auto another = policy.admitCodeAttempt("192.0.2.1", "maya", "another", 600);
        QVERIFY(!another.signInUsedUp);
        QCOMPARE(another.attemptsLeft, 4);
        // The sign-in's count lasts as long as a sign-in does.
        m_nowMs += 600 * 1000;
        QCOMPARE(policy.admitCodeAttempt("192.0.2.2", "daniel", "sign-in", 600).attemptsLeft, 4);
    }

    void attemptsRefusedForTheAddressUseUpNeitherThePhoneNorTheSignIn()
    {
        m_limits.wrongCodesPerAddress = 1;
        BrokerRateLimits policy = limits();
        QCOMPARE(policy.admitCodeAttempt("192.0.2.1", "maya", "sign-in", 600).attemptsLeft, 4);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(policy.admitCodeAttempt("192.0.2.1", "maya", "sign-in", 600).decision.outcome,
                     Outcome::Limited);
        const auto fromElsewhere = policy.admitCodeAttempt("192.0.2.2", "maya", "sign-in", 600);
        QVERIFY(fromElsewhere.decision.allowed());
        QCOMPARE(fromElsewhere.attemptsLeft, 3);
    }

    void configuredLimitsAndWindowsApply()
    {
        m_limits.startsPerAddress = 2;
        m_limits.startWindow = 3;
        BrokerRateLimits policy = limits();
        QVERIFY(policy.admitStart("192.0.2.1", "a").allowed());
        QVERIFY(policy.admitStart("192.0.2.1", "b").allowed());
        const auto limited = policy.admitStart("192.0.2.1", "c");
        QCOMPARE(limited.outcome, Outcome::Limited);
        QCOMPARE(limited.retryAfterSeconds, 3);
        m_nowMs += 3000;
        QVERIFY(policy.admitStart("192.0.2.1", "c").allowed());
    }

    void anUnreachableStoreRefusesRatherThanSkippingALimit()
    {
        UnreachableStore store;
        BrokerRateLimits policy(store, m_limits);
        QCOMPARE(policy.admitStart("192.0.2.1", "maya").outcome, Outcome::Unavailable);
        QCOMPARE(policy.admitCodeAttempt("192.0.2.1", "maya", "sign-in", 600).decision.outcome,
                 Outcome::Unavailable);
    }
};

QTEST_APPLESS_MAIN(TestBrokerRateLimits)
#include "tst_brokerratelimits.moc"
