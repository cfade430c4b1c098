// tessera-broker processes with `[store] redis`: several instances share one redis-server,
// and one whose Redis cannot be used refuses to start rather than run without its limits.

#include "RedisServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

namespace {

// A tessera-broker run on a configuration of its own, on any free port, its output kept.
class BrokerProcess
{
public:
    explicit BrokerProcess(const QString &configFile)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(TESSERA_BROKER_EXECUTABLE),
                        {QStringLiteral("--config"), configFile, QStringLiteral("--port"),
                         QStringLiteral("0")});
    }
    ~BrokerProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    // The address it prints once listening, or an invalid one when it exited first.
    QUrl waitUntilListening()
    {
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            m_output += m_process.readAll();
            const auto match = listening.match(QString::fromUtf8(m_output));
            if (match.hasMatch())
                return QUrl(match.captured(1));
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(100);
        }
        return {};
    }

    // Its exit code once it ended by itself, or -1 when it still runs after 10 s.
    int waitForExit()
    {
        if (!m_process.waitForFinished(10000))
            return -1;
        m_output += m_process.readAll();
        return m_process.exitCode();
    }

    QByteArray output()
    {
        m_output += m_process.readAll();
        return m_output;
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

} // namespace

class TestBrokerWithRedis : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A configuration for a broker on loopback with `store` as its [store] section. Unit is a
    // closed loopback port: /healthz and the start-up never ask it.
    QString writeConfig(const QString &name, const QByteArray &store)
    {
        QFile token(m_dir.filePath(QStringLiteral("org-token")));
        if (!token.exists()) {
            token.open(QIODevice::WriteOnly);
            token.write("v2.public.org-token-for-the-redis-tests\n");
        }
        QFile config(m_dir.filePath(name));
        config.open(QIODevice::WriteOnly);
        config.write("[unit]\napiUrl=http://127.0.0.1:9\norgTokenFile=" +
                     QFile::encodeName(token.fileName()) + "\n[store]\n" + store);
        return config.fileName();
    }

    // GET /healthz's "status", or empty unless it answered 200.
    static QString healthStatus(const QUrl &base)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/healthz"))));
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(5000) ||
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return {};
        return QJsonDocument::fromJson(reply->readAll())
            .object()
            .value(QStringLiteral("status"))
            .toString();
    }

    static int connectedClients(const test::RedisServerProcess &redis)
    {
        static const QRegularExpression clients(QStringLiteral("connected_clients:(\\d+)"));
        return clients.match(QString::fromUtf8(redis.command({"INFO", "clients"})))
            .captured(1)
            .toInt();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void twoBrokersShareOneRedisAndBothAnswer()
    {
        test::RedisServerProcess redis;
        QVERIFY(redis.start());
        const QString config =
            writeConfig(QStringLiteral("shared.conf"), "redis=" + redis.address().toUtf8());
        BrokerProcess first(config);
        BrokerProcess second(config);
        const QUrl firstUrl = first.waitUntilListening();
        const QUrl secondUrl = second.waitUntilListening();
        QVERIFY2(firstUrl.isValid(), first.output().constData());
        QVERIFY2(secondUrl.isValid(), second.output().constData());
        QVERIFY(firstUrl != secondUrl);

        QCOMPARE(healthStatus(firstUrl), QStringLiteral("ok"));
        QCOMPARE(healthStatus(secondUrl), QStringLiteral("ok"));
        // Both hold their connection to the one Redis (and this test its own).
        QCOMPARE(connectedClients(redis), 3);
    }

    void aBrokerWhoseRedisCannotBeReachedDoesNotStart()
    {
        test::RedisServerProcess redis;
        QVERIFY(redis.start());
        redis.stop(); // its port now closed
        BrokerProcess broker(
            writeConfig(QStringLiteral("unreachable.conf"), "redis=" + redis.address().toUtf8()));
        QCOMPARE(broker.waitForExit(), 1);
        QVERIFY2(broker.output().contains("cannot connect to Redis at " + redis.address().toUtf8()),
                 broker.output().constData());
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

        BrokerProcess refused(
            writeConfig(QStringLiteral("wrong-password.conf"),
                        "redis=" + redis.address().toUtf8() +
                            "\nredisPasswordFile=" + QFile::encodeName(wrongFile.fileName())));
        QCOMPARE(refused.waitForExit(), 1);
        QVERIFY2(refused.output().contains("refused the password"), refused.output().constData());

        BrokerProcess broker(
            writeConfig(QStringLiteral("password.conf"),
                        "redis=" + redis.address().toUtf8() +
                            "\nredisPasswordFile=" + QFile::encodeName(passwordFile.fileName())));
        const QUrl url = broker.waitUntilListening();
        QVERIFY2(url.isValid(), broker.output().constData());
        QCOMPARE(healthStatus(url), QStringLiteral("ok"));
        QVERIFY(!broker.output().contains(password));
        QVERIFY(!refused.output().contains(password));
    }
};

QTEST_GUILESS_MAIN(TestBrokerWithRedis)
#include "tst_brokerwithredis.moc"
