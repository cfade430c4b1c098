#include "Money.h"

#include <QLocale>

namespace tessera::Money {

QString format(qint64 cents)
{
    QLocale locale;
    // The C locale (no LANG set) writes "3,770.50$"; dollars read best the US way then.
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    // Whole cents to a double is exact well beyond any balance a card will see.
    return locale.toCurrencyString(double(cents) / 100.0, QStringLiteral("$"));
}

} // namespace tessera::Money
