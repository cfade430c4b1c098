#include "BrokerServer.h"

#include "BrokerLogging.h"
#include "SignInRequestParser.h"
#include "SignInService.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>

namespace tessera::broker {

namespace {

const QByteArray JsonApiType = QByteArrayLiteral("application/vnd.api+json");

void write(QHttpServerResponder &responder, const BrokerResponse &response)
{
    const QByteArray body = QJsonDocument(response.document).toJson(QJsonDocument::Compact);
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    if (response.retryAfterSeconds > 0)
        responder.write(body,
                        {{"Content-Type", JsonApiType},
                         {"Retry-After", QByteArray::number(response.retryAfterSeconds)}},
                        status);
    else
        responder.write(body, {{"Content-Type", JsonApiType}}, status);
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
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

BrokerServer::BrokerServer(const BrokerConfig &config, SignInService *signIns, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_config(config)
    , m_signIns(signIns)
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

QByteArray BrokerServer::clientAddress(const QHttpServerRequest &request, QTcpSocket *socket) const
{
    const QHostAddress peer = socket->peerAddress();
    if (m_config.behindProxy && peer.isLoopback()) {
        const QByteArray forwarded = request.value("X-Forwarded-For");
        const QHostAddress client(QString::fromLatin1(forwarded.split(',').last().trimmed()));
        if (!client.isNull())
            return client.toString().toLatin1();
    }
    return peer.toString().toLatin1();
}

bool BrokerServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const BrokerRequest parsed =
        SignInRequestParser::parse(methodName(request.method()), request.url().path().toUtf8(),
                                   request.value("Content-Type"), request.body());
    // Kept until the service answers, which may be after Unit answered; written only while
    // the client is still connected.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    const QPointer<QTcpSocket> connection(socket);
    // Flushed at once: what the service does next (ask Unit for a code, for a customer only)
    // must not hold the answer back, or its timing would tell a customer from nobody.
    auto respond = [responder, connection](const BrokerResponse &response) {
        if (!connection)
            return;
        write(*responder, response);
        connection->flush();
    };
    const QByteArray client = clientAddress(request, socket);
    // Without [identityProvider] the path is not there, whatever is sent to it.
    if (request.url().path() == QLatin1String("/v1/jwt-sign-ins") && !m_signIns->acceptsJwt()) {
        qCInfo(lcBroker).noquote() << "identity token sign-in from" << client
                                   << "refused with 404: no [identityProvider] configured";
        respond(SignInService::jwtSignInNotOffered());
    } else if (const auto *answer = std::get_if<BrokerResponse>(&parsed)) {
        // Not the path: it is the caller's text (and may hold a sign-in id).
        if (answer->status != 200)
            qCInfo(lcBroker).noquote() << methodName(request.method()) << "request from" << client
                                       << "refused with" << answer->status;
        respond(*answer);
    } else if (std::holds_alternative<HealthCheck>(parsed)) {
        respond(BrokerResponse{200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}});
    } else if (const auto *start = std::get_if<StartSignIn>(&parsed)) {
        m_signIns->start(*start, client, respond);
    } else if (const auto *finish = std::get_if<FinishSignIn>(&parsed)) {
        m_signIns->finish(*finish, client, respond);
    } else if (const auto *jwt = std::get_if<JwtSignIn>(&parsed)) {
        m_signIns->signInWithJwt(*jwt, client, respond);
    }
    return true;
}

void BrokerServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers every request; kept for QAbstractHttpServer's contract.
    auto responder = makeResponder(request, socket);
    write(responder,
          BrokerResponse::error(404, QStringLiteral("There is nothing at this address.")));
}

} // namespace tessera::broker
