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

bool isOrgOnly(const QString &scope)
{
    static const QStringList families = {
        QStringLiteral("applications"),
        QStringLiteral("webhooks"),
        QStringLiteral("authorization-requests"),
        QStringLiteral("batch-releases"),
        QStringLiteral("received-payments"),
        QStringLiteral("chargebacks"),
        QStringLiteral("rewards"),
    };
    if (scope == QLatin1String("customer-token"))
        return true;
    const QString family = scope.endsWith(QLatin1String("-write")) ? scope.chopped(6) : scope;
    return families.contains(family);
}

bool isKnown(const QString &scope)
{
    static const QStringList known =
        QStringLiteral(
            "applications applications-write customer-token customer-token-write customers "
            "customers-write customer-tags-write accounts accounts-write cards cards-write "
            "cards-sensitive cards-sensitive-write transactions transactions-write authorizations "
            "statements payments payments-write payments-write-counterparty "
            "payments-write-linked-account payments-write-ach-debit ach-payments-write "
            "wire-payments-write counterparties counterparties-write events events-write webhooks "
            "webhooks-write authorization-requests authorization-requests-write batch-releases "
            "batch-releases-write check-deposits check-deposits-write check-payments "
            "check-payments-write received-payments received-payments-write chargebacks "
            "chargebacks-write rewards rewards-write wire-drawdowns wire-drawdowns-write")
            .split(QLatin1Char(' '));
    return known.contains(scope);
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
