#pragma once

#include "Address.h"
#include "Card.h"
#include "CardLimits.h"
#include "Customer.h"
#include "RequiredAccess.h"
#include "SignInIdentifier.h"
#include "Tags.h"

#include <optional>
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

} // namespace tessera
