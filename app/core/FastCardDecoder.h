#pragma once

#include "Card.h"
#include "Page.h"

#include <optional>
#include <QByteArray>
#include <QString>

namespace tessera {

// JsonApiCodec's fast path for card documents (GET /cards pages and single cards): simdjson's
// on-demand parser reads the bytes straight into Cards, without building a QJsonDocument first.
//
// It answers only when its answer is exactly what the QJsonDocument decoder gives
// (jsonapi::pageFromDocument / singleFromDocument with JsonApiCodec::decodeCard), and answers
// nothing otherwise, for the caller to decode the bytes that way: anything simdjson rejects,
// anything Qt's parser reads differently (a byte order mark, raw control characters in strings,
// lone surrogate escapes, numbers outside double's normal range, a key given twice), and any
// document that decodes to an error or leaves a record out. So errors and notes about skipped
// records always come from the one reference decoder, and this one only has to be right about
// clean documents.
class FastCardDecoder
{
public:
    static std::optional<CardPage> page(const QByteArray &body);
    static std::optional<Card> single(const QByteArray &body);

    // Lets go of everything this thread's decoding keeps from one document to the next: the
    // included accounts and customers of the last pages (names, balances, addresses) and the
    // parser's buffers, which hold the text of the last document. For when a customer signs
    // out, so that none of their records outlives the session in the decoder. The memory is
    // freed, not overwritten, as every reply body is.
    static void forgetKeptDocuments();

    // The simdjson kernel chosen for this CPU at run time ("haswell", "westmere", "fallback"...):
    // it finds the document's structure; the rest is compiled into Tessera for the baseline CPU.
    static QString implementationName();
};

} // namespace tessera
