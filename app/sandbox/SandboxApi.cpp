#include "SandboxApi.h"

#include "CardLifecycle.h"
#include "Logging.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace tessera::sandbox {

namespace {

const QString CardsRead = QStringLiteral("cards");
const QString CardsWrite = QStringLiteral("cards-write");
const QString CustomerTokenWrite = QStringLiteral("customer-token-write");
const QString Transactions = QStringLiteral("transactions");
const QString Authorizations = QStringLiteral("authorizations");
const QString Statements = QStringLiteral("statements");

bool matches(const QStringList &pattern, const QStringList &segments, QStringList *params)
{
    if (pattern.size() != segments.size())
        return false;
    QStringList captured;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i) == QLatin1String("*"))
            captured.append(segments.at(i));
        else if (pattern.at(i) != segments.at(i))
            return false;
    }
    *params = captured;
    return true;
}

} // namespace

SandboxApi::SandboxApi()
    : m_tokens(&m_clock)
    , m_tokenEndpoints(m_store, m_tokens)
    , m_cardEndpoints(m_store, m_clock)
    , m_accountEndpoints(m_store)
    , m_customerEndpoints(m_store)
    , m_activityEndpoints(m_store)
    , m_simulationEndpoints(m_store, m_clock)
{
    // Token creation needs customer-token-write: the org token, or a customer token for its
    // own customer (TokenEndpoints answers another customer as unknown). Like Unit, never
    // without a bearer token: a bank's app gets its sign-in token from tessera-broker.
    addRoute("POST", "customers/*/token/verification", CustomerTokenWrite,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_tokenEndpoints.createVerification(r, c, p.at(0));
             });
    addRoute("POST", "customers/*/token", CustomerTokenWrite,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_tokenEndpoints.createToken(r, c, p.at(0));
             });
    addRoute("GET", "customers", QStringLiteral("customers"),
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 return m_customerEndpoints.list(r, c);
             });
    addRoute("GET", "customers/*", QStringLiteral("customers"),
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_customerEndpoints.get(r, c, p.at(0));
             });
    addRoute("GET", "accounts", QStringLiteral("accounts"),
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 return m_accountEndpoints.list(r, c);
             });
    addRoute("GET", "accounts/*", QStringLiteral("accounts"),
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_accountEndpoints.get(r, c, p.at(0));
             });
    addRoute("GET", "cards", CardsRead,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 return m_cardEndpoints.list(r, c);
             });
    addRoute("POST", "cards", CardsWrite,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 return m_cardEndpoints.create(r, c);
             });
    addRoute("GET", "cards/*", CardsRead,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_cardEndpoints.get(r, c, p.at(0));
             });
    addRoute("PATCH", "cards/*", CardsWrite,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_cardEndpoints.update(r, c, p.at(0));
             });
    addRoute("GET", "cards/*/limits", CardsRead,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_cardEndpoints.limits(r, c, p.at(0));
             });
    for (CardAction action : {CardAction::Freeze, CardAction::Unfreeze, CardAction::Close,
                              CardAction::ReportStolen, CardAction::ReportLost}) {
        const QByteArray pattern = "cards/*/" + CardLifecycle::pathSegment(action).toLatin1();
        addRoute("POST", pattern.constData(), CardsWrite,
                 [this, action](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                     return m_cardEndpoints.applyAction(r, c, p.at(0), action);
                 });
    }
    addRoute("POST", "cards/*/replace", CardsWrite,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_cardEndpoints.replace(r, c, p.at(0));
             });
    addRoute("POST", "sandbox/cards/*/activate", CardsWrite,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_cardEndpoints.activate(r, c, p.at(0));
             });
    addRoute("GET", "transactions", Transactions,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 return m_activityEndpoints.listTransactions(r, c);
             });
    addRoute("GET", "accounts/*/transactions/*", Transactions,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_activityEndpoints.getTransaction(r, c, p.at(0), p.at(1));
             });
    addRoute("GET", "authorizations", Authorizations,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 return m_activityEndpoints.listAuthorizations(r, c);
             });
    addRoute("GET", "authorizations/*", Authorizations,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_activityEndpoints.getAuthorization(r, c, p.at(0));
             });
    addRoute("GET", "statements", Statements,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 return m_activityEndpoints.listStatements(r, c);
             });
    addRoute("GET", "statements/*/pdf", Statements,
             [this](const SandboxRequest &r, const Caller &c, const QStringList &p) {
                 return m_activityEndpoints.statementPdf(r, c, p.at(0));
             });
    // Unit's docs name the scope "authorization" (no customer token carries it).
    addRoute("POST", "sandbox/authorizations", QStringLiteral("authorization"),
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 return m_simulationEndpoints.createAuthorization(r, c);
             });
    // Unit documents no scope for it: only the org token may simulate a purchase.
    addRoute("POST", "sandbox/purchases", QString(),
             [this](const SandboxRequest &r, const Caller &c, const QStringList &) {
                 if (!c.isOrg)
                     return missingScope({});
                 return m_simulationEndpoints.createPurchase(r, c);
             });
}

void SandboxApi::addRoute(const char *method, const char *pattern, QString scope, Handler handler)
{
    m_routes.append(Route{QByteArray(method), QString::fromLatin1(pattern).split(QLatin1Char('/')),
                          std::move(scope), std::move(handler)});
}

SandboxResponse SandboxApi::handle(SandboxRequest request)
{
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const Route *route = nullptr;
    QStringList params;
    QByteArrayList allowed;
    for (const Route &candidate : m_routes) {
        QStringList candidateParams;
        if (!matches(candidate.pattern, segments, &candidateParams))
            continue;
        allowed.append(candidate.method);
        if (candidate.method == request.method) {
            route = &candidate;
            params = candidateParams;
        }
    }

    SandboxResponse response;
    if (!m_rateLimiter.admit(request.clientAddress, m_clock.now())) {
        response = SandboxResponse::error(
            429, QStringLiteral("Too many requests: the limit is %1 per minute.")
                     .arg(m_rateLimiter.requestsPerMinute()));
    } else if (!route && allowed.isEmpty()) {
        response = SandboxResponse::notFound(
            QStringLiteral("There is no resource at %1.").arg(request.path));
    } else if (!route) {
        response = SandboxResponse::error(
            405, QStringLiteral("%1 is not supported on %2.")
                     .arg(QString::fromLatin1(request.method), request.path));
        response.headers.append({QByteArrayLiteral("Allow"), allowed.join(", ")});
    } else {
        const QString token = request.bearerToken();
        const std::optional<Caller> caller = m_tokens.authenticate(token);
        if (!caller && token.isEmpty()) {
            response = SandboxResponse::unauthorized(
                QStringLiteral("Send an Authorization: Bearer <token> header."));
        } else if (!caller) {
            response = SandboxResponse::unauthorized(
                QStringLiteral("The bearer token is invalid or has expired."));
        } else if (!route->scope.isEmpty() && !caller->hasScope(route->scope)) {
            response = missingScope(route->scope);
        } else if (std::optional<SandboxResponse> bodyError = checkBody(request)) {
            response = *bodyError;
        } else {
            response = route->handler(request, *caller, params);
        }
    }
    qCDebug(lcSandbox).noquote() << request.method << request.path << "->" << response.status;
    return response;
}

SandboxResponse SandboxApi::missingScope(const QString &scope) const
{
    const QString detail = scope.isEmpty()
                               ? QStringLiteral("The token lacks the scope this request needs.")
                               : QStringLiteral("The token lacks the \"%1\" scope.").arg(scope);
    return SandboxResponse::error(m_missingScopeStatus, detail);
}

std::optional<SandboxResponse> SandboxApi::checkBody(SandboxRequest &request) const
{
    request.json = {};
    if (request.method == "PATCH" && request.body.isEmpty())
        return SandboxResponse::badRequest(
            QStringLiteral("The body must be a JSON:API document (a JSON object)."),
            QStringLiteral("MalformedJson"));
    if ((request.method != "POST" && request.method != "PATCH") || request.body.isEmpty())
        return std::nullopt;
    if (request.body.size() > MaxBodyBytes)
        return SandboxResponse::error(
            413, QStringLiteral("Request bodies are limited to %1 bytes.").arg(MaxBodyBytes));
    const QByteArray mediaType = request.mediaType();
    if (mediaType != "application/vnd.api+json" && mediaType != "application/json")
        return SandboxResponse::error(
            415, QStringLiteral("Send the body as application/vnd.api+json (got \"%1\").")
                     .arg(QString::fromLatin1(mediaType)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return SandboxResponse::badRequest(QStringLiteral("The body is not valid JSON: %1 at "
                                                          "offset %2.")
                                               .arg(parseError.errorString())
                                               .arg(parseError.offset));
    if (!document.isObject())
        return SandboxResponse::badRequest(
            QStringLiteral("The body must be a JSON:API document (a JSON object)."));
    request.json = document.object();
    return std::nullopt;
}

QJsonObject SandboxApi::state() const
{
    return QJsonObject{{QStringLiteral("version"), 1},
                       {QStringLiteral("store"), m_store.changes()},
                       {QStringLiteral("grants"), m_tokens.grants()}};
}

bool SandboxApi::restoreState(const QJsonObject &state, QString *error)
{
    if (state.value(QLatin1String("version")).toInt() != 1) {
        if (error)
            *error = QStringLiteral("state: unknown version");
        return false;
    }
    if (!m_store.applyChanges(state.value(QLatin1String("store")).toObject(), error))
        return false;
    m_tokens.restoreGrants(state.value(QLatin1String("grants")).toArray());
    return true;
}

} // namespace tessera::sandbox
