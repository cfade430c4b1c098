#pragma once

#include "ApiError.h"
#include "Requests.h"
#include "StoredToken.h"

#include <optional>
#include <QObject>
#include <QPointer>

namespace tessera {

class ApiClient;
class ApiReply;

// Unit's customer-token flow: ask for a one-time code, then exchange verification token + code
// (or a JWT from the app's identity provider) for a customer token. Talks to whatever mints
// the token: for a sign-in, Unit with an org token or the bank's token broker; for a 2FA
// step-up, Unit itself with the customer's own sign-in token (its upgradableScope).
//
// The verification call texts or calls the customer, so it is never retried here; a resend is
// a new call, and only the newest verification token is kept.
class CustomerTokenService : public QObject
{
    Q_OBJECT
public:
    using Channel = CreateTokenVerificationRequest::Channel;
    static constexpr int MaxExpiresIn = 86400;

    explicit CustomerTokenService(ApiClient *tokenClient, QObject *parent = nullptr);

    // Token lifetime asked of Unit, in seconds (1..86400); 24 h unless changed.
    void setExpiresIn(int seconds);
    int expiresIn() const { return m_expiresIn; }

    // The language Unit texts or calls the code in, as Unit spells it (VerificationLanguage);
    // empty: Unit's default, English.
    void setLanguage(const QString &unitLanguage) { m_language = unitLanguage; }
    QString language() const { return m_language; }

    // `recipient`: for a business, the phone of the authorized user the code goes to (Unit
    // checks it is one); empty: the customer's own phone, a business's contact.
    void requestVerification(const QString &customerId, Channel channel = Channel::Sms,
                             const Phone &recipient = {});
    bool hasVerification(const QString &customerId) const;
    bool isBusy() const;

    // `request` names scopes, upgradableScope and resources; the service adds the newest
    // verification and the code (a 2FA scope cannot do without them) and expiresIn.
    void createToken(const QString &customerId, CreateTokenRequest request,
                     const QString &code = {});
    void createTokenWithJwt(const QString &customerId, CreateTokenRequest request,
                            const QString &jwt);
    // Drops the pending verification and any call in flight.
    void cancel();

    // "000 001", "000-001" -> "000001"; nothing unless exactly six digits remain.
    static std::optional<QString> normalizeCode(const QString &typed);

signals:
    void verificationSent(tessera::CustomerTokenService::Channel channel);
    void verificationFailed(const tessera::ApiError &error);
    void tokenCreated(const tessera::StoredToken &token);
    void tokenFailed(const tessera::ApiError &error);

private:
    void sendTokenRequest(const QString &customerId, CreateTokenRequest request);

    ApiClient *m_client;
    int m_expiresIn = MaxExpiresIn;
    QString m_language;
    QString m_verificationCustomerId;
    QString m_verificationToken;
    QPointer<ApiReply> m_verificationReply;
    QPointer<ApiReply> m_tokenReply;
};

} // namespace tessera
