#include "Scopes.h"

#include <algorithm>

namespace tessera::Scopes {

const QStringList &twoFactorScopes()
{
    static const QStringList twoFactor = {
        QStringLiteral("cards-write"),
        QStringLiteral("cards-sensitive"),
        QStringLiteral("cards-sensitive-write"),
        QStringLiteral("payments-write"),
        QStringLiteral("payments-write-counterparty"),
        QStringLiteral("payments-write-linked-account"),
        QStringLiteral("payments-write-ach-debit"),
        QStringLiteral("ach-payments-write"),
        QStringLiteral("wire-payments-write"),
    };
    return twoFactor;
}

bool needsTwoFactor(const QString &scope)
{
    return twoFactorScopes().contains(scope);
}

bool anyNeedsTwoFactor(const QStringList &scopes)
{
    return std::any_of(scopes.begin(), scopes.end(), needsTwoFactor);
}

QStringList merged(const QStringList &a, const QStringList &b)
{
    QStringList result = a;
    for (const QString &scope : b) {
        if (!result.contains(scope))
            result.append(scope);
    }
    return result;
}

} // namespace tessera::Scopes
