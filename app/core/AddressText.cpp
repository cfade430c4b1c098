#include "AddressText.h"

#include <QCoreApplication>
#include <QStringList>

namespace tessera {

QString AddressText::display(const Address &address)
{
    QStringList lines{address.street};
    if (!address.street2.isEmpty())
        lines.append(address.street2);
    lines.append(QCoreApplication::translate("AddressText", "%1, %2 %3")
                     .arg(address.city, address.state, address.postalCode));
    lines.append(address.country == QLatin1String("US")
                     ? QCoreApplication::translate("AddressText", "United States")
                     : address.country);
    return lines.join(QLatin1Char('\n'));
}

} // namespace tessera
