#include "Account.h"

namespace tessera {

QString accountStatusName(AccountStatus status)
{
    switch (status) {
    case AccountStatus::Open:
        return QStringLiteral("Open");
    case AccountStatus::Frozen:
        return QStringLiteral("Frozen");
    case AccountStatus::Closed:
        return QStringLiteral("Closed");
    case AccountStatus::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}

AccountStatus accountStatusFromName(const QString &name)
{
    for (auto status : {AccountStatus::Open, AccountStatus::Frozen, AccountStatus::Closed}) {
        if (name == accountStatusName(status))
            return status;
    }
    return AccountStatus::Unknown;
}

QString Account::maskedAccountNumber() const
{
    if (accountNumber.isEmpty())
        return serverMaskedAccountNumber;
    if (accountNumber.size() <= 4)
        return accountNumber;
    return QString(accountNumber.size() - 4, QLatin1Char('*')) + accountNumber.right(4);
}

} // namespace tessera
