#include "ActivityCodec.h"

#include "JsonApiDocuments.h"
#include "JsonApiFieldReader.h"

namespace tessera {

using namespace jsonapi;

namespace {

bool isCardKind(TransactionKind kind)
{
    return kind == TransactionKind::Purchase || kind == TransactionKind::Atm ||
           kind == TransactionKind::Card || kind == TransactionKind::CardReversal;
}

// Unit's Merchant (types.json): name, type and category are required, location and id not.
QJsonObject merchantObject(const Merchant &merchant)
{
    QJsonObject o{{QStringLiteral("name"), merchant.name},
                  {QStringLiteral("type"), merchant.type},
                  {QStringLiteral("category"), merchant.category}};
    putString(o, "location", merchant.location);
    putString(o, "id", merchant.id);
    return o;
}

Merchant readMerchant(FieldReader &reader, const QJsonObject &o)
{
    Merchant merchant;
    merchant.name = reader.string(o, "name");
    // Unit's examples also write the MCC as a string ("6012"); either is the same code.
    const QJsonValue type = o.value(QLatin1String("type"));
    if (type.isString()) {
        bool isNumber = false;
        merchant.type = type.toString().toInt(&isNumber);
        if (!isNumber)
            reader.fail(QStringLiteral("merchant \"type\" is not a number"));
    } else {
        merchant.type = int(reader.integer(o, "type").value_or(0));
    }
    merchant.category = reader.string(o, "category");
    merchant.location = reader.string(o, "location");
    merchant.id = reader.string(o, "id");
    return merchant;
}

bool readBoolean(FieldReader &reader, const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isBool())
        return v.toBool();
    if (!v.isUndefined() && !v.isNull())
        reader.fail(QStringLiteral("\"%1\" is not a boolean").arg(QLatin1String(key)));
    return false;
}

// Unit's PaymentCounterparty, as far as Tessera keeps it (the name and routing number).
QJsonObject counterpartyObject(const Transaction &t)
{
    QJsonObject o{{QStringLiteral("name"), t.counterpartyName}};
    putString(o, "routingNumber", t.counterpartyRoutingNumber);
    return o;
}

void putRelationship(QJsonObject &relationships, const char *name, const QString &type,
                     const QString &id)
{
    if (!id.isEmpty())
        relationships.insert(QLatin1String(name), relationshipObject(type, id));
}

QString relationshipId(FieldReader &reader, const QJsonObject &relationships, const char *name)
{
    return reader.relationship(relationships, name).second;
}

QByteArray simulationDocument(const QString &type, const QJsonObject &attributes,
                              QJsonObject relationships)
{
    return documentBytes(QJsonObject{
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), type},
                                             {QStringLiteral("attributes"), attributes},
                                             {QStringLiteral("relationships"), relationships}}}});
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Transactions

QJsonObject ActivityCodec::encode(const Transaction &t)
{
    QJsonObject a;
    putDateTime(a, "createdAt", t.createdAt);
    a.insert(QStringLiteral("direction"), directionName(t.direction));
    a.insert(QStringLiteral("amount"), t.amount);
    if (t.balance)
        a.insert(QStringLiteral("balance"), *t.balance);
    a.insert(QStringLiteral("summary"), t.summary);
    putTags(a, t.tags);

    if (isCardKind(t.kind))
        a.insert(QStringLiteral("cardLast4Digits"), t.cardLast4Digits);
    switch (t.kind) {
    case TransactionKind::Purchase:
        a.insert(QStringLiteral("merchant"), merchantObject(t.merchant.value_or(Merchant{})));
        a.insert(QStringLiteral("recurring"), t.recurring);
        a.insert(QStringLiteral("ecommerce"), t.ecommerce);
        a.insert(QStringLiteral("cardPresent"), t.cardPresent);
        break;
    case TransactionKind::Card:
        a.insert(QStringLiteral("merchant"), merchantObject(t.merchant.value_or(Merchant{})));
        a.insert(QStringLiteral("recurring"), t.recurring);
        break;
    case TransactionKind::Atm:
        a.insert(QStringLiteral("atmName"), t.atmName);
        putString(a, "atmLocation", t.atmLocation);
        a.insert(QStringLiteral("surcharge"), t.surcharge);
        break;
    case TransactionKind::ReceivedAch:
        a.insert(QStringLiteral("description"), t.description);
        a.insert(QStringLiteral("companyName"), t.counterpartyName);
        a.insert(QStringLiteral("counterpartyRoutingNumber"), t.counterpartyRoutingNumber);
        break;
    case TransactionKind::OriginatedAch:
        a.insert(QStringLiteral("description"), t.description);
        a.insert(QStringLiteral("counterparty"), counterpartyObject(t));
        break;
    case TransactionKind::Book:
        a.insert(QStringLiteral("counterparty"), counterpartyObject(t));
        break;
    case TransactionKind::CardReversal:
    case TransactionKind::Fee:
    case TransactionKind::FeeReversal:
    case TransactionKind::Interest:
    case TransactionKind::Other:
        break;
    }

    QJsonObject relationships;
    putRelationship(relationships, "account", QStringLiteral("account"), t.accountId);
    putRelationship(relationships, "customer", QStringLiteral("customer"), t.customerId);
    if (isCardKind(t.kind))
        putRelationship(relationships, "card", QStringLiteral("card"), t.cardId);
    putRelationship(relationships, "authorization", QStringLiteral("authorization"),
                    t.authorizationId);

    const QString type =
        t.kind == TransactionKind::Other ? t.typeName : transactionTypeName(t.kind);
    return QJsonObject{{QStringLiteral("type"), type},
                       {QStringLiteral("id"), t.id},
                       {QStringLiteral("attributes"), a},
                       {QStringLiteral("relationships"), relationships}};
}

Result<Transaction> ActivityCodec::decodeTransaction(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("transaction"));
    const ResourceParts parts = readEnvelope(reader, resource, QLatin1String("Transaction"), true);
    const QJsonObject &a = parts.attributes;
    Transaction t;
    t.id = parts.id;
    t.typeName = parts.type;
    t.kind = transactionKindFromTypeName(parts.type);
    t.createdAt = reader.dateTime(a, "createdAt", true);
    const QString direction = reader.string(a, "direction", true);
    const std::optional<qint64> amount = reader.integer(a, "amount", true);
    t.balance = reader.integer(a, "balance", true);
    t.summary = reader.string(a, "summary", true);
    t.tags = reader.tags(a);
    if (reader.failed())
        return reader.error();
    const std::optional<Direction> parsedDirection = directionFromName(direction);
    if (!parsedDirection)
        return ApiError::decode(QStringLiteral("transaction: unknown direction"));
    if (*amount < 0)
        return ApiError::decode(QStringLiteral("transaction: negative amount"));
    t.direction = *parsedDirection;
    t.amount = *amount;

    // Per kind, read what is there: Unit adds and relaxes attributes over time, and a record
    // missing one still shows with the common attributes.
    t.cardLast4Digits = reader.string(a, "cardLast4Digits");
    if (reader.has(a, "merchant"))
        t.merchant = readMerchant(reader, reader.object(a, "merchant"));
    t.recurring = readBoolean(reader, a, "recurring");
    t.ecommerce = readBoolean(reader, a, "ecommerce");
    t.cardPresent = readBoolean(reader, a, "cardPresent");
    t.atmName = reader.string(a, "atmName");
    t.atmLocation = reader.string(a, "atmLocation");
    t.surcharge = reader.integer(a, "surcharge").value_or(0);
    t.description = reader.string(a, "description");
    if (t.kind == TransactionKind::ReceivedAch) {
        t.counterpartyName = reader.string(a, "companyName");
        t.counterpartyRoutingNumber = reader.string(a, "counterpartyRoutingNumber");
    } else if (reader.has(a, "counterparty")) {
        const QJsonObject counterparty = reader.object(a, "counterparty");
        t.counterpartyName = reader.string(counterparty, "name");
        t.counterpartyRoutingNumber = reader.string(counterparty, "routingNumber");
    }

    t.accountId = relationshipId(reader, parts.relationships, "account");
    t.customerId = relationshipId(reader, parts.relationships, "customer");
    t.cardId = relationshipId(reader, parts.relationships, "card");
    t.authorizationId = relationshipId(reader, parts.relationships, "authorization");
    if (reader.failed())
        return reader.error();
    return t;
}

// ---------------------------------------------------------------------------------------------
// Authorizations

QJsonObject ActivityCodec::encode(const Authorization &auth)
{
    QJsonObject a;
    putDateTime(a, "createdAt", auth.createdAt);
    a.insert(QStringLiteral("amount"), auth.amount);
    a.insert(QStringLiteral("cardLast4Digits"), auth.cardLast4Digits);
    a.insert(QStringLiteral("merchant"), merchantObject(auth.merchant));
    a.insert(QStringLiteral("recurring"), auth.recurring);
    a.insert(QStringLiteral("status"), auth.status == AuthorizationStatus::Unknown
                                           ? auth.statusName
                                           : authorizationStatusName(auth.status));
    putString(a, "declineReason", auth.declineReason);
    putString(a, "summary", auth.summary);
    putString(a, "paymentMethod", auth.paymentMethod);
    putString(a, "digitalWallet", auth.digitalWallet);
    putString(a, "cardNetwork", auth.cardNetwork);
    putTags(a, auth.tags);

    QJsonObject relationships;
    putRelationship(relationships, "account", QStringLiteral("account"), auth.accountId);
    putRelationship(relationships, "customer", QStringLiteral("customer"), auth.customerId);
    putRelationship(relationships, "card", QStringLiteral("card"), auth.cardId);
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("authorization")},
                       {QStringLiteral("id"), auth.id},
                       {QStringLiteral("attributes"), a},
                       {QStringLiteral("relationships"), relationships}};
}

Result<Authorization> ActivityCodec::decodeAuthorization(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("authorization"));
    const ResourceParts parts =
        readEnvelope(reader, resource, QLatin1String("authorization"), true);
    const QJsonObject &a = parts.attributes;
    Authorization auth;
    auth.id = parts.id;
    auth.createdAt = reader.dateTime(a, "createdAt", true);
    const std::optional<qint64> amount = reader.integer(a, "amount", true);
    // Unit's own example of a simulated authorization comes without a status: left Unknown.
    auth.statusName = reader.string(a, "status");
    auth.status = authorizationStatusFromName(auth.statusName);
    auth.cardLast4Digits = reader.string(a, "cardLast4Digits");
    auth.merchant = readMerchant(reader, reader.object(a, "merchant"));
    auth.recurring = readBoolean(reader, a, "recurring");
    auth.declineReason = reader.string(a, "declineReason");
    auth.summary = reader.string(a, "summary");
    auth.paymentMethod = reader.string(a, "paymentMethod");
    auth.digitalWallet = reader.string(a, "digitalWallet");
    auth.cardNetwork = reader.string(a, "cardNetwork");
    auth.tags = reader.tags(a);
    auth.accountId = relationshipId(reader, parts.relationships, "account");
    auth.customerId = relationshipId(reader, parts.relationships, "customer");
    auth.cardId = relationshipId(reader, parts.relationships, "card");
    if (reader.failed())
        return reader.error();
    if (*amount < 0)
        return ApiError::decode(QStringLiteral("authorization: negative amount"));
    auth.amount = *amount;
    return auth;
}

// ---------------------------------------------------------------------------------------------
// Statements

QJsonObject ActivityCodec::encode(const Statement &s)
{
    QJsonObject relationships;
    putRelationship(relationships, "account", QStringLiteral("account"), s.accountId);
    putRelationship(relationships, "customer", QStringLiteral("customer"), s.customerId);
    return QJsonObject{
        {QStringLiteral("type"),
         s.typeName.isEmpty() ? QStringLiteral("accountStatementDTO") : s.typeName},
        {QStringLiteral("id"), s.id},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("period"), s.period}}},
        {QStringLiteral("relationships"), relationships}};
}

Result<Statement> ActivityCodec::decodeStatement(const QJsonObject &resource)
{
    FieldReader reader(QStringLiteral("statement"));
    // Unit's two names for it: "statement" and "accountStatementDTO".
    const ResourceParts parts = readEnvelope(reader, resource, QLatin1String(""), true);
    if (!reader.failed() && !parts.type.contains(QLatin1String("tatement")))
        reader.fail(QStringLiteral("unexpected resource type \"%1\"").arg(parts.type));
    Statement s;
    s.id = parts.id;
    s.typeName = parts.type;
    s.period = reader.string(parts.attributes, "period", true);
    s.accountId = relationshipId(reader, parts.relationships, "account");
    s.customerId = relationshipId(reader, parts.relationships, "customer");
    if (reader.failed())
        return reader.error();
    if (!s.periodStart().isValid())
        return ApiError::decode(QStringLiteral("statement: \"period\" is not a month"));
    return s;
}

// ---------------------------------------------------------------------------------------------
// Documents

Result<TransactionPage> ActivityCodec::transactionPageFromDocument(const QByteArray &body)
{
    return pageFromDocument<Transaction>(body, &ActivityCodec::decodeTransaction);
}

Result<Transaction> ActivityCodec::transactionFromDocument(const QByteArray &body)
{
    return singleFromDocument<Transaction>(body, &ActivityCodec::decodeTransaction);
}

Result<AuthorizationPage> ActivityCodec::authorizationPageFromDocument(const QByteArray &body)
{
    return pageFromDocument<Authorization>(body, &ActivityCodec::decodeAuthorization);
}

Result<Authorization> ActivityCodec::authorizationFromDocument(const QByteArray &body)
{
    return singleFromDocument<Authorization>(body, &ActivityCodec::decodeAuthorization);
}

Result<StatementPage> ActivityCodec::statementPageFromDocument(const QByteArray &body)
{
    return pageFromDocument<Statement>(body, &ActivityCodec::decodeStatement);
}

// ---------------------------------------------------------------------------------------------
// Simulation requests

QByteArray ActivityCodec::encode(const SimulatedAuthorizationRequest &r)
{
    QJsonObject a{{QStringLiteral("amount"), r.amount},
                  {QStringLiteral("cardLast4Digits"), r.cardLast4Digits},
                  {QStringLiteral("merchantName"), r.merchantName},
                  {QStringLiteral("merchantType"), r.merchantType},
                  {QStringLiteral("recurring"), r.recurring}};
    putString(a, "merchantLocation", r.merchantLocation);
    putString(a, "merchantId", r.merchantId);
    putString(a, "status", r.status);
    return simulationDocument(
        QStringLiteral("authorization"), a,
        QJsonObject{{QStringLiteral("account"),
                     relationshipObject(QStringLiteral("depositAccount"), r.accountId)}});
}

QByteArray ActivityCodec::encode(const SimulatedPurchaseRequest &r)
{
    QJsonObject a{{QStringLiteral("amount"), r.amount},
                  {QStringLiteral("direction"), directionName(r.direction)},
                  {QStringLiteral("merchantName"), r.merchantName},
                  {QStringLiteral("merchantType"), r.merchantType},
                  {QStringLiteral("last4Digits"), r.last4Digits},
                  {QStringLiteral("recurring"), r.recurring}};
    putString(a, "merchantLocation", r.merchantLocation);
    QJsonObject relationships{{QStringLiteral("account"),
                               relationshipObject(QStringLiteral("depositAccount"), r.accountId)}};
    putRelationship(relationships, "authorization", QStringLiteral("authorization"),
                    r.authorizationId);
    return simulationDocument(QStringLiteral("purchaseTransaction"), a, relationships);
}

} // namespace tessera
