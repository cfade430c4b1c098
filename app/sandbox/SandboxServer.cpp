#include "SandboxServer.h"

#include "Logging.h"
#include "SandboxApi.h"

#include <QEventLoop>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace tessera::sandbox {

namespace {

const QString BuiltInSeed = QStringLiteral(":/tessera/seed/demo-seed.json");

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

void writeResponse(QHttpServerResponder &&responder, const SandboxResponse &response)
{
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    const QByteArray contentType = response.contentType;
    if (response.headers.isEmpty()) {
        responder.write(response.body, {{"Content-Type", contentType}}, status);
        return;
    }
    // HeaderList is an initializer_list, so variable headers are written one by one.
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QAbstractHttpServer(parent)
    , m_api(std::make_unique<SandboxApi>())
{
    QString error;
    if (!loadSeedFile(BuiltInSeed, &error))
        qCWarning(lcSandbox).noquote() << "built-in seed not loaded:" << error;
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::loadSeed(const QByteArray &json, QString *error)
{
    return m_api->store().loadSeed(json, error);
}

bool SandboxServer::loadSeedFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return loadSeed(file.readAll(), error);
}

quint16 SandboxServer::start(const QHostAddress &address, quint16 port)
{
    m_port = listen(address, port);
    m_address = address;
    if (m_port == 0)
        qCWarning(lcSandbox).noquote() << "cannot listen on" << address.toString() << port;
    return m_port;
}

void SandboxServer::serve(QTcpServer *listening)
{
    bind(listening);
    m_address = listening->serverAddress();
    m_port = listening->serverPort();
}

QUrl SandboxServer::baseUrl() const
{
    return m_port == 0 ? QUrl() : baseUrlFor(m_address, m_port);
}

QUrl SandboxServer::baseUrlFor(const QHostAddress &address, quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (address == QHostAddress::AnyIPv6)
        url.setHost(QStringLiteral("::1"));
    else
        url.setHost(address.toString());
    url.setPort(port);
    return url;
}

QString SandboxServer::orgToken() const
{
    return m_api->tokens().orgToken();
}

void SandboxServer::setOrgToken(const QString &token)
{
    m_api->tokens().setOrgToken(token);
}

void SandboxServer::setTwoFactorScopes(const QStringList &scopes)
{
    m_api->tokens().setTwoFactorScopes(scopes);
}

void SandboxServer::setIdentityProvider(const Jwks &keys, const QString &issuer)
{
    m_api->tokens().setIdentityProvider(keys, issuer);
}

void SandboxServer::setClockOffset(qint64 seconds)
{
    m_api->clock().setOffset(seconds);
}

int SandboxServer::cardCount() const
{
    return m_api->store().cardCount();
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // The responder writes headers and body separately; with Nagle's algorithm the body's last
    // segment then waits for the client's delayed ACK, about 40 ms per answer on a kept-alive
    // connection (tests/bench: a page of 100 cards took 48 ms instead of 2.5).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    SandboxRequest sandboxRequest;
    sandboxRequest.method = methodName(request.method());
    sandboxRequest.path = request.url().path(QUrl::FullyDecoded);
    sandboxRequest.query = QUrlQuery(request.url());
    sandboxRequest.headers = request.headers();
    sandboxRequest.body = request.body();
    emit requestReceived(sandboxRequest.method, sandboxRequest.path);
    sandboxRequest.clientAddress = socket->peerAddress().toString();

    using Fault = FaultInjector::Fault;
    const FaultInjector::Decision fault =
        m_faults.decide(sandboxRequest.method, sandboxRequest.path);
    if (fault.fault != Fault::None)
        qCInfo(lcSandbox).noquote() << "injecting fault" << int(fault.fault) << "into"
                                    << sandboxRequest.method << sandboxRequest.path;
    // Closing from the event loop: the HTTP server still holds the socket during this call.
    auto dropConnection = [socket] {
        QMetaObject::invokeMethod(socket, &QAbstractSocket::abort, Qt::QueuedConnection);
    };

    switch (fault.fault) {
    case Fault::None:
        break;
    case Fault::Delay: {
        // A nested loop keeps `request` alive while the client (maybe in this process) runs.
        QPointer<QTcpSocket> guard(socket);
        QEventLoop wait;
        QTimer::singleShot(fault.delayMs, &wait, &QEventLoop::quit);
        wait.exec();
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return true; // the client gave up; nobody to answer
        break;
    }
    case Fault::InternalError:
    case Fault::BadGateway:
    case Fault::Unavailable:
    case Fault::RequestTimeout:
    case Fault::TooManyRequests: {
        const int status = fault.fault == Fault::InternalError    ? 500
                           : fault.fault == Fault::BadGateway     ? 502
                           : fault.fault == Fault::Unavailable    ? 503
                           : fault.fault == Fault::RequestTimeout ? 408
                                                                  : 429;
        SandboxResponse response = SandboxResponse::error(
            status, QStringLiteral("Injected fault: the request was not processed."));
        if (status == 429)
            response.headers.append(
                {QByteArrayLiteral("Retry-After"), QByteArray::number(fault.retryAfterSeconds)});
        writeResponse(makeResponder(request, socket), response);
        return true;
    }
    case Fault::DropBeforeResponse:
        dropConnection();
        return true;
    case Fault::DropAfterCommit: {
        const bool mayChange = sandboxRequest.method != "GET";
        const SandboxResponse response = m_api->handle(std::move(sandboxRequest));
        if (mayChange && response.status < 400)
            saveState();
        dropConnection();
        return true;
    }
    case Fault::MalformedJson:
        writeResponse(
            makeResponder(request, socket),
            SandboxResponse::document(200, QByteArrayLiteral(R"({"data":{"type":"individualDe)")));
        return true;
    case Fault::MissingScope:
        writeResponse(makeResponder(request, socket), m_api->missingScope({}));
        return true;
    case Fault::WrongShape:
        writeResponse(
            makeResponder(request, socket),
            SandboxResponse::document(200, QByteArrayLiteral(R"({"data":"surprise","meta":[]})")));
        return true;
    }

    const bool mayChange = sandboxRequest.method != "GET";
    const SandboxResponse response = m_api->handle(std::move(sandboxRequest));
    // Saved before answering, so a client that saw the answer finds it after a restart.
    if (mayChange && response.status < 400)
        saveState();
    writeResponse(makeResponder(request, socket), response);
    return true;
}

void SandboxServer::setVerificationCode(const QString &code)
{
    m_api->tokens().setSandboxCode(code);
}

bool SandboxServer::setStateFile(const QString &path, QString *error)
{
    m_stateFile = path;
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    QString problem;
    if (!m_api->restoreState(state, &problem)) {
        // A state from another seed or version: start from the seed rather than fail.
        qCWarning(lcSandbox).noquote() << "ignoring saved sandbox state:" << problem;
        if (error)
            *error = problem;
        return false;
    }
    qCInfo(lcSandbox) << "sandbox state restored from" << path;
    return true;
}

void SandboxServer::forgetCustomer(const QString &customerId)
{
    const int dropped = m_api->tokens().forgetCustomer(customerId);
    qCInfo(lcSandbox).noquote() << "customer" << customerId << "signed out:" << dropped
                                << "token(s) forgotten";
    saveState();
}

void SandboxServer::saveState()
{
    if (m_stateFile.isEmpty())
        return;
    QSaveFile file(m_stateFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSandbox).noquote() << "cannot save sandbox state:" << file.errorString();
        return;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(m_api->state()).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcSandbox).noquote() << "cannot save sandbox state:" << file.errorString();
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is only reached if that ever changes.
    writeResponse(makeResponder(request, socket),
                  SandboxResponse::notFound(
                      QStringLiteral("There is no resource at %1.").arg(request.url().path())));
}

} // namespace tessera::sandbox
