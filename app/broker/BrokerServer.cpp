#include "BrokerServer.h"

#include "BrokerLogging.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>

namespace tessera::broker {

namespace {

const QByteArray JsonApiType = QByteArrayLiteral("application/vnd.api+json");

void writeJson(QHttpServerResponder &&responder, int status, const QJsonObject &document)
{
    responder.write(QJsonDocument(document).toJson(QJsonDocument::Compact),
                    {{"Content-Type", JsonApiType}},
                    static_cast<QHttpServerResponder::StatusCode>(status));
}

QJsonObject errorDocument(int status, const QString &title)
{
    return QJsonObject{{QStringLiteral("errors"),
                        QJsonArray{QJsonObject{{QStringLiteral("status"), QString::number(status)},
                                               {QStringLiteral("title"), title}}}}};
}

bool readFile(const QString &path, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

} // namespace

BrokerServer::BrokerServer(const BrokerConfig &config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_config(config)
{}

BrokerServer::~BrokerServer() = default;

quint16 BrokerServer::start(QString *error)
{
    if (m_config.usesTls()) {
        QByteArray certificateBytes;
        QByteArray keyBytes;
        if (!readFile(m_config.tlsCertificateFile, &certificateBytes, error) ||
            !readFile(m_config.tlsKeyFile, &keyBytes, error))
            return 0;
        const QSslCertificate certificate(certificateBytes, QSsl::Pem);
        const QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
        const QSslKey ecKey = key.isNull() ? QSslKey(keyBytes, QSsl::Ec, QSsl::Pem) : key;
        if (certificate.isNull() || ecKey.isNull()) {
            *error = QStringLiteral("the TLS certificate or key is not PEM");
            return 0;
        }
        sslSetup(certificate, ecKey);
    }
    m_port = listen(m_config.listenAddress, m_config.port);
    if (m_port == 0)
        *error = QStringLiteral("cannot listen on %1 port %2")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.port);
    return m_port;
}

QUrl BrokerServer::baseUrl() const
{
    if (m_port == 0)
        return {};
    QUrl url;
    url.setScheme(m_config.usesTls() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_config.listenAddress.toString());
    url.setPort(m_port);
    return url;
}

bool BrokerServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QString path = request.url().path(QUrl::FullyDecoded);
    if (path == QLatin1String("/healthz")) {
        if (request.method() != QHttpServerRequest::Method::Get)
            writeJson(makeResponder(request, socket), 405,
                      errorDocument(405, QStringLiteral("Use GET for /healthz.")));
        else
            writeJson(makeResponder(request, socket), 200,
                      QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
        return true;
    }
    return false;
}

void BrokerServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    qCInfo(lcBroker).noquote() << "no route for" << request.url().path();
    writeJson(makeResponder(request, socket), 404,
              errorDocument(404, QStringLiteral("There is nothing at this address.")));
}

} // namespace tessera::broker
