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
    , m_authenticator(authenticator)
{}

void AccountsModel::reload()
{
    delete m_job; // a page of the load this one replaces
    m_incoming.clear();
    m_serverOffset = 0;
    requestPage();
}

void AccountsModel::requestPage()
{
    AccountListQuery query;
    query.limit = PageSize;
    query.offset = m_serverOffset;
    ApiClient *api = m_api;
    auto *job = new ApiJob(
        m_authenticator, [api, query] { return api->listAccounts(query); }, this);
    m_job = job;
    connect(job, &ApiJob::finished, this, [this, job] {
        job->deleteLater();
        m_job = nullptr;
        if (job->hasError()) {
            m_error = job->error();
            UserFacingError::log(m_error, "listing the customer's accounts");
            emit failed(UserFacingError(m_error).message());
            return;
        }
        const AccountPage page = job->valueAs<AccountPage>();
        const int taken = int(page.items.size()) + page.skipped;
        m_serverOffset += taken;
        m_incoming.append(page.items);
        const bool more =
            page.pagination ? m_serverOffset < page.pagination->total : taken == PageSize;
        if (more && taken > 0) {
            requestPage();
            return;
        }
        beginResetModel();
        m_accounts = std::exchange(m_incoming, {});
        endResetModel();
        m_error = {};
        emit loaded();
    });
    job->start();
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
