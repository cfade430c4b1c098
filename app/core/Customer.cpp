#include "Customer.h"

namespace tessera {

QString Customer::displayName() const
{
    // Unit names a business by "name" and gives it no fullName.
    if (isBusiness() && !name.isEmpty())
        return name;
    const QString full = QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    return full.isEmpty() ? name : full;
}

QString Customer::greetingName() const
{
    if (!isBusiness() && !firstName.isEmpty())
        return firstName;
    return displayName();
}

Phone Customer::codePhone() const
{
    return isBusiness() ? contact.phone : phone;
}

} // namespace tessera
