#pragma once

#include "ApiError.h"
#include "Statement.h"
#include "WholeListLoad.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace tessera {

class ApiClient;
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
    bool isLoading() const { return m_load.isActive(); }
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
    static constexpr int PageSize = 100;

    ApiClient *m_api;
    QString m_accountId;
    QList<Statement> m_statements;
    ApiError m_error;
    WholeListLoad<Statement> m_load; // a reload's statements replace the rows once all are in
};

} // namespace tessera
