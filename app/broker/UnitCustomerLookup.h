#pragma once

#include "Customer.h"

#include <functional>
#include <optional>
#include <QObject>

namespace tessera {
class ApiClient;
}

namespace tessera::broker {

// Finds the one customer a phone number, an email or an identity token's claims name, through
// Unit's customer list with the org token (the ApiClient carries it).
class UnitCustomerLookup : public QObject
{
    Q_OBJECT
public:
    struct Found
    {
        bool unitAnswered = false; // false: Unit could not be asked (the broker answers 503)
        QString customerId;        // empty: nobody has it
        // A business's authorized user's phone: the code goes there, not to the contact.
        std::optional<Phone> codePhone;
    };
    using Done = std::function<void(const Found &)>;

    explicit UnitCustomerLookup(ApiClient *unit, QObject *parent = nullptr);

    // An individual's phone, a business contact's or an authorized user's; never a business's
    // own phone, which gets no codes.
    void findByPhone(const Phone &phone, Done done);
    void findByEmail(const QString &email, Done done);
    // The customer with this email whose jwtSubject is `subject`.
    void findByJwtClaims(const QString &email, const QString &subject, Done done);

private:
    void list(const QString &query, const QString &email,
              std::function<Found(const QList<Customer> &)> pick, Done done);

    ApiClient *m_unit;
};

} // namespace tessera::broker
