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
    return QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
}

} // namespace tessera
