#include "FastCardDecoder.h"

#include "CivilDays.h"
#include "IncludedRecordCache.h"
#include "JsonApiDocuments.h"
#include "JsonApiFieldReader.h"
#include "PaddedBody.h"
#include "SameBytes.h"
#include "SharedStrings.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <QJsonDocument>
#include <QJsonParseError>
#include <simdjson.h>
#include <string_view>
#include <utility>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tessera {

namespace {

namespace od = simdjson::ondemand;
using namespace std::string_view_literals;

// Text in the parser's buffers (unescaped strings) or in the document: valid until the parser
// reads the next document, so everything kept is made a QString before then.
using Text = std::string_view;

// Values this far down that Tessera does not read are left to Qt, whose nesting limit is not
// simdjson's. Unit's card documents are six levels deep.
constexpr int MaxDepth = 64;
// Distinct type, status and relationship type names kept for every page of a thread.
constexpr qsizetype VocabularySize = 64;
// Distinct values kept for one document.
constexpr qsizetype ValuesPerDocument = 1 << 16;
constexpr char ByteOrderMark[] = "\xEF\xBB\xBF";
constexpr std::size_t KeptDocumentSize = 1 << 20;
// Cards a page's list is made ready for ahead: Unit's largest page[limit].
constexpr qsizetype MaxReservedCards = 1000;

// What one look at every byte of a document tells: whether it has control characters and
// backslashes at all. Compact JSON, as Unit and the sandbox send it, has neither.
struct ByteSummary
{
    bool controls = false;
    bool backslashes = false;
};

ByteSummary summarize(const char *data, std::size_t size)
{
    ByteSummary summary;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time (SSE2 is part of x86-64's baseline).
    const __m128i lastControl = _mm_set1_epi8(0x1f);
    const __m128i backslash = _mm_set1_epi8('\\');
    __m128i controls = _mm_setzero_si128();
    __m128i backslashes = _mm_setzero_si128();
    for (; i + 16 <= size; i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        // bytes <= 0x1f, unsigned: max(bytes, 0x1f) == 0x1f
        controls =
            _mm_or_si128(controls, _mm_cmpeq_epi8(_mm_max_epu8(bytes, lastControl), lastControl));
        backslashes = _mm_or_si128(backslashes, _mm_cmpeq_epi8(bytes, backslash));
    }
    summary.controls = _mm_movemask_epi8(controls) != 0;
    summary.backslashes = _mm_movemask_epi8(backslashes) != 0;
#endif
    for (; i < size; ++i) {
        summary.controls |= static_cast<unsigned char>(data[i]) < 0x20;
        summary.backslashes |= data[i] == '\\';
    }
    return summary;
}

// Qt refuses raw control characters inside strings, simdjson 3.0 may take them; outside strings
// only JSON's whitespace (tab, line feed, carriage return) may appear.
bool controlCharactersAreWhitespace(const char *data, std::size_t size)
{
    bool inString = false;
    for (std::size_t i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (inString) {
            if (c == '\\') {
                ++i;
                if (i < size && static_cast<unsigned char>(data[i]) < 0x20)
                    return false;
            } else if (c == '"') {
                inString = false;
            } else if (c < 0x20) {
                return false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return false;
        }
    }
    return true;
}

// simdjson writes a lone surrogate escape ("\udc00") as the three UTF-8 bytes of the surrogate,
// which QString::fromUtf8 would turn into replacement characters where Qt's parser keeps the
// lone UTF-16 unit. Such bytes (0xED 0xA0-0xBF) can only come from an escape: simdjson has
// already refused them in the raw document as invalid UTF-8.
bool hasSurrogate(Text text)
{
    const char *p = text.data();
    const char *end = p + text.size();
    while ((p = static_cast<const char *>(std::memchr(p, 0xED, std::size_t(end - p))))) {
        if (p + 1 < end && static_cast<unsigned char>(p[1]) >= 0xA0)
            return true;
        ++p;
    }
    return false;
}

QString toQString(Text text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The digits of text[from, from + count), or -1.
int digits(Text text, std::size_t from, std::size_t count)
{
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// "2026-03-01T12:30:15.250Z" and "2026-03-01T12:30:15Z", as encode() writes date-times (UTC,
// Qt::ISODateWithMs), read without building a QString, a QDate or a QTime (those three took
// four fifths of a date's instructions); anything else (offsets, other precisions,
// out-of-range fields) is left to QDateTime::fromString.
std::optional<QDateTime> plainUtcDateTime(Text text)
{
    const bool withMs = text.size() == 24;
    if ((text.size() != 20 && !withMs) || text.back() != 'Z' || text[4] != '-' || text[7] != '-' ||
        text[10] != 'T' || text[13] != ':' || text[16] != ':' || (withMs && text[19] != '.'))
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    const int ms = withMs ? digits(text, 20, 3) : 0;
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 59 || ms < 0)
        return std::nullopt;
    // A day past its month's end (02-30, 02-29 of a common year) comes back as another date.
    const CivilDate date{year, month, day};
    const qint64 days = daysFromCivil(date);
    if (!(civilFromDays(days) == date))
        return std::nullopt;
    const qint64 seconds = ((days * 24 + hour) * 60 + minute) * 60 + second;
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + ms, Qt::UTC);
}

// Sets `out` as FieldReader::dateTime() reads it; false where it would fail.
bool readDateTime(const std::optional<Text> &text, bool required, QDateTime &out)
{
    if (!text || text->empty())
        return !required;
    if (std::optional<QDateTime> plain = plainUtcDateTime(*text)) {
        out = *plain;
        return true;
    }
    bool readable = false;
    out = jsonapi::FieldReader::parseDateTime(toQString(*text), &readable);
    return readable;
}

// Keys of one object already seen: a key given twice falls back (Qt keeps the last value).
class SeenKeys
{
public:
    bool first(unsigned key)
    {
        if (m_seen & key)
            return false;
        m_seen |= key;
        return true;
    }

private:
    unsigned m_seen = 0;
};

// A string's text read in place, up to its closing quote, for documents without a backslash:
// there it is the string itself, with nothing to unescape or check (simdjson has checked the
// UTF-8 of the whole document). The zeros after the document stop a malformed one.
bool rawText(const char *raw, Text &out)
{
    const char *end = raw;
#if defined(__SSE2__)
    // Sixteen bytes at a time: a string starts inside the document, and the document is
    // followed by SIMDJSON_PADDING (64) zero bytes, so every block read up to the first one
    // holding a zero stays inside the buffer.
    static_assert(simdjson::SIMDJSON_PADDING >= 16);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i zero = _mm_setzero_si128();
    for (;; end += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(end));
        const int stops = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, zero)));
        if (stops != 0) {
            end += __builtin_ctz(unsigned(stops));
            break;
        }
    }
#else
    while (*end != '"' && *end != '\0')
        ++end;
#endif
    if (*end != '"')
        return false;
    out = Text(raw, std::size_t(end - raw));
    return true;
}

// At `next`, in a document without backslashes followed by zero padding: `name":"text"` and
// then `end`, with no space; `next` moves past it. Each comparison starts inside the document
// (the bytes before it matched, and the padding is zeros), so it reads at most a few bytes
// into the padding.
bool compactMember(const char *&next, Text name, Text &text, Text end)
{
    constexpr Text colon = R"(":")"sv;
    if (!sameBytes(next, name.data(), name.size()) ||
        !sameBytes(next + name.size(), colon.data(), colon.size()) ||
        !rawText(next + name.size() + colon.size(), text))
        return false;
    next = text.data() + text.size() + 1; // past the closing quote
    if (!sameBytes(next, end.data(), end.size()))
        return false;
    next += end.size();
    return true;
}

// A relationship as Unit writes it, {"data":{"type":"…","id":"…"}}, or with its keys in order
// as the sandbox (and Qt's JSON writers) do, {"data":{"id":"…","type":"…"}}, without a space,
// read from its text at `at`: its type and id. False for any other shape, which is then read
// member by member; that took ~600 instructions a relationship, two a card.
bool compactRelationship(const char *at, Text &type, Text &id)
{
    constexpr Text head = R"({"data":{")"sv;
    constexpr Text between = R"(,")"sv;
    constexpr Text tail = "}}"sv;
    if (!sameBytes(at, head.data(), head.size()))
        return false;
    const char *next = at + head.size();
    if (compactMember(next, "type"sv, type, between))
        return compactMember(next, "id"sv, id, tail);
    next = at + head.size();
    return compactMember(next, "id"sv, id, between) && compactMember(next, "type"sv, type, tail);
}

// The next member of an object being iterated and its key, unescaped as Qt has it (`escapes`:
// whether the document has a backslash at all).
bool readMember(simdjson::simdjson_result<od::field> next, od::field &field, Text &key,
                bool escapes)
{
    if (std::move(next).get(field))
        return false;
    return escapes ? !field.unescaped_key().get(key) : rawText(field.key().raw(), key);
}

// Nothing after the root value: Qt refuses trailing content.
bool atEnd(od::document &document)
{
    return document.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

bool isNull(od::value &value, od::json_type type)
{
    bool null = false;
    // type() looks at the first byte only: is_null() checks the whole literal.
    return type == od::json_type::null && !value.is_null().get(null) && null;
}

// Reads a value Tessera has no use for as thoroughly as Qt's parser would, so that a document
// Qt rejects is never accepted here.
bool skip(od::value value, int depth, bool escapes)
{
    if (depth > MaxDepth)
        return false;
    od::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (value.get_object().get(object))
            return false;
        for (auto member : object) {
            od::field field;
            Text key;
            if (!readMember(std::move(member), field, key, escapes) ||
                !skip(field.value(), depth + 1, escapes))
                return false;
        }
        return true;
    }
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array))
            return false;
        for (auto element : array) {
            od::value item;
            if (std::move(element).get(item) || !skip(item, depth + 1, escapes))
                return false;
        }
        return true;
    }
    case od::json_type::number: {
        od::number number;
        if (value.get_number().get(number))
            return false;
        if (!number.is_double())
            return true;
        // Qt refuses what underflows (1e-400), which simdjson rounds to 0.
        const double d = number.get_double();
        return std::isfinite(d) && std::fabs(d) >= DBL_MIN;
    }
    case od::json_type::string: {
        // Without escapes there is nothing to check in a string simdjson has delimited.
        if (!escapes) {
            od::raw_json_string raw;
            return !value.get_raw_json_string().get(raw);
        }
        Text text;
        return !value.get_string().get(text);
    }
    case od::json_type::boolean: {
        bool b = false;
        return !value.get_bool().get(b);
    }
    case od::json_type::null:
        return isNull(value, type);
    }
    return false;
}

// An object, or `present` false for null; false for anything else.
bool optionalObject(od::value &value, od::object &object, bool &present)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    present = type == od::json_type::object;
    return present ? !value.get_object().get(object) : isNull(value, type);
}

// One count of meta.pagination: nothing for null, else a whole number in 0..INT_MAX. Anything
// else (doubles such as 5.0 included) is left to the reference decoder.
bool optionalCount(od::value &value, std::optional<int> &out)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type != od::json_type::number)
        return isNull(value, type);
    od::number number;
    if (value.get_number().get(number) || !number.is_int64())
        return false;
    const std::int64_t count = number.get_int64();
    if (count < 0 || count > std::numeric_limits<int>::max())
        return false;
    out = int(count);
    return true;
}

// What a card's type name says about it.
struct TypeName
{
    explicit TypeName(const QString &name)
        : isCard(name.endsWith(QLatin1String("Card"), Qt::CaseInsensitive))
        , isBusiness(name.startsWith(QLatin1String("business")))
        , type(cardTypeFromName(name))
    {}
    bool isCard;
    bool isBusiness;
    CardType type;
};

struct StatusName
{
    explicit StatusName(const QString &name)
        : status(cardStatusFromName(name))
    {}
    CardStatus status;
};

// What `Meaning` makes of the names a document repeats (its cards' type and status), worked
// out once per name: the vocabulary hands out the same QString data for the same text, so a
// name seen before is found by a pointer comparison.
template <class Meaning> class NameMeanings
{
public:
    // References handed out stay valid: the names kept never move.
    NameMeanings() { m_known.reserve(MaxKept); }

    const Meaning &of(const QString &name)
    {
        for (const auto &[known, meaning] : m_known) {
            if (known.isSharedWith(name) && known.constData() == name.constData() &&
                known.size() == name.size())
                return meaning;
        }
        // A vocabulary that is full hands out new data: its names are read every time, and
        // only the first few kept.
        if (m_known.size() < MaxKept) {
            m_known.emplace_back(name, Meaning(name));
            return m_known.back().second;
        }
        m_scratch.emplace(name);
        return *m_scratch;
    }

private:
    static constexpr std::size_t MaxKept = 8;
    std::vector<std::pair<QString, Meaning>> m_known;
    std::optional<Meaning> m_scratch;
};

// Reads one document's cards; every read* returns false where the reference decoder would
// read something else, fail, or leave a record out.
class CardDocumentReader
{
    // The fields whose texts repeat from card to card, each with a hint (m_hints) of where its
    // text of the card before is kept: names in the vocabulary, the others in m_values.
    enum class Repeated {
        TypeName,
        StatusName,
        AccountType,
        CustomerType,
        ExpirationDate,
        NextExpirationDate,
        Bin,
        Design,
        FreezeReason,
        Street,
        Street2,
        City,
        State,
        PostalCode,
        Country,
        AccountId,
        CustomerId,
        Count
    };

public:
    // `escapes`: whether the document has a backslash at all; without one no string can
    // hold an escaped surrogate.
    CardDocumentReader(SharedStrings &vocabulary, IncludedRecordCache &includedRecords,
                       bool escapes)
        : m_vocabulary(vocabulary)
        , m_includedRecords(includedRecords)
        , m_values(ValuesPerDocument)
        , m_escapes(escapes)
    {}

    bool readPage(od::document &document, CardPage &page)
    {
        od::object root;
        if (document.get_object().get(root))
            return false;
        SeenKeys seen;
        bool hasData = false;
        bool hasPagination = false;
        std::optional<int> total;
        std::optional<int> limit;
        std::optional<int> offset;
        for (auto member : root) {
            od::field field;
            Text key;
            if (!readMember(std::move(member), field, key, m_escapes))
                return false;
            od::value &value = field.value();
            if (sameText(key, "data"sv)) {
                od::array data;
                if (!seen.first(1) || value.get_array().get(data))
                    return false;
                hasData = true;
                // Not counted first (a whole extra pass over the page's tokens): the list
                // grows by reallocating, Card being relocatable (Card.h).
                for (auto element : data) {
                    od::value item;
                    if (std::move(element).get(item) || !readCard(item, page.items.emplaceBack()))
                        return false;
                }
            } else if (sameText(key, "meta"sv)) {
                if (!seen.first(2) || !readMeta(value, hasPagination, total, limit, offset))
                    return false;
            } else if (sameText(key, "included"sv)) {
                if (!seen.first(4) || !readIncluded(value))
                    return false;
            } else if (!skip(value, 1, m_escapes)) {
                return false;
            }
        }
        if (!hasData || !atEnd(document))
            return false;
        if (hasPagination) {
            if (!total)
                return false;
            page.pagination =
                Pagination{*total, limit.value_or(int(page.items.size())), offset.value_or(0)};
        }
        return addIncluded(page);
    }

    bool readSingle(od::document &document, Card &card)
    {
        od::object root;
        if (document.get_object().get(root))
            return false;
        bool hasData = false;
        for (auto member : root) {
            od::field field;
            Text key;
            if (!readMember(std::move(member), field, key, m_escapes))
                return false;
            od::value &value = field.value();
            if (sameText(key, "data"sv)) {
                if (hasData || !readCard(value, card))
                    return false;
                hasData = true;
            } else if (!skip(value, 1, m_escapes)) {
                return false;
            }
        }
        return hasData && atEnd(document);
    }

private:
    // Reads every member of `object`: `readKnown(key, value)` reads the members it knows and
    // says whether that went as the reference decoder would (true) or not (false); the others
    // (std::nullopt) are read and skipped at `skipDepth`.
    template <class ReadKnown>
    bool readMembers(od::object &object, int skipDepth, ReadKnown readKnown)
    {
        for (auto member : object) {
            od::field field;
            Text key;
            if (!readMember(std::move(member), field, key, m_escapes))
                return false;
            od::value &v = field.value();
            const std::optional<bool> known = readKnown(key, v);
            if (known ? !*known : !skip(v, skipDepth, m_escapes))
                return false;
        }
        return true;
    }

    struct TextMember
    {
        Text key;
        std::optional<Text> *text;
    };

    // When `key` is one of `members`, reads its text; the n-th member takes bit n of `seen`, so
    // a key given twice falls back. std::nullopt for other keys.
    std::optional<bool> readTextMember(Text key, od::value &v, SeenKeys &seen,
                                       std::initializer_list<TextMember> members) const
    {
        unsigned bit = 1;
        for (const TextMember &member : members) {
            if (sameText(key, member.key))
                return seen.first(bit) && optionalText(v, *member.text);
            bit <<= 1;
        }
        return std::nullopt;
    }

    // What JsonApiCodec::decodeCard() reads, with the same requirements.
    bool readCard(od::value &value, Card &card)
    {
        od::object resource;
        if (value.get_object().get(resource))
            return false;
        SeenKeys seen;
        std::optional<Text> type;
        std::optional<Text> id;
        std::optional<Text> status;
        bool hasAttributes = false;
        const bool read =
            readMembers(resource, 2, [&](Text key, od::value &v) -> std::optional<bool> {
                if (sameText(key, "attributes"sv))
                    return seen.first(1 << 2) && readAttributes(v, card, status, hasAttributes);
                if (sameText(key, "relationships"sv))
                    return seen.first(1 << 3) && readRelationships(v, card);
                return readTextMember(key, v, seen, {{"type"sv, &type}, {"id"sv, &id}});
            });
        if (!read || !type || !id || !hasAttributes)
            return false;
        card.typeName = m_vocabulary.get(*type, hint(Repeated::TypeName));
        const TypeName &typeName = m_typeNames.of(card.typeName);
        if (!typeName.isCard)
            return false;
        card.type = typeName.type;
        card.id = toQString(*id);
        // Unit's spec requires a status for individual cards only (see decodeCard()).
        if (!status && !typeName.isBusiness)
            return false;
        if (status) {
            card.statusName = m_vocabulary.get(*status, hint(Repeated::StatusName));
            card.status = m_statusNames.of(card.statusName).status;
        }
        return true;
    }

    bool readAttributes(od::value &value, Card &card, std::optional<Text> &status, bool &read)
    {
        od::object attributes;
        if (value.get_object().get(attributes))
            return false;
        read = true;
        SeenKeys seen;
        std::optional<Text> createdAt;
        std::optional<Text> updatedAt;
        std::optional<Text> last4Digits;
        std::optional<Text> expirationDate;
        std::optional<Text> nextExpirationDate;
        std::optional<Text> bin;
        std::optional<Text> design;
        std::optional<Text> freezeReason;
        // The texts take the first nine bits of `seen`.
        const bool readAll =
            readMembers(attributes, 3, [&](Text key, od::value &v) -> std::optional<bool> {
                if (sameText(key, "tags"sv))
                    return seen.first(1 << 9) && readTags(v, card.tags);
                if (sameText(key, "shippingAddress"sv))
                    return seen.first(1 << 10) && readAddress(v, card.shippingAddress);
                return readTextMember(key, v, seen,
                                      {{"createdAt"sv, &createdAt},
                                       {"updatedAt"sv, &updatedAt},
                                       {"last4Digits"sv, &last4Digits},
                                       {"expirationDate"sv, &expirationDate},
                                       {"nextExpirationDate"sv, &nextExpirationDate},
                                       {"bin"sv, &bin},
                                       {"status"sv, &status},
                                       {"design"sv, &design},
                                       {"freezeReason"sv, &freezeReason}});
            });
        if (!readAll)
            return false;
        if (!last4Digits || !expirationDate || !readDateTime(createdAt, true, card.createdAt) ||
            !readDateTime(updatedAt, false, card.updatedAt))
            return false;
        card.last4Digits = toQString(*last4Digits);
        card.expirationDate = pooled(*expirationDate, Repeated::ExpirationDate);
        card.nextExpirationDate = shared(nextExpirationDate, Repeated::NextExpirationDate);
        card.bin = shared(bin, Repeated::Bin);
        card.design = shared(design, Repeated::Design);
        card.freezeReason = shared(freezeReason, Repeated::FreezeReason);
        return true;
    }

    bool readTags(od::value &value, Tags &tags)
    {
        od::object object;
        bool present = false;
        if (!optionalObject(value, object, present))
            return false;
        if (!present)
            return true;
        m_tagTexts.clear();
        for (auto member : object) {
            od::field field;
            Text key;
            std::optional<Text> text;
            if (!readMember(std::move(member), field, key, m_escapes) ||
                (m_escapes && hasSurrogate(key)) || !optionalText(field.value(), text) || !text)
                return false;
            m_tagTexts.emplace_back(key, *text);
        }
        // Cards of a page often carry the same tags: they share one map.
        if (m_tagTexts != m_lastTagTexts) {
            Tags read;
            // A key given twice keeps its last value, as in Qt's QJsonObject.
            for (const auto &[key, text] : m_tagTexts)
                read.insert(m_values.get(key), m_values.get(text));
            m_lastTags = read;
            std::swap(m_tagTexts, m_lastTagTexts);
        }
        tags = m_lastTags;
        return true;
    }

    // What JsonApiCodec::decodeAddress() reads.
    bool readAddress(od::value &value, std::optional<Address> &out)
    {
        od::object object;
        bool present = false;
        if (!optionalObject(value, object, present))
            return false;
        if (!present)
            return true;
        SeenKeys seen;
        std::optional<Text> street;
        std::optional<Text> street2;
        std::optional<Text> city;
        std::optional<Text> state;
        std::optional<Text> postalCode;
        std::optional<Text> country;
        const bool read = readMembers(object, 4, [&](Text key, od::value &v) {
            return readTextMember(key, v, seen,
                                  {{"street"sv, &street},
                                   {"street2"sv, &street2},
                                   {"city"sv, &city},
                                   {"state"sv, &state},
                                   {"postalCode"sv, &postalCode},
                                   {"country"sv, &country}});
        });
        if (!read)
            return false;
        if (!street || !city || !postalCode)
            return false;
        Address address;
        address.street = pooled(*street, Repeated::Street);
        address.street2 = shared(street2, Repeated::Street2);
        address.city = pooled(*city, Repeated::City);
        address.postalCode = pooled(*postalCode, Repeated::PostalCode);
        if (country && !country->empty())
            address.country = pooled(*country, Repeated::Country);
        // A state is required in US addresses only.
        if (!state && address.country == QLatin1String("US"))
            return false;
        address.state = shared(state, Repeated::State);
        out = std::move(address);
        return true;
    }

    bool readRelationships(od::value &value, Card &card)
    {
        od::object object;
        bool present = false;
        if (!optionalObject(value, object, present))
            return false;
        if (!present)
            return true;
        SeenKeys seen;
        return readMembers(object, 3, [&](Text key, od::value &v) -> std::optional<bool> {
            if (sameText(key, "account"sv))
                return seen.first(1) && readRelationship(v, Repeated::AccountType, card.accountType,
                                                         Repeated::AccountId, card.accountId);
            if (sameText(key, "customer"sv))
                return seen.first(2) &&
                       readRelationship(v, Repeated::CustomerType, card.customerType,
                                        Repeated::CustomerId, card.customerId);
            return std::nullopt;
        });
    }

    // An optional object of which one member, `inner`, is an optional object whose members go
    // to `readInnerMember(key, value)`; the outer object's other members are read and skipped
    // (at `skipDepth`). False where the reference decoder's answer could differ.
    template <class ReadInnerMember>
    bool readNestedObject(od::value &value, Text inner, int skipDepth,
                          ReadInnerMember readInnerMember)
    {
        od::object outer;
        bool present = false;
        if (!optionalObject(value, outer, present))
            return false;
        if (!present)
            return true;
        SeenKeys seenOuter;
        for (auto member : outer) {
            od::field field;
            Text key;
            if (!readMember(std::move(member), field, key, m_escapes))
                return false;
            od::value &v = field.value();
            if (!sameText(key, inner)) {
                if (!skip(v, skipDepth, m_escapes))
                    return false;
                continue;
            }
            od::object object;
            bool hasObject = false;
            if (!seenOuter.first(1) || !optionalObject(v, object, hasObject))
                return false;
            if (!hasObject)
                continue;
            for (auto innerMember : object) {
                od::field innerField;
                Text innerKey;
                if (!readMember(std::move(innerMember), innerField, innerKey, m_escapes) ||
                    !readInnerMember(innerKey, innerField.value()))
                    return false;
            }
        }
        return true;
    }

    // {"data": {"type": ..., "id": ...}}: sets type and id when the id is not empty, as
    // decodeCard() does with FieldReader::relationship().
    bool readRelationship(od::value &value, Repeated typeField, QString &typeOut, Repeated idField,
                          QString &idOut)
    {
        // The usual shape read from the value's text, which stays unread for the iteration to
        // step over.
        Text compactType;
        Text compactId;
        if (!m_escapes &&
            compactRelationship(value.raw_json_token().data(), compactType, compactId)) {
            if (!compactId.empty()) {
                typeOut = m_vocabulary.get(compactType, hint(typeField));
                idOut = pooled(compactId, idField);
            }
            return true;
        }
        std::optional<Text> type;
        std::optional<Text> id;
        bool empty = true;
        SeenKeys seen;
        const bool read = readNestedObject(value, "data"sv, 4, [&](Text key, od::value &d) {
            empty = false;
            if (sameText(key, "type"sv))
                return seen.first(1) && optionalText(d, type);
            if (sameText(key, "id"sv))
                return seen.first(2) && optionalText(d, id);
            return skip(d, 5, m_escapes);
        });
        if (!read)
            return false;
        // {"data": {}} names nothing; a non-empty data object needs both.
        if (empty)
            return true;
        if (!type || !id)
            return false;
        if (!id->empty()) {
            typeOut = m_vocabulary.get(*type, hint(typeField));
            idOut = pooled(*id, idField);
        }
        return true;
    }

    bool readMeta(od::value &value, bool &hasPagination, std::optional<int> &total,
                  std::optional<int> &limit, std::optional<int> &offset)
    {
        SeenKeys seen;
        return readNestedObject(value, "pagination"sv, 2, [&](Text key, od::value &c) {
            // An empty pagination object is no pagination (pageFromDocument()).
            hasPagination = true;
            if (sameText(key, "total"sv))
                return seen.first(1) && optionalCount(c, total);
            if (sameText(key, "limit"sv))
                return seen.first(2) && optionalCount(c, limit);
            if (sameText(key, "offset"sv))
                return seen.first(4) && optionalCount(c, offset);
            return skip(c, 3, m_escapes);
        });
    }

    // Included resources are few (an account, a customer) and read by the reference decoders:
    // kept as raw JSON here, parsed by Qt once the whole document is known to be sound.
    bool readIncluded(od::value &value)
    {
        od::array included;
        if (value.get_array().get(included))
            return false;
        qsizetype index = 0;
        for (auto element : included) {
            od::value item;
            od::json_type type;
            if (std::move(element).get(item) || item.type().get(type))
                return false;
            if (type == od::json_type::object) {
                od::object resource;
                Text raw;
                if (item.get_object().get(resource) || resource.raw_json().get(raw))
                    return false;
                m_included.emplace_back(index, raw);
            } else if (!skip(item, 2, m_escapes)) {
                return false; // not an object: pageFromDocument() skips it too, once it is valid
            }
            ++index;
        }
        return true;
    }

    bool addIncluded(CardPage &page)
    {
        // Each included object, as kept from a page before or as parsed now. What was kept is
        // copied (its texts are shared): keeping the records parsed now may replace it.
        struct Resource
        {
            qsizetype index;
            Text json;
            std::optional<IncludedRecordCache::Record> kept;
            QJsonObject parsed;
        };
        std::vector<Resource> resources;
        resources.reserve(m_included.size());
        for (const auto &[index, raw] : m_included) {
            if (const IncludedRecordCache::Record *kept = m_includedRecords.find(raw)) {
                resources.push_back({index, raw, *kept, {}});
                continue;
            }
            // Within Qt's nesting limit (counted from the document's root) for certain.
            if (std::count(raw.begin(), raw.end(), '{') + std::count(raw.begin(), raw.end(), '[') >
                MaxDepth)
                return false;
            QJsonParseError error;
            const QJsonDocument resource = QJsonDocument::fromJson(
                QByteArray::fromRawData(raw.data(), qsizetype(raw.size())), &error);
            if (error.error != QJsonParseError::NoError || !resource.isObject())
                return false;
            resources.push_back({index, raw, std::nullopt, resource.object()});
        }
        // Only now that nothing can fall back: a record left out is logged once.
        for (const Resource &resource : resources) {
            if (resource.kept) {
                if (resource.kept->account)
                    page.includedAccounts.append(*resource.kept->account);
                if (resource.kept->customer)
                    page.includedCustomers.append(*resource.kept->customer);
                continue;
            }
            const qsizetype accounts = page.includedAccounts.size();
            const qsizetype customers = page.includedCustomers.size();
            const qsizetype notes = page.skippedNotes.size();
            jsonapi::addIncluded(page, resource.index, resource.parsed);
            // A record left out is noted (and logged) each time: only what was added is kept.
            if (page.skippedNotes.size() != notes)
                continue;
            IncludedRecordCache::Record record;
            if (page.includedAccounts.size() > accounts)
                record.account = page.includedAccounts.constLast();
            if (page.includedCustomers.size() > customers)
                record.customer = page.includedCustomers.constLast();
            m_includedRecords.keep(resource.json, std::move(record));
        }
        return true;
    }

    // A string, or nothing for null; false for anything else.
    bool optionalText(od::value &value, std::optional<Text> &out) const
    {
        od::json_type type;
        if (value.type().get(type))
            return false;
        if (type != od::json_type::string)
            return isNull(value, type);
        Text text;
        if (!m_escapes) {
            od::raw_json_string raw;
            if (value.get_raw_json_string().get(raw) || !rawText(raw.raw(), text))
                return false;
        } else if (value.get_string().get(text) || hasSurrogate(text)) {
            return false;
        }
        out = text;
        return true;
    }

    SharedStrings::Hint &hint(Repeated field) { return m_hints[size_t(field)]; }
    QString pooled(Text text, Repeated field) { return m_values.get(text, hint(field)); }
    QString shared(const std::optional<Text> &text, Repeated field)
    {
        return text ? pooled(*text, field) : QString();
    }

    SharedStrings &m_vocabulary;
    IncludedRecordCache &m_includedRecords;
    SharedStrings m_values;
    std::array<SharedStrings::Hint, size_t(Repeated::Count)> m_hints;
    bool m_escapes;
    // The tags of the card read last, as text and as read.
    std::vector<std::pair<Text, Text>> m_tagTexts;
    std::vector<std::pair<Text, Text>> m_lastTagTexts;
    Tags m_lastTags;
    std::vector<std::pair<qsizetype, Text>> m_included;
    NameMeanings<TypeName> m_typeNames;
    NameMeanings<StatusName> m_statusNames;
};

// What the decoder keeps between documents, one per thread. Reused: the parser and its buffers
// (about six times the document's size) for documents up to KeptDocumentSize (a page of 1000
// cards is 420 KiB), freed after larger ones.
struct KeptState
{
    od::parser parser;
    std::vector<char> padded;
    SharedStrings vocabulary{VocabularySize};
    IncludedRecordCache includedRecords;
    qsizetype cardsOfLastPage = 0;
};

KeptState &keptState()
{
    thread_local KeptState state;
    return state;
}

// Runs `read` on the document in `body`; false when simdjson cannot read it exactly as Qt would.
template <class Read> bool readDocument(const QByteArray &body, Read readWith)
{
    const auto size = std::size_t(body.size());
    const ByteSummary bytes = summarize(body.constData(), size);
    if (body.startsWith(ByteOrderMark) ||
        (bytes.controls && !controlCharactersAreWhitespace(body.constData(), size)))
        return false;
    KeptState &kept = keptState();
    bool read = false;
    {
        // simdjson reads up to SIMDJSON_PADDING bytes past the end of the document, and
        // rawText() relies on them being zeros: a reply's body has them (PaddedBody), other
        // documents are copied next to them.
        static_assert(PaddedBody::Padding >= qsizetype(simdjson::SIMDJSON_PADDING));
        const char *document = body.constData();
        std::size_t allocated = size + std::size_t(PaddedBody::Padding);
        if (!PaddedBody::isPadded(body)) {
            kept.padded.resize(size + simdjson::SIMDJSON_PADDING);
            std::memcpy(kept.padded.data(), body.constData(), size);
            std::memset(kept.padded.data() + size, 0, simdjson::SIMDJSON_PADDING);
            document = kept.padded.data();
            allocated = kept.padded.size();
        }
        od::document parsed;
        if (!kept.parser.iterate(document, size, allocated).get(parsed)) {
            CardDocumentReader reader(kept.vocabulary, kept.includedRecords, bytes.backslashes);
            read = readWith(reader, parsed);
        }
    }
    if (size > KeptDocumentSize) {
        kept.parser = od::parser();
        kept.padded = std::vector<char>();
    }
    return read;
}

} // namespace

std::optional<CardPage> FastCardDecoder::page(const QByteArray &body)
{
    // Pages come in the size of the one before (a list pages through with one page[limit]):
    // room made for that many cards at once instead of the list growing card by card, which
    // reallocated and copied it seven times a page of 100.
    CardPage page;
    page.items.reserve(keptState().cardsOfLastPage);
    if (!readDocument(body, [&page](CardDocumentReader &reader, od::document &document) {
            return reader.readPage(document, page);
        }))
        return std::nullopt;
    keptState().cardsOfLastPage = qMin(page.items.size(), MaxReservedCards);
    return page;
}

void FastCardDecoder::forgetKeptDocuments()
{
    keptState() = KeptState();
}

std::optional<Card> FastCardDecoder::single(const QByteArray &body)
{
    Card card;
    if (!readDocument(body, [&card](CardDocumentReader &reader, od::document &document) {
            return reader.readSingle(document, card);
        }))
        return std::nullopt;
    return card;
}

QString FastCardDecoder::implementationName()
{
    return QString::fromStdString(simdjson::get_active_implementation()->name());
}

} // namespace tessera
