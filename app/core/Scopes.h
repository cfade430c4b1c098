#pragma once

#include <QStringList>

namespace tessera {

// Unit's customer-token scopes that Tessera uses, and which of them need two-factor auth.
namespace Scopes {
inline const QString Customers = QStringLiteral("customers");
inline const QString Accounts = QStringLiteral("accounts");
inline const QString Cards = QStringLiteral("cards");
inline const QString CardsWrite = QStringLiteral("cards-write");

// What signing in asks for: read the customer, their accounts and their cards.
inline QStringList signIn()
{
    return {Customers, Accounts, Cards};
}

// Scopes Unit guards with a one-time code (unit-api-notes §2.4); the sandbox enforces the same.
const QStringList &twoFactorScopes();
bool needsTwoFactor(const QString &scope);
bool anyNeedsTwoFactor(const QStringList &scopes);
// The union, in a stable order, without duplicates.
QStringList merged(const QStringList &a, const QStringList &b);
} // namespace Scopes

} // namespace tessera
