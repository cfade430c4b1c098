#pragma once

#include "Address.h"

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

    static QList<Problem> validate(const Address &address);
    static bool isValidUsState(const QString &code);
    static bool isValidPostalCode(const QString &code);
    static const QStringList &usStateCodes(); // the 50 states, DC and territories
};

} // namespace tessera
