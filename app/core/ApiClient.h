#pragma once

#include "ApiReply.h"
#include "CardLifecycle.h"
#include "CardLimits.h"
#include "CustomerToken.h"
#include "CustomerTokenVerification.h"
#include "Page.h"
#include "Requests.h"

#include <functional>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkRequest;
class QNetworkReply;

namespace tessera {

// Unit's REST API: GETs over one QNetworkAccessManager, POSTs one exchange each
// (SingleAttemptReply). Every call returns an ApiReply that decodes
// into Tessera's value types and knows what it needs of its bearer token (RequiredAccess).
// The bearer is attached when the request goes out — each attempt asks again, so a retry
// after a renewal never resends the old token — from a fixed token (org token, tests) or a
// BearerSource (the customer's Credentials). It is never logged.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }
    void setBearerToken(const QString &token);
    // Picks the bearer per call from what it needs; a call it has no token for is refused
    // before sending with ApiError::noCredential().
    using BearerSource = std::function<QString(const RequiredAccess &)>;
    void setBearerSource(BearerSource source) { m_bearerSource = std::move(source); }
    QString bearerFor(const RequiredAccess &access) const;
    bool hasBearerToken() const { return !bearerFor({}).isEmpty(); }
    void setTransferTimeout(int milliseconds);
    // Applies to GETs and to creates that carry an idempotencyKey; never to token calls.
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    int transferTimeout() const { return m_transferTimeoutMs; }

    // Customer tokens (need an org token or a token broker).
    ApiReply *createCustomerTokenVerification(const QString &customerId,
                                              const CreateTokenVerificationRequest &request);
    ApiReply *createCustomerToken(const QString &customerId, const CreateTokenRequest &request);

    // The bank's token broker (this client's base URL is the broker's): a sign-in by phone or
    // email, its code, or an identity provider's token. Each goes out once, never retried:
    // every start texts or calls the customer and every wrong code counts against them.
    ApiReply *startSignIn(const StartSignInRequest &request);
    ApiReply *finishSignIn(const QString &signInId, const QString &code);
    ApiReply *signInWithJwt(const QString &jwt);

    // Cards
    ApiReply *listCards(const CardListQuery &query = {});
    ApiReply *getCard(const QString &cardId, bool includeCustomer = false,
                      bool includeAccount = false);
    ApiReply *createCard(const CreateCardRequest &request);
    ApiReply *applyCardAction(const QString &cardId, CardAction action);
    ApiReply *replaceCard(const QString &cardId, const std::optional<Address> &shippingAddress);
    ApiReply *getCardLimits(const QString &cardId);
    // Records on `oldCard` (tags, PATCH /cards/{id}) which card replaced it; needs the same
    // access as the replace itself, so the token verified for the replace covers it.
    ApiReply *recordCardReplacement(const Card &oldCard, const QString &newCardId);
    // Sandboxes only (POST /sandbox/cards/{id}/activate): what the customer does when the
    // physical card arrives. A live API has no such call (unit-api-notes §3.3).
    ApiReply *simulateCardActivation(const QString &cardId);
    // Sandboxes only, with the org token (Unit's card simulations): a merchant asks for a card
    // authorization (POST /sandbox/authorizations -> Authorization), then settles a purchase,
    // naming the authorization it completes (POST /sandbox/purchases -> Transaction). Each goes
    // out once, never retried: a repeat would be a second payment.
    ApiReply *simulateAuthorization(const SimulatedAuthorizationRequest &request);
    ApiReply *simulatePurchase(const SimulatedPurchaseRequest &request);

    // Accounts and customers
    ApiReply *listAccounts(const AccountListQuery &query = {});
    ApiReply *getAccount(const QString &accountId);
    ApiReply *getCustomer(const QString &customerId);
    // Org tokens only: the demo's sign-in page lists the sandbox's customers with it.
    ApiReply *listCustomers(int limit = 100, int offset = 0);
    // Org tokens only: the broker finds a customer by phone number or email with it.
    ApiReply *listCustomers(const CustomerListQuery &query);

    // Activity (scopes transactions, authorizations, statements), with Unit's filters and
    // paging; newest first unless the query says otherwise.
    ApiReply *listTransactions(const TransactionListQuery &query); // TransactionPage
    ApiReply *getTransaction(const QString &accountId, const QString &transactionId); // Transaction
    ApiReply *listAuthorizations(const AuthorizationListQuery &query); // AuthorizationPage
    ApiReply *listStatements(const StatementListQuery &query);         // StatementPage
    // A statement's PDF (a QByteArray that starts with "%PDF-").
    ApiReply *getStatementPdf(const QString &statementId);

    static QByteArray userAgent();

private:
    QUrl endpoint(const QString &path, const QUrlQuery &query) const;
    // `accept`: what the answer may be; every answer but a document (a PDF) also takes
    // JSON:API, in which Unit's errors come.
    ApiReply *get(const QString &path, const QUrlQuery &query, const RequiredAccess &access,
                  ApiReply::Decoder decoder, const QByteArray &accept = {});
    // Goes out at most once per attempt (SingleAttemptReply, never QNAM's own resend); only
    // requests that are safe to repeat (a create with an idempotencyKey) may pass a policy
    // that retries, so a card action or token call is never sent again after an unknown outcome.
    ApiReply *post(const QString &path, const QByteArray &body, const RequiredAccess &access,
                   ApiReply::Decoder decoder, const RetryPolicy &policy = RetryPolicy::none());
    // Unit's PATCH changes only the attributes sent; never retried (not repeatable in general).
    ApiReply *patch(const QString &path, const QByteArray &body, const RequiredAccess &access,
                    ApiReply::Decoder decoder);
    // Checks the address and the credential, then makes the reply; send(request) issues it.
    using Send = std::function<QNetworkReply *(QNetworkAccessManager *, const QNetworkRequest &)>;
    ApiReply *start(const QString &path, const QUrlQuery &query, const RequiredAccess &access,
                    ApiReply::Decoder decoder, const RetryPolicy &policy, Send send,
                    const QByteArray &accept = {});
    // `accept` empty: JSON:API.
    QNetworkRequest makeRequest(const QUrl &url, const QByteArray &accept = {}) const;

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_bearerToken;
    BearerSource m_bearerSource;
    int m_transferTimeoutMs = 30000;
    RetryPolicy m_retryPolicy;
};

} // namespace tessera
