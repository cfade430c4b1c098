#include "Authenticator.h"

#include "Logging.h"
#include "Scopes.h"
#include "Session.h"

#include <QCoreApplication>

namespace tessera {

Authenticator::Authenticator(CustomerTokenService *tokens, TokenStore *store, Session *session,
                             QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_store(store)
    , m_session(session)
{
    connect(m_tokens, &CustomerTokenService::verificationSent, this, [this](Channel channel) {
        setBusy(false);
        emit codeSent(channel);
    });
    connect(m_tokens, &CustomerTokenService::verificationFailed, this,
            [this](const ApiError &error) {
                setBusy(false);
                emit codeSendFailed(error.message());
            });
    connect(m_tokens, &CustomerTokenService::tokenCreated, this, &Authenticator::onTokenCreated);
    connect(m_tokens, &CustomerTokenService::tokenFailed, this, &Authenticator::onTokenFailed);
    connect(m_session, &Session::expired, this, &Authenticator::onSessionExpired);
    connect(m_store, &TokenStore::writeFinished, this, &Authenticator::reportKeychain);
    connect(m_store, &TokenStore::removeFinished, this, &Authenticator::reportKeychain);
}

void Authenticator::restore(const QString &customerId)
{
    if (customerId.isEmpty()) {
        emit restoreFinished(false);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_store, &TokenStore::readFinished, this,
                          [this, connection](TokenStore::Status status, const StoredToken &token) {
                              disconnect(*connection);
                              m_restoring = false;
                              if (status == TokenStore::Status::Ok && !token.isExpired()) {
                                  m_session->begin(token);
                                  emit restoreFinished(true);
                                  emit signedIn();
                                  return;
                              }
                              if (status == TokenStore::Status::Ok) {
                                  qCInfo(lcAuth) << "stored token has expired: removing it";
                                  m_store->remove(m_environmentId, token.customerId);
                              } else if (status != TokenStore::Status::NotFound) {
                                  reportKeychain(status);
                              }
                              emit restoreFinished(false);
                          });
    m_restoring = true;
    m_store->read(m_environmentId, customerId);
}

void Authenticator::signIn(const QString &customerId, Channel channel)
{
    startCodeFlow(Purpose::SignIn, customerId, Scopes::signIn(), channel);
}

void Authenticator::signInWithJwt(const QString &customerId, const QString &jwt)
{
    m_purpose = Purpose::SignIn;
    m_pendingCustomerId = customerId;
    m_pendingScopes = Scopes::signIn();
    setBusy(true);
    m_tokens->createTokenWithJwt(customerId, m_pendingScopes, jwt);
}

void Authenticator::signOut()
{
    cancel();
    if (!m_session->isActive())
        return;
    m_store->remove(m_environmentId, m_session->customerId());
    m_session->end();
    emit signedOut();
}

void Authenticator::requireScopes(const QStringList &scopes, std::function<void()> proceed,
                                  std::function<void()> cancelled)
{
    if (m_session->hasScopes(scopes)) {
        proceed();
        return;
    }
    if (!m_session->isActive()) {
        qCWarning(lcAuth) << "an operation needs scopes but nobody is signed in";
        if (cancelled)
            cancelled();
        return;
    }
    m_waiters.append({std::move(proceed), std::move(cancelled)});
    const QStringList wanted = Scopes::merged(m_session->scopes(), scopes);
    const Purpose purpose = m_session->isExpired() ? Purpose::Renew : Purpose::StepUp;
    if (isWaitingForCode() && m_pendingCustomerId == m_session->customerId()) {
        // Already asking for a code: widen what it will buy instead of texting again.
        m_pendingScopes = Scopes::merged(m_pendingScopes, wanted);
        return;
    }
    startCodeFlow(purpose, m_session->customerId(), wanted);
}

void Authenticator::handleUnauthorized(std::function<void()> retry, std::function<void()> cancelled)
{
    m_session->reportUnauthorized();
    requireScopes(m_session->scopes(), std::move(retry), std::move(cancelled));
}

void Authenticator::startCodeFlow(Purpose purpose, const QString &customerId,
                                  const QStringList &scopes, Channel channel)
{
    m_purpose = purpose;
    m_pendingCustomerId = customerId;
    m_pendingScopes = scopes;
    setBusy(true);
    emit codeRequired(purpose, customerId);
    m_tokens->requestVerification(customerId, channel);
}

void Authenticator::submitCode(const QString &code)
{
    if (!isWaitingForCode())
        return;
    setBusy(true);
    m_tokens->createToken(m_pendingCustomerId, m_pendingScopes, code);
}

void Authenticator::resendCode(Channel channel)
{
    if (!isWaitingForCode())
        return;
    setBusy(true);
    m_tokens->requestVerification(m_pendingCustomerId, channel);
}

void Authenticator::cancel()
{
    if (!isWaitingForCode())
        return;
    m_tokens->cancel();
    m_pendingCustomerId.clear();
    m_pendingScopes.clear();
    setBusy(false);
    finishWaiters(false);
    emit cancelled();
}

void Authenticator::onTokenCreated(const StoredToken &token)
{
    const Purpose purpose = m_purpose;
    m_pendingCustomerId.clear();
    m_pendingScopes.clear();
    setBusy(false);
    m_session->begin(token);
    m_store->write(m_environmentId, token);
    emit authenticated();
    if (purpose == Purpose::SignIn)
        emit signedIn();
    finishWaiters(true);
}

void Authenticator::onTokenFailed(const ApiError &error)
{
    setBusy(false);
    if (isWaitingForCode())
        emit codeRejected(error.message());
}

void Authenticator::onSessionExpired()
{
    const QString customerId = m_session->customerId();
    qCInfo(lcAuth) << "session expired";
    m_store->remove(m_environmentId, customerId);
    if (isWaitingForCode())
        return;
    // Ask again for the same scopes; operations that hit the expiry join through
    // handleUnauthorized().
    startCodeFlow(Purpose::Renew, customerId, m_session->scopes());
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

void Authenticator::finishWaiters(bool success)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (success && waiter.proceed)
            waiter.proceed();
        else if (!success && waiter.cancelled)
            waiter.cancelled();
    }
}

} // namespace tessera
