#pragma once

#include "ApiError.h"
#include "Requests.h"
#include "SignInIdentifier.h"
#include "StoredToken.h"

#include <QObject>
#include <QPointer>

namespace tessera {

class ApiClient;
class ApiReply;

// Signing a customer in through the bank's token broker (Production and custom servers): the
// phone number or email on their account, then the code the broker had Unit send to the phone
// on the account; or an identity provider's token. The broker answers with a customer token
// and whom it is for. It never tells whether an account has that phone or email, and neither
// does anything here: a start for nobody looks exactly like one for somebody.
//
// Only the sign-in (and its renewal) comes here; a 2FA step-up goes straight to Unit with the
// customer's own token (Authenticator's step-up service), never through the broker.
class BrokerSignIn : public QObject
{
    Q_OBJECT
public:
    using Channel = CreateTokenVerificationRequest::Channel;

    // `broker`: an ApiClient whose base URL is the broker's; it carries no bearer token.
    explicit BrokerSignIn(ApiClient *broker, QObject *parent = nullptr);

    // The language the code comes in, as Unit spells it (VerificationLanguage); empty: English.
    void setLanguage(const QString &unitLanguage) { m_language = unitLanguage; }

    // Asks for a code. A resend is a new start: it supersedes the sign-in before it.
    void start(const SignInIdentifier &identifier, Channel channel = Channel::Sms);
    bool hasSignIn() const { return !m_signInId.isEmpty(); }
    SignInIdentifier identifier() const { return m_identifier; }
    // The code for the newest sign-in; tokenCreated() or tokenFailed() follows.
    void submitCode(const QString &code);
    void signInWithJwt(const QString &jwt);
    // Drops the sign-in under way and any call in flight.
    void cancel();
    bool isBusy() const;

    // The broker could not be reached or did not answer as a broker does (refused connection,
    // TLS, timeout, redirect, 5xx, an answer that cannot be read): the sign-in page offers to
    // try again rather than to fix what was typed.
    static bool isUnavailable(const ApiError &error);

signals:
    void started(tessera::BrokerSignIn::Channel channel);
    void startFailed(const tessera::ApiError &error);
    // The token with its customer id and scopes as the broker gave them, and the identifier it
    // was asked with (a renewal asks with it again).
    void tokenCreated(const tessera::StoredToken &token);
    // A wrong code (attemptsLeft), a sign-in that ended (404), a refused JWT (401), a limit
    // (429, retryAfterSeconds) or the broker's trouble.
    void tokenFailed(const tessera::ApiError &error);

private:
    void watchTokenReply(ApiReply *reply, const SignInIdentifier &identifier);
    static void drop(QPointer<ApiReply> &reply);

    ApiClient *m_broker;
    QString m_language;
    SignInIdentifier m_identifier;
    QString m_signInId;
    QPointer<ApiReply> m_startReply;
    QPointer<ApiReply> m_tokenReply;
};

} // namespace tessera
