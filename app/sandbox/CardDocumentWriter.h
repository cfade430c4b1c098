#pragma once

#include "Card.h"
#include "JsonWriter.h"
#include "Page.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>

namespace tessera::sandbox {

// GET /cards' answer written straight to bytes: the same document, byte for byte, as
// JsonApiCodec::listDocument() of JsonApiCodec::encode(card) for each card, without building a
// QJsonObject per card and serialising it again (most of the sandbox's time per page).
class CardDocumentWriter
{
public:
    static QByteArray listDocument(const QList<const Card *> &cards, const Pagination &pagination,
                                   const QJsonArray &included);
    // One card resource, as JsonApiCodec::encode(const Card &) has it.
    static void writeCard(JsonWriter &writer, const Card &card);

private:
    static void writeAddress(JsonWriter &writer, const Address &address);
};

} // namespace tessera::sandbox
