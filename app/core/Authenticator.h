#pragma once

#include "CustomerTokenService.h"
#include "RequiredAccess.h"
#include "SignInIdentifier.h"
#include "TokenStore.h"

#include <functional>
#include <QList>
#include <QObject>
#include <QPointer>

namespace tessera {

class BrokerSignIn;
class Credentials;
class Session;

// Signs a customer in and keeps them signed in, and is the one place that gets a token an
// operation lacks. At start it restores the sign-in token from the keychain; without one it
// runs the one-time-code exchange for the sign-in scopes (never a 2FA scope). An operation
// that needs more (ApiJob, through authorize()) waits here: a sign-in that has run out is
// renewed with the sign-in scopes; a 2FA action gets a verified token, minted with a fresh code
// by the customer's own sign-in token (Unit's upgradableScope), restricted to the card or
// account acted on, short-lived and held in memory only (Credentials). The OTP dialog drives
// the code through submitCode(), resendCode() and cancel(); it never sees a token.
class Authenticator : public QObject
{
    Q_OBJECT
public:
    enum class Purpose { SignIn, StepUp, Renew, Unlock };
    Q_ENUM(Purpose)
    using Channel = CustomerTokenService::Channel;

    static constexpr int DefaultVerifiedLifetime = 300;
    static constexpr int MaxVerifiedLifetime = 900;

    // signInTokens mints sign-in tokens (org token or token broker); stepUpTokens talks to
    // Unit with the customer's sign-in token as bearer.
    Authenticator(CustomerTokenService *signInTokens, CustomerTokenService *stepUpTokens,
                  TokenStore *store, Session *session, Credentials *credentials,
                  QObject *parent = nullptr);

    // Environments with a token broker: sign-ins, renewals and unlocking go through it (by
    // the phone or email the customer signed in with); step-ups still go to Unit directly.
    void setBrokerSignIn(BrokerSignIn *brokerSignIn);
    bool usesBroker() const { return m_brokerSignIn != nullptr; }

    void setEnvironmentId(const QString &environmentId) { m_environmentId = environmentId; }
    QString environmentId() const { return m_environmentId; }
    Session *session() const { return m_session; }
    Credentials *credentials() const { return m_credentials; }

    // Lifetime asked for a verified (2FA) token, in seconds: 1..900, 300 unless changed.
    void setVerifiedLifetime(int seconds);
    int verifiedLifetime() const { return m_verifiedLifetime; }
    // The customer's choice in Settings, in whole minutes (1..15; 5 unless chosen).
    static int savedVerifiedMinutes();
    static void saveVerifiedMinutes(int minutes);

    // What a sign-in (or its renewal) asks Unit for: the sign-in scopes, upgradable to the
    // 2FA scopes the app may need.
    static CreateTokenRequest signInRequest();

    // Looks for this customer's unexpired token in the keychain: restoreFinished(true) and a
    // running session, or restoreFinished(false) and nothing to do but sign in.
    void restore(const QString &customerId);

    // `codeRecipient`: a business signing in as one of its authorized users names that user's
    // phone; this code and every later one of the session go there. Empty: the customer's own
    // phone, a business's contact.
    void signIn(const QString &customerId, Channel channel = Channel::Sms,
                const Phone &codeRecipient = {});
    void signInWithJwt(const QString &customerId, const QString &jwt);
    // Through the bank's broker: the code goes to the phone on the account with this phone
    // number or email; the broker says whose account it was once the code is right.
    void signIn(const SignInIdentifier &identifier, Channel channel = Channel::Sms);
    // Through the bank's broker, which finds the customer the identity token is for.
    void signInWithJwt(const QString &jwt);
    void signOut();
    // The app lock: every verified token goes at once; unlock() proves the customer is back
    // with a one-time code by minting a fresh sign-in token (Unit has no call that only checks
    // a code), then unlocked() follows. Operations that waited meanwhile resume.
    void lock();
    void unlock();

    // Calls ready() once a token covers `access`: at once when one does, else after the
    // customer enters a code (renewal or step-up). failed() runs instead with Cancelled if they
    // give up or nobody is signed in, or with the reason when the code could not be sent.
    // Neither runs once `context` is gone.
    using Failed = std::function<void(const ApiError &error)>;
    void authorize(const RequiredAccess &access, QObject *context, std::function<void()> ready,
                   Failed failed);
    // Unit answered 401 to the token used for `access`: it is no good any more.
    void reportRefused(const RequiredAccess &access);

    bool isWaitingForCode() const { return m_waitingForCode; }
    bool isBusy() const { return m_busy; }
    // Between restore() and restoreFinished(): the keychain is being asked.
    bool isRestoring() const { return m_restoring; }
    Purpose purpose() const { return m_purpose; }
    // While a Renew flow runs because the sign-in token lacks a sign-in scope an operation
    // needs (a sign-in kept from an earlier Tessera, whose sign-in token read less), not because
    // it ran out: the session goes on if the customer declines.
    bool renewsForMoreAccess() const { return m_renewsForMoreAccess; }
    // Empty for a sign-in through the broker, which says whose account it is only at the end.
    QString pendingCustomerId() const { return m_pendingCustomerId; }
    // The phone the verification requests for `customerId` name (the code flow under way, else
    // the session's); empty when they name none and the code goes to the customer's own phone.
    Phone codeRecipient(const QString &customerId) const;
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
    // A resend failed: the dialog that is open says so and keeps what was typed.
    void codeSendFailed(const QString &message);
    // The first code of a flow could not be sent: the flow is over (no dialog opens), and
    // whoever asked is told where they are looking.
    void codeNotSent(tessera::Authenticator::Purpose purpose, const QString &message);
    // Just before codeNotSent: the bank's sign-in service could not be reached or did not
    // answer as it should, so trying again later is what helps (not changing what was typed).
    void signInServiceUnavailable(tessera::Authenticator::Purpose purpose, const QString &message);
    // Wrong or expired code, or the exchange failed: the dialog keeps what was typed.
    void codeRejected(const QString &message);
    void busyChanged(bool busy);
    void authenticated();
    void signedIn();
    void signedOut(const QString &customerId);
    // Right after signedOut: the session could not be renewed or unlocked by code (it began at
    // the bank's identity provider), so the customer signs in again; `message` says so.
    void signInAgainRequired(const QString &message);
    void unlocked();
    void cancelled();
    // The keychain could not be used; the sign-in will not be remembered.
    void keychainProblem(const QString &message);

private:
    struct Waiter
    {
        RequiredAccess access;
        QPointer<QObject> context;
        std::function<void()> ready;
        Failed failed;
    };

    // Flows other than SignIn send their codes where the session's went.
    // `identifier`: a sign-in through the broker; renewals and unlocking use the session's.
    void startCodeFlow(Purpose purpose, const QString &customerId, CreateTokenRequest request,
                       const Phone &recipient, Channel channel = Channel::Sms,
                       const SignInIdentifier &identifier = {});
    // Starts the code flow the first waiting operation needs, if any.
    void serveNextWaiter();
    void onTokenCreated(const StoredToken &token);
    void onTokenFailed(const ApiError &error);
    void onSessionExpired();
    void endSessionForNewSignIn();
    void reportKeychain(TokenStore::Status status);
    void setBusy(bool busy);
    void resumeWaiters();
    void failWaiters(const ApiError &error);
    void onVerificationFailed(const ApiError &error);
    CustomerTokenService *activeService() const;
    // The flow under way goes through the broker (anything but a step-up, when there is one).
    bool brokerFlow() const;
    void cancelActiveFlow();
    // Forgets the flow under way (not its waiters).
    void endFlow();
    // Plain words for a refused code, JWT or start, from whichever service refused it.
    QString plainRefusal(const ApiError &error) const;

    CustomerTokenService *m_signInTokens;
    CustomerTokenService *m_stepUpTokens;
    BrokerSignIn *m_brokerSignIn = nullptr;
    TokenStore *m_store;
    Session *m_session;
    Credentials *m_credentials;
    QString m_environmentId = QStringLiteral("demo");
    QString m_pendingCustomerId;
    CreateTokenRequest m_pendingRequest;
    Phone m_pendingRecipient;
    SignInIdentifier m_pendingIdentifier;
    Purpose m_purpose = Purpose::SignIn;
    QList<Waiter> m_waiters;
    int m_verifiedLifetime = DefaultVerifiedLifetime;
    bool m_busy = false;
    bool m_waitingForCode = false;
    bool m_codeSent = false; // in the current flow
    bool m_restoring = false;
    bool m_renewsForMoreAccess = false;
    // The sign-in was renewed for more access once already: not again in this session, so a
    // broker that grants less than Tessera asks for cannot send the customer round in codes.
    bool m_widenedOnce = false;
    bool m_remembersSignIn = true;
};

} // namespace tessera
