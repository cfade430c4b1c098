#include "ApiClient.h"
#include "ReplyWaiting.h"
#include "SelfSignedCertificate.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

// A server with a certificate nobody vouches for must not get the request: the client never
// ignores TLS errors (no sslErrors handler, no ignoreSslErrors()).
class TestTlsRefusal : public QObject
{
    Q_OBJECT

private slots:
    void selfSignedCertificateIsRefused()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dir;
        QString cert;
        QString key;
        if (!test::makeSelfSignedCertificate(dir, &cert, &key))
            QSKIP("openssl could not make a test certificate");
        QFile certFile(cert);
        QFile keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(certFile.readAll()));
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));

        QSslServer server;
        server.setSslConfiguration(config);
        QByteArray received;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this,
                        [&, socket] { received += socket->readAll(); });
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        QNetworkAccessManager network;
        ApiClient client(&network);
        client.setRetryPolicy(RetryPolicy::none());
        client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
        client.setBearerToken(QStringLiteral("v2.public.must-not-arrive"));
        // A GET goes through QNetworkAccessManager, a POST through SingleAttemptReply: both
        // refuse, and nothing was sent, so the outcome is known.
        std::unique_ptr<ApiReply> get(client.listCards());
        std::unique_ptr<ApiReply> post(
            client.applyCardAction(QStringLiteral("300001"), CardAction::Freeze));
        for (const auto &reply : {get.get(), post.get()}) {
            QVERIFY(test::waitForFinished(reply, 10000));
            QCOMPARE(reply->error().kind, ApiError::Kind::Network);
        }
        QVERIFY(!received.contains("must-not-arrive"));
        QVERIFY(!received.contains("/cards"));
    }
};

QTEST_GUILESS_MAIN(TestTlsRefusal)
#include "tst_tlsrefusal.moc"
