#pragma once

#include "Customer.h"

#include <QAbstractListModel>
#include <QList>

namespace tessera {

// Customers to choose from on the demo sign-in page: name, and the phone the code goes to,
// masked. A business is listed once per person who can receive its code: its contact, then
// each authorized user (Unit sends the code to the user whose phone the request names).
class CustomerListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { CustomerIdRole = Qt::UserRole + 1, MaskedPhoneRole, EmailRole };

    explicit CustomerListModel(QObject *parent = nullptr);

    void setCustomers(QList<Customer> customers);
    const Customer *customerAt(int row) const;
    // The phone the sign-in of this row names in its verification request: an authorized
    // user's; empty for an individual and a business's contact (Unit's default recipient).
    Phone codeRecipientAt(int row) const;
    // The first row of that customer, or -1.
    int rowOf(const QString &customerId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // One row: a customer, and for a business which of its people receives the code.
    struct Row
    {
        qsizetype customer = 0;
        qsizetype authorizedUser = -1; // -1: the customer's own phone, a business's contact
    };
    // The person a business row sends the code to (its contact, or an authorized user).
    const Person &recipientOf(const Row &row) const;

    QList<Customer> m_customers;
    QList<Row> m_rows;
};

} // namespace tessera
