#pragma once

#include "Authorization.h"
#include "Card.h"
#include "Transaction.h"

#include <chrono>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tessera {

class ApiClient;
class ApiReply;

// The demo's "card purchase": a merchant asks for an authorization (Unit's sandbox simulation,
// with the environment's org token), the customer sees it pending for a moment, then the
// merchant settles the purchase, which completes the authorization and takes the money. Never
// in production: it only calls the sandbox's /sandbox/... endpoints. Each step goes out once.
class PurchaseSimulation : public QObject
{
    Q_OBJECT
public:
    explicit PurchaseSimulation(ApiClient *simulationApi, QObject *parent = nullptr);
    ~PurchaseSimulation() override;

    // How long the authorization stays pending before the purchase settles it (default 4 s).
    void setSettleDelay(std::chrono::milliseconds delay) { m_settleDelay = delay; }
    // Ignored (with a note in the log) while a simulation is under way.
    void start(const Card &card, const QString &accountId, qint64 amountCents,
               const QString &merchantName);
    bool isActive() const { return m_active; }

signals:
    // Pending: now in GET /authorizations and held from the available balance.
    void authorized(const tessera::Authorization &authorization);
    void settled(const tessera::Transaction &transaction);
    // Plain words; the details are in the log.
    void failed(const QString &message);

private:
    void onAuthorized();
    void settle();
    void onSettled();
    void fail(const QString &message);

    ApiClient *m_api;
    std::chrono::milliseconds m_settleDelay{4000};
    QTimer m_settleTimer;
    QPointer<ApiReply> m_reply;
    bool m_active = false;
    Authorization m_authorization;
    QString m_accountId;
    QString m_last4Digits;
    QString m_merchantName;
};

} // namespace tessera
