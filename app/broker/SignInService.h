#pragma once

#include "BrokerConfig.h"
#include "BrokerRateLimits.h"
#include "BrokerRequest.h"
#include "BrokerStore.h"
#include "IdentifierKey.h"
#include "JwtVerifier.h"
#include "Requests.h"
#include "UnitCustomerLookup.h"

#include <functional>
#include <QElapsedTimer>
#include <QObject>

class QNetworkAccessManager;

namespace tessera {
class ApiClient;
class JwksSource;
} // namespace tessera

namespace tessera::broker {

// The sign-in flows of the broker's API (README, "tessera-broker API"): start by phone or
// email, finish with the code, or sign in with an identity token. Every answer that could
// tell a customer from nobody — status, body, timing — is the same for both: the customer is
// looked up either way, the code is asked of Unit only after the answer went out, and a
// sign-in with nobody behind it fails its codes like a real one, as slowly.
class SignInService : public QObject
{
    Q_OBJECT
public:
    using Respond = std::function<void(const BrokerResponse &)>;

    // `identityProviderKeys`: the loaded JWK Set of config.identityProvider; null when none is
    // configured (no sign-in with an ID token then).
    SignInService(const BrokerConfig &config, const QString &orgToken, BrokerStore &store,
                  JwksSource *identityProviderKeys = nullptr, QObject *parent = nullptr);
    ~SignInService() override;

    // `clientAddress`: who asks, for the per-address limits.
    void start(const StartSignIn &request, const QByteArray &clientAddress, Respond respond);
    void finish(const FinishSignIn &request, const QByteArray &clientAddress, Respond respond);
    // The ID token is verified first (signature, issuer, audience, expiry): a refusal answers
    // the same 401 whatever failed, and only the log says what.
    void signInWithJwt(const JwtSignIn &request, const QByteArray &clientAddress, Respond respond);
    bool acceptsJwt() const { return m_jwks != nullptr; }
    // The 404 of POST /v1/jwt-sign-ins on a broker without [identityProvider].
    static BrokerResponse jwtSignInNotOffered();

private:
    using Verified = std::function<void(JwtVerifier::Result, const JwtClaims &)>;
    // Verifies against the provider's keys; a kid they lack has them fetched again (at most once
    // a minute, JwksSource) and the token checked once more with what came back.
    void verifyJwt(const QString &jwt, bool mayRefresh, Verified done);
    void signInWithVerifiedJwt(const JwtSignIn &request, const QByteArray &clientAddress,
                               JwtVerifier::Result result, const JwtClaims &claims,
                               Respond respond);
    void askForCode(const QByteArray &signInId, const QString &customerId,
                    const std::optional<Phone> &codePhone, const StartSignIn &request);
    // A code can come before Unit has answered the verification call the start made in the
    // background (a fast typist, a script, another instance): wait for Unit's verification
    // token in the store, for as long as Unit is given to answer, then redeem the code.
    void redeemWhenVerified(const QByteArray &signInId, const FinishSignIn &request,
                            const QByteArray &clientAddress, int attemptsLeft, Respond respond,
                            qint64 deadlineMs);
    void redeemCode(const BrokerStore::PendingSignIn &signIn, const FinishSignIn &request,
                    const QByteArray &clientAddress, int attemptsLeft, Respond respond);
    // `attemptsLeft`: the sign-in's, counted when the attempt was admitted.
    void wrongCode(const QByteArray &signInId, const QByteArray &clientAddress, int attemptsLeft,
                   Respond respond);
    // Creates the customer token with the configured scopes; `credential` fills in the code or
    // the JWT. `refused` answers a 4xx from Unit.
    void createToken(const QString &customerId, CreateTokenRequest credential,
                     std::optional<int> expiresIn, Respond respond, std::function<void()> refused);
    // Answers after about as long as Unit takes for a token, so a refusal decided without
    // asking Unit takes as long as one Unit decided.
    void answerLikeUnit(const BrokerResponse &response, Respond respond);
    void noteUnitTime(qint64 milliseconds);
    static QByteArray newSignInId();

    BrokerConfig m_config;
    BrokerStore &m_store;
    BrokerRateLimits m_limits;
    IdentifierKey m_identifiers;
    QNetworkAccessManager *m_network;
    ApiClient *m_unit;
    UnitCustomerLookup *m_lookup;
    JwksSource *m_jwks;
    qint64 m_typicalUnitTokenMs = 0; // a moving average of Unit's token calls
};

} // namespace tessera::broker
