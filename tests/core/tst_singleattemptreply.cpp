#include "SingleAttemptReply.h"

#include <functional>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace tessera;

namespace {

// A loopback HTTP peer: collects each whole request (head and Content-Length body), counts
// connections and requests, and answers each request with `answer`.
class ScriptedPeer : public QTcpServer
{
public:
    using Answer = std::function<void(QTcpSocket *)>;

    explicit ScriptedPeer(Answer answer)
        : m_answer(std::move(answer))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }

    int connections = 0;
    QByteArrayList requests;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        requests << buffer;
        buffer.clear();
        m_answer(socket);
    }

    Answer m_answer;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QNetworkRequest postTo(const QUrl &url, int timeoutMs = 5000)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/vnd.api+json");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/vnd.api+json"));
    request.setTransferTimeout(timeoutMs);
    return request;
}

bool waitFor(QNetworkReply *reply, int timeoutMs = 10000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    return finished.wait(timeoutMs);
}

} // namespace

// The one-shot transport for requests that must not be sent twice, against a peer that
// answers, or fails to, exactly as scripted.
class TestSingleAttemptReply : public QObject
{
    Q_OBJECT

private slots:
    void readsAContentLengthAnswerAndSendsTheRequestOnce()
    {
        ScriptedPeer peer([](QTcpSocket *socket) {
            // Kept open: the length alone must end the answer.
            socket->write("HTTP/1.1 201 Created\r\nContent-Type: application/vnd.api+json\r\n"
                          "Content-Length: 5\r\nRetry-After: 3\r\n\r\nhello");
        });
        QVERIFY(peer.isListening());
        SingleAttemptReply reply(postTo(peer.url(QStringLiteral("/cards/7/freeze"))), "POST",
                                 R"({"a":1})");
        QVERIFY(waitFor(&reply));
        QCOMPARE(reply.error(), QNetworkReply::NoError);
        QCOMPARE(reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        QCOMPARE(reply.rawHeader("retry-after"), QByteArray("3"));
        QCOMPARE(reply.readAll(), QByteArray("hello"));
        QVERIFY(!reply.attribute(SingleAttemptReply::OutcomeUnknownAttribute).toBool());
        QCOMPARE(peer.requests.size(), 1);
        const QByteArray sent = peer.requests.first();
        QVERIFY(sent.startsWith("POST /cards/7/freeze HTTP/1.1\r\n"));
        QVERIFY(sent.contains("\r\nConnection: close\r\n"));
        QVERIFY(sent.contains("\r\nContent-Length: 7\r\n"));
        QVERIFY(sent.contains("\r\nAccept: application/vnd.api+json\r\n"));
        QVERIFY(sent.endsWith("\r\n\r\n{\"a\":1}"));
    }

    void readsAChunkedAnswerThatArrivesInPieces()
    {
        ScriptedPeer peer([](QTcpSocket *socket) {
            socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel");
            socket->flush();
            QTimer::singleShot(
                50, socket, [socket] { socket->write("lo\r\n6;note=x\r\n world\r\n0\r\n\r\n"); });
        });
        SingleAttemptReply reply(postTo(peer.url(QStringLiteral("/cards"))), "POST", "{}");
        QVERIFY(waitFor(&reply));
        QCOMPARE(reply.error(), QNetworkReply::NoError);
        QCOMPARE(reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply.readAll(), QByteArray("hello world"));
    }

    void anErrorStatusKeepsItsBody()
    {
        ScriptedPeer peer([](QTcpSocket *socket) {
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n{}");
            socket->disconnectFromHost();
        });
        SingleAttemptReply reply(postTo(peer.url(QStringLiteral("/cards"))), "POST", "{}");
        QVERIFY(waitFor(&reply));
        QCOMPARE(reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        QCOMPARE(reply.error(), QNetworkReply::ProtocolInvalidOperationError);
        QCOMPARE(reply.readAll(), QByteArray("{}"));
        QVERIFY(!reply.attribute(SingleAttemptReply::OutcomeUnknownAttribute).toBool());
    }

    void aConnectionClosedMidBodyIsAnUnknownOutcome()
    {
        ScriptedPeer peer([](QTcpSocket *socket) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial");
            socket->disconnectFromHost();
        });
        SingleAttemptReply reply(postTo(peer.url(QStringLiteral("/cards/1/close"))), "POST", {});
        QVERIFY(waitFor(&reply));
        QCOMPARE(reply.error(), QNetworkReply::RemoteHostClosedError);
        QVERIFY(reply.attribute(SingleAttemptReply::OutcomeUnknownAttribute).toBool());
        QVERIFY(reply.readAll().isEmpty());
        QCOMPARE(peer.requests.size(), 1);
    }

    // What QNetworkAccessManager answers by sending the request again: here it is an error
    // with an unknown outcome, and the server saw the request exactly once.
    void aServerThatClosesWithoutAnsweringIsNotSentTheRequestAgain()
    {
        ScriptedPeer peer([](QTcpSocket *socket) { socket->abort(); });
        SingleAttemptReply reply(postTo(peer.url(QStringLiteral("/cards/1/freeze"))), "POST", {});
        QVERIFY(waitFor(&reply));
        QCOMPARE(reply.error(), QNetworkReply::RemoteHostClosedError);
        QVERIFY(reply.attribute(SingleAttemptReply::OutcomeUnknownAttribute).toBool());
        QTest::qWait(300); // room for a second attempt, were there one
        QCOMPARE(peer.requests.size(), 1);
        QCOMPARE(peer.connections, 1);
    }

    void aSilentServerTimesOutWithAnUnknownOutcome()
    {
        ScriptedPeer peer([](QTcpSocket *) {});
        QElapsedTimer timer;
        timer.start();
        SingleAttemptReply reply(postTo(peer.url(QStringLiteral("/cards")), 200), "POST", "{}");
        QVERIFY(waitFor(&reply));
        QCOMPARE(reply.error(), QNetworkReply::TimeoutError);
        QVERIFY(reply.attribute(SingleAttemptReply::OutcomeUnknownAttribute).toBool());
        QVERIFY(timer.elapsed() >= 150);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(peer.requests.size(), 1);
    }

    void aRefusedConnectionSentNothing()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        SingleAttemptReply reply(
            postTo(QUrl(QStringLiteral("http://127.0.0.1:%1/cards").arg(port))), "POST", "{}");
        QVERIFY(waitFor(&reply));
        QCOMPARE(reply.error(), QNetworkReply::ConnectionRefusedError);
        QVERIFY(!reply.attribute(SingleAttemptReply::OutcomeUnknownAttribute).toBool());
    }

    void abortFinishesAtOnceAsCancelled()
    {
        ScriptedPeer peer([](QTcpSocket *) {});
        SingleAttemptReply reply(postTo(peer.url(QStringLiteral("/cards"))), "POST", "{}");
        QTRY_COMPARE(peer.requests.size(), 1);
        QSignalSpy finished(&reply, &QNetworkReply::finished);
        reply.abort();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(reply.error(), QNetworkReply::OperationCanceledError);
        QVERIFY(reply.isFinished());
    }
};

QTEST_GUILESS_MAIN(TestSingleAttemptReply)
#include "tst_singleattemptreply.moc"
