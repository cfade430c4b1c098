#include "SignInService.h"

#include "ApiClient.h"
#include "BrokerLogging.h"
#include "JwksSource.h"
#include "SignInRequestParser.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

namespace tessera::broker {

namespace {

// Unit's answers can take this long before the broker gives up and answers 503.
constexpr int UnitTimeoutMs = 15000;
// How often a code that came before Unit's verification looks for it in the store.
constexpr int VerificationPollMs = 25;

BrokerResponse refusedJwt()
{
    return BrokerResponse::error(401, QStringLiteral("The sign-in was refused."));
}

QString describe(const StartSignIn &request)
{
    return request.phone ? IdentifierKey::masked(*request.phone)
                         : IdentifierKey::masked(request.email);
}

} // namespace

SignInService::SignInService(const BrokerConfig &config, const QString &orgToken,
                             BrokerStore &store, JwksSource *identityProviderKeys, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(store)
    , m_limits(store, config.limits)
    , m_identifiers(orgToken)
    , m_network(new QNetworkAccessManager(this))
    , m_unit(new ApiClient(m_network, this))
    , m_lookup(new UnitCustomerLookup(m_unit, this))
    , m_jwks(identityProviderKeys)
{
    m_unit->setBaseUrl(config.unitApiUrl);
    m_unit->setBearerToken(orgToken);
    m_unit->setTransferTimeout(UnitTimeoutMs);
}

SignInService::~SignInService() = default;

QByteArray SignInService::newSignInId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

void SignInService::start(const StartSignIn &request, const QByteArray &clientAddress,
                          Respond respond)
{
    const QByteArray identifierKey =
        request.phone ? m_identifiers.of(*request.phone) : m_identifiers.of(request.email);
    const BrokerRateLimits::Decision decision = m_limits.admitStart(clientAddress, identifierKey);
    if (!decision.allowed()) {
        qCInfo(lcBroker).noquote() << "sign-in start for" << describe(request) << "from"
                                   << clientAddress << "refused: limit";
        respond(decision.outcome == BrokerRateLimits::Decision::Outcome::Limited
                    ? BrokerResponse::limited(decision.retryAfterSeconds)
                    : BrokerResponse::unavailable());
        return;
    }
    auto found = [this, request, clientAddress, identifierKey,
                  respond](const UnitCustomerLookup::Found &customer) {
        if (!customer.unitAnswered) {
            respond(BrokerResponse::unavailable());
            return;
        }
        BrokerStore::PendingSignIn signIn;
        signIn.id = newSignInId();
        signIn.customerId = customer.customerId;
        signIn.identifierKey = identifierKey;
        if (m_store.putSignIn(signIn, m_config.codeLifetime) != BrokerStore::Status::Ok) {
            qCWarning(lcBroker) << "the store cannot keep a new sign-in";
            respond(BrokerResponse::unavailable());
            return;
        }
        qCInfo(lcBroker).noquote()
            << "sign-in started for" << describe(request) << "from" << clientAddress
            << (customer.customerId.isEmpty()
                    ? QStringLiteral("(no customer)")
                    : QStringLiteral("(customer %1)").arg(customer.customerId));
        const QString channel = request.byCall ? QStringLiteral("call") : QStringLiteral("sms");
        respond(BrokerResponse{
            201, QJsonObject{{QStringLiteral("data"),
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("signIn")},
                                          {QStringLiteral("id"), QString::fromLatin1(signIn.id)},
                                          {QStringLiteral("attributes"),
                                           QJsonObject{{QStringLiteral("channel"), channel},
                                                       {QStringLiteral("expiresIn"),
                                                        m_config.codeLifetime}}}}}}});
        // Only now, after the answer that looks the same for everyone has gone out.
        if (!customer.customerId.isEmpty())
            QTimer::singleShot(0, this, [this, id = signIn.id, customer, request] {
                askForCode(id, customer.customerId, customer.codePhone, request);
            });
    };
    if (request.phone)
        m_lookup->findByPhone(*request.phone, std::move(found));
    else
        m_lookup->findByEmail(request.email, std::move(found));
}

void SignInService::askForCode(const QByteArray &signInId, const QString &customerId,
                               const std::optional<Phone> &codePhone, const StartSignIn &request)
{
    CreateTokenVerificationRequest verification;
    verification.channel = request.byCall ? CreateTokenVerificationRequest::Channel::Call
                                          : CreateTokenVerificationRequest::Channel::Sms;
    verification.phone = codePhone;
    verification.language = request.language;
    ApiReply *reply = m_unit->createCustomerTokenVerification(customerId, verification);
    connect(reply, &ApiReply::finished, this, [this, reply, signInId, customerId] {
        reply->deleteLater();
        if (reply->hasError()) {
            qCWarning(lcBroker).noquote() << "Unit did not send a code to customer" << customerId
                                          << ":" << reply->error().message();
            return;
        }
        BrokerStore::PendingSignIn signIn;
        if (m_store.signIn(signInId, &signIn) != BrokerStore::Status::Ok)
            return;
        signIn.verificationToken = reply->valueAs<CustomerTokenVerification>().verificationToken;
        if (m_store.updateSignIn(signIn) != BrokerStore::Status::Ok)
            qCWarning(lcBroker) << "the store lost a sign-in before its code was sent";
        else
            qCInfo(lcBroker).noquote() << "code sent to customer" << customerId;
    });
}

void SignInService::finish(const FinishSignIn &request, const QByteArray &clientAddress,
                           Respond respond)
{
    BrokerStore::PendingSignIn signIn;
    const BrokerStore::Status status = m_store.signIn(request.signInId, &signIn);
    if (status == BrokerStore::Status::Unavailable) {
        respond(BrokerResponse::unavailable());
        return;
    }
    if (status == BrokerStore::Status::NotFound) {
        qCInfo(lcBroker).noquote() << "code for an ended sign-in from" << clientAddress;
        respond(SignInRequestParser::signInEnded());
        return;
    }
    // Counted before the code is tried, so codes sent at once cannot all slip past a limit.
    const BrokerRateLimits::CodeAttempt attempt = m_limits.admitCodeAttempt(
        clientAddress, signIn.identifierKey, signIn.id, m_config.codeLifetime);
    if (!attempt.decision.allowed()) {
        qCInfo(lcBroker).noquote() << "code from" << clientAddress << "refused: limit";
        respond(attempt.decision.outcome == BrokerRateLimits::Decision::Outcome::Limited
                    ? BrokerResponse::limited(attempt.decision.retryAfterSeconds)
                    : BrokerResponse::unavailable());
        return;
    }
    if (attempt.signInUsedUp) {
        qCInfo(lcBroker).noquote()
            << "code from" << clientAddress << "refused: the sign-in has tried all its codes";
        m_store.removeSignIn(signIn.id);
        respond(SignInRequestParser::signInEnded());
        return;
    }
    if (signIn.customerId.isEmpty()) {
        // Nobody behind it: every code is wrong, after as long as Unit would take to say so.
        QTimer::singleShot(int(m_typicalUnitTokenMs), this,
                           [this, id = signIn.id, clientAddress, attempt, respond] {
                               wrongCode(id, clientAddress, attempt.attemptsLeft, respond);
                           });
        return;
    }
    redeemWhenVerified(signIn.id, request, clientAddress, attempt.attemptsLeft, respond,
                       QDateTime::currentMSecsSinceEpoch() + UnitTimeoutMs);
}

void SignInService::redeemWhenVerified(const QByteArray &signInId, const FinishSignIn &request,
                                       const QByteArray &clientAddress, int attemptsLeft,
                                       Respond respond, qint64 deadlineMs)
{
    BrokerStore::PendingSignIn signIn;
    const BrokerStore::Status status = m_store.signIn(signInId, &signIn);
    if (status == BrokerStore::Status::Unavailable) {
        respond(BrokerResponse::unavailable());
        return;
    }
    if (status == BrokerStore::Status::NotFound) {
        respond(SignInRequestParser::signInEnded());
        return;
    }
    if (!signIn.verificationToken.isEmpty()) {
        redeemCode(signIn, request, clientAddress, attemptsLeft, respond);
        return;
    }
    if (QDateTime::currentMSecsSinceEpoch() >= deadlineMs) {
        // Unit never sent this code (its refusal is in the log): no code can be right.
        wrongCode(signInId, clientAddress, attemptsLeft, respond);
        return;
    }
    QTimer::singleShot(VerificationPollMs, this,
                       [this, signInId, request, clientAddress, attemptsLeft, respond, deadlineMs] {
                           redeemWhenVerified(signInId, request, clientAddress, attemptsLeft,
                                              respond, deadlineMs);
                       });
}

void SignInService::redeemCode(const BrokerStore::PendingSignIn &signIn,
                               const FinishSignIn &request, const QByteArray &clientAddress,
                               int attemptsLeft, Respond respond)
{
    CreateTokenRequest credential;
    credential.verificationToken = signIn.verificationToken;
    credential.verificationCode = request.code;
    createToken(
        signIn.customerId, credential, request.expiresIn,
        [this, id = signIn.id, respond](const BrokerResponse &response) {
            if (!response.isError())
                m_store.removeSignIn(id);
            respond(response);
        },
        [this, id = signIn.id, clientAddress, attemptsLeft, respond] {
            wrongCode(id, clientAddress, attemptsLeft, respond);
        });
}

void SignInService::wrongCode(const QByteArray &signInId, const QByteArray &clientAddress,
                              int attemptsLeft, Respond respond)
{
    // The attempt was counted before it was tried; the last one allowed ends the sign-in.
    if (attemptsLeft == 0 && m_store.removeSignIn(signInId) == BrokerStore::Status::Unavailable) {
        respond(BrokerResponse::unavailable());
        return;
    }
    qCInfo(lcBroker).noquote() << "wrong code from" << clientAddress
                               << QStringLiteral("(%1 attempts left)").arg(attemptsLeft);
    respond(BrokerResponse::error(400, QStringLiteral("That code is not right."),
                                  QStringLiteral("/data/attributes/code"),
                                  QJsonObject{{QStringLiteral("attemptsLeft"), attemptsLeft}}));
}

BrokerResponse SignInService::jwtSignInNotOffered()
{
    return BrokerResponse::error(
        404, QStringLiteral("Signing in with an identity token is not set up on this server."));
}

void SignInService::signInWithJwt(const JwtSignIn &request, const QByteArray &clientAddress,
                                  Respond respond)
{
    if (!m_jwks) {
        respond(jwtSignInNotOffered());
        return;
    }
    verifyJwt(request.jwtToken, true,
              [this, request, clientAddress, respond](JwtVerifier::Result result,
                                                      const JwtClaims &claims) {
                  signInWithVerifiedJwt(request, clientAddress, result, claims, respond);
              });
}

void SignInService::verifyJwt(const QString &jwt, bool mayRefresh, Verified done)
{
    JwtExpectations expected;
    expected.issuer = m_config.identityProvider.issuer;
    expected.audience = m_config.identityProvider.audience;
    JwtClaims claims;
    const JwtVerifier::Result result = JwtVerifier::verify(jwt, m_jwks->keys(), expected, &claims);
    if (result != JwtVerifier::Result::UnknownKey || !mayRefresh) {
        done(result, claims);
        return;
    }
    m_jwks->refreshForUnknownKey();
    if (!m_jwks->isLoading()) { // a file was read again, or the keys were fetched just now
        verifyJwt(jwt, false, std::move(done));
        return;
    }
    // Whichever comes first of loaded() and failed() checks the token again, once.
    struct Waiting
    {
        bool over = false;
        QMetaObject::Connection loaded;
        QMetaObject::Connection failed;
    };
    auto waiting = std::make_shared<Waiting>();
    const auto retry = [this, jwt, done, waiting] {
        if (waiting->over)
            return;
        waiting->over = true;
        disconnect(waiting->loaded);
        disconnect(waiting->failed);
        verifyJwt(jwt, false, done);
    };
    waiting->loaded = connect(m_jwks, &JwksSource::loaded, this, retry);
    waiting->failed = connect(m_jwks, &JwksSource::failed, this, retry);
}

void SignInService::signInWithVerifiedJwt(const JwtSignIn &request, const QByteArray &clientAddress,
                                          JwtVerifier::Result result, const JwtClaims &claims,
                                          Respond respond)
{
    const bool verified = result == JwtVerifier::Result::Accepted;
    const QString email = claims.email.trimmed();
    // A JWT sign-in sends no code, but each one costs Unit calls: it counts as a start, for the
    // verified email. A refused token counts for its address only (its own text stands in for
    // the identifier), so nobody can use up a customer's starts with tokens they forged.
    const BrokerRateLimits::Decision decision =
        m_limits.admitStart(clientAddress, m_identifiers.of(verified ? email : request.jwtToken));
    if (!decision.allowed()) {
        respond(decision.outcome == BrokerRateLimits::Decision::Outcome::Limited
                    ? BrokerResponse::limited(decision.retryAfterSeconds)
                    : BrokerResponse::unavailable());
        return;
    }
    if (!verified || email.isEmpty()) {
        qCInfo(lcBroker).noquote()
            << "identity token from" << clientAddress << "refused:"
            << (verified ? QStringLiteral("no email claim") : JwtVerifier::name(result));
        answerLikeUnit(refusedJwt(), respond);
        return;
    }
    m_lookup->findByJwtClaims(
        email, claims.subject,
        [this, request, clientAddress, email, respond](const UnitCustomerLookup::Found &found) {
            if (!found.unitAnswered) {
                respond(BrokerResponse::unavailable());
                return;
            }
            if (found.customerId.isEmpty()) {
                qCInfo(lcBroker).noquote() << "identity token for" << IdentifierKey::masked(email)
                                           << "from" << clientAddress << "refused: no customer";
                answerLikeUnit(refusedJwt(), respond);
                return;
            }
            CreateTokenRequest credential;
            credential.jwtToken = request.jwtToken;
            createToken(found.customerId, credential, request.expiresIn, respond,
                        [respond, customerId = found.customerId] {
                            qCInfo(lcBroker).noquote()
                                << "Unit refused the identity token for customer" << customerId;
                            respond(refusedJwt());
                        });
        });
}

void SignInService::createToken(const QString &customerId, CreateTokenRequest credential,
                                std::optional<int> expiresIn, Respond respond,
                                std::function<void()> refused)
{
    credential.scopes = m_config.signInScopes;
    credential.upgradableScopes = m_config.upgradableScopes;
    credential.expiresIn = qMin(expiresIn.value_or(m_config.maxExpiresIn), m_config.maxExpiresIn);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    ApiReply *reply = m_unit->createCustomerToken(customerId, credential);
    connect(reply, &ApiReply::finished, this,
            [this, reply, timer, customerId, respond, refused = std::move(refused)] {
                reply->deleteLater();
                noteUnitTime(timer->elapsed());
                if (reply->hasError()) {
                    const ApiError &error = reply->error();
                    if (error.kind == ApiError::Kind::Http && error.httpStatus >= 400 &&
                        error.httpStatus < 500 && error.httpStatus != 429) {
                        refused();
                        return;
                    }
                    qCWarning(lcBroker).noquote() << "Unit could not create a token for customer"
                                                  << customerId << ":" << error.message();
                    respond(BrokerResponse::unavailable());
                    return;
                }
                const CustomerToken token = reply->valueAs<CustomerToken>();
                qCInfo(lcBroker).noquote()
                    << "signed in customer" << customerId << "for" << token.expiresIn << "s";
                QJsonObject attributes{
                    {QStringLiteral("token"), token.token},
                    {QStringLiteral("expiresIn"), token.expiresIn},
                    {QStringLiteral("customerId"), customerId},
                    {QStringLiteral("scope"), m_config.signInScopes.join(QLatin1Char(' '))}};
                if (!m_config.upgradableScopes.isEmpty())
                    attributes.insert(QStringLiteral("upgradableScope"),
                                      m_config.upgradableScopes.join(QLatin1Char(' ')));
                respond(BrokerResponse{
                    201, QJsonObject{{QStringLiteral("data"),
                                      QJsonObject{{QStringLiteral("type"),
                                                   QStringLiteral("customerBearerToken")},
                                                  {QStringLiteral("attributes"), attributes}}}}});
            });
}

void SignInService::answerLikeUnit(const BrokerResponse &response, Respond respond)
{
    QTimer::singleShot(int(m_typicalUnitTokenMs), this, [response, respond] { respond(response); });
}

void SignInService::noteUnitTime(qint64 milliseconds)
{
    // A slow moving average: one odd call moves it little.
    m_typicalUnitTokenMs =
        m_typicalUnitTokenMs == 0 ? milliseconds : (m_typicalUnitTokenMs * 7 + milliseconds) / 8;
}

} // namespace tessera::broker
