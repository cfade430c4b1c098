#include "CustomerListModel.h"

namespace tessera {

CustomerListModel::CustomerListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void CustomerListModel::setCustomers(QList<Customer> customers)
{
    beginResetModel();
    m_customers = std::move(customers);
    m_rows.clear();
    for (qsizetype i = 0; i < m_customers.size(); ++i) {
        m_rows.append({i, -1});
        if (!m_customers.at(i).isBusiness())
            continue;
        for (qsizetype user = 0; user < m_customers.at(i).authorizedUsers.size(); ++user)
            m_rows.append({i, user});
    }
    endResetModel();
}

const Customer *CustomerListModel::customerAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_customers.at(m_rows.at(row).customer);
}

const Person &CustomerListModel::recipientOf(const Row &row) const
{
    const Customer &customer = m_customers.at(row.customer);
    return row.authorizedUser < 0 ? customer.contact
                                  : customer.authorizedUsers.at(row.authorizedUser);
}

Phone CustomerListModel::codeRecipientAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).authorizedUser < 0)
        return {};
    return recipientOf(m_rows.at(row)).phone;
}

int CustomerListModel::rowOf(const QString &customerId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_customers.at(m_rows.at(row).customer).id == customerId)
            return row;
    }
    return -1;
}

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    const Customer *customer = customerAt(index.row());
    if (!customer || index.parent().isValid())
        return {};
    const Row &row = m_rows.at(index.row());
    // A business row names the person the code goes to; an individual gets it themselves.
    const Person *person = customer->isBusiness() ? &recipientOf(row) : nullptr;
    const Phone phone = person ? person->phone : customer->phone;
    const QString email = person ? person->email : customer->email;
    // One line says it all for a business row, on screen and to a screen reader alike.
    const auto businessLine = [&] {
        return tr("%1 — code to %2, phone ending in %3")
            .arg(customer->displayName(), person->fullName(), phone.number.right(4));
    };
    switch (role) {
    case Qt::DisplayRole:
        return person ? businessLine()
                      : tr("%1\nCode goes to %2").arg(customer->displayName(), phone.masked());
    case Qt::AccessibleTextRole:
        return person ? businessLine()
                      : tr("%1, phone ending in %2")
                            .arg(customer->displayName(), phone.number.right(4));
    case Qt::ToolTipRole:
    case EmailRole:
        return email;
    case CustomerIdRole:
        return customer->id;
    case MaskedPhoneRole:
        return phone.masked();
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
