#include "JsonApiDocuments.h"

#include "Logging.h"

#include <QJsonDocument>

namespace tessera::jsonapi {

void putString(QJsonObject &object, const char *key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(QLatin1String(key), value);
}

void putDateTime(QJsonObject &object, const char *key, const QDateTime &value)
{
    if (value.isValid())
        object.insert(QLatin1String(key), value.toUTC().toString(Qt::ISODateWithMs));
}

QJsonObject tagsObject(const Tags &tags)
{
    QJsonObject t;
    for (auto it = tags.begin(); it != tags.end(); ++it)
        t.insert(it.key(), it.value());
    return t;
}

void putTags(QJsonObject &object, const Tags &tags)
{
    if (!tags.isEmpty())
        object.insert(QStringLiteral("tags"), tagsObject(tags));
}

QJsonObject relationshipObject(const QString &type, const QString &id)
{
    return QJsonObject{{QStringLiteral("data"),
                        QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("id"), id}}}};
}

QByteArray documentBytes(const QJsonObject &document)
{
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

Result<QJsonObject> documentWithData(const QByteArray &body, bool list)
{
    Result<QJsonObject> document = JsonApiCodec::parseDocument(body);
    if (!document)
        return document;
    const QJsonValue data = document->value(QLatin1String("data"));
    if (data.isUndefined())
        return ApiError::decode(QStringLiteral("document has no \"data\""));
    if (list ? !data.isArray() : !data.isObject())
        return ApiError::decode(list ? QStringLiteral("\"data\" is not an array")
                                     : QStringLiteral("\"data\" is not an object"));
    return document;
}

QString recordLabel(const QString &where, const QJsonObject &resource)
{
    const QJsonValue type = resource.value(QLatin1String("type"));
    const QJsonValue id = resource.value(QLatin1String("id"));
    const QString what = QStringList{type.isString() ? type.toString().left(64) : QString(),
                                     id.isString() ? id.toString().left(64) : QString()}
                             .join(QLatin1Char(' '))
                             .trimmed();
    return what.isEmpty() ? where : QStringLiteral("%1 (%2)").arg(where, what);
}

void skipRecord(QStringList &notes, const QString &label, const QString &problem)
{
    const QString note = QStringLiteral("%1: %2").arg(label, problem);
    qCWarning(lcApi).noquote() << "left out a record that could not be decoded:" << note;
    notes.append(note);
}

void addIncluded(QList<Account> &accounts, QList<Customer> &customers, QStringList &notes,
                 qsizetype index, const QJsonObject &resource)
{
    const QString type = resource.value(QLatin1String("type")).toString();
    const QString where = QStringLiteral("included[%1]").arg(index);
    // A related record that cannot be read is left out like a record of "data": the items that
    // refer to it still show, without what it would have added.
    if (type.endsWith(QLatin1String("Account"))) {
        Result<Account> account = JsonApiCodec::decodeAccount(resource);
        if (account)
            accounts.append(account.value());
        else
            skipRecord(notes, recordLabel(where, resource), account.error().detail);
    } else if (type.endsWith(QLatin1String("Customer"))) {
        Result<Customer> customer = JsonApiCodec::decodeCustomer(resource);
        if (customer)
            customers.append(customer.value());
        else
            skipRecord(notes, recordLabel(where, resource), customer.error().detail);
    }
    // Other included types are not used by Tessera; JSON:API lets us skip them.
}

} // namespace tessera::jsonapi
