#include "ApiClient.h"

#include "ActivityCodec.h"
#include "Environment.h"
#include "JsonApiCodec.h"
#include "Logging.h"
#include "Scopes.h"
#include "SingleAttemptReply.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QSysInfo>
#include <QUrlQuery>

namespace tessera {

namespace {

// Wraps a codec's document decoder as an ApiReply::Decoder.
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

// A request that carries a JSON:API document (POST and PATCH).
QNetworkRequest withJsonApiBody(QNetworkRequest request)
{
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray(JsonApiCodec::MediaType));
    return request;
}

QUrlQuery pageQuery(int limit, int offset)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("page[limit]"), QString::number(limit));
    q.addQueryItem(QStringLiteral("page[offset]"), QString::number(offset));
    return q;
}

// A query value as QUrlQuery keeps it: '%' and '+' written encoded, or a server reads "+" in
// "maya+bank@example.com" as a space.
QString literalQueryValue(QString value)
{
    return value.replace(QLatin1Char('%'), QLatin1String("%25"))
        .replace(QLatin1Char('+'), QLatin1String("%2B"));
}

// Unit's instants in filters: RFC 3339 in UTC with milliseconds, "2026-10-01T04:00:00.000Z".
QString filterTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Unit's sort: newest first is "-" and the attribute.
QString sortBy(const char *attribute, bool ascending)
{
    return (ascending ? QString() : QStringLiteral("-")) + QLatin1String(attribute);
}

// The filters GET /transactions and GET /authorizations share.
void addRangeFilters(QUrlQuery &q, const QDateTime &since, const QDateTime &until,
                     const std::optional<qint64> &fromAmount, const std::optional<qint64> &toAmount)
{
    if (since.isValid())
        q.addQueryItem(QStringLiteral("filter[since]"), filterTime(since));
    if (until.isValid())
        q.addQueryItem(QStringLiteral("filter[until]"), filterTime(until));
    if (fromAmount)
        q.addQueryItem(QStringLiteral("filter[fromAmount]"), QString::number(*fromAmount));
    if (toAmount)
        q.addQueryItem(QStringLiteral("filter[toAmount]"), QString::number(*toAmount));
}

void addIdFilter(QUrlQuery &q, const char *name, const QString &id)
{
    if (!id.isEmpty())
        q.addQueryItem(QStringLiteral("filter[%1]").arg(QLatin1String(name)), id);
}

// A statement's PDF as it came; anything else (an HTML error page of a proxy, a truncated
// answer) is not taken for one.
QVariant pdfDocument(const QByteArray &body, ApiError *error)
{
    if (!body.startsWith("%PDF-")) {
        *error = ApiError::decode(QStringLiteral("the answer is not a PDF document"));
        return {};
    }
    return body;
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
    // Once per process: prettyProductName() reads /etc/os-release, a file read per request.
    static const QByteArray agent =
        QStringLiteral("Tessera/%1 (%2; Qt %3)")
            .arg(QLatin1String(TESSERA_VERSION), QSysInfo::prettyProductName(),
                 QLatin1String(qVersion()))
            .toUtf8();
    return agent;
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

QString ApiClient::bearerFor(const RequiredAccess &access) const
{
    return m_bearerSource ? m_bearerSource(access) : m_bearerToken;
}

QNetworkRequest ApiClient::makeRequest(const QUrl &url, const QByteArray &accept) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept.isEmpty() ? QByteArray(JsonApiCodec::MediaType)
                                                    : accept + ", " + JsonApiCodec::MediaType);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(m_transferTimeoutMs);
    // A redirect would carry the bearer token and the body (codes, JWTs) to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

ApiReply *ApiClient::start(const QString &path, const QUrlQuery &query,
                           const RequiredAccess &access, ApiReply::Decoder decoder,
                           const RetryPolicy &policy, Send send, const QByteArray &accept)
{
    // Tokens and card data only travel over TLS, or over loopback to the local sandbox.
    if (auto problem = Environment::checkUrl(m_baseUrl))
        return ApiReply::refused(ApiError::invalid(*problem), this);
    if (m_bearerSource && bearerFor(access).isEmpty()) {
        qCDebug(lcApi).noquote() << path << "waits for a token with"
                                 << access.scopes.join(QLatin1Char(' '));
        ApiReply *refused = ApiReply::refused(ApiError::noCredential(), this);
        refused->setAccess(access);
        return refused;
    }
    const QNetworkRequest request = makeRequest(endpoint(path, query), accept);
    QPointer<QNetworkAccessManager> network = m_network;
    QPointer<const ApiClient> client = this;
    auto *reply = new ApiReply(
        [network, client, request, access, send]() -> QNetworkReply * {
            if (!network || !client)
                return nullptr;
            // The bearer of this attempt: a token renewed since the last one replaces it.
            QNetworkRequest attempt = request;
            const QString bearer = client->bearerFor(access);
            if (!bearer.isEmpty())
                attempt.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
            return send(network, attempt);
        },
        std::move(decoder), policy, this);
    reply->setAccess(access);
    return reply;
}

ApiReply *ApiClient::get(const QString &path, const QUrlQuery &query, const RequiredAccess &access,
                         ApiReply::Decoder decoder, const QByteArray &accept)
{
    qCDebug(lcApi).noquote() << "GET" << path;
    return start(
        path, query, access, std::move(decoder), m_retryPolicy,
        [](QNetworkAccessManager *network, const QNetworkRequest &request) {
            return network->get(request);
        },
        accept);
}

ApiReply *ApiClient::post(const QString &path, const QByteArray &body, const RequiredAccess &access,
                          ApiReply::Decoder decoder, const RetryPolicy &policy)
{
    qCDebug(lcApi).noquote() << "POST" << path;
    return start(path, {}, access, std::move(decoder), policy,
                 [body](QNetworkAccessManager *, const QNetworkRequest &request) {
                     // Not QNAM's post(): it resends by itself when the connection drops
                     // before the answer, and every POST here must go out at most once.
                     return new SingleAttemptReply(withJsonApiBody(request), "POST", body);
                 });
}

ApiReply *ApiClient::patch(const QString &path, const QByteArray &body,
                           const RequiredAccess &access, ApiReply::Decoder decoder)
{
    qCDebug(lcApi).noquote() << "PATCH" << path;
    return start(path, {}, access, std::move(decoder), RetryPolicy::none(),
                 [body](QNetworkAccessManager *network, const QNetworkRequest &request) {
                     return network->sendCustomRequest(withJsonApiBody(request),
                                                       QByteArrayLiteral("PATCH"), body);
                 });
}

ApiReply *ApiClient::createCustomerTokenVerification(const QString &customerId,
                                                     const CreateTokenVerificationRequest &request)
{
    return post(QStringLiteral("/customers/%1/token/verification").arg(pathId(customerId)),
                JsonApiCodec::encode(request), {{Scopes::CustomerTokenWrite}, {}},
                decoderFor(&JsonApiCodec::tokenVerificationFromDocument));
}

ApiReply *ApiClient::createCustomerToken(const QString &customerId,
                                         const CreateTokenRequest &request)
{
    return post(QStringLiteral("/customers/%1/token").arg(pathId(customerId)),
                JsonApiCodec::encode(request), {{Scopes::CustomerTokenWrite}, {}},
                decoderFor(&JsonApiCodec::customerTokenFromDocument));
}

ApiReply *ApiClient::startSignIn(const StartSignInRequest &request)
{
    return post(QStringLiteral("/v1/sign-ins"), JsonApiCodec::encode(request), {},
                decoderFor(&JsonApiCodec::signInStartedFromDocument));
}

ApiReply *ApiClient::finishSignIn(const QString &signInId, const QString &code)
{
    return post(QStringLiteral("/v1/sign-ins/%1/token").arg(pathId(signInId)),
                JsonApiCodec::encodeSignInCode(code), {},
                decoderFor(&JsonApiCodec::customerTokenFromDocument));
}

ApiReply *ApiClient::signInWithJwt(const QString &jwt)
{
    return post(QStringLiteral("/v1/jwt-sign-ins"), JsonApiCodec::encodeJwtSignIn(jwt), {},
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
    return get(QStringLiteral("/cards"), q, {{Scopes::Cards}, {}},
               decoderFor(&JsonApiCodec::cardPageFromDocument));
}

ApiReply *ApiClient::getCard(const QString &cardId, bool includeCustomer, bool includeAccount)
{
    QUrlQuery q;
    const QString include = includeList(includeCustomer, includeAccount);
    if (!include.isEmpty())
        q.addQueryItem(QStringLiteral("include"), include);
    return get(QStringLiteral("/cards/%1").arg(pathId(cardId)), q,
               {{Scopes::Cards}, TokenResource::card(cardId)},
               decoderFor(&JsonApiCodec::cardFromDocument));
}

ApiReply *ApiClient::createCard(const CreateCardRequest &request)
{
    // Unit's rule: a create is retried only when it carries an idempotencyKey, so a retry
    // after a lost answer returns the first card instead of making a second.
    return post(QStringLiteral("/cards"), JsonApiCodec::encode(request),
                {{Scopes::CardsWrite}, TokenResource::account(request.accountId)},
                decoderFor(&JsonApiCodec::cardFromDocument),
                request.idempotencyKey.isEmpty() ? RetryPolicy::none() : m_retryPolicy);
}

ApiReply *ApiClient::applyCardAction(const QString &cardId, CardAction action)
{
    return post(
        QStringLiteral("/cards/%1/%2").arg(pathId(cardId), CardLifecycle::pathSegment(action)),
        QByteArray(), {{Scopes::CardsWrite}, TokenResource::card(cardId)},
        decoderFor(&JsonApiCodec::cardFromDocument));
}

ApiReply *ApiClient::replaceCard(const QString &cardId,
                                 const std::optional<Address> &shippingAddress)
{
    return post(QStringLiteral("/cards/%1/replace").arg(pathId(cardId)),
                JsonApiCodec::encodeReplaceCard(shippingAddress),
                {{Scopes::CardsWrite}, TokenResource::card(cardId)},
                decoderFor(&JsonApiCodec::cardFromDocument));
}

ApiReply *ApiClient::recordCardReplacement(const Card &oldCard, const QString &newCardId)
{
    return patch(QStringLiteral("/cards/%1").arg(pathId(oldCard.id)),
                 JsonApiCodec::encodeCardTagsUpdate(
                     oldCard.typeName.isEmpty() ? cardTypeName(oldCard.type) : oldCard.typeName,
                     {{Card::ReplacedByTag, newCardId}}),
                 {{Scopes::CardsWrite}, TokenResource::card(oldCard.id)},
                 decoderFor(&JsonApiCodec::cardFromDocument));
}

ApiReply *ApiClient::simulateCardActivation(const QString &cardId)
{
    // The sandbox asks for what the card actions ask for: cards-write on that card.
    return post(QStringLiteral("/sandbox/cards/%1/activate").arg(pathId(cardId)), QByteArray(),
                {{Scopes::CardsWrite}, TokenResource::card(cardId)},
                decoderFor(&JsonApiCodec::cardFromDocument));
}

ApiReply *ApiClient::simulateAuthorization(const SimulatedAuthorizationRequest &request)
{
    return post(QStringLiteral("/sandbox/authorizations"), ActivityCodec::encode(request), {},
                decoderFor(&ActivityCodec::authorizationFromDocument));
}

ApiReply *ApiClient::simulatePurchase(const SimulatedPurchaseRequest &request)
{
    return post(QStringLiteral("/sandbox/purchases"), ActivityCodec::encode(request), {},
                decoderFor(&ActivityCodec::transactionFromDocument));
}

ApiReply *ApiClient::getCardLimits(const QString &cardId)
{
    return get(QStringLiteral("/cards/%1/limits").arg(pathId(cardId)), {},
               {{Scopes::Cards}, TokenResource::card(cardId)},
               decoderFor(&JsonApiCodec::cardLimitsFromDocument));
}

ApiReply *ApiClient::listAccounts(const AccountListQuery &query)
{
    QUrlQuery q = pageQuery(query.limit, query.offset);
    if (!query.customerId.isEmpty())
        q.addQueryItem(QStringLiteral("filter[customerId]"), query.customerId);
    if (query.includeCustomer)
        q.addQueryItem(QStringLiteral("include"), QStringLiteral("customer"));
    return get(QStringLiteral("/accounts"), q, {{Scopes::Accounts}, {}},
               decoderFor(&JsonApiCodec::accountPageFromDocument));
}

ApiReply *ApiClient::getAccount(const QString &accountId)
{
    return get(QStringLiteral("/accounts/%1").arg(pathId(accountId)), {},
               {{Scopes::Accounts}, TokenResource::account(accountId)},
               decoderFor(&JsonApiCodec::accountFromDocument));
}

ApiReply *ApiClient::listCustomers(int limit, int offset)
{
    CustomerListQuery query;
    query.limit = limit;
    query.offset = offset;
    return listCustomers(query);
}

ApiReply *ApiClient::listCustomers(const CustomerListQuery &query)
{
    QUrlQuery q = pageQuery(query.limit, query.offset);
    if (!query.query.isEmpty())
        q.addQueryItem(QStringLiteral("filter[query]"), literalQueryValue(query.query));
    if (!query.email.isEmpty())
        q.addQueryItem(QStringLiteral("filter[email]"), literalQueryValue(query.email));
    return get(QStringLiteral("/customers"), q, {{Scopes::Customers}, {}},
               decoderFor(&JsonApiCodec::customerPageFromDocument));
}

ApiReply *ApiClient::getCustomer(const QString &customerId)
{
    return get(QStringLiteral("/customers/%1").arg(pathId(customerId)), {},
               {{Scopes::Customers}, {}}, decoderFor(&JsonApiCodec::customerFromDocument));
}

ApiReply *ApiClient::getStatementPdf(const QString &statementId)
{
    return get(QStringLiteral("/statements/%1/pdf").arg(pathId(statementId)), {},
               {{Scopes::Statements}, {}}, pdfDocument, QByteArrayLiteral("application/pdf"));
}

ApiReply *ApiClient::listTransactions(const TransactionListQuery &query)
{
    QUrlQuery q = pageQuery(query.limit, query.offset);
    addIdFilter(q, "accountId", query.accountId);
    addIdFilter(q, "cardId", query.cardId);
    addIdFilter(q, "customerId", query.customerId);
    if (!query.text.isEmpty())
        q.addQueryItem(QStringLiteral("filter[query]"), literalQueryValue(query.text));
    addRangeFilters(q, query.since, query.until, query.fromAmount, query.toAmount);
    int typeIndex = 0;
    for (TransactionKind kind : query.types) {
        const QString name = transactionFilterName(kind);
        if (!name.isEmpty()) // Other has no name Unit filters on
            q.addQueryItem(QStringLiteral("filter[type][%1]").arg(typeIndex++), name);
    }
    for (int i = 0; i < query.directions.size(); ++i)
        q.addQueryItem(QStringLiteral("filter[direction][%1]").arg(i),
                       directionName(query.directions.at(i)));
    if (query.excludeFees)
        q.addQueryItem(QStringLiteral("filter[excludeFees]"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("sort"), sortBy("createdAt", query.oldestFirst));
    return get(QStringLiteral("/transactions"), q, {{Scopes::Transactions}, {}},
               decoderFor(&ActivityCodec::transactionPageFromDocument));
}

ApiReply *ApiClient::getTransaction(const QString &accountId, const QString &transactionId)
{
    return get(QStringLiteral("/accounts/%1/transactions/%2")
                   .arg(pathId(accountId), pathId(transactionId)),
               {}, {{Scopes::Transactions}, TokenResource::account(accountId)},
               decoderFor(&ActivityCodec::transactionFromDocument));
}

ApiReply *ApiClient::listAuthorizations(const AuthorizationListQuery &query)
{
    QUrlQuery q = pageQuery(query.limit, query.offset);
    addIdFilter(q, "accountId", query.accountId);
    addIdFilter(q, "cardId", query.cardId);
    addIdFilter(q, "customerId", query.customerId);
    addRangeFilters(q, query.since, query.until, query.fromAmount, query.toAmount);
    for (int i = 0; i < query.statuses.size(); ++i)
        q.addQueryItem(QStringLiteral("filter[status][%1]").arg(i),
                       authorizationStatusName(query.statuses.at(i)));
    if (query.includeNonAuthorized)
        q.addQueryItem(QStringLiteral("filter[includeNonAuthorized]"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("sort"), sortBy("createdAt", query.oldestFirst));
    return get(QStringLiteral("/authorizations"), q, {{Scopes::Authorizations}, {}},
               decoderFor(&ActivityCodec::authorizationPageFromDocument));
}

ApiReply *ApiClient::listStatements(const StatementListQuery &query)
{
    QUrlQuery q = pageQuery(query.limit, query.offset);
    addIdFilter(q, "accountId", query.accountId);
    addIdFilter(q, "customerId", query.customerId);
    addIdFilter(q, "period", query.period);
    // Unit sorts statements by their period ("sort=-period": newest first).
    q.addQueryItem(QStringLiteral("sort"), sortBy("period", query.oldestFirst));
    return get(QStringLiteral("/statements"), q, {{Scopes::Statements}, {}},
               decoderFor(&ActivityCodec::statementPageFromDocument));
}

} // namespace tessera
