#include "PurchaseSimulation.h"

#include "ApiClient.h"
#include "ApiReply.h"
#include "Logging.h"
#include "UserFacingError.h"

namespace tessera {

PurchaseSimulation::PurchaseSimulation(ApiClient *simulationApi, QObject *parent)
    : QObject(parent)
    , m_api(simulationApi)
{
    qRegisterMetaType<Authorization>();
    qRegisterMetaType<Transaction>();
    m_settleTimer.setSingleShot(true);
    connect(&m_settleTimer, &QTimer::timeout, this, &PurchaseSimulation::settle);
}

PurchaseSimulation::~PurchaseSimulation()
{
    // A reply that answers after this object is gone must not call back into it.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void PurchaseSimulation::start(const Card &card, const QString &accountId, qint64 amountCents,
                               const QString &merchantName)
{
    if (m_active) {
        qCInfo(lcApi) << "a simulated purchase is already under way; this one is not started";
        return;
    }
    m_active = true;
    m_accountId = accountId;
    m_last4Digits = card.last4Digits;
    m_merchantName = merchantName;
    SimulatedAuthorizationRequest request;
    request.accountId = accountId;
    request.cardLast4Digits = card.last4Digits;
    request.amount = amountCents;
    request.merchantName = merchantName;
    m_reply = m_api->simulateAuthorization(request);
    connect(m_reply, &ApiReply::finished, this, &PurchaseSimulation::onAuthorized);
}

void PurchaseSimulation::onAuthorized()
{
    ApiReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (reply->hasError()) {
        UserFacingError::log(reply->error(), "simulated card authorization");
        fail(UserFacingError(reply->error()).message());
        return;
    }
    m_authorization = reply->valueAs<Authorization>();
    // Unit's own example answer has no status: only a Declined one stops the purchase.
    if (m_authorization.status == AuthorizationStatus::Declined) {
        qCInfo(lcApi).noquote() << "simulated card authorization" << m_authorization.id << "is"
                                << m_authorization.statusName << m_authorization.declineReason;
        fail(tr("The card payment was declined."));
        return;
    }
    emit authorized(m_authorization);
    m_settleTimer.start(m_settleDelay);
}

void PurchaseSimulation::settle()
{
    SimulatedPurchaseRequest request;
    request.accountId = m_accountId;
    request.last4Digits = m_last4Digits;
    request.amount = m_authorization.amount;
    request.direction = Direction::Debit;
    request.merchantName = m_merchantName;
    request.authorizationId = m_authorization.id;
    m_reply = m_api->simulatePurchase(request);
    connect(m_reply, &ApiReply::finished, this, &PurchaseSimulation::onSettled);
}

void PurchaseSimulation::onSettled()
{
    ApiReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (reply->hasError()) {
        UserFacingError::log(reply->error(), "simulated card purchase");
        fail(UserFacingError(reply->error()).message());
        return;
    }
    m_active = false;
    emit settled(reply->valueAs<Transaction>());
}

void PurchaseSimulation::fail(const QString &message)
{
    m_active = false;
    emit failed(message);
}

} // namespace tessera
