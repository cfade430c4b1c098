#pragma once

#include "ApiReply.h"
#include "CardLifecycle.h"
#include "CardLimits.h"
#include "CustomerToken.h"
#include "CustomerTokenVerification.h"
#include "Page.h"
#include "Requests.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkRequest;

namespace tessera {

// Unit's REST API over one QNetworkAccessManager. Every call returns an ApiReply that decodes
// into Tessera's value types. The bearer token (customer or org) is held here and nowhere
// else, and is never logged.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }
    void setBearerToken(const QString &token);
    bool hasBearerToken() const { return !m_bearerToken.isEmpty(); }
    void setTransferTimeout(int milliseconds);
    // Applies to GETs and to creates that carry an idempotencyKey; never to token calls.
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    int transferTimeout() const { return m_transferTimeoutMs; }

    // Customer tokens (need an org token or a token broker).
    ApiReply *createCustomerTokenVerification(const QString &customerId,
                                              const CreateTokenVerificationRequest &request);
    ApiReply *createCustomerToken(const QString &customerId, const CreateTokenRequest &request);

    // Cards
    ApiReply *listCards(const CardListQuery &query = {});
    ApiReply *getCard(const QString &cardId, bool includeCustomer = false,
                      bool includeAccount = false);
    ApiReply *createCard(const CreateCardRequest &request);
    ApiReply *applyCardAction(const QString &cardId, CardAction action);
    ApiReply *replaceCard(const QString &cardId, const std::optional<Address> &shippingAddress);
    ApiReply *getCardLimits(const QString &cardId);

    // Accounts and customers
    ApiReply *listAccounts(const AccountListQuery &query = {});
    ApiReply *getAccount(const QString &accountId);
    ApiReply *getCustomer(const QString &customerId);
    // Org tokens only: the demo's sign-in page lists the sandbox's customers with it.
    ApiReply *listCustomers(int limit = 100, int offset = 0);

    static QByteArray userAgent();

private:
    QUrl endpoint(const QString &path, const QUrlQuery &query) const;
    ApiReply *get(const QString &path, const QUrlQuery &query, ApiReply::Decoder decoder);
    // Only requests that are safe to repeat may pass a policy that retries.
    ApiReply *post(const QString &path, const QByteArray &body, ApiReply::Decoder decoder,
                   const RetryPolicy &policy = RetryPolicy::none());
    QNetworkRequest makeRequest(const QUrl &url) const;

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_bearerToken;
    int m_transferTimeoutMs = 30000;
    RetryPolicy m_retryPolicy;
};

} // namespace tessera
