#include "Authenticator.h"

#include "BrokerSignIn.h"
#include "Credentials.h"
#include "Logging.h"
#include "Scopes.h"
#include "Session.h"
#include "UserFacingError.h"

#include <QCoreApplication>
#include <QSettings>

namespace tessera {

Authenticator::Authenticator(CustomerTokenService *signInTokens, CustomerTokenService *stepUpTokens,
                             TokenStore *store, Session *session, Credentials *credentials,
                             QObject *parent)
    : QObject(parent)
    , m_signInTokens(signInTokens)
    , m_stepUpTokens(stepUpTokens)
    , m_store(store)
    , m_session(session)
    , m_credentials(credentials)
{
    m_stepUpTokens->setExpiresIn(m_verifiedLifetime);
    // Both services report here; only the one running the current code flow is listened to.
    for (CustomerTokenService *service : {m_signInTokens, m_stepUpTokens}) {
        connect(service, &CustomerTokenService::verificationSent, this,
                [this, service](Channel channel) {
                    if (service != activeService())
                        return;
                    m_codeSent = true;
                    setBusy(false);
                    emit codeSent(channel);
                });
        connect(service, &CustomerTokenService::verificationFailed, this,
                [this, service](const ApiError &error) {
                    if (service == activeService())
                        onVerificationFailed(error);
                });
        connect(service, &CustomerTokenService::tokenCreated, this,
                [this, service](const StoredToken &token) {
                    if (service == activeService())
                        onTokenCreated(token);
                });
        connect(service, &CustomerTokenService::tokenFailed, this,
                [this, service](const ApiError &error) {
                    if (service == activeService())
                        onTokenFailed(error);
                });
    }
    connect(m_session, &Session::expired, this, &Authenticator::onSessionExpired);
    connect(m_store, &TokenStore::writeFinished, this, &Authenticator::reportKeychain);
    connect(m_store, &TokenStore::removeFinished, this, &Authenticator::reportKeychain);
}

void Authenticator::setVerifiedLifetime(int seconds)
{
    m_verifiedLifetime = qBound(1, seconds, MaxVerifiedLifetime);
    m_stepUpTokens->setExpiresIn(m_verifiedLifetime);
}

namespace {
const QString VerifiedMinutesKey = QStringLiteral("security/confirmationMinutes");
} // namespace

int Authenticator::savedVerifiedMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(VerifiedMinutesKey).toInt(&ok);
    return ok ? qBound(1, minutes, MaxVerifiedLifetime / 60) : DefaultVerifiedLifetime / 60;
}

void Authenticator::saveVerifiedMinutes(int minutes)
{
    QSettings().setValue(VerifiedMinutesKey, qBound(1, minutes, MaxVerifiedLifetime / 60));
}

CreateTokenRequest Authenticator::signInRequest()
{
    CreateTokenRequest request;
    request.scopes = Scopes::signIn();
    request.upgradableScopes = Scopes::upgradable();
    return request;
}

CustomerTokenService *Authenticator::activeService() const
{
    return m_purpose == Purpose::StepUp ? m_stepUpTokens : m_signInTokens;
}

bool Authenticator::brokerFlow() const
{
    return m_brokerSignIn && m_purpose != Purpose::StepUp;
}

void Authenticator::setBrokerSignIn(BrokerSignIn *brokerSignIn)
{
    m_brokerSignIn = brokerSignIn;
    // Heard only while a flow that goes through the broker is under way.
    connect(brokerSignIn, &BrokerSignIn::started, this, [this](Channel channel) {
        if (!brokerFlow() || !isWaitingForCode())
            return;
        m_codeSent = true;
        setBusy(false);
        emit codeSent(channel);
    });
    connect(brokerSignIn, &BrokerSignIn::startFailed, this, [this](const ApiError &error) {
        if (brokerFlow())
            onVerificationFailed(error);
    });
    connect(brokerSignIn, &BrokerSignIn::tokenCreated, this, [this](const StoredToken &token) {
        if (brokerFlow() && isWaitingForCode())
            onTokenCreated(token);
    });
    connect(brokerSignIn, &BrokerSignIn::tokenFailed, this, [this](const ApiError &error) {
        if (brokerFlow())
            onTokenFailed(error);
    });
}

void Authenticator::cancelActiveFlow()
{
    if (brokerFlow())
        m_brokerSignIn->cancel();
    else
        activeService()->cancel();
}

void Authenticator::endFlow()
{
    m_pendingCustomerId.clear();
    m_pendingRequest = {};
    m_pendingRecipient = {};
    m_pendingIdentifier = {};
    m_waitingForCode = false;
    m_renewsForMoreAccess = false;
}

QString Authenticator::plainRefusal(const ApiError &error) const
{
    return brokerFlow() ? UserFacingError::forBrokerSignIn(error)
                        : UserFacingError::forVerification(error);
}

void Authenticator::restore(const QString &customerId)
{
    if (customerId.isEmpty()) {
        emit restoreFinished(false);
        return;
    }
    m_restoring = true;
    connect(
        m_store, &TokenStore::readFinished, this,
        [this](TokenStore::Status status, const StoredToken &token) {
            m_restoring = false;
            // A token from before 2FA scopes were kept out of the keychain may carry one:
            // it must not skip a code, so it is thrown away like an expired one.
            const bool usable = !token.isExpired() && !Scopes::anyNeedsTwoFactor(token.scopes);
            if (status == TokenStore::Status::Ok && usable) {
                m_session->begin(token);
                emit restoreFinished(true);
                emit signedIn();
                return;
            }
            if (status == TokenStore::Status::Ok) {
                qCInfo(lcAuth) << "stored token has expired or carries a 2FA scope: removing it";
                m_store->remove(m_environmentId, token.customerId);
            } else if (status != TokenStore::Status::NotFound) {
                reportKeychain(status);
            }
            emit restoreFinished(false);
        },
        Qt::SingleShotConnection);
    m_store->read(m_environmentId, customerId);
}

void Authenticator::signIn(const QString &customerId, Channel channel, const Phone &codeRecipient)
{
    startCodeFlow(Purpose::SignIn, customerId, signInRequest(), codeRecipient, channel);
}

void Authenticator::signInWithJwt(const QString &customerId, const QString &jwt)
{
    cancelActiveFlow();
    m_purpose = Purpose::SignIn;
    endFlow();
    m_pendingCustomerId = customerId;
    m_pendingRequest = signInRequest();
    m_waitingForCode = true;
    setBusy(true);
    m_signInTokens->createTokenWithJwt(customerId, m_pendingRequest, jwt);
}

void Authenticator::signIn(const SignInIdentifier &identifier, Channel channel)
{
    if (!m_brokerSignIn) {
        qCWarning(lcAuth) << "a sign-in by phone or email needs the bank's broker";
        return;
    }
    startCodeFlow(Purpose::SignIn, QString(), signInRequest(), {}, channel, identifier);
}

void Authenticator::signInWithJwt(const QString &jwt)
{
    if (!m_brokerSignIn) {
        qCWarning(lcAuth) << "a sign-in with only an identity token needs the bank's broker";
        return;
    }
    cancelActiveFlow();
    m_purpose = Purpose::SignIn;
    endFlow();
    m_pendingRequest = signInRequest();
    m_waitingForCode = true;
    setBusy(true);
    m_brokerSignIn->signInWithJwt(jwt);
}

void Authenticator::signOut()
{
    cancel();
    m_widenedOnce = false;
    m_credentials->forgetVerified();
    if (!m_session->isActive())
        return;
    const QString customerId = m_session->customerId();
    m_store->remove(m_environmentId, customerId);
    m_session->end();
    emit signedOut(customerId);
}

void Authenticator::lock()
{
    m_credentials->forgetVerified();
    if (isWaitingForCode() && m_purpose != Purpose::Unlock)
        cancel();
}

void Authenticator::unlock()
{
    if (!m_session->isActive())
        return;
    startCodeFlow(Purpose::Unlock, m_session->customerId(), signInRequest(),
                  m_session->token().codeRecipient);
}

void Authenticator::authorize(const RequiredAccess &access, QObject *context,
                              std::function<void()> ready, Failed failed)
{
    if (m_credentials->covers(access)) {
        ready();
        return;
    }
    if (!m_session->isActive()) {
        qCWarning(lcAuth) << "an operation needs a token but nobody is signed in";
        if (failed)
            failed(ApiError::cancelled());
        return;
    }
    m_waiters.append({access, context, std::move(ready), std::move(failed)});
    if (!isWaitingForCode())
        serveNextWaiter();
}

void Authenticator::reportRefused(const RequiredAccess &access)
{
    m_credentials->reject(access);
}

void Authenticator::serveNextWaiter()
{
    m_waiters.removeIf([](const Waiter &waiter) { return !waiter.context; });
    if (m_waiters.isEmpty() || !m_session->isActive())
        return;
    const QString customerId = m_session->customerId();
    if (m_session->isExpired()) {
        // The sign-in ran out: renew it with the sign-in scopes only; a 2FA action that
        // waits asks for its own code afterwards.
        startCodeFlow(Purpose::Renew, customerId, signInRequest(),
                      m_session->token().codeRecipient);
        return;
    }
    const Waiter &first = m_waiters.first();
    const QStringList missing = [&] {
        QStringList scopes;
        for (const QString &scope : first.access.scopes) {
            if (!m_session->scopes().contains(scope))
                scopes << scope;
        }
        return scopes;
    }();
    const bool upgradable = std::all_of(missing.begin(), missing.end(), [](const QString &s) {
        return Scopes::upgradable().contains(s);
    });
    const bool signInScopes =
        !missing.isEmpty() && std::all_of(missing.begin(), missing.end(), [](const QString &s) {
            return Scopes::signIn().contains(s);
        });
    if (signInScopes && !m_widenedOnce) {
        qCInfo(lcAuth).noquote() << "the sign-in token lacks" << missing.join(QLatin1Char(' '))
                                 << "- renewing it with the sign-in scopes";
        m_widenedOnce = true;
        startCodeFlow(Purpose::Renew, customerId, signInRequest(),
                      m_session->token().codeRecipient);
        m_renewsForMoreAccess = isWaitingForCode();
        return;
    }
    if (missing.isEmpty() || !upgradable) {
        qCWarning(lcAuth).noquote() << "no token can be had for" << missing.join(QLatin1Char(' '));
        const Waiter waiter = m_waiters.takeFirst();
        // A sign-in scope the renewed sign-in still lacks (the bank's broker grants less, or the
        // customer declined to renew): what Unit would answer such a call, in its plain words.
        const ApiError error =
            signInScopes ? ApiError::http(403, QStringLiteral("Forbidden"),
                                          QStringLiteral("the sign-in token does not carry ") +
                                              missing.join(QLatin1Char(' ')))
                         : ApiError::cancelled();
        if (waiter.context && waiter.failed)
            waiter.failed(error);
        serveNextWaiter();
        return;
    }
    CreateTokenRequest request;
    request.scopes = missing;
    if (first.access.resource.isValid())
        request.resources = {first.access.resource};
    startCodeFlow(Purpose::StepUp, customerId, request, m_session->token().codeRecipient);
}

void Authenticator::startCodeFlow(Purpose purpose, const QString &customerId,
                                  CreateTokenRequest request, const Phone &recipient,
                                  Channel channel, const SignInIdentifier &identifier)
{
    if (m_brokerSignIn && (purpose == Purpose::Renew || purpose == Purpose::Unlock) &&
        m_session->token().signInIdentifier.isEmpty()) {
        endSessionForNewSignIn();
        return;
    }
    cancelActiveFlow();
    m_purpose = purpose;
    endFlow();
    m_pendingCustomerId = customerId;
    m_pendingRequest = std::move(request);
    m_pendingRecipient = recipient;
    m_waitingForCode = true;
    m_codeSent = false;
    setBusy(true);
    emit codeRequired(purpose, customerId);
    if (!brokerFlow()) {
        activeService()->requestVerification(customerId, channel, m_pendingRecipient);
        return;
    }
    // A renewal or unlock asks the broker with what the customer signed in with.
    m_pendingIdentifier =
        purpose == Purpose::SignIn ? identifier : m_session->token().signInIdentifier;
    m_brokerSignIn->start(m_pendingIdentifier, channel);
}

void Authenticator::endSessionForNewSignIn()
{
    // Signed in at the bank's identity provider (or with a pasted token): no phone number or
    // email to send a code for, so the customer signs in again the way they did — at their
    // bank, whose own session usually makes that one click.
    qCInfo(lcAuth) << "the sign-in cannot be renewed by code; the session ends";
    signOut();
    failWaiters(ApiError::cancelled());
    emit signInAgainRequired(QCoreApplication::translate(
        "Authenticator", "Your sign-in has ended. Sign in again to go on."));
}

Phone Authenticator::codeRecipient(const QString &customerId) const
{
    if (customerId.isEmpty())
        return {};
    if (isWaitingForCode())
        return customerId == m_pendingCustomerId ? m_pendingRecipient : Phone{};
    return customerId == m_session->customerId() ? m_session->token().codeRecipient : Phone{};
}

void Authenticator::submitCode(const QString &code)
{
    if (!isWaitingForCode())
        return;
    setBusy(true);
    if (brokerFlow())
        m_brokerSignIn->submitCode(code);
    else
        activeService()->createToken(m_pendingCustomerId, m_pendingRequest, code);
}

void Authenticator::resendCode(Channel channel)
{
    if (!isWaitingForCode())
        return;
    if (brokerFlow()) {
        // A new sign-in for the same phone or email: the broker's codes are one per sign-in.
        if (m_pendingIdentifier.isEmpty())
            return;
        setBusy(true);
        m_brokerSignIn->start(m_pendingIdentifier, channel);
        return;
    }
    setBusy(true);
    activeService()->requestVerification(m_pendingCustomerId, channel, m_pendingRecipient);
}

void Authenticator::cancel()
{
    if (!isWaitingForCode())
        return;
    cancelActiveFlow();
    endFlow();
    setBusy(false);
    failWaiters(ApiError::cancelled());
    emit cancelled();
}

void Authenticator::onTokenCreated(const StoredToken &token)
{
    const Purpose purpose = m_purpose;
    const CreateTokenRequest request = m_pendingRequest;
    const Phone recipient = m_pendingRecipient;
    endFlow();
    setBusy(false);
    if (purpose == Purpose::StepUp) {
        // Memory only: a verified token is never written to the keychain or anywhere else.
        m_credentials->addVerified(token, request.resources.value(0));
    } else {
        StoredToken signIn = token;
        signIn.codeRecipient = recipient; // the session's later codes go where this one went
        // The broker finds the account anew on a renewal; one that is not the session's (the
        // phone moved to another account meanwhile) must not slip in under the same window.
        if (purpose != Purpose::SignIn && m_session->isActive() &&
            signIn.customerId != m_session->customerId()) {
            qCWarning(lcAuth) << "the renewed sign-in is for another customer: signing out";
            failWaiters(ApiError::cancelled());
            signOut();
            return;
        }
        m_session->begin(signIn);
        m_store->write(m_environmentId, signIn);
    }
    emit authenticated();
    if (purpose == Purpose::SignIn)
        emit signedIn();
    if (purpose == Purpose::Unlock)
        emit unlocked();
    resumeWaiters();
}

void Authenticator::onTokenFailed(const ApiError &error)
{
    setBusy(false);
    UserFacingError::log(error, "code or JWT");
    if (isWaitingForCode())
        emit codeRejected(plainRefusal(error));
}

void Authenticator::onSessionExpired()
{
    const QString customerId = m_session->customerId();
    qCInfo(lcAuth) << "session expired";
    m_credentials->forgetVerified();
    m_store->remove(m_environmentId, customerId);
    if (isWaitingForCode())
        return;
    // Ask again for the sign-in scopes; operations that hit the expiry wait in authorize().
    startCodeFlow(Purpose::Renew, customerId, signInRequest(), m_session->token().codeRecipient);
}

void Authenticator::reportKeychain(TokenStore::Status status)
{
    if (status == TokenStore::Status::Ok || status == TokenStore::Status::NotFound)
        return;
    m_remembersSignIn = false;
    emit keychainProblem(
        TokenStore::describe(status) + QLatin1Char(' ') +
        QCoreApplication::translate("Authenticator",
                                    "Your sign-in will work until you quit but will not be "
                                    "remembered."));
}

void Authenticator::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void Authenticator::resumeWaiters()
{
    // Ready ones go now; the rest (another card, or a step-up after a renewal) ask next.
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (!waiter.context)
            continue;
        if (m_credentials->covers(waiter.access))
            waiter.ready();
        else
            m_waiters.append(waiter);
    }
    if (!isWaitingForCode())
        serveNextWaiter();
}

void Authenticator::failWaiters(const ApiError &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context && waiter.failed)
            waiter.failed(error);
    }
}

void Authenticator::onVerificationFailed(const ApiError &error)
{
    setBusy(false);
    UserFacingError::log(error, "sending the code");
    const bool throughBroker = brokerFlow();
    const QString plain =
        throughBroker ? UserFacingError::forBrokerSignIn(error) : UserFacingError(error).message();
    const QString message =
        QCoreApplication::translate("Authenticator", "The code could not be sent: %1").arg(plain);
    if (m_codeSent || !isWaitingForCode()) {
        emit codeSendFailed(plain);
        return;
    }
    // Nothing was sent: no code dialog pretends otherwise, and what waited for it fails with
    // the reason (a network error stays one, so "try again" is offered where it fits).
    qCInfo(lcAuth) << "the first code of the flow could not be sent; the flow ends";
    const Purpose purpose = m_purpose;
    cancelActiveFlow();
    endFlow();
    ApiError failure = error;
    failure.detail = message;
    failWaiters(failure);
    if (throughBroker && BrokerSignIn::isUnavailable(error))
        emit signInServiceUnavailable(purpose, plain);
    emit codeNotSent(purpose, message);
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_Authenticator.cpp"
