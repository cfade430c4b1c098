// The broker's stores: one behaviour suite run over InMemoryBrokerStore and RedisBrokerStore
// (against a real redis-server on loopback), then what each adds: the in-memory store's expiry
// and bound on a fake clock; Redis's TTLs, sharing between brokers, failures and its password.

#include "InMemoryBrokerStore.h"
#include "MessageCapture.h"
#include "RedisBrokerStore.h"
#include "RedisServerProcess.h"

#include <csignal>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using namespace tessera::broker;

using Status = BrokerStore::Status;

namespace {

constexpr int TenMinutes = 600;

BrokerStore::PendingSignIn sampleSignIn(const QByteArray &id)
{
    BrokerStore::PendingSignIn signIn;
    signIn.id = id;
    signIn.customerId = QStringLiteral("100001");
    signIn.verificationToken = QStringLiteral("verification-token-of-") + QString::fromLatin1(id);
    // A keyed hash is raw bytes: NUL, 0xff and the key separator must all survive.
    signIn.identifierKey = QByteArray("\x00\xff:key\r\n", 9) + id;
    return signIn;
}

std::unique_ptr<RedisBrokerStore> redisStore(const test::RedisServerProcess &redis,
                                             const QByteArray &password = {},
                                             const QByteArray &prefix = "tessera-broker:")
{
    RedisBrokerStore::Options options;
    options.address = redis.address();
    options.password = password;
    options.keyPrefix = prefix;
    return std::make_unique<RedisBrokerStore>(options);
}

void compareSignIns(const BrokerStore::PendingSignIn &actual,
                    const BrokerStore::PendingSignIn &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.customerId, expected.customerId);
    QCOMPARE(actual.verificationToken, expected.verificationToken);
    QCOMPARE(actual.identifierKey, expected.identifierKey);
}

bool isTenMinutes(int seconds)
{
    // Rounded up from milliseconds: a fresh ten-minute window is 600 s, one a moment old too
    // (599 only if the machine stalled for a second between the two calls).
    return seconds == TenMinutes || seconds == TenMinutes - 1;
}

qint64 pttl(const test::RedisServerProcess &redis, const QByteArray &key)
{
    const QByteArray answer = redis.command({"PTTL", key});
    return answer.startsWith(':') ? answer.mid(1).toLongLong() : -100;
}

} // namespace

class TestBrokerStores : public QObject
{
    Q_OBJECT

private:
    test::RedisServerProcess m_redis;

    std::unique_ptr<BrokerStore> storeUnderTest()
    {
        QFETCH(QString, kind);
        if (kind == QLatin1String("redis"))
            return redisStore(m_redis);
        return std::make_unique<InMemoryBrokerStore>();
    }

    static void bothStores()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("in memory") << QStringLiteral("in memory");
        QTest::newRow("redis") << QStringLiteral("redis");
    }

private slots:
    void initTestCase() { QVERIFY(m_redis.start()); }

    void init()
    {
        // Each test starts from an empty Redis (the shared one; tests that stop one start
        // their own).
        QCOMPARE(m_redis.command({"FLUSHALL"}), QByteArray("+OK"));
    }

    // --- The behaviour both stores share ---

    void aStoredSignInReadsBackAsStored_data() { bothStores(); }
    void aStoredSignInReadsBackAsStored()
    {
        const auto store = storeUnderTest();
        BrokerStore::PendingSignIn signIn = sampleSignIn("0123456789abcdef0123456789abcdef");
        signIn.customerId = QStringLiteral("100002");
        QCOMPARE(store->putSignIn(signIn, TenMinutes), Status::Ok);

        BrokerStore::PendingSignIn read;
        QCOMPARE(store->signIn(signIn.id, &read), Status::Ok);
        compareSignIns(read, signIn);
    }

    void aSignInWithNoCustomerReadsBackWithNone_data() { bothStores(); }
    void aSignInWithNoCustomerReadsBackWithNone()
    {
        const auto store = storeUnderTest();
        BrokerStore::PendingSignIn signIn = sampleSignIn("nobody");
        signIn.customerId.clear();
        signIn.verificationToken.clear();
        QCOMPARE(store->putSignIn(signIn, TenMinutes), Status::Ok);

        BrokerStore::PendingSignIn read = sampleSignIn("something else");
        QCOMPARE(store->signIn(signIn.id, &read), Status::Ok);
        compareSignIns(read, signIn);
    }

    void anUnknownSignInIsNotFound_data() { bothStores(); }
    void anUnknownSignInIsNotFound()
    {
        const auto store = storeUnderTest();
        BrokerStore::PendingSignIn read;
        QCOMPARE(store->signIn("unknown", &read), Status::NotFound);
        QCOMPARE(store->updateSignIn(sampleSignIn("unknown")), Status::NotFound);
        QCOMPARE(store->removeSignIn("unknown"), Status::NotFound);
        // An update of a sign-in that is not there does not create it.
        QCOMPARE(store->signIn("unknown", &read), Status::NotFound);
    }

    void putSignInReplacesOneWithTheSameId_data() { bothStores(); }
    void putSignInReplacesOneWithTheSameId()
    {
        const auto store = storeUnderTest();
        QCOMPARE(store->putSignIn(sampleSignIn("same"), TenMinutes), Status::Ok);
        BrokerStore::PendingSignIn second = sampleSignIn("same");
        second.customerId = QStringLiteral("100003");
        QCOMPARE(store->putSignIn(second, TenMinutes), Status::Ok);

        BrokerStore::PendingSignIn read;
        QCOMPARE(store->signIn("same", &read), Status::Ok);
        compareSignIns(read, second);
    }

    void updateSignInReplacesTheStoredFields_data() { bothStores(); }
    void updateSignInReplacesTheStoredFields()
    {
        const auto store = storeUnderTest();
        BrokerStore::PendingSignIn signIn = sampleSignIn("updated");
        signIn.verificationToken.clear();
        QCOMPARE(store->putSignIn(signIn, TenMinutes), Status::Ok);
        signIn.verificationToken = QStringLiteral("arrived later");
        QCOMPARE(store->updateSignIn(signIn), Status::Ok);

        BrokerStore::PendingSignIn read;
        QCOMPARE(store->signIn("updated", &read), Status::Ok);
        compareSignIns(read, signIn);
    }

    void aRemovedSignInIsGone_data() { bothStores(); }
    void aRemovedSignInIsGone()
    {
        const auto store = storeUnderTest();
        QCOMPARE(store->putSignIn(sampleSignIn("removed"), TenMinutes), Status::Ok);
        QCOMPARE(store->putSignIn(sampleSignIn("kept"), TenMinutes), Status::Ok);
        QCOMPARE(store->removeSignIn("removed"), Status::Ok);

        BrokerStore::PendingSignIn read;
        QCOMPARE(store->signIn("removed", &read), Status::NotFound);
        QCOMPARE(store->removeSignIn("removed"), Status::NotFound);
        QCOMPARE(store->signIn("kept", &read), Status::Ok);
    }

    void hitsCountUpWithinOneWindow_data() { bothStores(); }
    void hitsCountUpWithinOneWindow()
    {
        const auto store = storeUnderTest();
        for (int expected = 1; expected <= 3; ++expected) {
            const BrokerStore::Count count = store->hit("client:192.0.2.1", TenMinutes);
            QCOMPARE(count.status, Status::Ok);
            QCOMPARE(count.hits, expected);
            QVERIFY2(isTenMinutes(count.resetsInSeconds),
                     qPrintable(QString::number(count.resetsInSeconds)));
        }
    }

    void aLaterHitKeepsTheWindowsStart_data() { bothStores(); }
    void aLaterHitKeepsTheWindowsStart()
    {
        // The window starts with its first hit: a later hit (even one asking for a shorter
        // window) neither extends nor restarts it.
        const auto store = storeUnderTest();
        QCOMPARE(store->hit("window", TenMinutes).hits, 1);
        const BrokerStore::Count later = store->hit("window", 10);
        QCOMPARE(later.hits, 2);
        QVERIFY2(isTenMinutes(later.resetsInSeconds),
                 qPrintable(QString::number(later.resetsInSeconds)));
    }

    void countersAreKeptApart_data() { bothStores(); }
    void countersAreKeptApart()
    {
        const auto store = storeUnderTest();
        const QByteArray binaryKey("identifier:\x00\xff\r\n", 15);
        QCOMPARE(store->hit("client:192.0.2.1", TenMinutes).hits, 1);
        QCOMPARE(store->hit("client:192.0.2.1", TenMinutes).hits, 2);
        QCOMPARE(store->hit("client:192.0.2.2", TenMinutes).hits, 1);
        QCOMPARE(store->hit(binaryKey, TenMinutes).hits, 1);
        QCOMPARE(store->hit("identifier:", TenMinutes).hits, 1); // the key is not cut at NUL
        QCOMPARE(store->peek(binaryKey).hits, 1);
    }

    void peekReadsWithoutAddingAHit_data() { bothStores(); }
    void peekReadsWithoutAddingAHit()
    {
        const auto store = storeUnderTest();
        BrokerStore::Count count = store->peek("peeked");
        QCOMPARE(count.status, Status::Ok);
        QCOMPARE(count.hits, 0);
        QCOMPARE(count.resetsInSeconds, 0);

        store->hit("peeked", TenMinutes);
        store->hit("peeked", TenMinutes);
        for (int i = 0; i < 2; ++i) {
            count = store->peek("peeked");
            QCOMPARE(count.status, Status::Ok);
            QCOMPARE(count.hits, 2);
            QVERIFY2(isTenMinutes(count.resetsInSeconds),
                     qPrintable(QString::number(count.resetsInSeconds)));
        }
        QCOMPARE(store->hit("peeked", TenMinutes).hits, 3);
    }

    // --- InMemoryBrokerStore on a fake clock ---

    void inMemory_aSignInLastsItsSecondsAndNoLonger()
    {
        qint64 now = 5000;
        InMemoryBrokerStore store([&now] { return now; });
        QCOMPARE(store.putSignIn(sampleSignIn("timed"), 10), Status::Ok);

        BrokerStore::PendingSignIn read;
        now += 9999;
        QCOMPARE(store.signIn("timed", &read), Status::Ok);
        now += 1;
        QCOMPARE(store.signIn("timed", &read), Status::NotFound);
        QCOMPARE(store.updateSignIn(sampleSignIn("timed")), Status::NotFound);
    }

    void inMemory_updateSignInKeepsTheExpiry()
    {
        qint64 now = 0;
        InMemoryBrokerStore store([&now] { return now; });
        BrokerStore::PendingSignIn signIn = sampleSignIn("kept expiry");
        QCOMPARE(store.putSignIn(signIn, 10), Status::Ok);
        now = 6000;
        signIn.verificationToken = QStringLiteral("arrived later");
        QCOMPARE(store.updateSignIn(signIn), Status::Ok);

        BrokerStore::PendingSignIn read;
        now = 9999;
        QCOMPARE(store.signIn("kept expiry", &read), Status::Ok);
        QCOMPARE(read.verificationToken, QStringLiteral("arrived later"));
        now = 10000;
        QCOMPARE(store.signIn("kept expiry", &read), Status::NotFound);
    }

    void inMemory_aWindowEndsAfterItsSecondsAndTheNextHitOpensANewOne()
    {
        qint64 now = 0;
        InMemoryBrokerStore store([&now] { return now; });
        QCOMPARE(store.hit("window", 60).hits, 1);
        now = 30500;
        const BrokerStore::Count halfway = store.hit("window", 60);
        QCOMPARE(halfway.hits, 2);
        QCOMPARE(halfway.resetsInSeconds, 30); // 29.5 s rounded up

        now = 59999;
        QCOMPARE(store.peek("window").hits, 2);
        QCOMPARE(store.peek("window").resetsInSeconds, 1);
        now = 60000;
        QCOMPARE(store.peek("window").hits, 0);
        const BrokerStore::Count next = store.hit("window", 60);
        QCOMPARE(next.hits, 1);
        QCOMPARE(next.resetsInSeconds, 60);
    }

    void inMemory_theNumberOfPendingSignInsIsBounded()
    {
        qint64 now = 0;
        InMemoryBrokerStore store([&now] { return now; }, 3);
        for (const QByteArray id : {"a", "b", "c"})
            QCOMPARE(store.putSignIn(sampleSignIn(id), 10), Status::Ok);
        QCOMPARE(store.putSignIn(sampleSignIn("d"), 10), Status::Unavailable);
        QCOMPARE(store.signInCount(), 3);
        // Replacing one that is there needs no room.
        QCOMPARE(store.putSignIn(sampleSignIn("b"), 10), Status::Ok);

        // Expired ones make room at once, without waiting for the next sweep.
        now = 10000;
        QCOMPARE(store.putSignIn(sampleSignIn("d"), 10), Status::Ok);
        QCOMPARE(store.signInCount(), 1);
    }

    void inMemory_expiredEntriesAreSweptOnAWrite()
    {
        qint64 now = 0;
        InMemoryBrokerStore store([&now] { return now; });
        for (int i = 0; i < 50; ++i) {
            store.hit("client:" + QByteArray::number(i), 60);
            store.putSignIn(sampleSignIn(QByteArray::number(i)), 10);
        }
        QCOMPARE(store.counterCount(), 50);
        QCOMPARE(store.signInCount(), 50);

        now = 60000;
        store.hit("client:new", 60);
        QCOMPARE(store.counterCount(), 1);
        QCOMPARE(store.signInCount(), 0);
    }

    // --- RedisBrokerStore against a real redis-server ---

    void redis_aSignInsKeyLivesItsSecondsUnderThePrefix()
    {
        const auto store = redisStore(m_redis);
        QCOMPARE(store->putSignIn(sampleSignIn("ttl"), TenMinutes), Status::Ok);
        const qint64 ttl = pttl(m_redis, "tessera-broker:signin:ttl");
        QVERIFY2(ttl > (TenMinutes - 1) * 1000 && ttl <= TenMinutes * 1000,
                 qPrintable(QString::number(ttl)));
    }

    void redis_aCountersKeyLivesItsWindowUnderThePrefix()
    {
        const auto store = redisStore(m_redis);
        store->hit("client:192.0.2.1", 60);
        const qint64 ttl = pttl(m_redis, "tessera-broker:count:client:192.0.2.1");
        QVERIFY2(ttl > 59000 && ttl <= 60000, qPrintable(QString::number(ttl)));
    }

    void redis_updateSignInKeepsTheTtl()
    {
        const auto store = redisStore(m_redis);
        BrokerStore::PendingSignIn signIn = sampleSignIn("kept ttl");
        QCOMPARE(store->putSignIn(signIn, TenMinutes), Status::Ok);
        // As if most of its lifetime had passed.
        QCOMPARE(m_redis.command({"PEXPIRE", "tessera-broker:signin:kept ttl", "50000"}),
                 QByteArray(":1"));
        signIn.verificationToken = QStringLiteral("arrived later");
        QCOMPARE(store->updateSignIn(signIn), Status::Ok);

        const qint64 ttl = pttl(m_redis, "tessera-broker:signin:kept ttl");
        QVERIFY2(ttl > 0 && ttl <= 50000, qPrintable(QString::number(ttl)));
    }

    void redis_anExpiredSignInIsNotUpdatedBackToLife()
    {
        const auto store = redisStore(m_redis);
        QCOMPARE(store->putSignIn(sampleSignIn("expired"), TenMinutes), Status::Ok);
        QCOMPARE(m_redis.command({"PEXPIRE", "tessera-broker:signin:expired", "1"}),
                 QByteArray(":1"));
        QTRY_COMPARE(m_redis.command({"EXISTS", "tessera-broker:signin:expired"}),
                     QByteArray(":0"));

        QCOMPARE(store->updateSignIn(sampleSignIn("expired")), Status::NotFound);
        QCOMPARE(m_redis.command({"EXISTS", "tessera-broker:signin:expired"}), QByteArray(":0"));
    }

    void redis_aSignInKeptByAnOlderBrokerWithAWrongCodeCountStillReads()
    {
        // Older brokers kept a "wrongCodes" count in the sign-in; during a rolling upgrade
        // the newer ones read such a sign-in as if the key were not there.
        const QByteArray older =
            QJsonDocument(QJsonObject{
                              {QStringLiteral("customerId"), QStringLiteral("100001")},
                              {QStringLiteral("verificationToken"),
                               QStringLiteral("verification-token-of-older")},
                              {QStringLiteral("identifierKey"),
                               QString::fromLatin1(QByteArray("key of older").toBase64())},
                              {QStringLiteral("wrongCodes"), 2},
                          })
                .toJson(QJsonDocument::Compact);
        QCOMPARE(m_redis.command({"SET", "tessera-broker:signin:older", older}), QByteArray("+OK"));

        BrokerStore::PendingSignIn read;
        QCOMPARE(redisStore(m_redis)->signIn("older", &read), Status::Ok);
        BrokerStore::PendingSignIn expected;
        expected.id = "older";
        expected.customerId = QStringLiteral("100001");
        expected.verificationToken = QStringLiteral("verification-token-of-older");
        expected.identifierKey = "key of older";
        compareSignIns(read, expected);
    }

    void redis_twoStoresShareOneCounter()
    {
        // Two brokers behind one load balancer: hits through either add up to one limit.
        const auto first = redisStore(m_redis);
        const auto second = redisStore(m_redis);
        QCOMPARE(first->hit("client:192.0.2.1", TenMinutes).hits, 1);
        QCOMPARE(second->hit("client:192.0.2.1", TenMinutes).hits, 2);
        QCOMPARE(first->hit("client:192.0.2.1", TenMinutes).hits, 3);
        QCOMPARE(second->peek("client:192.0.2.1").hits, 3);
    }

    void redis_aSharedWindowEndsForBothStores()
    {
        const auto first = redisStore(m_redis);
        const auto second = redisStore(m_redis);
        first->hit("shared", TenMinutes);
        second->hit("shared", TenMinutes);
        // The window's end brought forward, rather than waiting ten minutes.
        QCOMPARE(m_redis.command({"PEXPIRE", "tessera-broker:count:shared", "20"}),
                 QByteArray(":1"));
        QTRY_COMPARE(first->peek("shared").hits, 0);
        QCOMPARE(second->peek("shared").hits, 0);

        const BrokerStore::Count fresh = second->hit("shared", TenMinutes);
        QCOMPARE(fresh.hits, 1);
        QVERIFY(isTenMinutes(fresh.resetsInSeconds));
        QCOMPARE(first->peek("shared").hits, 1);
    }

    void redis_twoStoresSeeEachOthersSignIns()
    {
        const auto first = redisStore(m_redis);
        const auto second = redisStore(m_redis);
        BrokerStore::PendingSignIn signIn = sampleSignIn("shared sign-in");
        QCOMPARE(first->putSignIn(signIn, TenMinutes), Status::Ok);

        BrokerStore::PendingSignIn read;
        QCOMPARE(second->signIn(signIn.id, &read), Status::Ok);
        compareSignIns(read, signIn);
        signIn.verificationToken = QStringLiteral("arrived later");
        QCOMPARE(second->updateSignIn(signIn), Status::Ok);
        QCOMPARE(first->signIn(signIn.id, &read), Status::Ok);
        QCOMPARE(read.verificationToken, QStringLiteral("arrived later"));
        QCOMPARE(second->removeSignIn(signIn.id), Status::Ok);
        QCOMPARE(first->signIn(signIn.id, &read), Status::NotFound);
    }

    void redis_storesWithAnotherPrefixShareNothing()
    {
        const auto broker = redisStore(m_redis);
        const auto otherDeployment = redisStore(m_redis, {}, "other-bank:");
        QCOMPARE(broker->putSignIn(sampleSignIn("prefixed"), TenMinutes), Status::Ok);
        broker->hit("client:192.0.2.1", TenMinutes);

        BrokerStore::PendingSignIn read;
        QCOMPARE(otherDeployment->signIn("prefixed", &read), Status::NotFound);
        QCOMPARE(otherDeployment->hit("client:192.0.2.1", TenMinutes).hits, 1);
        QCOMPARE(m_redis.command({"EXISTS", "other-bank:count:client:192.0.2.1"}),
                 QByteArray(":1"));
    }

    void redis_aUnixSocketPathIsAnAddressToo()
    {
        RedisBrokerStore::Options options;
        options.address = m_redis.socketPath();
        RedisBrokerStore overSocket(options);
        QString error;
        QVERIFY2(overSocket.open(&error), qPrintable(error));
        QCOMPARE(overSocket.hit("client:192.0.2.1", TenMinutes).hits, 1);
        QCOMPARE(redisStore(m_redis)->peek("client:192.0.2.1").hits, 1); // the same Redis
    }

    void redis_aStoppedRedisIsUnavailableUntilItIsBack()
    {
        test::RedisServerProcess redis;
        QVERIFY(redis.start());
        const auto store = redisStore(redis);
        QString error;
        QVERIFY2(store->open(&error), qPrintable(error));
        QCOMPARE(store->hit("client", TenMinutes).hits, 1);

        redis.stop();
        test::MessageCapture capture;
        // Every call, twice: the first meets the dead connection, the next fails to connect.
        BrokerStore::PendingSignIn read;
        for (int round = 0; round < 2; ++round) {
            QCOMPARE(store->hit("client", TenMinutes).status, Status::Unavailable);
            QCOMPARE(store->peek("client").status, Status::Unavailable);
            QCOMPARE(store->putSignIn(sampleSignIn("down"), TenMinutes), Status::Unavailable);
            QCOMPARE(store->updateSignIn(sampleSignIn("down")), Status::Unavailable);
            QCOMPARE(store->signIn("down", &read), Status::Unavailable);
            QCOMPARE(store->removeSignIn("down"), Status::Unavailable);
        }
        // Said once, not once per request.
        QCOMPARE(capture.messages().size(), 1);
        QVERIFY2(capture.messages().constFirst().contains(redis.address()),
                 qPrintable(capture.messages().constFirst()));

        QVERIFY(redis.start());
        const BrokerStore::Count afterwards = store->hit("client", TenMinutes);
        QCOMPARE(afterwards.status, Status::Ok);
        QCOMPARE(afterwards.hits, 1); // that Redis persisted nothing
        QCOMPARE(store->putSignIn(sampleSignIn("up"), TenMinutes), Status::Ok);
    }

    void redis_aConnectionRedisClosedFailsOneCallWithoutEndingTheBroker()
    {
        // As in a process where nothing ignored SIGPIPE yet (Qt's sockets here may have).
        std::signal(SIGPIPE, SIG_DFL);
        const auto store = redisStore(m_redis);
        QCOMPARE(store->hit("client", TenMinutes).hits, 1);
        // Redis drops the connection (a restart, a client timeout); the next call writes more
        // than one send buffer into it, so its second write meets the reset: SIGPIPE unless the
        // store ignores it.
        QVERIFY(m_redis.command({"CLIENT", "KILL", "TYPE", "normal"}).startsWith(':'));
        BrokerStore::PendingSignIn large = sampleSignIn("large");
        large.verificationToken = QString(8 * 1024 * 1024, QLatin1Char('x'));
        test::MessageCapture capture;
        QCOMPARE(store->putSignIn(large, TenMinutes), Status::Unavailable);
        QCOMPARE(store->hit("client", TenMinutes).hits, 2);
    }

    void redis_aRedisThatHangsIsUnavailableWithinTheTimeout()
    {
        test::RedisServerProcess redis;
        QVERIFY(redis.start());
        const auto store = redisStore(redis);
        QCOMPARE(store->hit("client", TenMinutes).hits, 1);

        redis.freeze();
        test::MessageCapture capture;
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(store->hit("client", TenMinutes).status, Status::Unavailable);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));

        redis.thaw();
        QCOMPARE(store->hit("client", TenMinutes).status, Status::Ok);
        capture.stop();
        QCOMPARE(capture.messages().size(), 2);
        QVERIFY2(capture.messages().constLast().contains(QStringLiteral("answers again")),
                 qPrintable(capture.messages().constLast()));
    }

    void redis_anUnreachableRedisIsAStartUpError()
    {
        test::RedisServerProcess redis;
        QVERIFY(redis.start());
        redis.stop(); // a loopback port nobody listens on now
        const auto store = redisStore(redis);
        QString error;
        test::MessageCapture capture;
        QVERIFY(!store->open(&error));
        QVERIFY2(error.contains(redis.address()), qPrintable(error));
    }

    void redis_thePasswordFromItsFileIsSentAndNeverLogged()
    {
        const QByteArray password = "s3cret-redis-password-7f3a";
        test::RedisServerProcess redis(password);
        QVERIFY(redis.start());
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("redis-password")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(password + "\n");
        file.close();

        test::MessageCapture capture;
        QString error;
        const QByteArray fromFile = RedisBrokerStore::readPasswordFile(file.fileName(), &error);
        QCOMPARE(fromFile, password);

        QStringList errors;
        const auto withoutPassword = redisStore(redis);
        QVERIFY(!withoutPassword->open(&error));
        errors << error;
        QCOMPARE(withoutPassword->hit("client", TenMinutes).status, Status::Unavailable);
        const auto wrongPassword = redisStore(redis, "not-" + password);
        QVERIFY(!wrongPassword->open(&error));
        errors << error;
        QCOMPARE(wrongPassword->hit("client", TenMinutes).status, Status::Unavailable);

        const auto rightPassword = redisStore(redis, fromFile);
        QVERIFY2(rightPassword->open(&error), qPrintable(error));
        QCOMPARE(rightPassword->hit("client", TenMinutes).hits, 1);
        capture.stop();

        QVERIFY(!capture.messages().isEmpty());                 // the refusals were logged...
        for (const QString &text : capture.messages() + errors) // ...without the password
            QVERIFY2(!text.contains(QString::fromUtf8(password)), "the password was logged");
    }

    void redis_aPasswordFileThatHoldsNoPasswordIsRefused()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(RedisBrokerStore::readPasswordFile(dir.filePath(QStringLiteral("missing")), &error)
                    .isEmpty());
        QVERIFY(error.contains(QStringLiteral("missing")));

        QFile file(dir.filePath(QStringLiteral("two-lines")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("first-secret-line\nsecond-secret-line\n");
        file.close();
        error.clear();
        QVERIFY(RedisBrokerStore::readPasswordFile(file.fileName(), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("one password on one line")));
        QVERIFY(!error.contains(QStringLiteral("secret")));
    }
};

QTEST_GUILESS_MAIN(TestBrokerStores)
#include "tst_redisbrokerstore.moc"
