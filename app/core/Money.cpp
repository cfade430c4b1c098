#include "Money.h"

#include <QLocale>

namespace tessera::Money {

namespace {

// Qt 6.4 leaves out the first group separator of amounts from a million up in locales that
// group only from five digits on (CLDR's minimum grouping: Spanish "1234.567,89" where
// "1.234.567,89" is right). Puts the missing separators back into the leading run of digits;
// correct text (any later Qt) has at most three digits there and stays as it is.
QString regroupLeadingDigits(QString text, const QLocale &locale)
{
    const QString group = locale.groupSeparator();
    const qsizetype firstGroup = group.isEmpty() ? -1 : text.indexOf(group);
    if (firstGroup < 0)
        return text;
    qsizetype runStart = firstGroup;
    while (runStart > 0 && text.at(runStart - 1).isDigit())
        --runStart;
    for (qsizetype at = firstGroup - 3; at > runStart; at -= 3)
        text.insert(at, group);
    return text;
}

} // namespace

QString format(qint64 cents)
{
    QLocale locale;
    // The C locale (no LANG set) writes "3,770.50$"; dollars read best the US way then.
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    // Unit's amounts are US dollars: "$" where the dollar is the local currency, else the
    // unambiguous "US$" ("1234,56 US$" in Spain, "US$1,234.56" in Mexico, whose "$" is the peso).
    const QString symbol = locale.currencySymbol(QLocale::CurrencyIsoCode) == QLatin1String("USD")
                               ? QStringLiteral("$")
                               : QStringLiteral("US$");
    // Whole cents to a double is exact well beyond any balance a card will see.
    return regroupLeadingDigits(locale.toCurrencyString(double(cents) / 100.0, symbol), locale);
}

} // namespace tessera::Money
