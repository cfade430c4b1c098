#include "JsonApiWriter.h"

#include <QJsonDocument>

namespace tessera::sandbox {

namespace {

// Both relationship overloads: the type's text is written as given, with no QString made.
template <typename Text>
void writeRelationship(JsonWriter &writer, QLatin1StringView name, const Text &type,
                       const QString &id)
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

} // namespace

QByteArray JsonApiWriter::listDocument(qsizetype expectedSize,
                                       const std::function<void(JsonWriter &)> &writeResources,
                                       const Pagination &pagination, const QJsonArray &included)
{
    JsonWriter writer(expectedSize);
    writer.beginObject();
    writer.key(QLatin1StringView("data"));
    writer.beginArray();
    writeResources(writer);
    writer.endArray();
    if (!included.isEmpty()) {
        writer.key(QLatin1StringView("included"));
        // An account or a customer or two per page: not worth writing by hand.
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

void JsonApiWriter::optionalString(JsonWriter &writer, QLatin1StringView key, const QString &value)
{
    if (value.isEmpty())
        return;
    writer.key(key);
    writer.string(value);
}

void JsonApiWriter::optionalDateTime(JsonWriter &writer, QLatin1StringView key,
                                     const QDateTime &value)
{
    if (!value.isValid())
        return;
    writer.key(key);
    writer.dateTime(value);
}

void JsonApiWriter::optionalTags(JsonWriter &writer, const Tags &tags)
{
    if (tags.isEmpty())
        return;
    writer.key(QLatin1StringView("tags"));
    writer.beginObject();
    // Tags is a QMap: its keys come sorted, as QJsonObject writes them.
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        writer.key(it.key());
        writer.string(it.value());
    }
    writer.endObject();
}

void JsonApiWriter::relationship(JsonWriter &writer, QLatin1StringView name, const QString &type,
                                 const QString &id)
{
    writeRelationship(writer, name, type, id);
}

void JsonApiWriter::relationship(JsonWriter &writer, QLatin1StringView name, QLatin1StringView type,
                                 const QString &id)
{
    writeRelationship(writer, name, type, id);
}

} // namespace tessera::sandbox
