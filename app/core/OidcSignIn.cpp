#include "OidcSignIn.h"

#include "Environment.h"
#include "Jwks.h"
#include "Libcrypto.h"
#include "Logging.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>

namespace tessera {

namespace {

using namespace std::chrono_literals;

constexpr auto DefaultTimeout = 5min;
// One discovery or JWKS request; the whole sign-in has its own, longer, deadline.
constexpr auto RequestTimeout = 15s;
const QString CallbackPath = QStringLiteral("/callback");

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// From the operating system's generator (Qt's own state is a time-seeded mt19937).
QString randomBase64Url(int byteCount)
{
    QByteArray bytes(byteCount, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return base64Url(bytes);
}

// https, or plain http to this computer only (a test provider, a local development one).
bool isAcceptableEndpoint(const QUrl &url)
{
    return !Environment::checkUrl(url);
}

QString withoutQuery(const QUrl &url)
{
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
}

QString unreachableMessage()
{
    return OidcSignIn::tr("Your bank did not answer. Check your connection and try again.");
}

} // namespace

OidcSignIn::OidcSignIn(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_timeout(DefaultTimeout)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(Problem::TimedOut, tr("The sign-in took too long. Try again."),
             QStringLiteral("no ID token within %1 ms").arg(m_timeout.count()));
    });
}

OidcSignIn::~OidcSignIn()
{
    finish();
}

void OidcSignIn::start(const IdentityProvider &provider)
{
    finish();
    m_provider = provider;
    m_active = true;
    m_deadline.start(m_timeout);
    if (!provider.isValid()) {
        fail(Problem::ProviderUnreachable,
             tr("Signing in with your bank is not set up correctly on this computer. Contact "
                "your bank."),
             QStringLiteral("identity provider not usable: issuer %1, client id %2, scopes %3")
                 .arg(provider.issuer.toString(), provider.clientId,
                      provider.scopes.join(QLatin1Char(' '))));
        return;
    }
    // Checked before the browser opens: without libcrypto the ID token could not be checked,
    // and the customer would sign in at the bank for nothing.
    QString noCrypto;
    if (!Libcrypto::get(&noCrypto)) {
        fail(Problem::CannotVerify,
             tr("Tessera cannot check your bank's sign-in on this computer: a part it needs "
                "(OpenSSL 3) is missing. Reinstall Tessera or contact your bank."),
             noCrypto);
        return;
    }
    fetchDiscovery();
}

void OidcSignIn::cancel()
{
    if (m_active)
        qCInfo(lcOidc) << "sign-in cancelled";
    finish();
}

QUrl OidcSignIn::redirectUri() const
{
    if (!m_listener || !m_listener->isListening())
        return {};
    return QUrl(m_listener->callback());
}

QNetworkReply *OidcSignIn::get(const QUrl &url)
{
    QNetworkRequest request(url);
    // A redirect would take us to an address nobody provisioned: refused, as everywhere.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(std::chrono::milliseconds(RequestTimeout).count()));
    request.setRawHeader("Accept", "application/json");
    return m_network->get(request);
}

std::optional<QByteArray> OidcSignIn::okBody(QNetworkReply *reply, const char *what)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200 && reply->error() == QNetworkReply::NoError)
        return reply->readAll();
    failUnreachable(status == 0 ? QStringLiteral("%1 %2 not reachable: %3")
                                      .arg(QLatin1String(what), withoutQuery(reply->url()),
                                           reply->errorString())
                                : QStringLiteral("%1 %2 answered HTTP %3")
                                      .arg(QLatin1String(what), withoutQuery(reply->url()))
                                      .arg(status));
    return std::nullopt;
}

void OidcSignIn::fetchDiscovery()
{
    QString issuer = m_provider.issuer.toString();
    while (issuer.endsWith(QLatin1Char('/')))
        issuer.chop(1);
    m_reply = get(QUrl(issuer + QStringLiteral("/.well-known/openid-configuration")));
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] {
        reply->deleteLater();
        readDiscovery(reply);
    });
}

void OidcSignIn::readDiscovery(QNetworkReply *reply)
{
    const std::optional<QByteArray> body = okBody(reply, "discovery");
    if (!body)
        return;
    const QJsonObject document = QJsonDocument::fromJson(*body).object();
    // OpenID Connect Discovery §4.3: the issuer it names must be exactly the one we asked.
    const QString issuer = document.value(QStringLiteral("issuer")).toString();
    if (issuer != m_provider.issuer.toString()) {
        failUnreachable(QStringLiteral("discovery names issuer \"%1\", expected \"%2\"")
                            .arg(issuer, m_provider.issuer.toString()));
        return;
    }
    m_authorizationEndpoint =
        QUrl(document.value(QStringLiteral("authorization_endpoint")).toString());
    m_tokenEndpoint = QUrl(document.value(QStringLiteral("token_endpoint")).toString());
    m_jwksUri = QUrl(document.value(QStringLiteral("jwks_uri")).toString());
    for (const QUrl &endpoint : {m_authorizationEndpoint, m_tokenEndpoint, m_jwksUri}) {
        if (!isAcceptableEndpoint(endpoint)) {
            failUnreachable(QStringLiteral("discovery lacks a usable endpoint (\"%1\")")
                                .arg(endpoint.toString()));
            return;
        }
    }
    const QJsonValue methods = document.value(QStringLiteral("code_challenge_methods_supported"));
    if (methods.isArray() && !methods.toArray().contains(QStringLiteral("S256"))) {
        failUnreachable(QStringLiteral("the provider does not offer PKCE S256"));
        return;
    }
    fetchKeys();
}

void OidcSignIn::fetchKeys()
{
    m_reply = get(m_jwksUri);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] {
        reply->deleteLater();
        readKeys(reply);
    });
}

void OidcSignIn::readKeys(QNetworkReply *reply)
{
    const std::optional<QByteArray> body = okBody(reply, "JWKS");
    if (!body)
        return;
    QString error;
    std::optional<Jwks> keys = Jwks::fromJson(*body, &error);
    if (!keys) {
        failUnreachable(QStringLiteral("JWKS %1 unusable: %2").arg(withoutQuery(m_jwksUri), error));
        return;
    }
    m_keys = std::make_unique<Jwks>(std::move(*keys));
    authorize();
}

void OidcSignIn::authorize()
{
    if (m_listener)
        m_listener->deleteLater(); // the last sign-in's, closed
    // 127.0.0.1 only: QOAuthHttpServerReplyHandler's default listens on every interface.
    m_listener = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!m_listener->isListening()) {
        fail(Problem::ListenerFailed,
             tr("Tessera could not get ready to receive your bank's answer. Try again."),
             QStringLiteral("cannot listen on 127.0.0.1"));
        return;
    }
    m_listener->setCallbackPath(CallbackPath);
    m_listener->setCallbackText(
        tr("Tessera received your bank's answer. You can close this page and go back to Tessera."));

    m_state = randomBase64Url(16);
    m_nonce = randomBase64Url(16);
    m_codeVerifier = randomBase64Url(32); // 43 characters (RFC 7636 §4.1: 43 to 128)
    const QString challenge =
        base64Url(QCryptographicHash::hash(m_codeVerifier.toLatin1(), QCryptographicHash::Sha256));

    m_flow = new QOAuth2AuthorizationCodeFlow(m_network, this);
    m_flow->setAuthorizationUrl(m_authorizationEndpoint);
    m_flow->setAccessTokenUrl(m_tokenEndpoint);
    m_flow->setClientIdentifier(m_provider.clientId);
    m_flow->setScope(m_provider.scopes.join(QLatin1Char(' ')));
    m_flow->setState(m_state);
    m_flow->setReplyHandler(m_listener);
    // PKCE is built into QtNetworkAuth only from 6.8.
    m_flow->setModifyParametersFunction(
        [this, challenge](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                parameters->insert(QStringLiteral("code_challenge"), challenge);
                parameters->insert(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
                parameters->insert(QStringLiteral("nonce"), m_nonce);
            } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
                parameters->insert(QStringLiteral("code_verifier"), m_codeVerifier);
            }
        });
    // Before the flow's own handling (connected in grant()): the redirect is checked here first.
    connect(m_listener, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &OidcSignIn::readRedirect);
    connect(m_flow, &QAbstractOAuth::statusChanged, this, [this](QAbstractOAuth::Status status) {
        if (status == QAbstractOAuth::Status::Granted)
            readIdToken();
    });
    QUrl authorizationUrl;
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this,
            [&authorizationUrl](const QUrl &url) { authorizationUrl = url; });
    m_flow->grant();
    // After the flow's handling, which has by then posted the code to the token endpoint.
    connect(m_listener, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &OidcSignIn::findTokenReply);
    if (!authorizationUrl.isValid()) {
        failUnreachable(QStringLiteral("no authorization URL was built"));
        return;
    }
    qCInfo(lcOidc).noquote() << "waiting for the browser: authorization at"
                             << withoutQuery(m_authorizationEndpoint) << "answer to"
                             << m_listener->callback();
    emit openBrowser(authorizationUrl);
}

void OidcSignIn::readRedirect(const QVariantMap &answer)
{
    if (!m_active || m_awaitingToken)
        return;
    const QString state = answer.value(QStringLiteral("state")).toString();
    if (state != m_state) {
        // Qt 6.4 only logs a mismatch and then waits forever; this ends the sign-in (the flow
        // does not exchange the code either).
        fail(Problem::WrongState,
             tr("Tessera received an answer that was not for this sign-in, and ignored it. Try "
                "again."),
             QStringLiteral("the redirect's state does not match the request's"));
        return;
    }
    const QString error = answer.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        const QString description = answer.value(QStringLiteral("error_description")).toString();
        fail(Problem::ProviderRefused,
             error == QLatin1String("access_denied")
                 ? tr("You did not allow Tessera to sign you in.")
                 : tr("Your bank did not let you sign in. Try again, or contact your bank if it "
                      "keeps happening."),
             QStringLiteral("the provider answered %1 (%2)").arg(error, description.left(200)));
        return;
    }
    if (answer.value(QStringLiteral("code")).toString().isEmpty()) {
        failUnreachable(QStringLiteral("the redirect carries neither a code nor an error"));
        return;
    }
    m_awaitingToken = true;
    qCInfo(lcOidc).noquote() << "the browser came back; exchanging the code at"
                             << withoutQuery(m_tokenEndpoint);
}

void OidcSignIn::findTokenReply()
{
    if (!m_active || !m_awaitingToken || m_tokenReply)
        return;
    // The browser has come back: nothing else may arrive. Not earlier: the flow reads the
    // listener's port for the token request's redirect_uri.
    m_listener->close();
    // Qt 6.4 gives no error signal when the token endpoint fails, and keeps its reply to
    // itself: it has just posted it, so it is the unfinished one to the token endpoint.
    const auto replies = m_network->findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
    for (QNetworkReply *reply : replies) {
        if (reply->url() == m_tokenEndpoint && !reply->isFinished() &&
            reply->operation() == QNetworkAccessManager::PostOperation) {
            m_tokenReply = reply;
            // After the flow's own handling of the answer: by then a good one has given us
            // the ID token, and what is left here went wrong.
            connect(reply, &QNetworkReply::finished, this, &OidcSignIn::readTokenFailure);
            return;
        }
    }
    failUnreachable(QStringLiteral("no request to the token endpoint was made"));
}

void OidcSignIn::readTokenFailure()
{
    if (!m_active || !m_awaitingToken || !m_tokenReply)
        return;
    QNetworkReply *reply = m_tokenReply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400 && status < 500) {
        const QString error = QJsonDocument::fromJson(reply->readAll())
                                  .object()
                                  .value(QStringLiteral("error"))
                                  .toString();
        fail(Problem::ProviderRefused,
             tr("Your bank did not let you sign in. Try again, or contact your bank if it "
                "keeps happening."),
             QStringLiteral("the token endpoint answered HTTP %1 %2").arg(status).arg(error));
        return;
    }
    failUnreachable(
        status == 0
            ? QStringLiteral("the token endpoint is not reachable: %1").arg(reply->errorString())
            : QStringLiteral("the token endpoint answered HTTP %1 without "
                             "tokens")
                  .arg(status));
}

void OidcSignIn::readIdToken()
{
    if (!m_active || !m_awaitingToken)
        return;
    m_awaitingToken = false;
    const QString idToken = m_flow->extraTokens().value(QStringLiteral("id_token")).toString();
    if (idToken.isEmpty()) {
        failUnreachable(QStringLiteral("the token endpoint gave no ID token"));
        return;
    }
    JwtExpectations expected;
    expected.issuer = m_provider.issuer.toString();
    expected.audience = m_provider.clientId;
    expected.nonce = m_nonce;
    expected.now = QDateTime::currentDateTimeUtc();
    JwtClaims claims;
    const JwtVerifier::Result result = JwtVerifier::verify(idToken, *m_keys, expected, &claims);
    if (result != JwtVerifier::Result::Accepted) {
        fail(Problem::InvalidIdToken, JwtVerifier::describe(result),
             QStringLiteral("ID token refused: %1").arg(JwtVerifier::name(result)));
        return;
    }
    qCInfo(lcOidc) << "signed in at the identity provider";
    finish();
    emit idTokenReceived(idToken, claims);
}

void OidcSignIn::failUnreachable(const QString &technicalReason)
{
    fail(Problem::ProviderUnreachable, unreachableMessage(), technicalReason);
}

void OidcSignIn::fail(Problem problem, const QString &message, const QString &technicalReason)
{
    if (!m_active)
        return;
    qCWarning(lcOidc).noquote() << "sign-in failed:" << technicalReason;
    finish();
    emit failed(problem, message);
}

void OidcSignIn::finish()
{
    m_active = false;
    m_awaitingToken = false;
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_tokenReply) {
        m_tokenReply->disconnect(this);
        // While the flow and its handler still live: they handle the aborted reply.
        if (!m_tokenReply->isFinished())
            m_tokenReply->abort();
    }
    if (m_listener) {
        // Closed now; deleted at the next start (or with this): it may still be answering the
        // browser on the connection it accepted.
        m_listener->close();
        m_listener->disconnect(this);
    }
    if (m_flow) {
        m_flow->disconnect(this);
        m_flow->setModifyParametersFunction({});
        m_flow->deleteLater();
    }
    m_reply = nullptr;
    m_tokenReply = nullptr;
    m_flow = nullptr;
    m_keys.reset();
    m_state.clear();
    m_nonce.clear();
    m_codeVerifier.clear();
}

} // namespace tessera

#include "moc_OidcSignIn.cpp"
