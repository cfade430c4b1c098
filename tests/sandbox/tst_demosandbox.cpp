#include "DemoSandbox.h"
#include "SeedIds.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using tessera::sandbox::DemoSandbox;

// The demo environment's sandbox on a thread of its own: its address and org token at once, its
// data loaded behind them, its answers independent of the thread that started it.
class TestDemoSandbox : public QObject
{
    Q_OBJECT

private:
    // One GET on a socket of its own, with the blocking calls: the calling thread processes no
    // event until the answer is in. The status code, or 0 without an answer; the body in `body`.
    static int blockingGet(const QUrl &base, const QString &path, const QString &bearer,
                           QByteArray *body = nullptr)
    {
        QTcpSocket socket;
        socket.connectToHost(base.host(), quint16(base.port()));
        if (!socket.waitForConnected(5000))
            return 0;
        socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + base.authority().toUtf8() +
                     "\r\nAuthorization: Bearer " + bearer.toUtf8() +
                     "\r\nConnection: close\r\n\r\n");
        // Until the whole body is in, as Content-Length says.
        QByteArray answer;
        qsizetype headerEnd = -1;
        qsizetype length = -1;
        while (socket.waitForReadyRead(10000)) {
            answer += socket.readAll();
            headerEnd = answer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                continue;
            const QByteArray headers = answer.left(headerEnd).toLower();
            const qsizetype at = headers.indexOf("\r\ncontent-length:");
            if (at >= 0)
                length = headers.mid(at + 17, headers.indexOf('\r', at + 2) - at - 17)
                             .trimmed()
                             .toLongLong();
            if (length >= 0 && answer.size() - headerEnd - 4 >= length)
                break;
        }
        if (!answer.startsWith("HTTP/1.1 ") || headerEnd < 0)
            return 0;
        if (body)
            *body = answer.mid(headerEnd + 4);
        return answer.mid(9, 3).toInt();
    }

private slots:
    // Sent at once, before the seed can have loaded, and while this thread is blocked: a
    // sandbox served from this thread could not answer at all.
    void answersFromItsOwnThreadWithItsDataLoaded()
    {
        const std::unique_ptr<DemoSandbox> demo = DemoSandbox::start(0, QString());
        QVERIFY(demo);
        QCOMPARE(demo->baseUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(demo->baseUrl().port() > 0);
        QByteArray body;
        QCOMPARE(blockingGet(demo->baseUrl(),
                             QStringLiteral("/customers/") + tessera::test::seed::mayaThompson,
                             demo->orgToken(), &body),
                 200);
        QVERIFY2(body.contains("\"Maya\""), body.constData());
    }

    void anotherTokenThanItsOrgTokenIsRefused()
    {
        const std::unique_ptr<DemoSandbox> demo = DemoSandbox::start(0, QString());
        QVERIFY(demo);
        QVERIFY(!demo->orgToken().isEmpty());
        QCOMPARE(blockingGet(demo->baseUrl(), QStringLiteral("/customers"),
                             demo->orgToken() + QLatin1Char('x')),
                 401);
        QVERIFY(DemoSandbox::start(0, QString())->orgToken() != demo->orgToken());
    }

    // forgetCustomer runs on the sandbox's thread, in order, before the sandbox closes: its
    // state file is written by the time the sandbox is gone.
    void aSignOutReachesTheStateFileBeforeTheSandboxCloses()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(QStringLiteral("state.json"));
        {
            const std::unique_ptr<DemoSandbox> demo = DemoSandbox::start(0, stateFile);
            QVERIFY(demo);
            QVERIFY(!QFile::exists(stateFile));
            demo->forgetCustomer(tessera::test::seed::mayaThompson);
        }
        QVERIFY(QFile::exists(stateFile));
        QFile file(stateFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.size() > 0);
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }

    void aPortInUseGivesNoSandbox()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        QVERIFY(!DemoSandbox::start(taken.serverPort(), QString()));
    }

    // Closed means closed: the port is free again once the sandbox is gone.
    void closingFreesThePort()
    {
        quint16 port = 0;
        {
            const std::unique_ptr<DemoSandbox> demo = DemoSandbox::start(0, QString());
            QVERIFY(demo);
            port = quint16(demo->baseUrl().port());
        }
        QTcpServer again;
        QVERIFY2(again.listen(QHostAddress::LocalHost, port), qPrintable(again.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestDemoSandbox)
#include "tst_demosandbox.moc"
