#include "CardDocumentWriter.h"

#include <QJsonDocument>

namespace tessera::sandbox {

namespace {

// A card resource's usual size, so a page's bytes are allocated about once.
constexpr qsizetype BytesPerCard = 600;

// JsonApiDocuments' putString: left out when empty.
void putString(JsonWriter &writer, QLatin1StringView key, const QString &value)
{
    if (value.isEmpty())
        return;
    writer.key(key);
    writer.string(value);
}

void putDateTime(JsonWriter &writer, QLatin1StringView key, const QDateTime &value)
{
    if (!value.isValid())
        return;
    writer.key(key);
    writer.dateTime(value);
}

} // namespace

// Keys in QJsonObject's order (sorted), as QJsonDocument writes them.
QByteArray CardDocumentWriter::listDocument(const QList<const Card *> &cards,
                                            const Pagination &pagination,
                                            const QJsonArray &included)
{
    JsonWriter writer(BytesPerCard * (cards.size() + 1));
    writer.beginObject();
    writer.key(QLatin1StringView("data"));
    writer.beginArray();
    for (const Card *card : cards)
        writeCard(writer, *card);
    writer.endArray();
    if (!included.isEmpty()) {
        writer.key(QLatin1StringView("included"));
        // A customer or an account or two per page: not worth writing by hand.
        writer.raw(QJsonDocument(included).toJson(QJsonDocument::Compact));
    }
    writer.key(QLatin1StringView("meta"));
    writer.beginObject();
    writer.key(QLatin1StringView("pagination"));
    writer.beginObject();
    writer.key(QLatin1StringView("limit"));
    writer.integer(pagination.limit);
    writer.key(QLatin1StringView("offset"));
    writer.integer(pagination.offset);
    writer.key(QLatin1StringView("total"));
    writer.integer(pagination.total);
    writer.endObject();
    writer.endObject();
    writer.endObject();
    return writer.take();
}

void CardDocumentWriter::writeCard(JsonWriter &writer, const Card &card)
{
    writer.beginObject();
    writer.key(QLatin1StringView("attributes"));
    writer.beginObject();
    putString(writer, QLatin1StringView("bin"), card.bin);
    putDateTime(writer, QLatin1StringView("createdAt"), card.createdAt);
    putString(writer, QLatin1StringView("design"), card.design);
    writer.key(QLatin1StringView("expirationDate"));
    writer.string(card.expirationDate);
    putString(writer, QLatin1StringView("freezeReason"), card.freezeReason);
    writer.key(QLatin1StringView("last4Digits"));
    writer.string(card.last4Digits);
    putString(writer, QLatin1StringView("nextExpirationDate"), card.nextExpirationDate);
    if (card.shippingAddress && !card.isVirtual()) {
        writer.key(QLatin1StringView("shippingAddress"));
        writeAddress(writer, *card.shippingAddress);
    }
    writer.key(QLatin1StringView("status"));
    writer.string(card.status == CardStatus::Unknown && !card.statusName.isEmpty()
                      ? card.statusName
                      : cardStatusName(card.status));
    if (!card.tags.isEmpty()) {
        writer.key(QLatin1StringView("tags"));
        writer.beginObject();
        for (auto it = card.tags.begin(); it != card.tags.end(); ++it) {
            writer.key(it.key());
            writer.string(it.value());
        }
        writer.endObject();
    }
    putDateTime(writer, QLatin1StringView("updatedAt"), card.updatedAt);
    writer.endObject();

    writer.key(QLatin1StringView("id"));
    writer.string(card.id);

    writer.key(QLatin1StringView("relationships"));
    writer.beginObject();
    if (!card.accountId.isEmpty())
        writeRelationship(writer, QLatin1StringView("account"), card.accountType, card.accountId);
    if (!card.customerId.isEmpty())
        writeRelationship(writer, QLatin1StringView("customer"), card.customerType,
                          card.customerId);
    writer.endObject();

    writer.key(QLatin1StringView("type"));
    writer.string(card.type == CardType::Unknown && !card.typeName.isEmpty()
                      ? card.typeName
                      : cardTypeName(card.type));
    writer.endObject();
}

void CardDocumentWriter::writeAddress(JsonWriter &writer, const Address &address)
{
    writer.beginObject();
    writer.key(QLatin1StringView("city"));
    writer.string(address.city);
    writer.key(QLatin1StringView("country"));
    writer.string(address.country);
    writer.key(QLatin1StringView("postalCode"));
    writer.string(address.postalCode);
    // Unit asks for a state only in US addresses; an empty one abroad is left out.
    if (!address.state.isEmpty() || address.country == QLatin1String("US")) {
        writer.key(QLatin1StringView("state"));
        writer.string(address.state);
    }
    writer.key(QLatin1StringView("street"));
    writer.string(address.street);
    putString(writer, QLatin1StringView("street2"), address.street2);
    writer.endObject();
}

void CardDocumentWriter::writeRelationship(JsonWriter &writer, QLatin1StringView name,
                                           const QString &type, const QString &id)
{
    writer.key(name);
    writer.beginObject();
    writer.key(QLatin1StringView("data"));
    writer.beginObject();
    writer.key(QLatin1StringView("id"));
    writer.string(id);
    writer.key(QLatin1StringView("type"));
    writer.string(type);
    writer.endObject();
    writer.endObject();
}

} // namespace tessera::sandbox
