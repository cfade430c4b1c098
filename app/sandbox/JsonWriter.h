#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QLatin1StringView>
#include <QString>

namespace tessera::sandbox {

// Writes compact JSON straight into bytes, with no QJsonObject in between: strings are escaped
// exactly as QJsonDocument::toJson(Compact) escapes them, so a caller that writes the keys in
// QJsonObject's (sorted) order gets the very bytes the QJsonObject path gives. Commas are
// placed by the writer; the caller keeps the nesting right.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype expectedSize = 0);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // An object's key; the value follows.
    void key(QLatin1StringView name);
    void key(const QString &name);

    void string(const QString &text);
    void string(QLatin1StringView text);
    void integer(qint64 number);
    // As JsonApiDocuments' putDateTime writes it: UTC, ISO 8601 with milliseconds.
    void dateTime(const QDateTime &value);
    // A whole JSON value written elsewhere (e.g. by QJsonDocument).
    void raw(const QByteArray &json);

    QByteArray take() { return std::move(m_bytes); }

private:
    void beforeValue();
    void writeEscaped(const QChar *text, qsizetype size);
    // Room for `extra` more bytes; returns where they go.
    char *grow(qsizetype extra);

    QByteArray m_bytes;
    bool m_needsComma = false;
};

} // namespace tessera::sandbox
