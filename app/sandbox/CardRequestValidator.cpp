#include "CardRequestValidator.h"

#include "AddressRules.h"
#include "JsonApiBody.h"

#include <cmath>
#include <QRegularExpression>

namespace tessera::sandbox {

namespace {

const QString ShippingAddress = QStringLiteral("shippingAddress");

// Reads an Address object field by field so each problem points at its field.
std::optional<Address> readAddress(JsonApiBody &body, const QJsonObject &object,
                                   const QString &pointer)
{
    static const QStringList fields = {QStringLiteral("street"),     QStringLiteral("street2"),
                                       QStringLiteral("city"),       QStringLiteral("state"),
                                       QStringLiteral("postalCode"), QStringLiteral("country")};
    const qsizetype errorsBefore = body.errors().size();
    Address address;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString fieldPointer = pointer + QLatin1Char('/') + it.key();
        if (!fields.contains(it.key())) {
            body.addError(QStringLiteral("\"%1\" is not an address field.").arg(it.key()),
                          fieldPointer);
            continue;
        }
        if (it.value().isNull() && it.key() == QLatin1String("street2"))
            continue;
        if (!it.value().isString()) {
            body.addError(QStringLiteral("\"%1\" must be a string.").arg(it.key()), fieldPointer);
            continue;
        }
        const QString value = it.value().toString();
        if (it.key() == QLatin1String("street"))
            address.street = value;
        else if (it.key() == QLatin1String("street2"))
            address.street2 = value;
        else if (it.key() == QLatin1String("city"))
            address.city = value;
        else if (it.key() == QLatin1String("state"))
            address.state = value;
        else if (it.key() == QLatin1String("postalCode"))
            address.postalCode = value;
        else
            address.country = value;
    }
    for (const AddressRules::Problem &problem : AddressRules::validate(address)) {
        // A type error above already explains this field.
        bool reported = false;
        for (qsizetype i = errorsBefore; i < body.errors().size(); ++i)
            reported = reported || body.errors().at(i).sourcePointer ==
                                       pointer + QLatin1Char('/') + problem.field;
        if (!reported)
            body.addError(problem.message, pointer + QLatin1Char('/') + problem.field);
    }
    if (body.errors().size() != errorsBefore)
        return std::nullopt;
    return address;
}

void readTags(JsonApiBody &body, Tags *tags)
{
    const QJsonObject object = body.object("tags");
    const QString pointer = JsonApiBody::attributePointer(QStringLiteral("tags"));
    if (object.size() > 15)
        body.addError(QStringLiteral("At most 15 tags are allowed."), pointer);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString value = it.value().toString();
        if (!it.value().isString() || value.isEmpty() || value.size() > 255)
            body.addError(QStringLiteral("Tag values must be strings of 1 to 255 characters."),
                          pointer + QLatin1Char('/') + it.key());
        else
            tags->insert(it.key(), value);
    }
}

void readLimits(JsonApiBody &body, CardLevelLimits *limits)
{
    const QJsonObject object = body.object("limits");
    const QString pointer = JsonApiBody::attributePointer(QStringLiteral("limits"));
    const std::pair<const char *, std::optional<qint64> CardLevelLimits::*> fields[] = {
        {"dailyWithdrawal", &CardLevelLimits::dailyWithdrawal},
        {"dailyPurchase", &CardLevelLimits::dailyPurchase},
        {"monthlyWithdrawal", &CardLevelLimits::monthlyWithdrawal},
        {"monthlyPurchase", &CardLevelLimits::monthlyPurchase},
        {"dailyCardTransaction", &CardLevelLimits::dailyCardTransaction},
        {"monthlyCardTransaction", &CardLevelLimits::monthlyCardTransaction},
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const auto &[name, member] : fields) {
            if (it.key() != QLatin1String(name))
                continue;
            known = true;
            const double d = it.value().toDouble(-1);
            if (!it.value().isDouble() || d < 0 || std::trunc(d) != d || d > 9007199254740992.0)
                body.addError(QStringLiteral("Limits are non-negative amounts in cents."),
                              pointer + QLatin1Char('/') + it.key());
            else
                limits->*member = it.value().toInteger();
        }
        if (!known)
            body.addError(QStringLiteral("\"%1\" is not a card limit.").arg(it.key()),
                          pointer + QLatin1Char('/') + it.key());
    }
}

// expiryDate accepts MM/yy, yyyy-MM or yy-MM and must be 3 to 5 years out (createCard schema).
QString readExpiryDate(JsonApiBody &body, const QDate &today)
{
    const QString text = body.string("expiryDate", false);
    if (text.isEmpty())
        return {};
    static const QRegularExpression slash(QStringLiteral("^(1[0-2]|0[1-9])/(\\d{2})$"));
    static const QRegularExpression dash(QStringLiteral("^(\\d{4}|\\d{2})-(1[0-2]|0[1-9])$"));
    int year = 0;
    int month = 0;
    if (const auto m = slash.match(text); m.hasMatch()) {
        month = m.captured(1).toInt();
        year = 2000 + m.captured(2).toInt();
    } else if (const auto d = dash.match(text); d.hasMatch()) {
        year = d.captured(1).toInt();
        if (year < 100)
            year += 2000;
        month = d.captured(2).toInt();
    } else {
        body.addError(QStringLiteral("\"expiryDate\" must be MM/yy, yyyy-MM or yy-MM."),
                      JsonApiBody::attributePointer(QStringLiteral("expiryDate")));
        return {};
    }
    const int monthsOut = (year * 12 + month) - (today.year() * 12 + today.month());
    if (monthsOut < 36 || monthsOut > 60) {
        body.addError(QStringLiteral("\"expiryDate\" must be 3 to 5 years from now."),
                      JsonApiBody::attributePointer(QStringLiteral("expiryDate")));
        return {};
    }
    return QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
}

} // namespace

QList<ApiError> CardRequestValidator::readCreateCard(const QJsonObject &document,
                                                     const QDate &today, NewCard *out)
{
    const QString physicalType = cardTypeName(CardType::IndividualDebitCard);
    const QString virtualType = cardTypeName(CardType::IndividualVirtualDebitCard);
    JsonApiBody body(document, {physicalType, virtualType});
    if (!body.ok())
        return body.errors();
    body.requireAttributesObject();
    body.requireRelationshipsObject();
    const bool isVirtual = body.type() == virtualType;

    QStringList allowed = {QStringLiteral("tags"),           QStringLiteral("limits"),
                           QStringLiteral("idempotencyKey"), QStringLiteral("bin"),
                           QStringLiteral("cardQualifier"),  QStringLiteral("expiryDate")};
    if (isVirtual) {
        for (const char *physicalOnly : {"shippingAddress", "design"}) {
            if (body.hasAttribute(physicalOnly))
                body.addError(QStringLiteral("Virtual cards have no \"%1\"; it is only for "
                                             "physical cards.")
                                  .arg(QLatin1String(physicalOnly)),
                              JsonApiBody::attributePointer(QLatin1String(physicalOnly)));
        }
        allowed << ShippingAddress << QStringLiteral("design"); // reported just above
    } else {
        allowed << ShippingAddress << QStringLiteral("design") << QStringLiteral("cardDesignId")
                << QStringLiteral("additionalEmbossedText") << QStringLiteral("activeForOnlineUse")
                << QStringLiteral("printOnlyBusinessName");
    }
    body.rejectUnknownAttributes(allowed);

    NewCard card;
    card.request.type = cardTypeFromName(body.type());
    if (!isVirtual && body.hasAttribute("shippingAddress")) {
        const QJsonObject address = body.object("shippingAddress");
        if (body.attributes().value(ShippingAddress).isObject())
            card.request.shippingAddress =
                readAddress(body, address, JsonApiBody::attributePointer(ShippingAddress));
    }
    if (!isVirtual)
        card.request.design = body.string("design", false, 1, 255);
    card.request.idempotencyKey = body.string("idempotencyKey", false, 1, 255);
    readTags(body, &card.request.tags);
    readLimits(body, &card.request.limits);
    card.expirationDate = readExpiryDate(body, today);
    if (!isVirtual) {
        card.activeForOnlineUse = body.boolean("activeForOnlineUse").value_or(false);
        body.boolean("printOnlyBusinessName");
        body.string("cardDesignId", false, 1, 16);
        body.string("additionalEmbossedText", false, 1, 26);
    }
    static const QRegularExpression qualifier(QStringLiteral("^([0-9]{3}| {3})$"));
    const QString cardQualifier = body.string("cardQualifier", false);
    if (body.hasAttribute("cardQualifier") && !qualifier.match(cardQualifier).hasMatch())
        body.addError(QStringLiteral("\"cardQualifier\" must be 3 digits."),
                      JsonApiBody::attributePointer(QStringLiteral("cardQualifier")));
    const QJsonObject bin = body.object("bin");
    if (body.hasAttribute("bin")) {
        static const QRegularExpression nineDigits(QStringLiteral("^[0-9]{9}$"));
        const QString binValue = bin.value(QLatin1String("bin")).toString();
        const QString institution = bin.value(QLatin1String("institutionId")).toString();
        if (!nineDigits.match(binValue).hasMatch() || !nineDigits.match(institution).hasMatch() ||
            bin.size() != 2)
            body.addError(QStringLiteral("\"bin\" must be {bin, institutionId}, 9 digits each."),
                          JsonApiBody::attributePointer(QStringLiteral("bin")));
        else
            card.bin = binValue;
    }

    for (auto it = body.relationships().begin(); it != body.relationships().end(); ++it) {
        if (it.key() != QLatin1String("account") && it.key() != QLatin1String("customer") &&
            it.key() != QLatin1String("defaultFundingAccount"))
            body.addError(QStringLiteral("\"%1\" is not a card relationship.").arg(it.key()),
                          QStringLiteral("/data/relationships/") + it.key());
    }
    if (!body.relationships().contains(QLatin1String("account"))) {
        body.addError(QStringLiteral("relationships.account is required: the deposit account "
                                     "the card draws on."),
                      QStringLiteral("/data/relationships/account"));
    } else {
        card.request.accountType = body.relationships()
                                       .value(QLatin1String("account"))
                                       .toObject()
                                       .value(QLatin1String("data"))
                                       .toObject()
                                       .value(QLatin1String("type"))
                                       .toString();
        card.request.accountId =
            body.relationshipId(QStringLiteral("account"),
                                {QStringLiteral("depositAccount"), QStringLiteral("account")});
    }
    if (body.relationships().contains(QLatin1String("customer")))
        card.request.customerId =
            body.relationshipId(QStringLiteral("customer"),
                                {QStringLiteral("customer"), QStringLiteral("individualCustomer")});

    if (!body.ok())
        return body.errors();
    *out = card;
    return {};
}

QList<ApiError> CardRequestValidator::readReplaceCard(const QJsonObject &document,
                                                      std::optional<Address> *shippingAddress)
{
    // No body at all is accepted too (Node's SDK sends none when the address is unchanged).
    if (document.isEmpty())
        return {};
    JsonApiBody body(document, {QStringLiteral("replaceCard")});
    if (!body.ok())
        return body.errors();
    body.rejectUnknownAttributes({ShippingAddress});
    if (body.hasAttribute("shippingAddress")) {
        const QJsonObject address = body.object("shippingAddress");
        if (body.attributes().value(ShippingAddress).isObject())
            *shippingAddress =
                readAddress(body, address, JsonApiBody::attributePointer(ShippingAddress));
    }
    return body.errors();
}

QList<ApiError> CardRequestValidator::readUpdateCard(const QJsonObject &document, const Card &card,
                                                     CardUpdate *out)
{
    JsonApiBody body(document, {cardTypeName(card.type)});
    body.requireAttributesObject();
    if (!body.ok())
        return body.errors();
    QStringList allowed = {QStringLiteral("tags"), QStringLiteral("limits"),
                           QStringLiteral("defaultFundingAccountId")};
    if (!card.isVirtual())
        allowed << ShippingAddress << QStringLiteral("design");
    body.rejectUnknownAttributes(allowed);
    CardUpdate update;
    const QString tagsPointer = JsonApiBody::attributePointer(QStringLiteral("tags"));
    if (body.hasAttribute("tags")) {
        const QJsonValue tags = body.attributes().value(QLatin1String("tags"));
        if (!tags.isObject()) {
            body.addError(QStringLiteral("\"tags\" must be an object."), tagsPointer);
        } else {
            const QJsonObject changes = tags.toObject();
            Tags merged = card.tags;
            for (auto it = changes.begin(); it != changes.end(); ++it) {
                const QString value = it.value().toString();
                if (it.value().isNull())
                    merged.remove(it.key());
                else if (!it.value().isString() || value.isEmpty() || value.size() > 255)
                    body.addError(
                        QStringLiteral("Tag values must be strings of 1 to 255 characters."),
                        tagsPointer + QLatin1Char('/') + it.key());
                else
                    merged.insert(it.key(), value);
            }
            if (merged.size() > 15)
                body.addError(QStringLiteral("At most 15 tags are allowed."), tagsPointer);
            update.tags = changes;
        }
    }
    if (body.hasAttribute("design"))
        update.design = body.string("design", false);
    if (body.hasAttribute("shippingAddress")) {
        update.setsShippingAddress = true;
        const QJsonValue address = body.attributes().value(ShippingAddress);
        if (!address.isNull())
            update.shippingAddress = readAddress(body, body.object("shippingAddress"),
                                                 JsonApiBody::attributePointer(ShippingAddress));
    }
    for (const char *name : {"limits", "defaultFundingAccountId"}) {
        if (body.hasAttribute(name))
            update.unsupported << QLatin1String(name);
    }
    if (!body.ok())
        return body.errors();
    *out = update;
    return {};
}

} // namespace tessera::sandbox
