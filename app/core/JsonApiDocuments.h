#pragma once

#include "ApiError.h"
#include "JsonApiCodec.h"
#include "JsonApiFieldReader.h"
#include "Page.h"
#include "Result.h"
#include "Tags.h"

#include <limits>
#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// Internal to the codecs (JsonApiCodec, ActivityCodec): writing attributes, and reading whole
// documents, single or paged, where one bad record is left out with a note instead of failing
// the page.
namespace tessera::jsonapi {

// Left out when empty or invalid: Unit omits unset optional attributes.
void putString(QJsonObject &object, const char *key, const QString &value);
void putDateTime(QJsonObject &object, const char *key, const QDateTime &value);
QJsonObject tagsObject(const Tags &tags);
void putTags(QJsonObject &object, const Tags &tags);
// {"data": {"type": type, "id": id}}
QJsonObject relationshipObject(const QString &type, const QString &id);

QByteArray documentBytes(const QJsonObject &document);
// The whole document, once its "data" member is known to be an object (single) or array (list).
Result<QJsonObject> documentWithData(const QByteArray &body, bool list);
// "data[1] (individualDebitCard 8)": where a record was and what it claims to be, cut short so
// a hostile reply cannot flood the log. Type and id are not secret; attributes are never shown.
QString recordLabel(const QString &where, const QJsonObject &resource);
// Logs and notes one record left out of a page.
void skipRecord(QStringList &notes, const QString &label, const QString &problem);
// included[index] of a page: an account or a customer is added to the page, one that cannot be
// read is left out with a note, other types are skipped.
void addIncluded(QList<Account> &accounts, QList<Customer> &customers, QStringList &notes,
                 qsizetype index, const QJsonObject &resource);
template <class T> void addIncluded(Page<T> &page, qsizetype index, const QJsonObject &resource)
{
    addIncluded(page.includedAccounts, page.includedCustomers, page.skippedNotes, index, resource);
}

template <class T, class Decode> Result<T> singleFromDocument(const QByteArray &body, Decode decode)
{
    Result<QJsonObject> document = documentWithData(body, false);
    if (!document)
        return document.error();
    return decode(document->value(QLatin1String("data")).toObject());
}

template <class T, class Decode>
Result<Page<T>> pageFromDocument(const QByteArray &body, Decode decode)
{
    Result<QJsonObject> parsed = documentWithData(body, true);
    if (!parsed)
        return parsed.error();
    const QJsonObject &document = parsed.value();
    Page<T> page;
    const QJsonArray items = document.value(QLatin1String("data")).toArray();
    page.items.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString where = QStringLiteral("data[%1]").arg(i);
        if (!items.at(i).isObject()) {
            skipRecord(page.skippedNotes, where, QStringLiteral("not an object"));
            ++page.skipped;
            continue;
        }
        const QJsonObject resource = items.at(i).toObject();
        Result<T> decoded = decode(resource);
        if (!decoded) {
            skipRecord(page.skippedNotes, recordLabel(where, resource), decoded.error().detail);
            ++page.skipped;
            continue;
        }
        page.items.append(std::move(decoded).value());
    }

    FieldReader reader(QStringLiteral("meta"));
    const QJsonObject pagination = reader.object(reader.object(document, "meta"), "pagination");
    if (!pagination.isEmpty()) {
        Pagination p;
        // Counts, so 0..INT_MAX; anything else is a broken document, not a number to wrap.
        auto count = [&reader](const QJsonObject &o, const char *key, bool required,
                               qint64 fallback) {
            const qint64 value = reader.integer(o, key, required).value_or(fallback);
            if (value < 0 || value > std::numeric_limits<int>::max()) {
                reader.fail(QStringLiteral("\"%1\" is out of range").arg(QLatin1String(key)));
                return 0;
            }
            return int(value);
        };
        p.total = count(pagination, "total", true, 0);
        p.limit = count(pagination, "limit", false, items.size());
        p.offset = count(pagination, "offset", false, 0);
        page.pagination = p;
    }
    if (reader.failed())
        return reader.error();

    const QJsonValue included = document.value(QLatin1String("included"));
    if (!included.isUndefined() && !included.isArray())
        return ApiError::decode(QStringLiteral("\"included\" is not an array"));
    const QJsonArray includedArray = included.toArray();
    for (qsizetype i = 0; i < includedArray.size(); ++i)
        addIncluded(page, i, includedArray.at(i).toObject());
    return page;
}

} // namespace tessera::jsonapi
