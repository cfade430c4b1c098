#pragma once

#include "TestSigningKey.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace tessera::test {

// An OpenID Connect provider that can misbehave on request, on 127.0.0.1 (port from the system),
// for the refusals a real provider will not produce: discovery, JWKS (a TestSigningKey),
// /authorize (no login: it redirects straight back to redirect_uri with a code and the state) and
// /token (checks the code, redirect_uri, client id and the PKCE S256 verifier as a provider does,
// then answers with an RS256 ID token for subject() with email()).
class FakeIdentityProvider : public QAbstractHttpServer
{
public:
    enum class Misbehaviour {
        None,
        SignWithAnotherKey,   // the ID token's signature is another key's (with our key id)
        Expired,              // exp an hour ago
        OtherIssuer,          // iss is not the issuer
        WrongAudience,        // aud is another client
        WrongNonce,           // nonce is not the one asked with
        WrongState,           // the redirect carries another state
        AccessDenied,         // the redirect says error=access_denied
        DiscoveryOtherIssuer, // the discovery document names another issuer
        TokenEndpoint400,     // invalid_grant
        TokenEndpoint500,
        TokenEndpointDrop, // the token request's connection is closed without an answer
    };

    explicit FakeIdentityProvider(QObject *parent = nullptr);

    // On 127.0.0.1, a port the system picks.
    [[nodiscard]] bool listen();
    void setMisbehaviour(Misbehaviour misbehaviour) { m_misbehaviour = misbehaviour; }

    QUrl issuer() const { return m_issuer; }
    QString clientId() const { return QStringLiteral("tessera-desktop"); }
    QString subject() const { return QStringLiteral("fake-subject-0001"); }
    QString email() const { return QStringLiteral("maya@example.test"); }
    const TestSigningKey &signingKey() const { return m_key; }

    // What the app sent: the last authorization request's query, the last token request's form.
    QUrlQuery lastAuthorization() const { return m_lastAuthorization; }
    QUrlQuery lastTokenRequest() const { return m_lastTokenRequest; }
    int tokenRequests() const { return m_tokenRequests; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Grant
    {
        QString redirectUri;
        QString challenge;
        QString nonce;
    };

    void discovery(const QHttpServerRequest &request, QTcpSocket *socket);
    void authorize(const QHttpServerRequest &request, QTcpSocket *socket);
    void token(const QHttpServerRequest &request, QTcpSocket *socket);
    QString idToken(const Grant &grant) const;
    static void
    answerJson(const QHttpServerRequest &request, QTcpSocket *socket, const QJsonObject &object,
               QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok);
    static void redirect(const QHttpServerRequest &request, QTcpSocket *socket, QUrl target,
                         const QUrlQuery &query);

    TestSigningKey m_key;
    TestSigningKey m_otherKey;
    QUrl m_issuer;
    Misbehaviour m_misbehaviour = Misbehaviour::None;
    QHash<QString, Grant> m_codes; // used once
    QUrlQuery m_lastAuthorization;
    QUrlQuery m_lastTokenRequest;
    int m_tokenRequests = 0;
};

} // namespace tessera::test
