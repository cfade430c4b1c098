// tessera-broker processes with `[store] redis`: several instances share one redis-server,
// and one whose Redis cannot be used refuses to start rather than run without its limits.

#include "BrokerCall.h"
#include "BrokerProcess.h"
#include "RedisServerProcess.h"
#include "SandboxServer.h"
#include "SeedIds.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

namespace {

const QByteArray MayaPhone = R"({"countryCode":"1","number":"4155550142"})";

QString redisConfig(const test::RedisServerProcess &redis)
{
    return QStringLiteral("redis=") + redis.address();
}

} // namespace

class TestBrokerWithRedis : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    // "Unit" for the brokers: start-up and /healthz never ask it, the sign-ins do.
    sandbox::SandboxServer m_unit;

    // A broker on loopback, any free port, with `store` as its [store] section (and more).
    std::unique_ptr<test::BrokerProcess> makeBroker(const QStringList &store,
                                                    const QStringList &more = {})
    {
        return std::make_unique<test::BrokerProcess>(m_unit.baseUrl(), m_unit.orgToken(),
                                                     QStringList{QStringLiteral("[store]")} +
                                                         store + more);
    }

    // GET /healthz's "status", or empty unless it answered 200.
    QString healthStatus(const QUrl &base)
    {
        const test::BrokerCall call = test::BrokerCall::send(m_network, "GET", base, "/healthz");
        return call.status == 200 ? call.json.value(QStringLiteral("status")).toString()
                                  : QString();
    }

    static int connectedClients(const test::RedisServerProcess &redis)
    {
        static const QRegularExpression clients(QStringLiteral("connected_clients:(\\d+)"));
        return clients.match(QString::fromUtf8(redis.command({"INFO", "clients"})))
            .captured(1)
            .toInt();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_unit.start() != 0);
    }

    void twoBrokersShareOneRedisAndBothAnswer()
    {
        test::RedisServerProcess redis;
        QVERIFY(redis.start());
        const auto first = makeBroker({redisConfig(redis)});
        const auto second = makeBroker({redisConfig(redis)});
        QString error;
        QVERIFY2(first->start(&error), qPrintable(error));
        QVERIFY2(second->start(&error), qPrintable(error));
        QVERIFY(first->baseUrl() != second->baseUrl());

        QCOMPARE(healthStatus(first->baseUrl()), QStringLiteral("ok"));
        QCOMPARE(healthStatus(second->baseUrl()), QStringLiteral("ok"));
        // Both hold their connection to the one Redis (and this test its own).
        QCOMPARE(connectedClients(redis), 3);
    }

    // Behind a load balancer one customer's requests reach any instance: the limit is one
    // limit, and a sign-in started on one instance is finished on another.
    void twoBrokersOnOneRedisEnforceOneLimitAndShareSignIns()
    {
        test::RedisServerProcess redis;
        QVERIFY(redis.start());
        const QStringList limits = {QStringLiteral("[limits]"),
                                    QStringLiteral("startsPerIdentifier=2"),
                                    QStringLiteral("startWindow=600")};
        const auto first = makeBroker({redisConfig(redis)}, limits);
        const auto second = makeBroker({redisConfig(redis)}, limits);
        QString error;
        QVERIFY2(first->start(&error), qPrintable(error));
        QVERIFY2(second->start(&error), qPrintable(error));

        const QByteArray start = test::BrokerCall::startBody("phone", MayaPhone);
        const test::BrokerCall onFirst =
            test::BrokerCall::send(m_network, "POST", first->baseUrl(), "/v1/sign-ins", start);
        QCOMPARE(onFirst.status, 201);
        QVERIFY(QTest::qWaitFor(
            [&] { return first->log().contains(QLatin1String("code sent to customer")); }, 10000));
        const test::BrokerCall onSecond =
            test::BrokerCall::send(m_network, "POST", second->baseUrl(), "/v1/sign-ins", start);
        QCOMPARE(onSecond.status, 201);
        QVERIFY(QTest::qWaitFor(
            [&] { return second->log().contains(QLatin1String("code sent to customer")); }, 10000));
        // Each instance alone has seen one start; together they have seen the two allowed.
        const test::BrokerCall third =
            test::BrokerCall::send(m_network, "POST", first->baseUrl(), "/v1/sign-ins", start);
        QCOMPARE(third.status, 429);
        QVERIFY(third.retryAfter.toInt() > 0);
        const test::BrokerCall fourth =
            test::BrokerCall::send(m_network, "POST", second->baseUrl(), "/v1/sign-ins", start);
        QCOMPARE(fourth.status, 429);

        // The code of the newest sign-in (a new code replaces the one before, as at Unit),
        // which the second instance started, entered on the first.
        const test::BrokerCall signedIn =
            test::BrokerCall::send(m_network, "POST", first->baseUrl(),
                                   "/v1/sign-ins/" + onSecond.id().toLatin1() + "/token",
                                   test::BrokerCall::codeBody(QStringLiteral("000001")));
        QCOMPARE(signedIn.status, 201);
        QCOMPARE(signedIn.attribute(QStringLiteral("customerId")), test::seed::mayaThompson);
        QVERIFY(!signedIn.attribute(QStringLiteral("token")).isEmpty());
    }

    void aBrokerWhoseRedisCannotBeReachedDoesNotStart()
    {
        test::RedisServerProcess redis;
        QVERIFY(redis.start());
        redis.stop(); // its port now closed
        const auto broker = makeBroker({redisConfig(redis)});
        QCOMPARE(broker->waitForExit(), 1);
        QVERIFY2(
            broker->log().contains(QStringLiteral("cannot connect to Redis at ") + redis.address()),
            qPrintable(broker->log()));
    }

    void aBrokerSendsThePasswordFromItsFileAndNeverPrintsIt()
    {
        const QByteArray password = "broker-redis-password-41d9";
        test::RedisServerProcess redis(password);
        QVERIFY(redis.start());
        QFile passwordFile(m_dir.filePath(QStringLiteral("redis-password")));
        QVERIFY(passwordFile.open(QIODevice::WriteOnly));
        passwordFile.write(password + '\n');
        passwordFile.close();
        QFile wrongFile(m_dir.filePath(QStringLiteral("wrong-redis-password")));
        QVERIFY(wrongFile.open(QIODevice::WriteOnly));
        wrongFile.write("not-" + password + '\n');
        wrongFile.close();

        const auto refused = makeBroker(
            {redisConfig(redis), QStringLiteral("redisPasswordFile=") + wrongFile.fileName()});
        QCOMPARE(refused->waitForExit(), 1);
        QVERIFY2(refused->log().contains(QLatin1String("refused the password")),
                 qPrintable(refused->log()));

        const auto broker = makeBroker(
            {redisConfig(redis), QStringLiteral("redisPasswordFile=") + passwordFile.fileName()});
        QString error;
        QVERIFY2(broker->start(&error), qPrintable(error));
        QCOMPARE(healthStatus(broker->baseUrl()), QStringLiteral("ok"));
        QVERIFY(!broker->log().contains(QString::fromLatin1(password)));
        QVERIFY(!refused->log().contains(QString::fromLatin1(password)));
    }
};

QTEST_GUILESS_MAIN(TestBrokerWithRedis)
#include "tst_brokerwithredis.moc"
