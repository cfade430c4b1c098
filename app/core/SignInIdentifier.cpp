#include "SignInIdentifier.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tessera {

namespace {

// ITU-T E.164: country codes are prefix-free. 1 and 7 are the only one-digit codes; these are
// the two-digit ones; every other code has three digits.
bool isTwoDigitCountryCode(QStringView digits)
{
    static const QStringList codes =
        QStringLiteral("20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 "
                       "52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 "
                       "91 92 93 94 95 98")
            .split(QLatin1Char(' '));
    return codes.contains(digits.left(2).toString());
}

// Digits of a typed phone number, with '+' kept in front when there is one; nothing when the
// text holds anything but digits and the usual separators.
std::optional<QString> phoneDigits(const QString &typed)
{
    QString digits;
    for (int i = 0; i < typed.size(); ++i) {
        const QChar c = typed.at(i);
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (c == QLatin1Char('+') && digits.isEmpty() && i == typed.indexOf(QLatin1Char('+')))
            digits.append(c);
        else if (!(c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('.') ||
                   c == QLatin1Char('(') || c == QLatin1Char(')')))
            return std::nullopt;
    }
    return digits;
}

std::optional<Phone> parsePhone(const QString &typed, const QString &defaultCountryCode)
{
    const std::optional<QString> digits = phoneDigits(typed);
    if (!digits || digits->isEmpty())
        return std::nullopt;
    if (digits->startsWith(QLatin1Char('+'))) {
        const QString e164 = digits->mid(1);
        const qsizetype ccLength =
            (e164.startsWith(QLatin1Char('1')) || e164.startsWith(QLatin1Char('7'))) ? 1
            : isTwoDigitCountryCode(e164)                                            ? 2
                                                                                     : 3;
        const QString countryCode = e164.left(ccLength);
        const QString number = e164.mid(ccLength);
        // North America: ten digits after the 1. Elsewhere E.164 allows 15 in all.
        const bool fits = countryCode == QLatin1String("1")
                              ? number.size() == 10
                              : number.size() >= 4 && e164.size() <= 15;
        if (!fits || countryCode.startsWith(QLatin1Char('0')))
            return std::nullopt;
        return Phone{countryCode, number};
    }
    // No country code: the default's (US) ten-digit number, perhaps with its leading 1.
    if (defaultCountryCode == QLatin1String("1") && digits->size() == 11 &&
        digits->startsWith(QLatin1Char('1')))
        return Phone{defaultCountryCode, digits->mid(1)};
    if (digits->size() == 10)
        return Phone{defaultCountryCode, *digits};
    return std::nullopt;
}

bool looksLikeEmail(const QString &text)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return email.match(text).hasMatch();
}

} // namespace

SignInIdentifier SignInIdentifier::phone(const Phone &phone)
{
    SignInIdentifier identifier;
    identifier.m_phone = phone;
    return identifier;
}

SignInIdentifier SignInIdentifier::email(const QString &email)
{
    SignInIdentifier identifier;
    identifier.m_email = email;
    return identifier;
}

std::optional<SignInIdentifier> SignInIdentifier::parse(const QString &typed,
                                                        const QString &defaultCountryCode)
{
    const QString text = typed.trimmed();
    if (text.contains(QLatin1Char('@'))) {
        if (!looksLikeEmail(text))
            return std::nullopt;
        return email(text);
    }
    if (const std::optional<Phone> number = parsePhone(text, defaultCountryCode))
        return phone(*number);
    return std::nullopt;
}

QString SignInIdentifier::problem(const QString &typed)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return QCoreApplication::translate("SignInIdentifier",
                                           "Enter the phone number or email address of your "
                                           "account.");
    if (text.contains(QLatin1Char('@')))
        return QCoreApplication::translate("SignInIdentifier",
                                           "This is not a complete email address. Check it and "
                                           "try again.");
    return QCoreApplication::translate("SignInIdentifier",
                                       "This is not a phone number Tessera knows. Enter ten "
                                       "digits, like (555) 555-0100, or a number with its "
                                       "country code, like +44 20 7946 0000.");
}

QString SignInIdentifier::masked() const
{
    if (isPhone())
        return QStringLiteral("+%1 •••• %2").arg(m_phone.countryCode, m_phone.number.right(4));
    if (isEmail()) {
        const qsizetype at = m_email.indexOf(QLatin1Char('@'));
        return m_email.left(1) + QStringLiteral("•••") + m_email.mid(at);
    }
    return {};
}

} // namespace tessera
