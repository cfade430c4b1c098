#pragma once

#include "IdentityProvider.h"
#include "JwtVerifier.h"

#include <chrono>
#include <memory>
#include <optional>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace tessera {

class Jwks;

// Signs the customer in at the bank's identity provider the way RFC 8252 wants a desktop app to:
// in the system browser (openBrowser(); the caller opens it), Authorization Code with PKCE
// (S256), the answer coming back to a listener on 127.0.0.1 only, on a port the system picks.
// The provider's endpoints and keys come from its discovery document; the ID token is verified
// (signature against its JWKS, issuer, audience = our client id, expiry, nonce) before anyone
// sees it. The listener is closed as soon as the answer came, and on cancel, failure and timeout.
//
// No refresh token is kept: the ID token is exchanged for a Unit customer token at once, and a
// renewal signs in again in the browser (the provider's session usually makes that one click).
class OidcSignIn : public QObject
{
    Q_OBJECT
public:
    enum class Problem {
        ProviderUnreachable, // discovery, JWKS or token endpoint not reachable, not a provider, a
                             // redirect
        ProviderRefused, // an error on the redirect (access_denied, ...), or the token endpoint's
                         // 4xx
        WrongState,      // the redirect did not answer the request we made
        InvalidIdToken,  // any refusal of JwtVerifier
        TimedOut,
        ListenerFailed, // no loopback listener
        CannotVerify,   // no libcrypto to check the ID token's signature with (Libcrypto)
    };
    Q_ENUM(Problem)

    explicit OidcSignIn(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OidcSignIn() override;

    // From start() to an ID token; default 5 minutes.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Supersedes a sign-in under way.
    void start(const IdentityProvider &provider);
    // Closes the listener and drops the requests; emits nothing.
    void cancel();
    bool isActive() const { return m_active; }
    // http://127.0.0.1:PORT/callback while listening, else empty.
    QUrl redirectUri() const;

signals:
    void openBrowser(const QUrl &authorizationUrl);
    // Verified; the listener is already closed.
    void idTokenReceived(const QString &idToken, const tessera::JwtClaims &claims);
    // `message`: plain words for the customer; the listener is already closed.
    void failed(tessera::OidcSignIn::Problem problem, const QString &message);

private:
    void fetchDiscovery();
    void readDiscovery(QNetworkReply *reply);
    void fetchKeys();
    void readKeys(QNetworkReply *reply);
    void authorize();
    void readRedirect(const QVariantMap &answer);
    void findTokenReply();
    void readTokenFailure();
    void readIdToken();
    // Ends the sign-in: the listener closed, requests dropped, secrets forgotten.
    void finish();
    void fail(Problem problem, const QString &message, const QString &technicalReason);
    void failUnreachable(const QString &technicalReason);
    QNetworkReply *get(const QUrl &url);
    // Bytes of a reply that finished well (HTTP 200), or nullopt after failing the sign-in.
    std::optional<QByteArray> okBody(QNetworkReply *reply, const char *what);

    QNetworkAccessManager *m_network;
    std::chrono::milliseconds m_timeout;
    QTimer m_deadline;
    bool m_active = false;
    bool m_awaitingToken = false; // the code went to the token endpoint
    IdentityProvider m_provider;
    QUrl m_authorizationEndpoint;
    QUrl m_tokenEndpoint;
    QUrl m_jwksUri;
    std::unique_ptr<Jwks> m_keys;
    QPointer<QNetworkReply> m_reply; // discovery or JWKS
    QPointer<QNetworkReply> m_tokenReply;
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    QPointer<QOAuthHttpServerReplyHandler> m_listener;
    QString m_state;
    QString m_nonce;
    QString m_codeVerifier;
};

} // namespace tessera
