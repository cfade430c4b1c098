#pragma once

#include "CustomerTokenService.h"
#include "TokenStore.h"

#include <functional>
#include <QList>
#include <QObject>

namespace tessera {

class Session;

// Signs a customer in and keeps them signed in: restores a token from the keychain at start,
// runs the one-time-code exchange when there is none, asks for the code again when an
// operation needs a scope the token lacks (step-up) or when the token has expired, and
// resumes the operations that waited for it. The OTP dialog drives it through submitCode(),
// resendCode() and cancel(); it never sees the token.
class Authenticator : public QObject
{
    Q_OBJECT
public:
    enum class Purpose { SignIn, StepUp, Renew };
    Q_ENUM(Purpose)
    using Channel = CustomerTokenService::Channel;

    Authenticator(CustomerTokenService *tokens, TokenStore *store, Session *session,
                  QObject *parent = nullptr);

    void setEnvironmentId(const QString &environmentId) { m_environmentId = environmentId; }
    QString environmentId() const { return m_environmentId; }
    Session *session() const { return m_session; }

    // Looks for this customer's unexpired token in the keychain: restoreFinished(true) and a
    // running session, or restoreFinished(false) and nothing to do but sign in.
    void restore(const QString &customerId);

    void signIn(const QString &customerId, Channel channel = Channel::Sms);
    void signInWithJwt(const QString &customerId, const QString &jwt);
    void signOut();

    // Runs proceed() once the session holds these scopes: at once if it already does,
    // otherwise after the customer enters a code. cancelled() runs instead if they give up.
    void requireScopes(const QStringList &scopes, std::function<void()> proceed,
                       std::function<void()> cancelled = {});
    // For a call that got 401: the token is no longer good; renew it, then retry().
    void handleUnauthorized(std::function<void()> retry, std::function<void()> cancelled = {});

    bool isWaitingForCode() const { return !m_pendingCustomerId.isEmpty(); }
    bool isBusy() const { return m_busy; }
    // Between restore() and restoreFinished(): the keychain is being asked.
    bool isRestoring() const { return m_restoring; }
    Purpose purpose() const { return m_purpose; }
    QString pendingCustomerId() const { return m_pendingCustomerId; }
    // False once the keychain failed: the session then lives in memory only.
    bool remembersSignIn() const { return m_remembersSignIn; }

public slots:
    void submitCode(const QString &code);
    void resendCode(tessera::CustomerTokenService::Channel channel);
    void cancel();

signals:
    void restoreFinished(bool restored);
    // The OTP dialog should open (or stay open) for this customer.
    void codeRequired(tessera::Authenticator::Purpose purpose, const QString &customerId);
    void codeSent(tessera::CustomerTokenService::Channel channel);
    void codeSendFailed(const QString &message);
    // Wrong or expired code, or the exchange failed: the dialog keeps what was typed.
    void codeRejected(const QString &message);
    void busyChanged(bool busy);
    void authenticated();
    void signedIn();
    void signedOut();
    void cancelled();
    // The keychain could not be used; the sign-in will not be remembered.
    void keychainProblem(const QString &message);

private:
    struct Waiter
    {
        std::function<void()> proceed;
        std::function<void()> cancelled;
    };

    void startCodeFlow(Purpose purpose, const QString &customerId, const QStringList &scopes,
                       Channel channel = Channel::Sms);
    void onTokenCreated(const StoredToken &token);
    void onTokenFailed(const ApiError &error);
    void onSessionExpired();
    void reportKeychain(TokenStore::Status status);
    void setBusy(bool busy);
    void finishWaiters(bool success);

    CustomerTokenService *m_tokens;
    TokenStore *m_store;
    Session *m_session;
    QString m_environmentId = QStringLiteral("demo");
    QString m_pendingCustomerId;
    QStringList m_pendingScopes;
    Purpose m_purpose = Purpose::SignIn;
    QList<Waiter> m_waiters;
    bool m_busy = false;
    bool m_restoring = false;
    bool m_remembersSignIn = true;
};

} // namespace tessera
