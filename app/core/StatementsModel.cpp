#include "StatementsModel.h"

#include "ApiClient.h"
#include "ApiJob.h"
#include "UserFacingError.h"

#include <QLocale>
#include <utility>

namespace tessera {

StatementsModel::StatementsModel(ApiClient *api, Authenticator *authenticator, QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
    , m_authenticator(authenticator)
{}

void StatementsModel::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    delete m_job;
    m_accountId = accountId;
    // Another account's statements are never shown under this one.
    beginResetModel();
    m_statements.clear();
    endResetModel();
}

void StatementsModel::reload()
{
    delete m_job;
    m_incoming.clear();
    m_serverOffset = 0;
    if (m_accountId.isEmpty()) {
        beginResetModel();
        m_statements.clear();
        endResetModel();
        emit loaded();
        return;
    }
    requestPage();
}

void StatementsModel::requestPage()
{
    StatementListQuery query;
    query.limit = PageSize;
    query.offset = m_serverOffset;
    query.accountId = m_accountId;
    ApiClient *api = m_api;
    auto *job = new ApiJob(
        m_authenticator, [api, query] { return api->listStatements(query); }, this);
    m_job = job;
    connect(job, &ApiJob::finished, this, [this, job] {
        job->deleteLater();
        m_job = nullptr;
        if (job->hasError()) {
            m_error = job->error();
            UserFacingError::log(m_error, "listing an account's statements");
            emit failed(UserFacingError(m_error).message());
            return;
        }
        const StatementPage page = job->valueAs<StatementPage>();
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
        m_statements = std::exchange(m_incoming, {});
        endResetModel();
        m_error = {};
        emit loaded();
    });
    job->start();
}

const Statement *StatementsModel::statementAt(int row) const
{
    return row >= 0 && row < m_statements.size() ? &m_statements.at(row) : nullptr;
}

QString StatementsModel::periodText(const Statement &statement)
{
    const QDate start = statement.periodStart();
    if (!start.isValid())
        return statement.period;
    // The standalone month name: the nominative form languages use for a month on its own.
    return tr("%1 %2", "statement period: month name, year")
        .arg(QLocale().standaloneMonthName(start.month()), QString::number(start.year()));
}

int StatementsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_statements.size());
}

QVariant StatementsModel::data(const QModelIndex &index, int role) const
{
    const Statement *statement = index.parent().isValid() ? nullptr : statementAt(index.row());
    if (!statement)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case PeriodTextRole:
        return periodText(*statement);
    case StatementRole:
        return QVariant::fromValue(*statement);
    default:
        return {};
    }
}

QHash<int, QByteArray> StatementsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StatementRole, "statement");
    names.insert(PeriodTextRole, "periodText");
    return names;
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_StatementsModel.cpp"
