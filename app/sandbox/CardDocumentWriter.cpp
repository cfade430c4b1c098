#include "CardDocumentWriter.h"

#include "JsonApiWriter.h"

namespace tessera::sandbox {

namespace {

// A card resource's usual size, so a page's bytes are allocated about once.
constexpr qsizetype BytesPerCard = 600;

} // namespace

// Keys in QJsonObject's order (sorted), as QJsonDocument writes them.
QByteArray CardDocumentWriter::listDocument(const QList<const Card *> &cards,
                                            const Pagination &pagination,
                                            const QJsonArray &included)
{
    return JsonApiWriter::listDocument(
        BytesPerCard * (cards.size() + 1),
        [&cards](JsonWriter &writer) {
            for (const Card *card : cards)
                writeCard(writer, *card);
        },
        pagination, included);
}

void CardDocumentWriter::writeCard(JsonWriter &writer, const Card &card)
{
    writer.beginObject();
    writer.key(QLatin1StringView("attributes"));
    writer.beginObject();
    JsonApiWriter::optionalString(writer, QLatin1StringView("bin"), card.bin);
    JsonApiWriter::optionalDateTime(writer, QLatin1StringView("createdAt"), card.createdAt);
    JsonApiWriter::optionalString(writer, QLatin1StringView("design"), card.design);
    writer.key(QLatin1StringView("expirationDate"));
    writer.string(card.expirationDate);
    JsonApiWriter::optionalString(writer, QLatin1StringView("freezeReason"), card.freezeReason);
    writer.key(QLatin1StringView("last4Digits"));
    writer.string(card.last4Digits);
    JsonApiWriter::optionalString(writer, QLatin1StringView("nextExpirationDate"),
                                  card.nextExpirationDate);
    if (card.shippingAddress && !card.isVirtual()) {
        writer.key(QLatin1StringView("shippingAddress"));
        writeAddress(writer, *card.shippingAddress);
    }
    writer.key(QLatin1StringView("status"));
    writer.string(card.status == CardStatus::Unknown && !card.statusName.isEmpty()
                      ? card.statusName
                      : cardStatusName(card.status));
    JsonApiWriter::optionalTags(writer, card.tags);
    JsonApiWriter::optionalDateTime(writer, QLatin1StringView("updatedAt"), card.updatedAt);
    writer.endObject();

    writer.key(QLatin1StringView("id"));
    writer.string(card.id);

    writer.key(QLatin1StringView("relationships"));
    writer.beginObject();
    if (!card.accountId.isEmpty())
        JsonApiWriter::relationship(writer, QLatin1StringView("account"), card.accountType,
                                    card.accountId);
    if (!card.customerId.isEmpty())
        JsonApiWriter::relationship(writer, QLatin1StringView("customer"), card.customerType,
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
    JsonApiWriter::optionalString(writer, QLatin1StringView("street2"), address.street2);
    writer.endObject();
}

} // namespace tessera::sandbox
