#include "ActivityDocumentWriter.h"

#include "JsonApiWriter.h"

namespace tessera::sandbox {

namespace {

// A record's usual size, so a page's bytes are allocated about once.
constexpr qsizetype BytesPerRecord = 700;

bool isCardKind(TransactionKind kind)
{
    return kind == TransactionKind::Purchase || kind == TransactionKind::Atm ||
           kind == TransactionKind::Card || kind == TransactionKind::CardReversal;
}

void optionalRelationship(JsonWriter &writer, QLatin1StringView name, const QString &id)
{
    // Each relationship's type is its name here (account, authorization, card, customer).
    if (!id.isEmpty())
        JsonApiWriter::relationship(writer, name, name, id);
}

} // namespace

QByteArray ActivityDocumentWriter::transactionList(const QList<Transaction> &transactions,
                                                   const Pagination &pagination,
                                                   const QJsonArray &included)
{
    return JsonApiWriter::listDocument(
        BytesPerRecord * (transactions.size() + 1),
        [&transactions](JsonWriter &writer) {
            for (const Transaction &transaction : transactions)
                writeTransaction(writer, transaction);
        },
        pagination, included);
}

QByteArray
ActivityDocumentWriter::authorizationList(const QList<const Authorization *> &authorizations,
                                          const Pagination &pagination)
{
    return JsonApiWriter::listDocument(BytesPerRecord * (authorizations.size() + 1),
                                       [&authorizations](JsonWriter &writer) {
                                           for (const Authorization *authorization : authorizations)
                                               writeAuthorization(writer, *authorization);
                                       },
                                       pagination, {});
}

// ActivityCodec::encode(const Transaction &)'s attributes, per kind, in sorted key order.
void ActivityDocumentWriter::writeTransaction(JsonWriter &writer, const Transaction &t)
{
    const TransactionKind kind = t.kind;
    const bool purchase = kind == TransactionKind::Purchase;
    const bool atm = kind == TransactionKind::Atm;
    const bool receivedAch = kind == TransactionKind::ReceivedAch;
    const bool originatedAch = kind == TransactionKind::OriginatedAch;
    const bool withMerchant = purchase || kind == TransactionKind::Card;

    writer.beginObject();
    writer.key(QLatin1StringView("attributes"));
    writer.beginObject();
    writer.key(QLatin1StringView("amount"));
    writer.integer(t.amount);
    if (atm) {
        JsonApiWriter::optionalString(writer, QLatin1StringView("atmLocation"), t.atmLocation);
        writer.key(QLatin1StringView("atmName"));
        writer.string(t.atmName);
    }
    if (t.balance) {
        writer.key(QLatin1StringView("balance"));
        writer.integer(*t.balance);
    }
    if (isCardKind(kind)) {
        writer.key(QLatin1StringView("cardLast4Digits"));
        writer.string(t.cardLast4Digits);
    }
    if (purchase) {
        writer.key(QLatin1StringView("cardPresent"));
        writer.boolean(t.cardPresent);
    }
    if (receivedAch) {
        writer.key(QLatin1StringView("companyName"));
        writer.string(t.counterpartyName);
    }
    if (originatedAch || kind == TransactionKind::Book) {
        writer.key(QLatin1StringView("counterparty"));
        writer.beginObject();
        writer.key(QLatin1StringView("name"));
        writer.string(t.counterpartyName);
        JsonApiWriter::optionalString(writer, QLatin1StringView("routingNumber"),
                                      t.counterpartyRoutingNumber);
        writer.endObject();
    }
    if (receivedAch) {
        writer.key(QLatin1StringView("counterpartyRoutingNumber"));
        writer.string(t.counterpartyRoutingNumber);
    }
    JsonApiWriter::optionalDateTime(writer, QLatin1StringView("createdAt"), t.createdAt);
    if (receivedAch || originatedAch) {
        writer.key(QLatin1StringView("description"));
        writer.string(t.description);
    }
    writer.key(QLatin1StringView("direction"));
    writer.string(directionName(t.direction));
    if (purchase) {
        writer.key(QLatin1StringView("ecommerce"));
        writer.boolean(t.ecommerce);
    }
    if (withMerchant) {
        writer.key(QLatin1StringView("merchant"));
        writeMerchant(writer, t.merchant.value_or(Merchant{}));
        writer.key(QLatin1StringView("recurring"));
        writer.boolean(t.recurring);
    }
    writer.key(QLatin1StringView("summary"));
    writer.string(t.summary);
    if (atm) {
        writer.key(QLatin1StringView("surcharge"));
        writer.integer(t.surcharge);
    }
    JsonApiWriter::optionalTags(writer, t.tags);
    writer.endObject();

    writer.key(QLatin1StringView("id"));
    writer.string(t.id);

    writer.key(QLatin1StringView("relationships"));
    writer.beginObject();
    optionalRelationship(writer, QLatin1StringView("account"), t.accountId);
    optionalRelationship(writer, QLatin1StringView("authorization"), t.authorizationId);
    if (isCardKind(kind))
        optionalRelationship(writer, QLatin1StringView("card"), t.cardId);
    optionalRelationship(writer, QLatin1StringView("customer"), t.customerId);
    writer.endObject();

    writer.key(QLatin1StringView("type"));
    writer.string(kind == TransactionKind::Other ? t.typeName : transactionTypeName(kind));
    writer.endObject();
}

// ActivityCodec::encode(const Authorization &), in sorted key order.
void ActivityDocumentWriter::writeAuthorization(JsonWriter &writer, const Authorization &auth)
{
    writer.beginObject();
    writer.key(QLatin1StringView("attributes"));
    writer.beginObject();
    writer.key(QLatin1StringView("amount"));
    writer.integer(auth.amount);
    writer.key(QLatin1StringView("cardLast4Digits"));
    writer.string(auth.cardLast4Digits);
    JsonApiWriter::optionalString(writer, QLatin1StringView("cardNetwork"), auth.cardNetwork);
    JsonApiWriter::optionalDateTime(writer, QLatin1StringView("createdAt"), auth.createdAt);
    JsonApiWriter::optionalString(writer, QLatin1StringView("declineReason"), auth.declineReason);
    JsonApiWriter::optionalString(writer, QLatin1StringView("digitalWallet"), auth.digitalWallet);
    writer.key(QLatin1StringView("merchant"));
    writeMerchant(writer, auth.merchant);
    JsonApiWriter::optionalString(writer, QLatin1StringView("paymentMethod"), auth.paymentMethod);
    writer.key(QLatin1StringView("recurring"));
    writer.boolean(auth.recurring);
    writer.key(QLatin1StringView("status"));
    writer.string(auth.status == AuthorizationStatus::Unknown
                      ? auth.statusName
                      : authorizationStatusName(auth.status));
    JsonApiWriter::optionalString(writer, QLatin1StringView("summary"), auth.summary);
    JsonApiWriter::optionalTags(writer, auth.tags);
    writer.endObject();

    writer.key(QLatin1StringView("id"));
    writer.string(auth.id);

    writer.key(QLatin1StringView("relationships"));
    writer.beginObject();
    optionalRelationship(writer, QLatin1StringView("account"), auth.accountId);
    optionalRelationship(writer, QLatin1StringView("card"), auth.cardId);
    optionalRelationship(writer, QLatin1StringView("customer"), auth.customerId);
    writer.endObject();

    writer.key(QLatin1StringView("type"));
    writer.string(QLatin1StringView("authorization"));
    writer.endObject();
}

// ActivityCodec's merchantObject: name, type and category always, location and id when set.
void ActivityDocumentWriter::writeMerchant(JsonWriter &writer, const Merchant &merchant)
{
    writer.beginObject();
    writer.key(QLatin1StringView("category"));
    writer.string(merchant.category);
    JsonApiWriter::optionalString(writer, QLatin1StringView("id"), merchant.id);
    JsonApiWriter::optionalString(writer, QLatin1StringView("location"), merchant.location);
    writer.key(QLatin1StringView("name"));
    writer.string(merchant.name);
    writer.key(QLatin1StringView("type"));
    writer.integer(merchant.type);
    writer.endObject();
}

} // namespace tessera::sandbox
