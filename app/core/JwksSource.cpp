#include "JwksSource.h"

#include "Logging.h"

#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace tessera {

namespace {

bool looksLikeUrl(const QString &fileOrUrl)
{
    return fileOrUrl.contains(QLatin1String("://"));
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

JwksSource::JwksSource(const QString &fileOrUrl, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_location(fileOrUrl)
    , m_nam(nam)
    , m_now([] { return std::chrono::steady_clock::now(); })
{
    if (looksLikeUrl(fileOrUrl))
        m_url = QUrl(fileOrUrl, QUrl::StrictMode);
}

QString JwksSource::locationProblem(const QString &fileOrUrl)
{
    if (fileOrUrl.isEmpty())
        return QStringLiteral("no file or address given");
    if (!looksLikeUrl(fileOrUrl))
        return {};
    const QUrl url(fileOrUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("%1 is not an address").arg(fileOrUrl);
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http"))
        return isLoopbackHost(url.host())
                   ? QString()
                   : QStringLiteral("%1 is plain http off this computer; the keys must come "
                                    "over https")
                         .arg(fileOrUrl);
    return QStringLiteral("%1 is neither a file nor an https address").arg(fileOrUrl);
}

void JwksSource::load()
{
    if (const QString problem = locationProblem(m_location); !problem.isEmpty()) {
        emit failed(problem);
        return;
    }
    if (isUrl())
        fetch();
    else
        loadFile();
}

void JwksSource::refreshForUnknownKey()
{
    if (!isUrl()) {
        loadFile();
        return;
    }
    if (isLoading())
        return;
    const auto now = m_now();
    if (m_lastRefresh && now - *m_lastRefresh < MinimumRefreshInterval) {
        qCInfo(lcAuth).noquote() << "JWK Set" << m_url.toDisplayString()
                                 << "not fetched again: it was refreshed less than"
                                 << MinimumRefreshInterval.count() << "s ago";
        return;
    }
    m_lastRefresh = now;
    qCInfo(lcAuth).noquote() << "JWK Set" << m_url.toDisplayString()
                             << "fetched again for a key it did not have";
    fetch();
}

void JwksSource::setClock(std::function<std::chrono::steady_clock::time_point()> now)
{
    m_now = std::move(now);
}

void JwksSource::loadFile()
{
    QFile file(m_location);
    if (!file.open(QIODevice::ReadOnly)) {
        emit failed(QStringLiteral("%1 cannot be read: %2").arg(m_location, file.errorString()));
        return;
    }
    take(file.read(MaxJwksBytes + 1), m_location);
}

void JwksSource::fetch()
{
    if (isLoading())
        return;
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/jwk-set+json, application/json");
    m_abortReason.clear();
    m_reply = m_nam->get(request);
    // The whole exchange, not only a silence, has FetchTimeout: a provider that drips bytes does
    // not hold the sandbox or the broker at its start.
    QTimer::singleShot(FetchTimeout, m_reply, [this] {
        if (!m_reply)
            return;
        m_abortReason = QStringLiteral("no whole answer within %1 s").arg(FetchTimeout.count());
        m_reply->abort();
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received) {
        if (received > MaxJwksBytes && m_reply) {
            m_abortReason = QStringLiteral("more than %1 bytes").arg(MaxJwksBytes);
            m_reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &JwksSource::onFetched);
}

void JwksSource::onFetched()
{
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    if (!reply)
        return;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = m_url.toDisplayString();
    if (status >= 300 && status < 400) {
        emit failed(QStringLiteral("%1 answered with a redirect (HTTP %2), which is not followed")
                        .arg(where)
                        .arg(status));
        return;
    }
    const QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        emit failed(
            !m_abortReason.isEmpty()
                ? QStringLiteral("%1 could not be fetched: %2").arg(where, m_abortReason)
            : status == 0
                ? QStringLiteral("%1 could not be fetched: %2").arg(where, reply->errorString())
                : QStringLiteral("%1 answered with HTTP %2 instead of a JWK Set")
                      .arg(where)
                      .arg(status));
        return;
    }
    take(body, where);
}

void JwksSource::take(const QByteArray &json, const QString &from)
{
    if (json.size() > MaxJwksBytes) {
        emit failed(QStringLiteral("%1 is larger than %2 bytes").arg(from).arg(MaxJwksBytes));
        return;
    }
    QString error;
    auto keys = Jwks::fromJson(json, &error);
    if (!keys) {
        emit failed(QStringLiteral("%1: %2").arg(from, error));
        return;
    }
    m_keys = std::move(*keys);
    qCInfo(lcAuth).noquote() << "JWK Set from" << from << "holds the keys"
                             << m_keys.keyIds().join(QLatin1String(", "));
    emit loaded();
}

} // namespace tessera
