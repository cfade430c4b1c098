#pragma once

#include "Customer.h"

#include <optional>
#include <QObject>
#include <QPointer>

namespace tessera {

class ApiJob;
class Backend;

// The customer being signed in or signed in, as the server last described them: the one place
// the greeting name and the masked phone of the code dialog come from. Fed by whatever brings
// the customer along (the demo's customer list, the first page of cards with include=customer)
// and, when nothing did, by GET /customers/{id}. Forgotten when the session ends or another
// customer's begins.
class CustomerState : public QObject
{
    Q_OBJECT
public:
    explicit CustomerState(Backend *backend);

    const std::optional<Customer> &customer() const { return m_customer; }
    // Where `customerId`'s codes go, "+1 ******0142": the authorized user's phone a business
    // signed in with, else the known customer's own phone (a business's contact's); empty when
    // neither is known.
    QString maskedPhone(const QString &customerId) const;

    // A description of the signed-in customer, or of the one a sign-in is waiting for a code
    // for; any other customer is ignored.
    void note(const Customer &customer);
    // Asks the server for the signed-in customer unless they are known or already asked for.
    void load();

signals:
    void customerChanged();

private:
    void forget();

    Backend *m_backend;
    std::optional<Customer> m_customer;
    QPointer<ApiJob> m_loading;
};

} // namespace tessera
