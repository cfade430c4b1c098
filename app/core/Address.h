#pragma once

#include <QString>

namespace tessera {

struct Address
{
    QString street;
    QString street2;
    QString city;
    QString state;
    QString postalCode;
    QString country = QStringLiteral("US");

    friend bool operator==(const Address &a, const Address &b)
    {
        return a.street == b.street && a.street2 == b.street2 && a.city == b.city &&
               a.state == b.state && a.postalCode == b.postalCode && a.country == b.country;
    }
    friend bool operator!=(const Address &a, const Address &b) { return !(a == b); }
};

} // namespace tessera
