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

QLocale userLocale()
{
    const QLocale locale;
    // The C locale (no LANG set) writes "3,770.50$"; dollars read best the US way then.
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : locale;
}

} // namespace

QString format(qint64 cents)
{
    const QLocale locale = userLocale();
    // Unit's amounts are US dollars: "$" where the dollar is the local currency, else the
    // unambiguous "US$" ("1234,56 US$" in Spain, "US$1,234.56" in Mexico, whose "$" is the peso).
    const QString symbol = locale.currencySymbol(QLocale::CurrencyIsoCode) == QLatin1String("USD")
                               ? QStringLiteral("$")
                               : QStringLiteral("US$");
    // Whole cents to a double is exact well beyond any balance a card will see.
    return regroupLeadingDigits(locale.toCurrencyString(double(cents) / 100.0, symbol), locale);
}

std::optional<qint64> parse(const QString &text)
{
    const QLocale locale = userLocale();
    QString plain = text;
    plain.remove(QStringLiteral("US$")).remove(QLatin1Char('$'));
    plain.remove(locale.groupSeparator());
    plain = plain.simplified().remove(QLatin1Char(' '));
    // Integer arithmetic on the digits: a double would turn "0.29" into 28 cents.
    const QStringList parts = plain.split(locale.decimalPoint());
    if (parts.size() > 2 || parts.value(0).size() > 12 || parts.value(1).size() > 2 ||
        (parts.value(0).isEmpty() && parts.value(1).isEmpty()))
        return std::nullopt;
    for (const QString &part : parts) {
        for (const QChar c : part) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
        }
    }
    const qint64 dollars = parts.value(0).isEmpty() ? 0 : parts.value(0).toLongLong();
    const qint64 cents =
        parts.size() == 2 ? parts.value(1).leftJustified(2, QLatin1Char('0')).toLongLong() : 0;
    return dollars * 100 + cents;
}

} // namespace tessera::Money
