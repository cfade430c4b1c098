#include "BrokerSignIn.h"

#include "ApiClient.h"
#include "CustomerToken.h"
#include "CustomerTokenService.h"
#include "Logging.h"
#include "SignInStarted.h"

#include <QCoreApplication>

namespace tessera {

BrokerSignIn::BrokerSignIn(ApiClient *broker, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
{
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<StoredToken>();
}

bool BrokerSignIn::isBusy() const
{
    return m_startReply || m_tokenReply;
}

bool BrokerSignIn::isUnavailable(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Decode:
    case ApiError::Kind::Redirect:
    case ApiError::Kind::OutcomeUnknown:
        return true;
    case ApiError::Kind::Http:
        return error.httpStatus >= 500;
    case ApiError::Kind::None:
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::Invalid:
    case ApiError::Kind::NoCredential:
        return false;
    }
    return false;
}

void BrokerSignIn::drop(QPointer<ApiReply> &reply)
{
    if (!reply)
        return;
    reply->disconnect();
    reply->abort();
    reply->deleteLater();
    reply = nullptr;
}

void BrokerSignIn::start(const SignInIdentifier &identifier, Channel channel)
{
    // A resend supersedes the sign-in before it: its answer, if it still comes, is dropped.
    drop(m_startReply);
    m_signInId.clear();
    m_identifier = identifier;
    StartSignInRequest request;
    request.identifier = identifier;
    request.channel = channel;
    request.language = m_language;
    qCInfo(lcAuth).noquote() << "asking the broker for a sign-in code for" << identifier.masked()
                             << (channel == Channel::Call ? "by call" : "by text message");
    ApiReply *reply = m_broker->startSignIn(request);
    m_startReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_startReply = nullptr;
        if (reply->hasError()) {
            qCInfo(lcAuth) << "the broker did not start the sign-in:" << int(reply->error().kind)
                           << reply->error().httpStatus;
            emit startFailed(reply->error());
            return;
        }
        const SignInStarted answer = reply->valueAs<SignInStarted>();
        m_signInId = answer.id;
        emit started(answer.channel);
    });
}

void BrokerSignIn::submitCode(const QString &code)
{
    const std::optional<QString> normalized = CustomerTokenService::normalizeCode(code);
    if (!normalized) {
        emit tokenFailed(ApiError::invalid(
            QCoreApplication::translate("CustomerTokenService", "Enter the 6-digit code.")));
        return;
    }
    if (m_signInId.isEmpty()) {
        emit tokenFailed(ApiError::invalid(
            QCoreApplication::translate("CustomerTokenService", "Request a code first.")));
        return;
    }
    drop(m_tokenReply);
    watchTokenReply(m_broker->finishSignIn(m_signInId, *normalized), m_identifier);
}

void BrokerSignIn::signInWithJwt(const QString &jwt)
{
    const QString trimmed = jwt.trimmed();
    if (trimmed.count(QLatin1Char('.')) != 2) {
        emit tokenFailed(ApiError::invalid(QCoreApplication::translate(
            "CustomerTokenService", "This is not a JWT (three parts separated by dots).")));
        return;
    }
    drop(m_tokenReply);
    // Nothing to renew it with later but another identity token: no identifier is kept.
    watchTokenReply(m_broker->signInWithJwt(trimmed), {});
}

void BrokerSignIn::watchTokenReply(ApiReply *reply, const SignInIdentifier &identifier)
{
    m_tokenReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, identifier] {
        reply->deleteLater();
        m_tokenReply = nullptr;
        if (reply->hasError()) {
            qCInfo(lcAuth) << "the broker refused the sign-in:" << int(reply->error().kind)
                           << reply->error().httpStatus;
            emit tokenFailed(reply->error());
            return;
        }
        const CustomerToken minted = reply->valueAs<CustomerToken>();
        if (minted.customerId.isEmpty()) {
            emit tokenFailed(
                ApiError::decode(QStringLiteral("customerBearerToken: no customerId")));
            return;
        }
        m_signInId.clear(); // a sign-in gives one token
        StoredToken token;
        token.customerId = minted.customerId;
        token.token = minted.token;
        token.scopes = minted.scopes;
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(minted.expiresIn);
        token.signInIdentifier = identifier;
        qCInfo(lcAuth) << "signed in through the broker, token expires in" << minted.expiresIn
                       << "s";
        emit tokenCreated(token);
    });
}

void BrokerSignIn::cancel()
{
    drop(m_startReply);
    drop(m_tokenReply);
    m_signInId.clear();
}

} // namespace tessera
