#pragma once

#include "Customer.h"

#include <QAbstractListModel>
#include <QList>

namespace tessera {

// Customers to choose from on the demo sign-in page: name, and the phone the code goes to,
// masked.
class CustomerListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { CustomerIdRole = Qt::UserRole + 1, MaskedPhoneRole, EmailRole };

    explicit CustomerListModel(QObject *parent = nullptr);

    void setCustomers(QList<Customer> customers);
    const Customer *customerAt(int row) const;
    int rowOf(const QString &customerId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Customer> m_customers;
};

} // namespace tessera
