// Where and how tessera-broker listens: TLS from its own certificate, and never a plain-HTTP
// address other machines can reach unless a reverse proxy in front of it ends TLS.

#include "BrokerProcess.h"
#include "SelfSignedCertificate.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

class TestBrokerListen : public QObject
{
    Q_OBJECT

private:
    // Unit is a closed loopback port: listening and /healthz never ask it.
    const QUrl m_unit = QUrl(QStringLiteral("http://127.0.0.1:9"));
    const QString m_orgToken = QStringLiteral("v2.public.org-token-for-the-listen-tests");

private slots:
    void servesTlsWithTheConfiguredCertificate()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dir;
        QString cert;
        QString key;
        QVERIFY(test::makeSelfSignedCertificate(dir, &cert, &key));
        test::BrokerProcess broker(m_unit, m_orgToken,
                                   {QStringLiteral("[listen]"),
                                    QStringLiteral("tlsCertificate=") + cert,
                                    QStringLiteral("tlsKey=") + key});
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        QCOMPARE(broker.baseUrl().scheme(), QStringLiteral("https"));

        // A client that trusts this certificate (and only it) gets its answer over TLS.
        QFile certFile(cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(certFile.readAll()));
        QNetworkRequest request(broker.baseUrl().resolved(QUrl(QStringLiteral("/healthz"))));
        request.setSslConfiguration(tls);
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), QByteArray(R"({"status":"ok"})"));

        // Plain HTTP to the same port gets no answer.
        QUrl plain = broker.baseUrl();
        plain.setScheme(QStringLiteral("http"));
        plain.setPath(QStringLiteral("/healthz"));
        std::unique_ptr<QNetworkReply> refused(network.get(QNetworkRequest(plain)));
        QSignalSpy refusedFinished(refused.get(), &QNetworkReply::finished);
        QVERIFY(refusedFinished.wait(10000));
        QVERIFY(refused->error() != QNetworkReply::NoError);
        QCOMPARE(refused->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    }

    void refusesAnAddressOthersReachWithoutTls()
    {
        test::BrokerProcess broker(m_unit, m_orgToken,
                                   {QStringLiteral("[listen]"), QStringLiteral("address=0.0.0.0")});
        QCOMPARE(broker.waitForExit(), 1);
        QVERIFY2(broker.log().contains(QLatin1String("without TLS")), qPrintable(broker.log()));
    }

    void takesSuchAnAddressBehindAProxyThatEndsTls()
    {
        test::BrokerProcess broker(m_unit, m_orgToken,
                                   {QStringLiteral("[listen]"), QStringLiteral("address=0.0.0.0"),
                                    QStringLiteral("behindProxy=true")});
        QProcess check;
        check.start(
            QStringLiteral(TESSERA_BROKER_EXECUTABLE),
            {QStringLiteral("--config"), broker.configPath(), QStringLiteral("--check-config")});
        QVERIFY(check.waitForFinished(10000));
        QCOMPARE(check.exitCode(), 0);
        QVERIFY(check.readAllStandardOutput().contains("configuration OK"));
    }
};

QTEST_GUILESS_MAIN(TestBrokerListen)
#include "tst_brokerlisten.moc"
