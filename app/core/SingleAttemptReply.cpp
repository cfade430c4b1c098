#include "SingleAttemptReply.h"

#include "Logging.h"

#include <cstring>
#include <QSslConfiguration>
#include <QSslSocket>

namespace tessera {

namespace {

// More than any API answer; a peer that sends more is not the API.
constexpr qsizetype MaxResponseBytes = 32 * 1024 * 1024;

struct HttpResponse
{
    int status = 0;
    QByteArray reason;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        QByteArrayList values;
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                values << value;
        }
        return values.join(", ");
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

enum class Parse { Incomplete, Complete, Invalid };

// The status line and headers starting at `from`; `next` is where the body starts.
Parse parseHead(const QByteArray &raw, qsizetype from, HttpResponse *response, qsizetype *next)
{
    const qsizetype end = raw.indexOf("\r\n\r\n", from);
    if (end < 0)
        return Parse::Incomplete;
    const QByteArrayList lines = raw.mid(from, end - from).split('\n');
    const QByteArray statusLine = lines.first().trimmed();
    // "HTTP/1.1 200 OK": the reason phrase may be empty or hold spaces.
    if (!statusLine.startsWith("HTTP/1."))
        return Parse::Invalid;
    const QByteArrayList parts = statusLine.split(' ');
    bool ok = false;
    response->status = parts.size() >= 2 ? parts.at(1).toInt(&ok) : 0;
    if (!ok || response->status < 100 || response->status > 999)
        return Parse::Invalid;
    response->reason = statusLine.mid(parts.at(0).size() + parts.at(1).size() + 2);
    response->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Parse::Invalid;
        response->headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    *next = end + 4;
    return Parse::Complete;
}

Parse parseChunked(const QByteArray &raw, qsizetype pos, QByteArray *body)
{
    body->clear();
    for (;;) {
        const qsizetype lineEnd = raw.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return Parse::Incomplete;
        QByteArray sizeField = raw.mid(pos, lineEnd - pos);
        if (const qsizetype extension = sizeField.indexOf(';'); extension >= 0)
            sizeField.truncate(extension); // chunk extensions carry nothing we use
        sizeField = sizeField.trimmed();
        bool ok = false;
        const qlonglong size = sizeField.toLongLong(&ok, 16);
        if (!ok || size < 0 || size > MaxResponseBytes)
            return Parse::Invalid;
        pos = lineEnd + 2;
        if (size == 0) {
            // Optional trailer fields, then an empty line.
            for (;;) {
                const qsizetype trailerEnd = raw.indexOf("\r\n", pos);
                if (trailerEnd < 0)
                    return Parse::Incomplete;
                if (trailerEnd == pos)
                    return Parse::Complete;
                pos = trailerEnd + 2;
            }
        }
        if (raw.size() < pos + size + 2)
            return Parse::Incomplete;
        if (raw.mid(pos + size, 2) != "\r\n")
            return Parse::Invalid;
        body->append(raw.mid(pos, size));
        pos += size + 2;
    }
}

// An HTTP/1.1 answer in `raw`; interim 1xx answers are skipped.
Parse parseResponse(const QByteArray &raw, bool connectionClosed, HttpResponse *response)
{
    qsizetype pos = 0;
    for (;;) {
        qsizetype bodyStart = 0;
        const Parse head = parseHead(raw, pos, response, &bodyStart);
        if (head != Parse::Complete)
            return head;
        pos = bodyStart;
        if (response->status >= 200 || response->status == 101)
            break;
    }
    if (response->status < 200 || response->status == 204 || response->status == 304) {
        response->body.clear();
        return Parse::Complete;
    }
    if (response->header("Transfer-Encoding").toLower().contains("chunked"))
        return parseChunked(raw, pos, &response->body);
    if (response->hasHeader("Content-Length")) {
        bool ok = false;
        const qlonglong length = response->header("Content-Length").toLongLong(&ok);
        if (!ok || length < 0 || length > MaxResponseBytes)
            return Parse::Invalid;
        if (raw.size() - pos < length)
            return Parse::Incomplete;
        response->body = raw.mid(pos, length);
        return Parse::Complete;
    }
    // Neither: the body runs up to the close ("Connection: close" makes that an end).
    if (!connectionClosed)
        return Parse::Incomplete;
    response->body = raw.mid(pos);
    return Parse::Complete;
}

QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 400:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        break;
    }
    if (status >= 500)
        return QNetworkReply::UnknownServerError;
    if (status >= 400)
        return QNetworkReply::UnknownContentError;
    return QNetworkReply::NoError;
}

QNetworkReply::NetworkError errorForSocket(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::RemoteHostClosedError:
        return QNetworkReply::RemoteHostClosedError;
    case QAbstractSocket::HostNotFoundError:
        return QNetworkReply::HostNotFoundError;
    case QAbstractSocket::SocketTimeoutError:
        return QNetworkReply::TimeoutError;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return QNetworkReply::SslHandshakeFailedError;
    case QAbstractSocket::ProxyConnectionRefusedError:
        return QNetworkReply::ProxyConnectionRefusedError;
    case QAbstractSocket::ProxyConnectionClosedError:
        return QNetworkReply::ProxyConnectionClosedError;
    case QAbstractSocket::ProxyNotFoundError:
        return QNetworkReply::ProxyNotFoundError;
    case QAbstractSocket::ProxyConnectionTimeoutError:
        return QNetworkReply::ProxyTimeoutError;
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

bool isHeaderSafe(const QByteArray &text)
{
    return !text.contains('\r') && !text.contains('\n');
}

} // namespace

SingleAttemptReply::SingleAttemptReply(const QNetworkRequest &request, const QByteArray &verb,
                                       const QByteArray &body, QObject *parent)
    : QNetworkReply(parent)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(verb == "POST"  ? QNetworkAccessManager::PostOperation
                 : verb == "PUT" ? QNetworkAccessManager::PutOperation
                                 : QNetworkAccessManager::CustomOperation);
    setAttribute(OutcomeUnknownAttribute, false);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);

    const QUrl url = request.url();
    const bool tls = url.scheme() == QLatin1String("https");
    if (!tls && url.scheme() != QLatin1String("http")) {
        fail(ProtocolUnknownError, QStringLiteral("unsupported scheme %1").arg(url.scheme()));
        return;
    }
    const int defaultPort = tls ? 443 : 80;
    const quint16 port = quint16(url.port(defaultPort));
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (port != defaultPort)
        host += ':' + QByteArray::number(port);
    QByteArray target =
        url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty())
        target = "/";

    m_requestBytes = verb + ' ' + target + " HTTP/1.1\r\nHost: " + host +
                     "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) +
                     "\r\n";
    for (const QByteArray &name : request.rawHeaderList()) {
        const QByteArray lower = name.toLower();
        if (lower == "host" || lower == "connection" || lower == "content-length")
            continue;
        const QByteArray value = request.rawHeader(name);
        // A line break in a header would let its value write headers of its own.
        if (!isHeaderSafe(name) || !isHeaderSafe(value)) {
            fail(ProtocolInvalidOperationError,
                 QStringLiteral("header %1 holds a line break").arg(QLatin1String(name)));
            return;
        }
        m_requestBytes += name + ": " + value + "\r\n";
    }
    m_requestBytes += "\r\n" + body;

    const int timeout = request.transferTimeout();
    m_inactivity.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this, &SingleAttemptReply::onTimeout);
    if (timeout > 0)
        m_inactivity.start(timeout);

    if (tls) {
        auto *socket = new QSslSocket(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        // This parser speaks HTTP/1.1 only.
        config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        socket->setSslConfiguration(config);
        // Never ignored: a certificate nobody vouches for ends the exchange before it starts.
        connect(socket, &QSslSocket::sslErrors, this, [url](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                qCWarning(lcApi).noquote()
                    << url.host() << "TLS certificate refused:" << error.errorString();
        });
        connect(socket, &QSslSocket::encrypted, this, &SingleAttemptReply::onConnected);
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &SingleAttemptReply::onConnected);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &SingleAttemptReply::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_inactivity.isActive())
            m_inactivity.start();
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, &SingleAttemptReply::onClosed);
    connect(m_socket, &QTcpSocket::disconnected, this, &SingleAttemptReply::onClosed);
    if (tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(url.host(), port);
    else
        m_socket->connectToHost(url.host(), port);
}

SingleAttemptReply::~SingleAttemptReply()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SingleAttemptReply::onConnected()
{
    if (m_done)
        return;
    // From here the server may act on the request, even if the connection seems to fail
    // before every byte is out: only an answer tells what happened.
    m_requestWritten = true;
    m_socket->write(m_requestBytes);
    if (m_inactivity.isActive())
        m_inactivity.start();
}

void SingleAttemptReply::onReadyRead()
{
    if (m_done)
        return;
    m_received += m_socket->readAll();
    if (m_inactivity.isActive())
        m_inactivity.start();
    tryComplete(false);
}

void SingleAttemptReply::onClosed()
{
    if (m_done)
        return;
    m_received += m_socket->readAll();
    // The server closes after its answer ("Connection: close"): that is the usual end.
    if (m_requestWritten && tryComplete(true))
        return;
    const NetworkError code = m_socket->error() == QAbstractSocket::UnknownSocketError
                                  ? RemoteHostClosedError
                                  : errorForSocket(m_socket->error());
    fail(code, QStringLiteral("%1 (%2 bytes of an answer)")
                   .arg(m_socket->errorString())
                   .arg(m_received.size()));
}

void SingleAttemptReply::onTimeout()
{
    if (!m_done)
        fail(TimeoutError, QStringLiteral("no data for %1 ms").arg(m_inactivity.interval()));
}

bool SingleAttemptReply::tryComplete(bool connectionClosed)
{
    if (m_received.size() > MaxResponseBytes) {
        fail(ProtocolFailure,
             QStringLiteral("the answer is larger than %1 bytes").arg(MaxResponseBytes));
        return true;
    }
    HttpResponse response;
    const Parse state = parseResponse(m_received, connectionClosed, &response);
    if (state == Parse::Incomplete)
        return false;
    if (state == Parse::Invalid) {
        fail(ProtocolFailure, QStringLiteral("the answer is not HTTP/1.1"));
        return true;
    }
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, response.status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, QString::fromLatin1(response.reason));
    for (const auto &header : response.headers)
        setRawHeader(header.first, response.header(header.first));
    if (response.status >= 300 && response.status < 400 && response.hasHeader("Location"))
        setAttribute(QNetworkRequest::RedirectionTargetAttribute,
                     QUrl::fromEncoded(response.header("Location")));
    m_body = response.body;
    if (const NetworkError code = errorForStatus(response.status); code != NoError)
        setError(code, QString::fromLatin1(response.reason));
    detachSocket();
    QMetaObject::invokeMethod(this, &SingleAttemptReply::emitFinished, Qt::QueuedConnection);
    return true;
}

void SingleAttemptReply::fail(NetworkError code, const QString &detail)
{
    if (m_done)
        return;
    setAttribute(OutcomeUnknownAttribute, m_requestWritten && code != OperationCanceledError);
    qCInfo(lcApi).noquote() << url().path() << "exchange failed:" << detail
                            << (m_requestWritten ? "(after the request went out)"
                                                 : "(nothing was sent)");
    setError(code, detail);
    detachSocket();
    if (code == OperationCanceledError)
        emitFinished();
    else
        QMetaObject::invokeMethod(this, &SingleAttemptReply::emitFinished, Qt::QueuedConnection);
}

void SingleAttemptReply::detachSocket()
{
    m_done = true;
    m_inactivity.stop();
    if (!m_socket)
        return;
    // Possibly inside one of the socket's own signals: disconnect now, delete later.
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void SingleAttemptReply::emitFinished()
{
    setFinished(true);
    if (error() != NoError)
        emit errorOccurred(error());
    if (!m_body.isEmpty())
        emit readyRead();
    emit finished();
}

void SingleAttemptReply::abort()
{
    if (m_done)
        return;
    fail(OperationCanceledError, QStringLiteral("aborted"));
}

qint64 SingleAttemptReply::bytesAvailable() const
{
    return m_body.size() - m_readPos + QNetworkReply::bytesAvailable();
}

qint64 SingleAttemptReply::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, m_body.size() - m_readPos);
    if (count <= 0)
        return isFinished() ? -1 : 0;
    std::memcpy(data, m_body.constData() + m_readPos, size_t(count));
    m_readPos += count;
    return count;
}

qint64 SingleAttemptReply::writeData(const char *, qint64)
{
    return -1; // a reply is read, not written
}

} // namespace tessera
