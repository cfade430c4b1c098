// BrokerRateLimits over an InMemoryBrokerStore with a clock the test moves: each limit is hit
// one request after its allowance, says how long to wait, and recovers when its window ends.

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

    void anAddressMayTryTwentyWrongCodesPerHour()
    {
        BrokerRateLimits policy = limits();
        for (int i = 0; i < 20; ++i) {
            const QByteArray identifier = "identifier" + QByteArray::number(i);
            QVERIFY(policy.admitCode("192.0.2.1", identifier).allowed());
            QVERIFY(policy.recordWrongCode("192.0.2.1", identifier).allowed());
        }
        const auto limited = policy.admitCode("192.0.2.1", "fresh");
        QCOMPARE(limited.outcome, Outcome::Limited);
        QCOMPARE(limited.retryAfterSeconds, 3600);
        QVERIFY(policy.admitCode("192.0.2.9", "fresh").allowed());
        m_nowMs += 3600 * 1000;
        QVERIFY(policy.admitCode("192.0.2.1", "fresh").allowed());
    }

    void aPhoneOrEmailMayGetTenWrongCodesPerHourFromAnyAddress()
    {
        BrokerRateLimits policy = limits();
        for (int i = 0; i < 10; ++i) {
            const QByteArray address = "192.0.2." + QByteArray::number(i);
            QVERIFY(policy.admitCode(address, "maya").allowed());
            QVERIFY(policy.recordWrongCode(address, "maya").allowed());
        }
        QCOMPARE(policy.admitCode("198.51.100.7", "maya").outcome, Outcome::Limited);
        QVERIFY(policy.admitCode("198.51.100.7", "daniel").allowed());
        m_nowMs += 3600 * 1000;
        QVERIFY(policy.admitCode("198.51.100.7", "maya").allowed());
    }

    void triedCodesAreNotCountedOnlyWrongOnes()
    {
        BrokerRateLimits policy = limits();
        for (int i = 0; i < 50; ++i)
            QVERIFY(policy.admitCode("192.0.2.1", "maya").allowed());
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
        QCOMPARE(policy.admitCode("192.0.2.1", "maya").outcome, Outcome::Unavailable);
        QCOMPARE(policy.recordWrongCode("192.0.2.1", "maya").outcome, Outcome::Unavailable);
    }
};

QTEST_APPLESS_MAIN(TestBrokerRateLimits)
#include "tst_brokerratelimits.moc"
