#include "ApiClient.h"
#include "MessageCapture.h"
#include "ReplyWaiting.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace tessera;

namespace {

// The API's address: answers every request, once it has all of it, with one redirect.
class Redirector : public QTcpServer
{
public:
    Redirector(int status, QByteArray location)
        : m_status(status)
        , m_location(std::move(location))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
        });
    }
    int requests = 0;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        buffer.clear();
        ++requests;
        socket->write("HTTP/1.1 " + QByteArray::number(m_status) +
                      " Elsewhere\r\nLocation: " + m_location +
                      "\r\nContent-Type: text/html\r\nContent-Length: 9\r\n"
                      "Connection: close\r\n\r\n<a>x</a>\n");
        socket->disconnectFromHost();
    }

    int m_status;
    QByteArray m_location;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// Where the redirects point: on one port of both loopback addresses (so "localhost" reaches it
// whichever it resolves to), it counts whatever arrives and hangs up.
class Witness : public QObject
{
public:
    Witness()
    {
        m_v4.listen(QHostAddress::LocalHost, 0);
        m_v6.listen(QHostAddress::LocalHostIPv6, m_v4.serverPort()); // best effort
        for (QTcpServer *server : {&m_v4, &m_v6}) {
            connect(server, &QTcpServer::newConnection, this, [this, server] {
                while (QTcpSocket *socket = server->nextPendingConnection()) {
                    ++connections;
                    connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                        bytes += socket->readAll().size();
                        socket->abort();
                    });
                }
            });
        }
    }
    quint16 port() const { return m_v4.serverPort(); }
    bool isListening() const { return m_v4.isListening(); }
    int connections = 0;
    qint64 bytes = 0;

private:
    QTcpServer m_v4;
    QTcpServer m_v6;
};

const QString BearerToken = QStringLiteral("v2.public.redirect-test-bearer");
const QString Code = QStringLiteral("424242");

} // namespace

// An API or token endpoint that answers with a redirect never gets Tessera to a second address:
// the bearer token and a request body (a one-time code) would travel with it, over plain http
// too. The request fails with an error a person can read.
class TestRedirects : public QObject
{
    Q_OBJECT

private slots:
    void redirectsAreNeverFollowed_data()
    {
        QTest::addColumn<QString>("call"); // getCard is a GET, the others POST
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("target"); // %1: the witness's port
        const struct
        {
            const char *name;
            const char *url;
        } targets[] = {
            {"plain http, other port", "http://127.0.0.1:%1/cards/1"},
            {"https, other port", "https://127.0.0.1:%1/cards/1"},
            {"localhost, other port", "http://localhost:%1/customers/1/token"},
        };
        for (const char *call : {"getCard", "applyCardAction", "createCustomerToken"}) {
            for (int status : {301, 302, 303, 307, 308}) {
                for (const auto &target : targets) {
                    QTest::addRow("%s %d to %s", call, status, target.name)
                        << QString::fromLatin1(call) << status << QString::fromLatin1(target.url);
                }
            }
        }
    }
    void redirectsAreNeverFollowed()
    {
        QFETCH(QString, call);
        QFETCH(int, status);
        QFETCH(QString, target);

        Witness witness;
        QVERIFY(witness.isListening());
        const QUrl location(target.arg(witness.port()));
        Redirector api(status, location.toEncoded());
        QVERIFY(api.listen(QHostAddress::LocalHost, 0));

        QNetworkAccessManager network;
        ApiClient client(&network);
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(api.serverPort())));
        client.setBearerToken(BearerToken);
        client.setTransferTimeout(5000);
        RetryPolicy retries; // a GET that could be retried is not retried either
        retries.baseDelayMs = 1;
        client.setRetryPolicy(retries);

        test::MessageCapture capture;
        std::unique_ptr<ApiReply> reply;
        if (call == QLatin1String("getCard")) {
            reply.reset(client.getCard(QStringLiteral("300001")));
        } else if (call == QLatin1String("applyCardAction")) {
            reply.reset(client.applyCardAction(QStringLiteral("300001"), CardAction::Freeze));
        } else {
            CreateTokenRequest request;
            request.scopes = {QStringLiteral("cards")};
            request.verificationToken = QStringLiteral("redirect-test-verification");
            request.verificationCode = Code;
            reply.reset(client.createCustomerToken(QStringLiteral("100001"), request));
        }
        const bool done = test::waitForFinished(reply.get(), 10000);
        QTest::qWait(50); // room for a late follow-up connection
        capture.stop();

        QVERIFY(done);
        QCOMPARE(api.requests, 1);
        QCOMPARE(witness.connections, 0);
        QCOMPARE(witness.bytes, qint64(0));

        QVERIFY(reply->hasError());
        QCOMPARE(reply->error().kind, ApiError::Kind::Redirect);
        QCOMPARE(reply->error().httpStatus, status);
        QVERIFY(!reply->error().isRetryable());
        const QString message = reply->error().message();
        QCOMPARE(message, QStringLiteral("The server sent Tessera to another address; Tessera "
                                         "does not follow redirects for your safety."));
        QVERIFY(!message.contains(QLatin1String("://")));
        QVERIFY(!message.contains(QString::number(status)));

        // The log says what happened (status, where to) and nothing secret.
        const QString log = capture.messages().join(QLatin1Char('\n'));
        QVERIFY(log.contains(QString::number(status)));
        QVERIFY(log.contains(location.host()));
        QVERIFY2(!log.contains(BearerToken), "the bearer token was logged");
        QVERIFY2(!log.contains(Code), "the one-time code was logged");
    }
};

QTEST_GUILESS_MAIN(TestRedirects)
#include "tst_redirects.moc"
