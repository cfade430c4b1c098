#pragma once

#include "Address.h"
#include "Authorization.h"
#include "Card.h"
#include "CardLimits.h"
#include "Customer.h"
#include "RequiredAccess.h"
#include "SignInIdentifier.h"
#include "Tags.h"
#include "Transaction.h"

#include <optional>
#include <QDateTime>
#include <QStringList>

namespace tessera {

// POST /customers/{id}/token/verification
struct CreateTokenVerificationRequest
{
    enum class Channel { Sms, Call };
    Channel channel = Channel::Sms;
    std::optional<Phone> phone; // business customers only
    QString appHash;            // 11 chars, SMS only
    QString language;           // empty: Unit's default (English)
};

// POST /v1/sign-ins at the bank's broker: a code for the account with this phone or email.
struct StartSignInRequest
{
    SignInIdentifier identifier;
    CreateTokenVerificationRequest::Channel channel = CreateTokenVerificationRequest::Channel::Sms;
    QString language; // as Unit spells it; empty: Unit's default (English)
};

// POST /customers/{id}/token
struct CreateTokenRequest
{
    QStringList scopes;
    QString verificationToken;
    QString verificationCode;
    QString jwtToken;
    std::optional<int> expiresIn; // seconds, 1..86400
    // 2FA scopes the new token may later mint for itself (needs customer-token-write in scopes).
    QStringList upgradableScopes;
    // Restricts the token to these cards or accounts; empty: every resource of the customer.
    QList<TokenResource> resources;
};

// POST /cards for individualDebitCard / individualVirtualDebitCard
struct CreateCardRequest
{
    CardType type = CardType::IndividualDebitCard;
    QString accountId;
    QString accountType = QStringLiteral("depositAccount");
    QString customerId; // only for joint accounts
    std::optional<Address> shippingAddress;
    QString design;
    QString idempotencyKey;
    Tags tags;
    CardLevelLimits limits;
};

enum class CardSort { NewestFirst, OldestFirst };

// GET /cards
struct CardListQuery
{
    int limit = 100;
    int offset = 0;
    QList<CardStatus> statuses;
    QString accountId;
    QString customerId; // org tokens only; a customer token is filtered by Unit itself
    std::optional<CardSort> sort;
    bool includeCustomer = false;
    bool includeAccount = false;
};

// GET /customers (org tokens): Unit's full-text filter[query] and exact filter[email].
struct CustomerListQuery
{
    int limit = 100;
    int offset = 0;
    QString query;
    QString email;
};

// GET /accounts
struct AccountListQuery
{
    int limit = 100;
    int offset = 0;
    QString customerId;
    bool includeCustomer = false;
};

// GET /transactions: Unit filters on the server (transactionPaths.json); nothing is filtered
// locally. Empty/unset members are not sent.
struct TransactionListQuery
{
    int limit = 100;
    int offset = 0;
    QString accountId;
    QString cardId;
    QString customerId; // org tokens only; a customer token is filtered by Unit itself
    QString text;       // filter[query]: Unit's full-text search
    QDateTime since;    // filter[since], RFC 3339 UTC
    QDateTime until;    // filter[until]
    std::optional<qint64> fromAmount; // filter[fromAmount], cents
    std::optional<qint64> toAmount;   // filter[toAmount], cents
    QList<TransactionKind> types; // filter[type][]: "Purchase", "Atm", ... (transactionFilterName)
    QList<Direction> directions;  // filter[direction][]
    bool excludeFees = false;
    bool oldestFirst = false; // sort=createdAt; newest first (sort=-createdAt) otherwise
};

// GET /authorizations
struct AuthorizationListQuery
{
    int limit = 100;
    int offset = 0;
    QString accountId;
    QString cardId;
    QString customerId;
    QDateTime since;
    QDateTime until;
    std::optional<qint64> fromAmount;
    std::optional<qint64> toAmount;
    QList<AuthorizationStatus> statuses; // filter[status][]
    // Unit leaves declined authorizations out unless asked (filter[includeNonAuthorized]).
    bool includeNonAuthorized = false;
    bool oldestFirst = false;
};

// GET /statements
struct StatementListQuery
{
    int limit = 100;
    int offset = 0;
    QString accountId;
    QString customerId;
    QString period; // "2026-10"
    bool oldestFirst = false;
};

// POST /sandbox/authorizations (sandboxes only): a card authorization as a merchant would ask.
struct SimulatedAuthorizationRequest
{
    QString accountId; // the card's deposit account (relationship "account")
    QString cardLast4Digits;
    qint64 amount = 0; // cents
    QString merchantName;
    int merchantType = 1000; // MCC
    QString merchantLocation;
    QString merchantId; // the network's merchant id; empty: not sent
    bool recurring = false;
    // Empty: Unit's default (Authorized); else "Authorized" or "Declined".
    QString status;
};

// POST /sandbox/purchases (sandboxes only): a settled card purchase.
struct SimulatedPurchaseRequest
{
    QString accountId;
    QString last4Digits;
    qint64 amount = 0; // cents
    Direction direction = Direction::Debit;
    QString merchantName;
    int merchantType = 1000;
    QString merchantLocation;
    bool recurring = false;
    // The authorization this purchase settles, when it settles one.
    QString authorizationId;
};

} // namespace tessera
