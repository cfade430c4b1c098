#include "ApiClient.h"

#include "Environment.h"
#include "JsonApiCodec.h"
#include "Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QSysInfo>
#include <QUrlQuery>

namespace tessera {

namespace {

// Wraps a JsonApiCodec document decoder as an ApiReply::Decoder.
template <class T> ApiReply::Decoder decoderFor(Result<T> (*fromDocument)(const QByteArray &))
{
    return [fromDocument](const QByteArray &body, ApiError *error) -> QVariant {
        Result<T> result = fromDocument(body);
        if (!result) {
            *error = result.error();
            return {};
        }
        return QVariant::fromValue(std::move(result).value());
    };
}

QString includeList(bool customer, bool account)
{
    QStringList parts;
    if (customer)
        parts << QStringLiteral("customer");
    if (account)
        parts << QStringLiteral("account");
    return parts.join(QLatin1Char(','));
}

// Ids go into paths; percent-encoding keeps a malformed one from changing the path it targets.
QString pathId(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QUrlQuery pageQuery(int limit, int offset)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("page[limit]"), QString::number(limit));
    q.addQueryItem(QStringLiteral("page[offset]"), QString::number(offset));
    return q;
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void ApiClient::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
}

void ApiClient::setBearerToken(const QString &token)
{
    m_bearerToken = token;
}

void ApiClient::setTransferTimeout(int milliseconds)
{
    m_transferTimeoutMs = milliseconds;
}

QByteArray ApiClient::userAgent()
{
    return QStringLiteral("Tessera/%1 (%2; Qt %3)")
        .arg(QLatin1String(TESSERA_VERSION), QSysInfo::prettyProductName(),
             QLatin1String(qVersion()))
        .toUtf8();
}

QUrl ApiClient::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    return url;
}

QNetworkRequest ApiClient::makeRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", JsonApiCodec::MediaType);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    if (!m_bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_bearerToken.toUtf8());
    request.setTransferTimeout(m_transferTimeoutMs);
    // A redirect would carry the bearer token and the body (codes, JWTs) to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

ApiReply *ApiClient::get(const QString &path, const QUrlQuery &query, ApiReply::Decoder decoder)
{
    if (auto problem = Environment::checkUrl(m_baseUrl))
        return ApiReply::refused(ApiError::invalid(*problem), this);
    const QNetworkRequest request = makeRequest(endpoint(path, query));
    qCDebug(lcApi).noquote() << "GET" << path;
    QPointer<QNetworkAccessManager> network = m_network;
    return new ApiReply([network, request] { return network ? network->get(request) : nullptr; },
                        std::move(decoder), m_retryPolicy, this);
}

ApiReply *ApiClient::post(const QString &path, const QByteArray &body, ApiReply::Decoder decoder,
                          const RetryPolicy &policy)
{
    // Tokens and card data only travel over TLS, or over loopback to the local sandbox.
    if (auto problem = Environment::checkUrl(m_baseUrl))
        return ApiReply::refused(ApiError::invalid(*problem), this);
    QNetworkRequest request = makeRequest(endpoint(path, {}));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray(JsonApiCodec::MediaType));
    qCDebug(lcApi).noquote() << "POST" << path;
    QPointer<QNetworkAccessManager> network = m_network;
    return new ApiReply(
        [network, request, body] { return network ? network->post(request, body) : nullptr; },
        std::move(decoder), policy, this);
}

ApiReply *ApiClient::createCustomerTokenVerification(const QString &customerId,
                                                     const CreateTokenVerificationRequest &request)
{
    return post(QStringLiteral("/customers/%1/token/verification").arg(pathId(customerId)),
                JsonApiCodec::encode(request),
                decoderFor(&JsonApiCodec::tokenVerificationFromDocument));
}

ApiReply *ApiClient::createCustomerToken(const QString &customerId,
                                         const CreateTokenRequest &request)
{
    return post(QStringLiteral("/customers/%1/token").arg(pathId(customerId)),
                JsonApiCodec::encode(request),
                decoderFor(&JsonApiCodec::customerTokenFromDocument));
}

ApiReply *ApiClient::listCards(const CardListQuery &query)
{
    QUrlQuery q = pageQuery(query.limit, query.offset);
    for (int i = 0; i < query.statuses.size(); ++i)
        q.addQueryItem(QStringLiteral("filter[status][%1]").arg(i),
                       cardStatusName(query.statuses.at(i)));
    if (!query.accountId.isEmpty())
        q.addQueryItem(QStringLiteral("filter[accountId]"), query.accountId);
    if (!query.customerId.isEmpty())
        q.addQueryItem(QStringLiteral("filter[customerId]"), query.customerId);
    if (query.sort)
        q.addQueryItem(QStringLiteral("sort"), *query.sort == CardSort::NewestFirst
                                                   ? QStringLiteral("-createdAt")
                                                   : QStringLiteral("createdAt"));
    const QString include = includeList(query.includeCustomer, query.includeAccount);
    if (!include.isEmpty())
        q.addQueryItem(QStringLiteral("include"), include);
    return get(QStringLiteral("/cards"), q, decoderFor(&JsonApiCodec::cardPageFromDocument));
}

ApiReply *ApiClient::getCard(const QString &cardId, bool includeCustomer, bool includeAccount)
{
    QUrlQuery q;
    const QString include = includeList(includeCustomer, includeAccount);
    if (!include.isEmpty())
        q.addQueryItem(QStringLiteral("include"), include);
    return get(QStringLiteral("/cards/%1").arg(pathId(cardId)), q,
               decoderFor(&JsonApiCodec::cardFromDocument));
}

ApiReply *ApiClient::createCard(const CreateCardRequest &request)
{
    // Unit's rule: a create is retried only when it carries an idempotencyKey, so a retry
    // after a lost answer returns the first card instead of making a second.
    return post(QStringLiteral("/cards"), JsonApiCodec::encode(request),
                decoderFor(&JsonApiCodec::cardFromDocument),
                request.idempotencyKey.isEmpty() ? RetryPolicy::none() : m_retryPolicy);
}

ApiReply *ApiClient::applyCardAction(const QString &cardId, CardAction action)
{
    return post(
        QStringLiteral("/cards/%1/%2").arg(pathId(cardId), CardLifecycle::pathSegment(action)),
        QByteArray(), decoderFor(&JsonApiCodec::cardFromDocument));
}

ApiReply *ApiClient::replaceCard(const QString &cardId,
                                 const std::optional<Address> &shippingAddress)
{
    return post(QStringLiteral("/cards/%1/replace").arg(pathId(cardId)),
                JsonApiCodec::encodeReplaceCard(shippingAddress),
                decoderFor(&JsonApiCodec::cardFromDocument));
}

ApiReply *ApiClient::getCardLimits(const QString &cardId)
{
    return get(QStringLiteral("/cards/%1/limits").arg(pathId(cardId)), {},
               decoderFor(&JsonApiCodec::cardLimitsFromDocument));
}

ApiReply *ApiClient::listAccounts(const AccountListQuery &query)
{
    QUrlQuery q = pageQuery(query.limit, query.offset);
    if (!query.customerId.isEmpty())
        q.addQueryItem(QStringLiteral("filter[customerId]"), query.customerId);
    if (query.includeCustomer)
        q.addQueryItem(QStringLiteral("include"), QStringLiteral("customer"));
    return get(QStringLiteral("/accounts"), q, decoderFor(&JsonApiCodec::accountPageFromDocument));
}

ApiReply *ApiClient::getAccount(const QString &accountId)
{
    return get(QStringLiteral("/accounts/%1").arg(pathId(accountId)), {},
               decoderFor(&JsonApiCodec::accountFromDocument));
}

ApiReply *ApiClient::listCustomers(int limit, int offset)
{
    return get(QStringLiteral("/customers"), pageQuery(limit, offset),
               decoderFor(&JsonApiCodec::customerPageFromDocument));
}

ApiReply *ApiClient::getCustomer(const QString &customerId)
{
    return get(QStringLiteral("/customers/%1").arg(pathId(customerId)), {},
               decoderFor(&JsonApiCodec::customerFromDocument));
}

} // namespace tessera
