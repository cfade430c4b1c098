#pragma once

#include <QStringList>

namespace tessera {

// Unit's customer-token scopes that Tessera uses, and which of them need two-factor auth.
namespace Scopes {
inline const QString Customers = QStringLiteral("customers");
inline const QString Accounts = QStringLiteral("accounts");
inline const QString Cards = QStringLiteral("cards");
inline const QString CardsWrite = QStringLiteral("cards-write");
inline const QString CustomerTokenWrite = QStringLiteral("customer-token-write");
inline const QString Transactions = QStringLiteral("transactions");
inline const QString Authorizations = QStringLiteral("authorizations");
inline const QString Statements = QStringLiteral("statements");

// What the sign-in token (the one kept in the keychain) carries: read the customer, their
// accounts, cards, transactions, authorizations and statements (none needs a code), and mint
// itself a short-lived verified token for a 2FA action.
// Never a 2FA scope: those are only ever in memory, for minutes (Unit's upgradableScope).
inline QStringList signIn()
{
    return {Customers,  Accounts,          Cards, Transactions, Authorizations,
            Statements, CustomerTokenWrite};
}

// The 2FA scopes the sign-in token may upgrade to with a code (its `upgradableScope`).
inline QStringList upgradable()
{
    return {CardsWrite};
}

// Scopes Unit guards with a one-time code (unit-api-notes §2.4); the sandbox enforces the same.
const QStringList &twoFactorScopes();
bool needsTwoFactor(const QString &scope);
bool anyNeedsTwoFactor(const QStringList &scopes);
// Scopes only an org token may carry (unit-api-notes §2.4: applications, webhooks,
// authorization requests, batch releases, received payments, chargebacks, rewards and the
// customer-token read scope). customer-token-write is not among them: a customer token carries
// it to mint its own verified tokens (Unit's upgradableScope).
bool isOrgOnly(const QString &scope);
// Unit's scope names (unit-api-notes §2.4); anything else is a typing mistake.
bool isKnown(const QString &scope);
// The union, in a stable order, without duplicates.
QStringList merged(const QStringList &a, const QStringList &b);
} // namespace Scopes

} // namespace tessera
