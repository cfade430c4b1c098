#include "Customer.h"

namespace tessera {

QString Phone::masked() const
{
    const QString tail = number.right(4);
    const QString stars(qMax(0, int(number.size()) - 4), QLatin1Char('*'));
    return QStringLiteral("+%1 %2%3").arg(countryCode, stars, tail);
}

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

} // namespace tessera
