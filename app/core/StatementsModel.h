#pragma once

#include "ApiError.h"
#include "Statement.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace tessera {

class ApiClient;
class ApiJob;
class Authenticator;

// One account's monthly statements, newest first (GET /statements?filter[accountId]), all of
// them (one a month). A reload keeps the rows until the fresh ones are in.
class StatementsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        StatementRole = Qt::UserRole + 1, // QVariant<Statement>
        PeriodTextRole,                   // "October 2026", in the user's language
    };

    StatementsModel(ApiClient *api, Authenticator *authenticator, QObject *parent = nullptr);

    // Shows nothing until reload().
    void setAccountId(const QString &accountId);
    QString accountId() const { return m_accountId; }
    void reload();
    bool isLoading() const { return m_job != nullptr; }
    const ApiError &lastError() const { return m_error; }

    const Statement *statementAt(int row) const;
    // The month's name and year; Unit's period as it came when it is not "YYYY-MM".
    static QString periodText(const Statement &statement);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void loaded();
    void failed(const QString &message); // plain words

private:
    void requestPage();

    static constexpr int PageSize = 100;

    ApiClient *m_api;
    Authenticator *m_authenticator;
    QString m_accountId;
    QList<Statement> m_statements;
    QList<Statement> m_incoming;
    int m_serverOffset = 0;
    ApiError m_error;
    QPointer<ApiJob> m_job;
};

} // namespace tessera
