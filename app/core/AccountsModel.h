#pragma once

#include "Account.h"
#include "ApiError.h"
#include "WholeListLoad.h"

#include <QAbstractListModel>
#include <QCoreApplication>
#include <QList>
#include <QPointer>

namespace tessera {

class ApiClient;
class Authenticator;

// The signed-in customer's accounts with their balances (GET /accounts with the customer
// token: Unit lists only that customer's). All of them are loaded (a customer has a handful);
// a reload keeps the rows until the fresh ones are in.
class AccountsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        AccountRole = Qt::UserRole + 1, // QVariant<Account>
        NameRole,                       // "Checking ····1234"
        AvailableTextRole,              // Money::format of what can be spent
        BalanceTextRole,
        HoldTextRole,
        StatusTextRole,
    };

    AccountsModel(ApiClient *api, Authenticator *authenticator, QObject *parent = nullptr);

    void reload();
    bool isLoading() const { return m_load.isActive(); }
    const ApiError &lastError() const { return m_error; }

    const Account *account(const QString &id) const;
    int rowOf(const QString &id) const;

    // "Checking ····1234"; just the name when Unit sent no number.
    static QString displayName(const Account &account);
    static QString statusText(const Account &account);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void loaded();
    void failed(const QString &message); // plain words

private:
    static constexpr int PageSize = 100;

    ApiClient *m_api;
    QList<Account> m_accounts;
    ApiError m_error;
    WholeListLoad<Account> m_load; // a reload's accounts replace the rows once all are in
};

} // namespace tessera
