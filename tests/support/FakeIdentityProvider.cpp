#include "FakeIdentityProvider.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>

namespace tessera::test {

namespace {

QString randomCode()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

} // namespace

FakeIdentityProvider::FakeIdentityProvider(QObject *parent)
    : QAbstractHttpServer(parent)
{}

bool FakeIdentityProvider::listen()
{
    const quint16 port = QAbstractHttpServer::listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return false;
    m_issuer = QUrl(QStringLiteral("http://127.0.0.1:%1/oidc").arg(port));
    return true;
}

bool FakeIdentityProvider::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    const QString base = m_issuer.path();
    if (path == base + QStringLiteral("/.well-known/openid-configuration"))
        discovery(request, socket);
    else if (path == base + QStringLiteral("/jwks"))
        answerJson(request, socket, QJsonDocument::fromJson(m_key.jwksJson()).object());
    else if (path == base + QStringLiteral("/authorize"))
        authorize(request, socket);
    else if (path == base + QStringLiteral("/token") &&
             request.method() == QHttpServerRequest::Method::Post)
        token(request, socket);
    else
        return false;
    return true;
}

void FakeIdentityProvider::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    answerJson(request, socket, {{QStringLiteral("error"), QStringLiteral("not_found")}},
               QHttpServerResponder::StatusCode::NotFound);
}

void FakeIdentityProvider::discovery(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString issuer = m_issuer.toString();
    answerJson(
        request, socket,
        {
            {QStringLiteral("issuer"), m_misbehaviour == Misbehaviour::DiscoveryOtherIssuer
                                           ? QStringLiteral("https://login.other-bank.example")
                                           : issuer},
            {QStringLiteral("authorization_endpoint"), issuer + QStringLiteral("/authorize")},
            {QStringLiteral("token_endpoint"), issuer + QStringLiteral("/token")},
            {QStringLiteral("jwks_uri"), issuer + QStringLiteral("/jwks")},
            {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
            {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")}},
            {QStringLiteral("id_token_signing_alg_values_supported"),
             QJsonArray{QStringLiteral("RS256")}},
            {QStringLiteral("code_challenge_methods_supported"),
             QJsonArray{QStringLiteral("S256")}},
        });
}

void FakeIdentityProvider::authorize(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_lastAuthorization = QUrlQuery(request.url());
    auto value = [this](const char *name) {
        return m_lastAuthorization.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const QString redirectUri = value("redirect_uri");
    const QString state = value("state");
    if (!QUrl(redirectUri).isValid() || redirectUri.isEmpty()) {
        answerJson(request, socket, {{QStringLiteral("error"), QStringLiteral("invalid_request")}},
                   QHttpServerResponder::StatusCode::BadRequest);
        return;
    }
    QUrlQuery answer;
    if (m_misbehaviour == Misbehaviour::AccessDenied) {
        answer.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        answer.addQueryItem(QStringLiteral("error_description"),
                            QStringLiteral("The user declined"));
    } else if (value("client_id") != clientId() ||
               value("response_type") != QLatin1String("code") ||
               value("code_challenge_method") != QLatin1String("S256") ||
               value("code_challenge").isEmpty() || value("nonce").isEmpty()) {
        answer.addQueryItem(QStringLiteral("error"), QStringLiteral("invalid_request"));
    } else {
        const QString code = randomCode();
        m_codes.insert(code, {redirectUri, value("code_challenge"), value("nonce")});
        answer.addQueryItem(QStringLiteral("code"), code);
    }
    answer.addQueryItem(QStringLiteral("state"), m_misbehaviour == Misbehaviour::WrongState
                                                     ? QStringLiteral("another-state")
                                                     : state);
    redirect(request, socket, QUrl(redirectUri), answer);
}

void FakeIdentityProvider::token(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_tokenRequests;
    m_lastTokenRequest = QUrlQuery(QString::fromUtf8(request.body()));
    switch (m_misbehaviour) {
    case Misbehaviour::TokenEndpoint400:
        answerJson(request, socket, {{QStringLiteral("error"), QStringLiteral("invalid_grant")}},
                   QHttpServerResponder::StatusCode::BadRequest);
        return;
    case Misbehaviour::TokenEndpoint500:
        answerJson(request, socket, {{QStringLiteral("error"), QStringLiteral("server_error")}},
                   QHttpServerResponder::StatusCode::InternalServerError);
        return;
    case Misbehaviour::TokenEndpointDrop:
        // From the event loop: the server still holds the socket during this call.
        QMetaObject::invokeMethod(socket, &QAbstractSocket::abort, Qt::QueuedConnection);
        return;
    default:
        break;
    }
    auto value = [this](const char *name) {
        return m_lastTokenRequest.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const Grant grant = m_codes.take(value("code"));
    const QString verifier = value("code_verifier");
    const QString challenge = QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    if (grant.challenge.isEmpty() || value("grant_type") != QLatin1String("authorization_code") ||
        value("client_id") != clientId() || value("redirect_uri") != grant.redirectUri ||
        verifier.size() < 43 || challenge != grant.challenge) {
        answerJson(request, socket, {{QStringLiteral("error"), QStringLiteral("invalid_grant")}},
                   QHttpServerResponder::StatusCode::BadRequest);
        return;
    }
    answerJson(request, socket,
               {
                   {QStringLiteral("access_token"), randomCode()},
                   {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                   {QStringLiteral("expires_in"), 3600},
                   {QStringLiteral("id_token"), idToken(grant)},
               });
}

void FakeIdentityProvider::answerJson(const QHttpServerRequest &request, QTcpSocket *socket,
                                      const QJsonObject &object,
                                      QHttpServerResponder::StatusCode status)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QJsonDocument(object), status);
}

void FakeIdentityProvider::redirect(const QHttpServerRequest &request, QTcpSocket *socket,
                                    QUrl target, const QUrlQuery &query)
{
    target.setQuery(query);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write({{"Location", target.toEncoded()}}, QHttpServerResponder::StatusCode::Found);
}

QString FakeIdentityProvider::idToken(const Grant &grant) const
{
    const QString issuer = m_misbehaviour == Misbehaviour::OtherIssuer
                               ? QStringLiteral("https://login.other-bank.example")
                               : m_issuer.toString();
    const QString audience =
        m_misbehaviour == Misbehaviour::WrongAudience ? QStringLiteral("another-app") : clientId();
    const QString nonce = m_misbehaviour == Misbehaviour::WrongNonce
                              ? QStringLiteral("not-the-nonce-asked-with")
                              : grant.nonce;
    QJsonObject claims = TestSigningKey::standardClaims(issuer, audience, subject(), 3600, nonce);
    claims.insert(QStringLiteral("email"), email());
    if (m_misbehaviour == Misbehaviour::Expired) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        claims.insert(QStringLiteral("iat"), now - 7200);
        claims.insert(QStringLiteral("exp"), now - 3600);
    }
    if (m_misbehaviour == Misbehaviour::SignWithAnotherKey)
        return m_otherKey.sign(claims, {{QStringLiteral("kid"), m_key.kid()}});
    return m_key.sign(claims);
}

} // namespace tessera::test
