#include "AccountsModel.h"

#include "ApiClient.h"
#include "ApiJob.h"
#include "Money.h"
#include "UserFacingError.h"

#include <utility>

namespace tessera {

AccountsModel::AccountsModel(ApiClient *api, Authenticator *authenticator, QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
    , m_load(authenticator, this, PageSize)
{}

void AccountsModel::reload()
{
    ApiClient *api = m_api;
    m_load.start(
        [api](int limit, int offset) {
            AccountListQuery query;
            query.limit = limit;
            query.offset = offset;
            return api->listAccounts(query);
        },
        [this](QList<Account> accounts) {
            beginResetModel();
            m_accounts = std::move(accounts);
            endResetModel();
            m_error = {};
            emit loaded();
        },
        [this](const ApiError &error) {
            m_error = error;
            UserFacingError::log(m_error, "listing the customer's accounts");
            emit failed(UserFacingError(m_error).message());
        });
}

const Account *AccountsModel::account(const QString &id) const
{
    const int row = rowOf(id);
    return row >= 0 ? &m_accounts.at(row) : nullptr;
}

int AccountsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).id == id)
            return row;
    }
    return -1;
}

QString AccountsModel::displayName(const Account &account)
{
    const QString masked = account.maskedAccountNumber();
    if (masked.isEmpty())
        return account.name;
    return tr("%1 ····%2", "account name, last four digits of its number")
        .arg(account.name, masked.right(4));
}

QString AccountsModel::statusText(const Account &account)
{
    switch (account.status) {
    case AccountStatus::Open:
        return tr("Open");
    case AccountStatus::Frozen:
        return tr("Frozen");
    case AccountStatus::Closed:
        return tr("Closed");
    case AccountStatus::Unknown:
        break;
    }
    return account.statusName.isEmpty() ? tr("Unknown") : account.statusName;
}

int AccountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

QVariant AccountsModel::data(const QModelIndex &index, int role) const
{
    if (index.parent().isValid() || index.row() < 0 || index.row() >= m_accounts.size())
        return {};
    const Account &account = m_accounts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return displayName(account);
    case AccountRole:
        return QVariant::fromValue(account);
    case AvailableTextRole:
        return Money::format(account.available);
    case BalanceTextRole:
        return Money::format(account.balance);
    case HoldTextRole:
        return Money::format(account.hold);
    case StatusTextRole:
        return statusText(account);
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(AccountRole, "account");
    names.insert(NameRole, "name");
    names.insert(AvailableTextRole, "availableText");
    names.insert(BalanceTextRole, "balanceText");
    names.insert(HoldTextRole, "holdText");
    names.insert(StatusTextRole, "statusText");
    return names;
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_AccountsModel.cpp"
