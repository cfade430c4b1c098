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
    void boolean(bool value);
    // As JsonApiDocuments' putDateTime writes it: UTC, ISO 8601 with milliseconds.
    void dateTime(const QDateTime &value);
    // A whole JSON value written elsewhere (e.g. by QJsonDocument).
    void raw(const QByteArray &json);

    // The bytes written; the writer is empty afterwards.
    QByteArray take();

private:
    void beforeValue();
    void writeEscaped(const QChar *text, qsizetype size);
    // Room for `extra` more bytes after the written ones; returns where they go. The caller
    // adds what it wrote to m_size. Inline, with the buffer's address kept: it runs for every
    // token, and QByteArray::data() checks for sharing each time.
    char *grow(qsizetype extra)
    {
        if (m_capacity - m_size < extra)
            makeRoom(extra);
        return m_data + m_size;
    }
    void makeRoom(qsizetype extra);
    void append(char c)
    {
        *grow(1) = c;
        ++m_size;
    }
    void append(const char *bytes, qsizetype size);

    // Sized ahead of what is written (m_size), so writing never resizes it byte by byte.
    QByteArray m_bytes;
    char *m_data = nullptr;   // m_bytes' bytes
    qsizetype m_capacity = 0; // m_bytes' size
    qsizetype m_size = 0;
    bool m_needsComma = false;
};

} // namespace tessera::sandbox
