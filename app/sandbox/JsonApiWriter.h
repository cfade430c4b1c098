#pragma once

#include "JsonWriter.h"
#include "Page.h"
#include "Tags.h"

#include <functional>
#include <QByteArray>
#include <QJsonArray>

namespace tessera::sandbox {

// The JSON:API shapes the sandbox's byte writers share (CardDocumentWriter,
// ActivityDocumentWriter), each written as JsonApiCodec and JsonApiDocuments write them through
// QJsonObject: keys in sorted order, empty strings and invalid dates left out.
class JsonApiWriter
{
public:
    // {"data":[…],"included":[…],"meta":{"pagination":{…}}}: `writeResources` writes the
    // resources into the open data array; `included` is left out when empty.
    static QByteArray listDocument(qsizetype expectedSize,
                                   const std::function<void(JsonWriter &)> &writeResources,
                                   const Pagination &pagination, const QJsonArray &included);
    // JsonApiDocuments' putString, putDateTime and putTags: nothing when empty or invalid.
    static void optionalString(JsonWriter &writer, QLatin1StringView key, const QString &value);
    static void optionalDateTime(JsonWriter &writer, QLatin1StringView key, const QDateTime &value);
    static void optionalTags(JsonWriter &writer, const Tags &tags);
    // "name":{"data":{"id":…,"type":…}}
    static void relationship(JsonWriter &writer, QLatin1StringView name, const QString &type,
                             const QString &id);
    static void relationship(JsonWriter &writer, QLatin1StringView name, QLatin1StringView type,
                             const QString &id);
};

} // namespace tessera::sandbox
