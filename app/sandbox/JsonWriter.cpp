#include "JsonWriter.h"

#include "CivilDays.h"

#include <cstring>

namespace tessera::sandbox {

namespace {

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

char *writeDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

} // namespace

JsonWriter::JsonWriter(qsizetype expectedSize)
{
    makeRoom(std::max<qsizetype>(expectedSize, 64));
}

void JsonWriter::makeRoom(qsizetype extra)
{
    m_bytes.resize(std::max(m_size + extra, 2 * m_capacity));
    m_data = m_bytes.data();
    m_capacity = m_bytes.size();
}

void JsonWriter::append(const char *bytes, qsizetype size)
{
    memcpy(grow(size), bytes, size_t(size));
    m_size += size;
}

QByteArray JsonWriter::take()
{
    m_bytes.truncate(m_size);
    m_size = 0;
    m_data = nullptr;
    m_capacity = 0;
    return std::move(m_bytes);
}

void JsonWriter::beforeValue()
{
    if (m_needsComma)
        append(',');
    m_needsComma = true;
}

void JsonWriter::beginObject()
{
    beforeValue();
    append('{');
    m_needsComma = false;
}

void JsonWriter::endObject()
{
    append('}');
    m_needsComma = true;
}

void JsonWriter::beginArray()
{
    beforeValue();
    append('[');
    m_needsComma = false;
}

void JsonWriter::endArray()
{
    append(']');
    m_needsComma = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    string(name);
    append(':');
    m_needsComma = false;
}

void JsonWriter::key(const QString &name)
{
    string(name);
    append(':');
    m_needsComma = false;
}

void JsonWriter::string(const QString &text)
{
    beforeValue();
    writeEscaped(text.constData(), text.size());
}

void JsonWriter::string(QLatin1StringView text)
{
    // Only ASCII names are written this way, which need no escaping.
    beforeValue();
    char *out = grow(text.size() + 2);
    *out++ = '"';
    memcpy(out, text.data(), size_t(text.size()));
    out[text.size()] = '"';
    m_size += text.size() + 2;
}

// QJsonDocument's escaping (qjsonwriter.cpp): ", \ and control characters escaped, \b \f \n \r
// \t by name; everything else as UTF-8, except a lone surrogate, which becomes \uXXXX.
void JsonWriter::writeEscaped(const QChar *text, qsizetype size)
{
    char *out = grow(size * 6 + 2);
    char *const begin = out;
    *out++ = '"';
    const char16_t *src = reinterpret_cast<const char16_t *>(text);
    const char16_t *const end = src + size;
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                *out++ = char(u);
                continue;
            }
            *out++ = '\\';
            switch (u) {
            case '"':
                *out++ = '"';
                break;
            case '\\':
                *out++ = '\\';
                break;
            case 0x08:
                *out++ = 'b';
                break;
            case 0x0c:
                *out++ = 'f';
                break;
            case 0x0a:
                *out++ = 'n';
                break;
            case 0x0d:
                *out++ = 'r';
                break;
            case 0x09:
                *out++ = 't';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hexDigit(u >> 4);
                *out++ = hexDigit(u & 0xf);
            }
        } else if (u < 0x800) {
            *out++ = char(0xc0 | (u >> 6));
            *out++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t code = QChar::surrogateToUcs4(u, *src++);
            *out++ = char(0xf0 | (code >> 18));
            *out++ = char(0x80 | ((code >> 12) & 0x3f));
            *out++ = char(0x80 | ((code >> 6) & 0x3f));
            *out++ = char(0x80 | (code & 0x3f));
        } else if (QChar::isSurrogate(u)) {
            *out++ = '\\';
            *out++ = 'u';
            *out++ = hexDigit((u >> 12) & 0xf);
            *out++ = hexDigit((u >> 8) & 0xf);
            *out++ = hexDigit((u >> 4) & 0xf);
            *out++ = hexDigit(u & 0xf);
        } else {
            *out++ = char(0xe0 | (u >> 12));
            *out++ = char(0x80 | ((u >> 6) & 0x3f));
            *out++ = char(0x80 | (u & 0x3f));
        }
    }
    *out++ = '"';
    m_size += out - begin;
}

void JsonWriter::integer(qint64 number)
{
    beforeValue();
    char digits[24];
    char *end = digits + sizeof digits;
    char *out = end;
    quint64 magnitude = number < 0 ? 0 - quint64(number) : quint64(number);
    do {
        *--out = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (number < 0)
        *--out = '-';
    append(out, end - out);
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    if (value)
        append("true", 4);
    else
        append("false", 5);
}

void JsonWriter::dateTime(const QDateTime &value)
{
    const qint64 msecs = value.toMSecsSinceEpoch();
    const qint64 days = msecs >= 0 ? msecs / 86400000 : (msecs - 86399999) / 86400000;
    const qint64 msOfDay = msecs - days * 86400000;
    const auto [year, month, day] = civilFromDays(days);
    // Qt writes other years differently (signs, more digits): leave them to Qt.
    if (year < 1000 || year > 9999) {
        string(value.toUTC().toString(Qt::ISODateWithMs));
        return;
    }
    beforeValue();
    char *out = grow(26);
    *out++ = '"';
    out = writeDigits(out, year, 4);
    *out++ = '-';
    out = writeDigits(out, month, 2);
    *out++ = '-';
    out = writeDigits(out, day, 2);
    *out++ = 'T';
    out = writeDigits(out, int(msOfDay / 3600000), 2);
    *out++ = ':';
    out = writeDigits(out, int(msOfDay / 60000 % 60), 2);
    *out++ = ':';
    out = writeDigits(out, int(msOfDay / 1000 % 60), 2);
    *out++ = '.';
    out = writeDigits(out, int(msOfDay % 1000), 3);
    *out++ = 'Z';
    *out = '"';
    m_size += 26;
}

void JsonWriter::raw(const QByteArray &json)
{
    beforeValue();
    append(json.constData(), json.size());
}

} // namespace tessera::sandbox
