#include "CustomerListModel.h"

namespace tessera {

CustomerListModel::CustomerListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void CustomerListModel::setCustomers(QList<Customer> customers)
{
    beginResetModel();
    m_customers = std::move(customers);
    endResetModel();
}

const Customer *CustomerListModel::customerAt(int row) const
{
    if (row < 0 || row >= m_customers.size())
        return nullptr;
    return &m_customers.at(row);
}

int CustomerListModel::rowOf(const QString &customerId) const
{
    for (int row = 0; row < m_customers.size(); ++row) {
        if (m_customers.at(row).id == customerId)
            return row;
    }
    return -1;
}

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_customers.size());
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    const Customer *customer = customerAt(index.row());
    if (!customer || index.parent().isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\nCode goes to %2").arg(customer->displayName(), customer->phone.masked());
    case Qt::AccessibleTextRole:
        return tr("%1, phone ending in %2")
            .arg(customer->displayName(), customer->phone.number.right(4));
    case Qt::ToolTipRole:
        return customer->email;
    case CustomerIdRole:
        return customer->id;
    case MaskedPhoneRole:
        return customer->phone.masked();
    case EmailRole:
        return customer->email;
    default:
        return {};
    }
}

QHash<int, QByteArray> CustomerListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CustomerIdRole, "customerId");
    names.insert(MaskedPhoneRole, "maskedPhone");
    names.insert(EmailRole, "email");
    return names;
}

} // namespace tessera
