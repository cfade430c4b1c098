#include "JsonApiCodec.h"

#include "FastCardDecoder.h"
#include "JsonApiDocuments.h"
#include "JsonApiFieldReader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace tessera {

using namespace jsonapi;

namespace {

void putPhone(QJsonObject &object, const char *key, const Phone &phone)
{
    if (!phone.isEmpty())
        object.insert(QLatin1String(key),
                      QJsonObject{{QStringLiteral("countryCode"), phone.countryCode},
                                  {QStringLiteral("number"), phone.number}});
}

QJsonObject personObject(const Person &person)
{
    QJsonObject o{
        {QStringLiteral("fullName"), QJsonObject{{QStringLiteral("first"), person.firstName},
                                                 {QStringLiteral("last"), person.lastName}}}};
    putString(o, "email", person.email);
    putPhone(o, "phone", person.phone);
    putString(o, "jwtSubject", person.jwtSubject);
    return o;
}

QJsonObject encodeLevelLimits(const CardLevelLimits &limits)
{
    QJsonObject o;
    auto put = [&o](const char *key, const std::optional<qint64> &value) {
        if (value)
            o.insert(QLatin1String(key), *value);
    };
    put("dailyWithdrawal", limits.dailyWithdrawal);
    put("dailyPurchase", limits.dailyPurchase);
    put("monthlyWithdrawal", limits.monthlyWithdrawal);
    put("monthlyPurchase", limits.monthlyPurchase);
    put("dailyCardTransaction", limits.dailyCardTransaction);
    put("monthlyCardTransaction", limits.monthlyCardTransaction);
    return o;
}

CardLevelLimits decodeLevelLimits(FieldReader &reader, const QJsonObject &o)
{
    CardLevelLimits limits;
    limits.dailyWithdrawal = reader.integer(o, "dailyWithdrawal");
    limits.dailyPurchase = reader.integer(o, "dailyPurchase");
    limits.monthlyWithdrawal = reader.integer(o, "monthlyWithdrawal");
    limits.monthlyPurchase = reader.integer(o, "monthlyPurchase");
    limits.dailyCardTransaction = reader.integer(o, "dailyCardTransaction");
    limits.monthlyCardTransaction = reader.integer(o, "monthlyCardTransaction");
    return limits;
}

QJsonObject encodeTotals(const CardTotals &totals)
{
    return QJsonObject{{QStringLiteral("withdrawals"), totals.withdrawals},
                       {QStringLiteral("deposits"), totals.deposits},
                       {QStringLiteral("purchases"), totals.purchases},
                       {QStringLiteral("cardTransactions"), totals.cardTransactions}};
}

CardTotals decodeTotals(FieldReader &reader, const QJsonObject &o)
{
    CardTotals totals;
    totals.withdrawals = reader.integer(o, "withdrawals").value_or(0);
    totals.deposits = reader.integer(o, "deposits").value_or(0);
    totals.purchases = reader.integer(o, "purchases").value_or(0);
    totals.cardTransactions = reader.integer(o, "cardTransactions").value_or(0);
    return totals;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Resources

QJsonObject JsonApiCodec::encode(const Address &address)
{
    QJsonObject o{{QStringLiteral("street"), address.street},
                  {QStringLiteral("city"), address.city},
                  {QStringLiteral("postalCode"), address.postalCode},
                  {QStringLiteral("country"), address.country}};
    putString(o, "street2", address.street2);
    // Unit asks for a state only in US addresses; an empty one abroad is left out.
    if (!address.state.isEmpty() || address.country == QLatin1String("US"))
        o.insert(QStringLiteral("state"), address.state);
    return o;
}

Result<Address> JsonApiCodec::decodeAddress(const QJsonObject &object)
{
    FieldReader reader(QStringLiteral("address"));
    Address address;
    address.street = reader.string(object, "street", true);
    address.street2 = reader.string(object, "street2");
    address.city = reader.string(object, "city", true);
    address.postalCode = reader.string(object, "postalCode", true);
    const QString country = reader.string(object, "country");
    if (!country.isEmpty())
        address.country = country;
    // Unit needs a state in US addresses only: addresses abroad (customers living outside the
    // US, international shipping) come without one.
    address.state = reader.string(object, "state", address.country == QLatin1String("US"));
    if (reader.failed())
        return reader.error();
    return address;
}

QJsonObject JsonApiCodec::encode(const Card &card)
{
    QJsonObject attributes;
    putDateTime(attributes, "createdAt", card.createdAt);
    putDateTime(attributes, "updatedAt", card.updatedAt);
    attributes.insert(QStringLiteral("last4Digits"), card.last4Digits);
    attributes.insert(QStringLiteral("expirationDate"), card.expirationDate);
    putString(attributes, "nextExpirationDate", card.nextExpirationDate);
    putString(attributes, "bin", card.bin);
    attributes.insert(QStringLiteral("status"),
                      card.status == CardStatus::Unknown && !card.statusName.isEmpty()
                          ? card.statusName
                          : cardStatusName(card.status));
    if (card.shippingAddress && !card.isVirtual())
        attributes.insert(QStringLiteral("shippingAddress"), encode(*card.shippingAddress));
    putString(attributes, "design", card.design);
    putTags(attributes, card.tags);
    putString(attributes, "freezeReason", card.freezeReason);

    QJsonObject relationships;
    if (!card.accountId.isEmpty())
        relationships.insert(QStringLiteral("account"),
                             relationshipObject(card.accountType, card.accountId));
    if (!card.customerId.isEmpty())
        relationships.insert(QStringLiteral("customer"),
                             relationshipObject(card.customerType, card.customerId));

    const QString type = card.type == CardType::Unknown && !card.typeName.isEmpty()
                             ? card.typeName
                             : cardTypeName(card.type);
    return QJsonObject{{QStringLiteral("type"), type},
                       {QStringLiteral("id"), card.id},
                       {QStringLiteral("attributes"), attributes},
                       {QStringLiteral("relationships"), relationships}};
}

Result<Card> JsonApiCodec::decodeCard(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("card"));
    const ResourceParts parts = readEnvelope(reader, resource, QLatin1String("Card"), true);
    const QJsonObject &a = parts.attributes;
    Card card;
    card.id = parts.id;
    card.typeName = parts.type;
    card.type = cardTypeFromName(parts.type);
    card.createdAt = reader.dateTime(a, "createdAt", true);
    card.updatedAt = reader.dateTime(a, "updatedAt");
    card.last4Digits = reader.string(a, "last4Digits", true);
    card.expirationDate = reader.string(a, "expirationDate", true);
    card.nextExpirationDate = reader.string(a, "nextExpirationDate");
    card.bin = reader.string(a, "bin");
    // Unit's spec requires a status for individual cards only; business cards may come without
    // one, which leaves the status Unknown (nothing is offered for it) instead of failing the card.
    card.statusName = reader.string(a, "status", !parts.type.startsWith(QLatin1String("business")));
    card.status = cardStatusFromName(card.statusName);
    card.design = reader.string(a, "design");
    card.freezeReason = reader.string(a, "freezeReason");
    card.tags = reader.tags(a);
    if (reader.has(a, "shippingAddress")) {
        Result<Address> address = decodeAddress(reader.object(a, "shippingAddress"));
        if (!address)
            return address.error();
        card.shippingAddress = address.value();
    }
    auto [accountType, accountId] = reader.relationship(parts.relationships, "account");
    if (!accountId.isEmpty()) {
        card.accountType = accountType;
        card.accountId = accountId;
    }
    auto [customerType, customerId] = reader.relationship(parts.relationships, "customer");
    if (!customerId.isEmpty()) {
        card.customerType = customerType;
        card.customerId = customerId;
    }
    if (reader.failed())
        return reader.error();
    return card;
}

QJsonObject JsonApiCodec::encode(const Account &account)
{
    QJsonObject a;
    putDateTime(a, "createdAt", account.createdAt);
    putDateTime(a, "updatedAt", account.updatedAt);
    a.insert(QStringLiteral("name"), account.name);
    putString(a, "depositProduct", account.depositProduct);
    putString(a, "routingNumber", account.routingNumber);
    putString(a, "accountNumber", account.accountNumber);
    putString(a, "maskedAccountNumber", account.serverMaskedAccountNumber);
    a.insert(QStringLiteral("currency"), account.currency);
    a.insert(QStringLiteral("balance"), account.balance);
    a.insert(QStringLiteral("hold"), account.hold);
    a.insert(QStringLiteral("available"), account.available);
    a.insert(QStringLiteral("status"),
             account.status == AccountStatus::Unknown && !account.statusName.isEmpty()
                 ? account.statusName
                 : accountStatusName(account.status));
    putString(a, "closeReason", account.closeReason);
    putString(a, "freezeReason", account.freezeReason);
    // Unit's account schemas require tags: {} when there are none.
    a.insert(QStringLiteral("tags"), tagsObject(account.tags));

    QJsonObject relationships;
    if (!account.customerId.isEmpty())
        relationships.insert(QStringLiteral("customer"),
                             relationshipObject(QStringLiteral("customer"), account.customerId));
    return QJsonObject{{QStringLiteral("type"), account.type},
                       {QStringLiteral("id"), account.id},
                       {QStringLiteral("attributes"), a},
                       {QStringLiteral("relationships"), relationships}};
}

Result<Account> JsonApiCodec::decodeAccount(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("account"));
    const ResourceParts parts = readEnvelope(reader, resource, QLatin1String("Account"), true);
    const QJsonObject &a = parts.attributes;
    Account account;
    account.id = parts.id;
    account.type = parts.type;
    account.createdAt = reader.dateTime(a, "createdAt", true);
    account.updatedAt = reader.dateTime(a, "updatedAt");
    account.name = reader.string(a, "name", true);
    account.depositProduct = reader.string(a, "depositProduct");
    account.routingNumber = reader.string(a, "routingNumber");
    account.accountNumber = reader.string(a, "accountNumber");
    account.serverMaskedAccountNumber = reader.string(a, "maskedAccountNumber");
    const QString currency = reader.string(a, "currency");
    if (!currency.isEmpty())
        account.currency = currency;
    account.balance = reader.integer(a, "balance").value_or(0);
    account.hold = reader.integer(a, "hold").value_or(0);
    account.available = reader.integer(a, "available").value_or(account.balance - account.hold);
    account.statusName = reader.string(a, "status", true);
    account.status = accountStatusFromName(account.statusName);
    account.closeReason = reader.string(a, "closeReason");
    account.freezeReason = reader.string(a, "freezeReason");
    account.tags = reader.tags(a);
    account.customerId = reader.relationship(parts.relationships, "customer").second;
    if (account.customerId.isEmpty()) {
        // Joint accounts name their customers in a to-many relationship.
        const QJsonArray customers =
            reader.object(parts.relationships, "customers").value(QLatin1String("data")).toArray();
        if (!customers.isEmpty())
            account.customerId = customers.first().toObject().value(QLatin1String("id")).toString();
    }
    if (reader.failed())
        return reader.error();
    return account;
}

QJsonObject JsonApiCodec::encode(const Customer &customer)
{
    QJsonObject a;
    putDateTime(a, "createdAt", customer.createdAt);
    // A business has a "name" and no fullName; an individual always has a fullName.
    if (!customer.isBusiness() || !customer.firstName.isEmpty() || !customer.lastName.isEmpty())
        a.insert(QStringLiteral("fullName"),
                 QJsonObject{{QStringLiteral("first"), customer.firstName},
                             {QStringLiteral("last"), customer.lastName}});
    putString(a, "name", customer.name);
    putString(a, "entityType", customer.entityType);
    putString(a, "stateOfIncorporation", customer.stateOfIncorporation);
    putString(a, "email", customer.email);
    putPhone(a, "phone", customer.phone);
    if (!customer.contact.isEmpty())
        a.insert(QStringLiteral("contact"), personObject(customer.contact));
    if (!customer.authorizedUsers.isEmpty()) {
        QJsonArray users;
        for (const Person &user : customer.authorizedUsers)
            users.append(personObject(user));
        a.insert(QStringLiteral("authorizedUsers"), users);
    }
    if (!customer.address.street.isEmpty())
        a.insert(QStringLiteral("address"), encode(customer.address));
    if (customer.dateOfBirth.isValid())
        a.insert(QStringLiteral("dateOfBirth"), customer.dateOfBirth.toString(Qt::ISODate));
    putString(a, "jwtSubject", customer.jwtSubject);
    putString(a, "status", customer.status);
    putTags(a, customer.tags);
    return QJsonObject{{QStringLiteral("type"), customer.type},
                       {QStringLiteral("id"), customer.id},
                       {QStringLiteral("attributes"), a}};
}

Result<Customer> JsonApiCodec::decodeCustomer(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("customer"));
    const ResourceParts parts = readEnvelope(reader, resource, QLatin1String("Customer"), true);
    const QJsonObject &a = parts.attributes;
    Customer customer;
    customer.id = parts.id;
    customer.type = parts.type;
    customer.createdAt = reader.dateTime(a, "createdAt");
    const QJsonObject fullName = reader.object(a, "fullName");
    customer.firstName = reader.string(fullName, "first");
    customer.lastName = reader.string(fullName, "last");
    customer.name = reader.string(a, "name");
    customer.entityType = reader.string(a, "entityType");
    customer.stateOfIncorporation = reader.string(a, "stateOfIncorporation");
    customer.email = reader.string(a, "email");
    customer.phone = reader.phone(a, "phone");
    customer.contact = reader.person(reader.object(a, "contact"));
    for (const QJsonValue &user : reader.array(a, "authorizedUsers")) {
        if (!user.isObject()) {
            reader.fail(QStringLiteral("an authorized user is not an object"));
            break;
        }
        customer.authorizedUsers.append(reader.person(user.toObject()));
    }
    if (reader.has(a, "address")) {
        Result<Address> address = decodeAddress(reader.object(a, "address"));
        if (!address)
            return address.error();
        customer.address = address.value();
    }
    const QString dateOfBirth = reader.string(a, "dateOfBirth");
    if (!dateOfBirth.isEmpty()) {
        customer.dateOfBirth = QDate::fromString(dateOfBirth, Qt::ISODate);
        if (!customer.dateOfBirth.isValid())
            reader.fail(QStringLiteral("\"dateOfBirth\" is not a date"));
    }
    customer.jwtSubject = reader.string(a, "jwtSubject");
    const QString status = reader.string(a, "status");
    if (!status.isEmpty())
        customer.status = status;
    customer.tags = reader.tags(a);
    if (reader.failed())
        return reader.error();
    return customer;
}

QJsonObject JsonApiCodec::encode(const CustomerTokenVerification &verification)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("customerTokenVerification")},
        {QStringLiteral("attributes"),
         QJsonObject{{QStringLiteral("verificationToken"), verification.verificationToken}}}};
}

Result<CustomerTokenVerification> JsonApiCodec::decodeTokenVerification(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("customerTokenVerification"));
    // The spec lists "id" as required but Unit never sends one (spec defect), so no id here.
    const ResourceParts parts =
        readEnvelope(reader, resource, QLatin1String("customerTokenVerification"), false);
    CustomerTokenVerification verification;
    verification.verificationToken = reader.string(parts.attributes, "verificationToken", true);
    if (reader.failed())
        return reader.error();
    if (verification.verificationToken.isEmpty())
        return ApiError::decode(QStringLiteral("customerTokenVerification: empty token"));
    return verification;
}

QJsonObject JsonApiCodec::encode(const CustomerToken &token)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("customerBearerToken")},
                       {QStringLiteral("attributes"),
                        QJsonObject{{QStringLiteral("token"), token.token},
                                    {QStringLiteral("expiresIn"), token.expiresIn}}}};
}

Result<CustomerToken> JsonApiCodec::decodeCustomerToken(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("customerBearerToken"));
    const ResourceParts parts =
        readEnvelope(reader, resource, QLatin1String("customerBearerToken"), false);
    CustomerToken token;
    token.token = reader.string(parts.attributes, "token", true);
    const std::optional<qint64> expiresIn = reader.integer(parts.attributes, "expiresIn", true);
    token.customerId = reader.string(parts.attributes, "customerId");
    token.scopes =
        reader.string(parts.attributes, "scope").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (reader.failed())
        return reader.error();
    if (token.token.isEmpty() || *expiresIn <= 0 || *expiresIn > 86400)
        return ApiError::decode(QStringLiteral("customerBearerToken: invalid token or expiresIn"));
    token.expiresIn = int(*expiresIn);
    return token;
}

QJsonObject JsonApiCodec::encode(const CardLimits &limits)
{
    // Unit's limits document has a type and attributes only: no id (additionalProperties false).
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("limits")},
        {QStringLiteral("attributes"),
         QJsonObject{{QStringLiteral("limits"), encodeLevelLimits(limits.limits)},
                     {QStringLiteral("dailyTotals"), encodeTotals(limits.dailyTotals)},
                     {QStringLiteral("monthlyTotals"), encodeTotals(limits.monthlyTotals)}}}};
}

Result<CardLimits> JsonApiCodec::decodeCardLimits(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("limits"));
    const ResourceParts parts = readEnvelope(reader, resource, QLatin1String("limits"), false);
    CardLimits limits;
    limits.limits = decodeLevelLimits(reader, reader.object(parts.attributes, "limits"));
    limits.dailyTotals = decodeTotals(reader, reader.object(parts.attributes, "dailyTotals"));
    limits.monthlyTotals = decodeTotals(reader, reader.object(parts.attributes, "monthlyTotals"));
    if (reader.failed())
        return reader.error();
    return limits;
}

// ---------------------------------------------------------------------------------------------
// Documents

Result<QJsonObject> JsonApiCodec::parseDocument(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return ApiError::decode(QStringLiteral("the reply is empty"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError::decode(QStringLiteral("malformed JSON at offset %1: %2")
                                    .arg(parseError.offset)
                                    .arg(parseError.errorString()));
    if (!document.isObject())
        return ApiError::decode(QStringLiteral("the reply is not a JSON object"));
    return document.object();
}

// Cards take the fast path where it reads the bytes exactly as the QJsonDocument decoder does
// (FastCardDecoder); everything else, errors included, goes the QJsonDocument way.
Result<Card> JsonApiCodec::cardFromDocument(const QByteArray &body)
{
    if (std::optional<Card> card = FastCardDecoder::single(body))
        return std::move(*card);
    return singleFromDocument<Card>(body, &JsonApiCodec::decodeCard);
}

Result<CardPage> JsonApiCodec::cardPageFromDocument(const QByteArray &body)
{
    if (std::optional<CardPage> page = FastCardDecoder::page(body))
        return std::move(*page);
    return pageFromDocument<Card>(body, &JsonApiCodec::decodeCard);
}

void JsonApiCodec::forgetKeptDocuments()
{
    FastCardDecoder::forgetKeptDocuments();
}

Result<Account> JsonApiCodec::accountFromDocument(const QByteArray &body)
{
    return singleFromDocument<Account>(body, &JsonApiCodec::decodeAccount);
}

Result<AccountPage> JsonApiCodec::accountPageFromDocument(const QByteArray &body)
{
    return pageFromDocument<Account>(body, &JsonApiCodec::decodeAccount);
}

Result<Customer> JsonApiCodec::customerFromDocument(const QByteArray &body)
{
    return singleFromDocument<Customer>(body, &JsonApiCodec::decodeCustomer);
}

Result<CustomerPage> JsonApiCodec::customerPageFromDocument(const QByteArray &body)
{
    return pageFromDocument<Customer>(body, &JsonApiCodec::decodeCustomer);
}

Result<CustomerTokenVerification>
JsonApiCodec::tokenVerificationFromDocument(const QByteArray &body)
{
    return singleFromDocument<CustomerTokenVerification>(body,
                                                         &JsonApiCodec::decodeTokenVerification);
}

Result<CustomerToken> JsonApiCodec::customerTokenFromDocument(const QByteArray &body)
{
    return singleFromDocument<CustomerToken>(body, &JsonApiCodec::decodeCustomerToken);
}

Result<CardLimits> JsonApiCodec::cardLimitsFromDocument(const QByteArray &body)
{
    return singleFromDocument<CardLimits>(body, &JsonApiCodec::decodeCardLimits);
}

QByteArray JsonApiCodec::singleDocument(const QJsonObject &resource, const QJsonArray &included)
{
    QJsonObject document{{QStringLiteral("data"), resource}};
    if (!included.isEmpty())
        document.insert(QStringLiteral("included"), included);
    return documentBytes(document);
}

QByteArray JsonApiCodec::listDocument(const QJsonArray &resources, const Pagination &pagination,
                                      const QJsonArray &included)
{
    QJsonObject document{
        {QStringLiteral("data"), resources},
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("pagination"),
                      QJsonObject{{QStringLiteral("total"), pagination.total},
                                  {QStringLiteral("limit"), pagination.limit},
                                  {QStringLiteral("offset"), pagination.offset}}}}}};
    if (!included.isEmpty())
        document.insert(QStringLiteral("included"), included);
    return documentBytes(document);
}

// ---------------------------------------------------------------------------------------------
// Requests

QByteArray JsonApiCodec::encode(const CreateTokenVerificationRequest &request)
{
    QJsonObject a{
        {QStringLiteral("channel"), request.channel == CreateTokenVerificationRequest::Channel::Call
                                        ? QStringLiteral("call")
                                        : QStringLiteral("sms")}};
    if (request.phone)
        putPhone(a, "phone", *request.phone);
    putString(a, "appHash", request.appHash);
    putString(a, "language", request.language);
    return documentBytes(QJsonObject{
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("customerTokenVerification")},
                     {QStringLiteral("attributes"), a}}}});
}

QByteArray JsonApiCodec::encode(const CreateTokenRequest &request)
{
    QJsonObject a{{QStringLiteral("scope"), request.scopes.join(QLatin1Char(' '))}};
    putString(a, "verificationToken", request.verificationToken);
    putString(a, "verificationCode", request.verificationCode);
    putString(a, "jwtToken", request.jwtToken);
    if (request.expiresIn)
        a.insert(QStringLiteral("expiresIn"), *request.expiresIn);
    if (!request.upgradableScopes.isEmpty())
        a.insert(QStringLiteral("upgradableScope"),
                 request.upgradableScopes.join(QLatin1Char(' ')));
    if (!request.resources.isEmpty()) {
        // Unit's shape: one entry per type, each with its ids.
        QJsonArray resources;
        for (TokenResource::Type type : {TokenResource::Type::Card, TokenResource::Type::Account}) {
            QJsonArray ids;
            QString typeName;
            for (const TokenResource &resource : request.resources) {
                if (resource.type == type) {
                    ids.append(resource.id);
                    typeName = resource.typeName();
                }
            }
            if (!ids.isEmpty())
                resources.append(
                    QJsonObject{{QStringLiteral("type"), typeName}, {QStringLiteral("ids"), ids}});
        }
        a.insert(QStringLiteral("resources"), resources);
    }
    return documentBytes(
        QJsonObject{{QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("customerToken")},
                                 {QStringLiteral("attributes"), a}}}});
}

QByteArray JsonApiCodec::encode(const CreateCardRequest &request)
{
    QJsonObject a;
    if (request.shippingAddress && !isVirtualCardType(request.type))
        a.insert(QStringLiteral("shippingAddress"), encode(*request.shippingAddress));
    if (!isVirtualCardType(request.type))
        putString(a, "design", request.design);
    putString(a, "idempotencyKey", request.idempotencyKey);
    putTags(a, request.tags);
    if (!request.limits.isEmpty())
        a.insert(QStringLiteral("limits"), encodeLevelLimits(request.limits));

    QJsonObject relationships{
        {QStringLiteral("account"), relationshipObject(request.accountType, request.accountId)}};
    if (!request.customerId.isEmpty())
        relationships.insert(QStringLiteral("customer"),
                             relationshipObject(QStringLiteral("customer"), request.customerId));
    return documentBytes(QJsonObject{
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), cardTypeName(request.type)},
                                             {QStringLiteral("attributes"), a},
                                             {QStringLiteral("relationships"), relationships}}}});
}

QByteArray JsonApiCodec::encodeReplaceCard(const std::optional<Address> &shippingAddress)
{
    QJsonObject a;
    if (shippingAddress)
        a.insert(QStringLiteral("shippingAddress"), encode(*shippingAddress));
    return documentBytes(
        QJsonObject{{QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("replaceCard")},
                                 {QStringLiteral("attributes"), a}}}});
}

QByteArray JsonApiCodec::encodeCardTagsUpdate(const QString &cardTypeName, const Tags &tags)
{
    QJsonObject a;
    putTags(a, tags);
    return documentBytes(
        QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), cardTypeName},
                                                         {QStringLiteral("attributes"), a}}}});
}

// ---------------------------------------------------------------------------------------------
// Errors

QByteArray JsonApiCodec::encodeErrors(const QList<ApiError> &errors)
{
    QJsonArray array;
    for (const ApiError &error : errors) {
        QList<ApiError::Entry> entries = error.allEntries();
        if (entries.isEmpty()) // a bare status still gets one entry saying so
            entries.append(ApiError::Entry{});
        for (const ApiError::Entry &entry : std::as_const(entries)) {
            QJsonObject o{{QStringLiteral("status"), QString::number(error.httpStatus)},
                          {QStringLiteral("title"), entry.title}};
            putString(o, "detail", entry.detail);
            putString(o, "code", entry.code);
            if (!entry.sourcePointer.isEmpty())
                o.insert(QStringLiteral("source"),
                         QJsonObject{{QStringLiteral("pointer"), entry.sourcePointer}});
            if (!entry.supportId.isEmpty())
                o.insert(QStringLiteral("meta"),
                         QJsonObject{{QStringLiteral("supportId"), entry.supportId}});
            array.append(o);
        }
    }
    return documentBytes(QJsonObject{{QStringLiteral("errors"), array}});
}

QByteArray JsonApiCodec::encode(const StartSignInRequest &request)
{
    QJsonObject a{
        {QStringLiteral("channel"), request.channel == CreateTokenVerificationRequest::Channel::Call
                                        ? QStringLiteral("call")
                                        : QStringLiteral("sms")}};
    if (request.identifier.isPhone())
        putPhone(a, "phone", request.identifier.phoneNumber());
    else
        putString(a, "email", request.identifier.emailAddress());
    putString(a, "language", request.language);
    return documentBytes(QJsonObject{
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("signIn")},
                                             {QStringLiteral("attributes"), a}}}});
}

QByteArray JsonApiCodec::encodeSignInCode(const QString &code)
{
    return documentBytes(QJsonObject{
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("signInCode")},
                                             {QStringLiteral("attributes"),
                                              QJsonObject{{QStringLiteral("code"), code}}}}}});
}

QByteArray JsonApiCodec::encodeJwtSignIn(const QString &jwt)
{
    return documentBytes(QJsonObject{
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jwtSignIn")},
                                             {QStringLiteral("attributes"),
                                              QJsonObject{{QStringLiteral("jwtToken"), jwt}}}}}});
}

Result<SignInStarted> JsonApiCodec::decodeSignInStarted(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("signIn"));
    const ResourceParts parts = readEnvelope(reader, resource, QLatin1String("signIn"), true);
    SignInStarted started;
    started.id = parts.id;
    const QString channel = reader.string(parts.attributes, "channel");
    const std::optional<qint64> expiresIn = reader.integer(parts.attributes, "expiresIn");
    if (reader.failed())
        return reader.error();
    // The id goes into the next request's path: only what the broker makes (hex) is taken.
    static const QRegularExpression hexId(QStringLiteral("^[0-9a-f]{16,64}$"));
    if (!hexId.match(started.id).hasMatch())
        return ApiError::decode(QStringLiteral("signIn: unexpected id"));
    started.channel = channel == QLatin1String("call")
                          ? CreateTokenVerificationRequest::Channel::Call
                          : CreateTokenVerificationRequest::Channel::Sms;
    started.expiresIn = int(std::clamp<qint64>(expiresIn.value_or(0), 0, 86400));
    return started;
}

Result<SignInStarted> JsonApiCodec::signInStartedFromDocument(const QByteArray &body)
{
    return singleFromDocument<SignInStarted>(body, &JsonApiCodec::decodeSignInStarted);
}

ApiError JsonApiCodec::decodeError(int httpStatus, const QByteArray &body)
{
    ApiError error = ApiError::http(httpStatus, QString());
    const Result<QJsonObject> document = parseDocument(body);
    if (!document)
        return error;
    const QJsonArray errors = document->value(QLatin1String("errors")).toArray();
    if (errors.isEmpty() || !errors.first().isObject())
        return error;
    // Every entry is kept (a 400 names each offending field); the fields callers have always
    // read describe the first, as Unit's SDKs do.
    auto text = [](const QJsonValue &v) { return v.isString() ? v.toString() : QString(); };
    for (const QJsonValue &value : errors) {
        if (!value.isObject())
            continue;
        const QJsonObject o = value.toObject();
        ApiError::Entry entry;
        entry.title = text(o.value(QLatin1String("title")));
        entry.detail = text(o.value(QLatin1String("detail")));
        if (entry.detail.isEmpty()) // older documents and SDKs say "details"
            entry.detail = text(o.value(QLatin1String("details")));
        entry.code = text(o.value(QLatin1String("code")));
        entry.sourcePointer =
            text(o.value(QLatin1String("source")).toObject().value(QLatin1String("pointer")));
        entry.supportId =
            text(o.value(QLatin1String("meta")).toObject().value(QLatin1String("supportId")));
        if (entry != ApiError::Entry{}) // an entry that says nothing is no entry
            error.entries.append(entry);
        const QJsonValue attemptsLeft =
            o.value(QLatin1String("meta")).toObject().value(QLatin1String("attemptsLeft"));
        if (!error.attemptsLeft && attemptsLeft.isDouble() && attemptsLeft.toInt(-1) >= 0)
            error.attemptsLeft = attemptsLeft.toInt();
    }
    if (error.entries.isEmpty())
        return error;
    const ApiError::Entry &first = error.entries.first();
    error.title = first.title;
    error.detail = first.detail;
    error.code = first.code;
    error.sourcePointer = first.sourcePointer;
    error.supportId = first.supportId;
    return error;
}

} // namespace tessera
