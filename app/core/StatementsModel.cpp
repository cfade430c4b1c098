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
    , m_load(authenticator, this, PageSize)
{}

void StatementsModel::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_load.cancel();
    m_accountId = accountId;
    // Another account's statements are never shown under this one.
    beginResetModel();
    m_statements.clear();
    endResetModel();
}

void StatementsModel::reload()
{
    if (m_accountId.isEmpty()) {
        m_load.cancel();
        beginResetModel();
        m_statements.clear();
        endResetModel();
        emit loaded();
        return;
    }
    ApiClient *api = m_api;
    const QString accountId = m_accountId;
    m_load.start(
        [api, accountId](int limit, int offset) {
            StatementListQuery query;
            query.limit = limit;
            query.offset = offset;
            query.accountId = accountId;
            return api->listStatements(query);
        },
        [this](QList<Statement> statements) {
            beginResetModel();
            m_statements = std::move(statements);
            endResetModel();
            m_error = {};
            emit loaded();
        },
        [this](const ApiError &error) {
            m_error = error;
            UserFacingError::log(m_error, "listing an account's statements");
            emit failed(UserFacingError(m_error).message());
        });
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
