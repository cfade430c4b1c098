#pragma once

#include "Address.h"
#include "ApiError.h"

#include <optional>
#include <QList>
#include <QString>
#include <QStringList>

namespace tessera {

// Unit's Address rules (types.json) in one place: the sandbox rejects with them and the
// wizard validates with them, field by field.
class AddressRules
{
public:
    struct Problem
    {
        QString field; // "street", "city", "state", "postalCode", "country", "street2"
        QString message;
    };

    // What a server error's source pointer names: one field of the shipping address, or the
    // address as a whole (itself, or a part no field shows).
    enum class Field { WholeAddress, Street, Street2, City, State, PostalCode, Country };

    static QList<Problem> validate(const Address &address);

    // "/data/attributes/shippingAddress/postalCode" -> PostalCode; nullopt when the pointer is
    // not about the shipping address.
    static std::optional<Field> fieldForPointer(const QString &pointer);
    // PostalCode -> "postalCode", as Problem names fields; WholeAddress -> "".
    static QString fieldName(Field field);
    // Every entry of `error` that points into the shipping address (Unit names each offending
    // field in an entry of its own), in order, with the server's words.
    static QList<Problem> problemsIn(const ApiError &error);
    static bool isValidUsState(const QString &code);
    static bool isValidPostalCode(const QString &code);
    static const QStringList &usStateCodes(); // the 50 states, DC and territories
};

} // namespace tessera
