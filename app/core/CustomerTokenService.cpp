#include "CustomerTokenService.h"

#include "ApiClient.h"
#include "CustomerToken.h"
#include "CustomerTokenVerification.h"
#include "Logging.h"
#include "Scopes.h"

#include <QCoreApplication>

namespace tessera {

CustomerTokenService::CustomerTokenService(ApiClient *tokenClient, QObject *parent)
    : QObject(parent)
    , m_client(tokenClient)
{
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<StoredToken>();
}

void CustomerTokenService::setExpiresIn(int seconds)
{
    m_expiresIn = qBound(1, seconds, MaxExpiresIn);
}

bool CustomerTokenService::hasVerification(const QString &customerId) const
{
    return !m_verificationToken.isEmpty() && m_verificationCustomerId == customerId;
}

bool CustomerTokenService::isBusy() const
{
    return m_verificationReply || m_tokenReply;
}

std::optional<QString> CustomerTokenService::normalizeCode(const QString &typed)
{
    QString digits;
    for (QChar c : typed) {
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (!c.isSpace() && c != QLatin1Char('-'))
            return std::nullopt;
    }
    if (digits.size() != 6)
        return std::nullopt;
    return digits;
}

void CustomerTokenService::requestVerification(const QString &customerId, Channel channel,
                                               const Phone &recipient)
{
    // A resend supersedes the previous request: its answer, if it still comes, is dropped.
    if (m_verificationReply) {
        m_verificationReply->disconnect(this);
        connect(m_verificationReply, &ApiReply::finished, m_verificationReply,
                &QObject::deleteLater);
    }
    m_verificationToken.clear();
    m_verificationCustomerId = customerId;

    CreateTokenVerificationRequest request;
    request.channel = channel;
    request.language = m_language;
    if (!recipient.isEmpty())
        request.phone = recipient;
    ApiReply *reply = m_client->createCustomerTokenVerification(customerId, request);
    m_verificationReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, channel, customerId] {
        reply->deleteLater();
        m_verificationReply = nullptr;
        if (reply->hasError()) {
            qCInfo(lcAuth) << "verification request failed" << reply->error().httpStatus;
            emit verificationFailed(reply->error());
            return;
        }
        m_verificationCustomerId = customerId;
        m_verificationToken = reply->valueAs<CustomerTokenVerification>().verificationToken;
        qCInfo(lcAuth) << "verification sent";
        emit verificationSent(channel);
    });
}

void CustomerTokenService::createToken(const QString &customerId, CreateTokenRequest request,
                                       const QString &code)
{
    // Signing in proves who the customer is with a code even for scopes Unit would grant
    // without one; a 2FA scope cannot do without it.
    if (!code.isEmpty() || Scopes::anyNeedsTwoFactor(request.scopes)) {
        const std::optional<QString> normalized = normalizeCode(code);
        if (!normalized) {
            emit tokenFailed(ApiError::invalid(
                QCoreApplication::translate("CustomerTokenService", "Enter the 6-digit code.")));
            return;
        }
        if (!hasVerification(customerId)) {
            emit tokenFailed(ApiError::invalid(
                QCoreApplication::translate("CustomerTokenService", "Request a code first.")));
            return;
        }
        request.verificationToken = m_verificationToken;
        request.verificationCode = *normalized;
    }
    sendTokenRequest(customerId, std::move(request));
}

void CustomerTokenService::createTokenWithJwt(const QString &customerId, CreateTokenRequest request,
                                              const QString &jwt)
{
    request.jwtToken = jwt.trimmed();
    if (request.jwtToken.count(QLatin1Char('.')) != 2) {
        emit tokenFailed(ApiError::invalid(QCoreApplication::translate(
            "CustomerTokenService", "This is not a JWT (three parts separated by dots).")));
        return;
    }
    sendTokenRequest(customerId, std::move(request));
}

void CustomerTokenService::sendTokenRequest(const QString &customerId, CreateTokenRequest request)
{
    if (m_tokenReply) {
        m_tokenReply->disconnect(this);
        m_tokenReply->abort();
        m_tokenReply->deleteLater();
    }
    request.expiresIn = m_expiresIn;
    const QStringList scopes = request.scopes;
    ApiReply *reply = m_client->createCustomerToken(customerId, request);
    m_tokenReply = reply;
    const bool usedVerification = !request.verificationToken.isEmpty();
    connect(reply, &ApiReply::finished, this, [this, reply, customerId, scopes, usedVerification] {
        reply->deleteLater();
        m_tokenReply = nullptr;
        if (reply->hasError()) {
            qCInfo(lcAuth) << "token request failed" << reply->error().httpStatus
                           << reply->error().code;
            emit tokenFailed(reply->error());
            return;
        }
        // A verification token is good for one customer token.
        if (usedVerification)
            m_verificationToken.clear();
        const CustomerToken minted = reply->valueAs<CustomerToken>();
        StoredToken token;
        token.customerId = customerId;
        token.token = minted.token;
        token.scopes = scopes;
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(minted.expiresIn);
        qCInfo(lcAuth) << "customer token created, expires in" << minted.expiresIn << "s";
        emit tokenCreated(token);
    });
}

void CustomerTokenService::cancel()
{
    for (QPointer<ApiReply> *reply : {&m_verificationReply, &m_tokenReply}) {
        if (*reply) {
            (*reply)->disconnect(this);
            (*reply)->abort();
            (*reply)->deleteLater();
            *reply = nullptr;
        }
    }
    m_verificationToken.clear();
    m_verificationCustomerId.clear();
}

} // namespace tessera
