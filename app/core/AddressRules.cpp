#include "AddressRules.h"

#include <algorithm>
#include <QCoreApplication>
#include <QRegularExpression>

namespace tessera {

namespace {

constexpr int MaxLength = 255;

bool hasControlCharacters(const QString &value)
{
    return std::any_of(value.begin(), value.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

} // namespace

const QStringList &AddressRules::usStateCodes()
{
    static const QStringList codes = {
        QStringLiteral("AL"), QStringLiteral("AK"), QStringLiteral("AZ"), QStringLiteral("AR"),
        QStringLiteral("CA"), QStringLiteral("CO"), QStringLiteral("CT"), QStringLiteral("DE"),
        QStringLiteral("DC"), QStringLiteral("FL"), QStringLiteral("GA"), QStringLiteral("HI"),
        QStringLiteral("ID"), QStringLiteral("IL"), QStringLiteral("IN"), QStringLiteral("IA"),
        QStringLiteral("KS"), QStringLiteral("KY"), QStringLiteral("LA"), QStringLiteral("ME"),
        QStringLiteral("MD"), QStringLiteral("MA"), QStringLiteral("MI"), QStringLiteral("MN"),
        QStringLiteral("MS"), QStringLiteral("MO"), QStringLiteral("MT"), QStringLiteral("NE"),
        QStringLiteral("NV"), QStringLiteral("NH"), QStringLiteral("NJ"), QStringLiteral("NM"),
        QStringLiteral("NY"), QStringLiteral("NC"), QStringLiteral("ND"), QStringLiteral("OH"),
        QStringLiteral("OK"), QStringLiteral("OR"), QStringLiteral("PA"), QStringLiteral("RI"),
        QStringLiteral("SC"), QStringLiteral("SD"), QStringLiteral("TN"), QStringLiteral("TX"),
        QStringLiteral("UT"), QStringLiteral("VT"), QStringLiteral("VA"), QStringLiteral("WA"),
        QStringLiteral("WV"), QStringLiteral("WI"), QStringLiteral("WY"), QStringLiteral("AS"),
        QStringLiteral("GU"), QStringLiteral("MP"), QStringLiteral("PR"), QStringLiteral("VI"),
    };
    return codes;
}

bool AddressRules::isValidUsState(const QString &code)
{
    return usStateCodes().contains(code);
}

bool AddressRules::isValidPostalCode(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{5}(?:-[0-9]{4})?$"));
    return pattern.match(code).hasMatch();
}

std::optional<AddressRules::Field> AddressRules::fieldForPointer(const QString &pointer)
{
    static const QString prefix = QStringLiteral("/data/attributes/shippingAddress");
    if (pointer == prefix)
        return Field::WholeAddress;
    if (!pointer.startsWith(prefix + QLatin1Char('/')))
        return std::nullopt;
    const QString name = pointer.mid(prefix.size() + 1).section(QLatin1Char('/'), 0, 0);
    for (Field field : {Field::Street, Field::Street2, Field::City, Field::State, Field::PostalCode,
                        Field::Country}) {
        if (name == fieldName(field))
            return field;
    }
    return Field::WholeAddress;
}

QString AddressRules::fieldName(Field field)
{
    switch (field) {
    case Field::WholeAddress:
        break;
    case Field::Street:
        return QStringLiteral("street");
    case Field::Street2:
        return QStringLiteral("street2");
    case Field::City:
        return QStringLiteral("city");
    case Field::State:
        return QStringLiteral("state");
    case Field::PostalCode:
        return QStringLiteral("postalCode");
    case Field::Country:
        return QStringLiteral("country");
    }
    return {};
}

QList<AddressRules::Problem> AddressRules::problemsIn(const ApiError &error)
{
    QList<Problem> problems;
    for (const ApiError::Entry &entry : error.allEntries()) {
        if (const std::optional<Field> field = fieldForPointer(entry.sourcePointer))
            problems.append(
                {fieldName(*field), entry.detail.isEmpty() ? entry.title : entry.detail});
    }
    return problems;
}

QList<AddressRules::Problem> AddressRules::validate(const Address &address)
{
    QList<Problem> problems;
    // The messages reach the customer, so they are translated (context "AddressRules").
    auto checkText = [&](const char *field, const QString &value, const char *missing) {
        const QString name = QLatin1String(field);
        if (missing && value.trimmed().isEmpty())
            problems.append({name, QCoreApplication::translate("AddressRules", missing)});
        else if (value.size() > MaxLength)
            problems.append(
                {name, QCoreApplication::translate("AddressRules", "Must be at most %n characters.",
                                                   nullptr, MaxLength)});
        else if (hasControlCharacters(value))
            problems.append({name, QCoreApplication::translate(
                                       "AddressRules", "Must not contain control characters.")});
    };
    checkText("street", address.street,
              QT_TRANSLATE_NOOP("AddressRules", "Enter the street address."));
    checkText("street2", address.street2, nullptr);
    checkText("city", address.city, QT_TRANSLATE_NOOP("AddressRules", "Enter the city."));

    if (address.country != QLatin1String("US")) {
        problems.append(
            {QStringLiteral("country"),
             QCoreApplication::translate("AddressRules", "Cards can only be shipped to the US.")});
    } else if (address.state.isEmpty()) {
        problems.append({QStringLiteral("state"),
                         QCoreApplication::translate("AddressRules", "Choose a state.")});
    } else if (!isValidUsState(address.state)) {
        problems.append(
            {QStringLiteral("state"),
             QCoreApplication::translate("AddressRules", "Use a two-letter US state code.")});
    }

    if (address.postalCode.isEmpty())
        problems.append({QStringLiteral("postalCode"),
                         QCoreApplication::translate("AddressRules", "Enter the ZIP code.")});
    else if (!isValidPostalCode(address.postalCode))
        problems.append(
            {QStringLiteral("postalCode"),
             QCoreApplication::translate("AddressRules",
                                         "Use a 5-digit ZIP code, optionally followed by -1234.")});
    return problems;
}

} // namespace tessera
