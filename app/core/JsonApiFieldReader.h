#pragma once

#include "ApiError.h"
#include "Person.h"
#include "Phone.h"
#include "Tags.h"

#include <cmath>
#include <optional>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <utility>

// Internal to the codecs (JsonApiCodec, ActivityCodec): not part of Tessera's public types.
namespace tessera::jsonapi {

// Reads typed fields from JSON objects and remembers the first problem, so a decoder can read
// every field it needs and check once at the end. A null value counts as absent (Unit sends
// null for cleared optional attributes).
class FieldReader
{
public:
    explicit FieldReader(QString context)
        : m_context(std::move(context))
    {}

    bool failed() const { return m_error.has_value(); }
    ApiError error() const { return m_error.value_or(ApiError::decode(QString())); }

    void fail(const QString &what)
    {
        if (!m_error)
            m_error = ApiError::decode(QStringLiteral("%1: %2").arg(m_context, what));
    }

    QString string(const QJsonObject &object, const char *key, bool required = false)
    {
        const QJsonValue v = object.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QStringLiteral("missing \"%1\"").arg(QLatin1String(key)));
        } else {
            fail(QStringLiteral("\"%1\" is not a string").arg(QLatin1String(key)));
        }
        return {};
    }

    std::optional<qint64> integer(const QJsonObject &object, const char *key, bool required = false)
    {
        const QJsonValue v = object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QStringLiteral("missing \"%1\"").arg(QLatin1String(key)));
            return std::nullopt;
        }
        const double d = v.toDouble();
        // 2^53: beyond it a JSON number no longer holds an exact amount of cents.
        if (!v.isDouble() || std::trunc(d) != d || std::fabs(d) > 9007199254740992.0) {
            fail(QStringLiteral("\"%1\" is not an integer").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return v.toInteger();
    }

    QJsonObject object(const QJsonObject &parent, const char *key, bool required = false)
    {
        const QJsonValue v = parent.value(QLatin1String(key));
        if (v.isObject())
            return v.toObject();
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QStringLiteral("missing \"%1\"").arg(QLatin1String(key)));
        } else {
            fail(QStringLiteral("\"%1\" is not an object").arg(QLatin1String(key)));
        }
        return {};
    }

    QJsonArray array(const QJsonObject &parent, const char *key)
    {
        const QJsonValue v = parent.value(QLatin1String(key));
        if (v.isArray())
            return v.toArray();
        if (!v.isUndefined() && !v.isNull())
            fail(QStringLiteral("\"%1\" is not an array").arg(QLatin1String(key)));
        return {};
    }

    // {"countryCode": "1", "number": "4155550142"}; absent: an empty phone.
    Phone phone(const QJsonObject &parent, const char *key)
    {
        const QJsonObject o = object(parent, key);
        return Phone{string(o, "countryCode"), string(o, "number")};
    }

    // Unit's Contact and AuthorizedUser: fullName {first, last}, email, phone, jwtSubject.
    Person person(const QJsonObject &o)
    {
        Person person;
        const QJsonObject fullName = object(o, "fullName");
        person.firstName = string(fullName, "first");
        person.lastName = string(fullName, "last");
        person.email = string(o, "email");
        person.phone = phone(o, "phone");
        person.jwtSubject = string(o, "jwtSubject");
        return person;
    }

    bool has(const QJsonObject &object, const char *key) const
    {
        const QJsonValue v = object.value(QLatin1String(key));
        return !v.isUndefined() && !v.isNull();
    }

    QDateTime dateTime(const QJsonObject &object, const char *key, bool required = false)
    {
        const QString text = string(object, key, required);
        if (text.isEmpty()) {
            // "" is no date-time: a required one must not decode as an invalid QDateTime.
            if (required)
                fail(QStringLiteral("\"%1\" is empty").arg(QLatin1String(key)));
            return {};
        }
        bool readable = false;
        QDateTime value = parseDateTime(text, &readable);
        if (!readable)
            fail(QStringLiteral("\"%1\" is not a date-time").arg(QLatin1String(key)));
        return value;
    }

    // A non-empty date-time text as dateTime() reads it; `readable` says whether it is one
    // encode() can write back.
    static QDateTime parseDateTime(const QString &text, bool *readable)
    {
        QDateTime value = QDateTime::fromString(text, Qt::ISODateWithMs);
        // Only what encode() can write back: in UTC, ISO 8601 years run from 0001 to 9999
        // ("9999-12-31T23:00:00-05:00" is in year 10000 in UTC and would come out as "").
        const int utcYear = value.isValid() ? value.toUTC().date().year() : 0;
        *readable = utcYear >= 1 && utcYear <= 9999;
        return value;
    }

    Tags tags(const QJsonObject &object)
    {
        Tags result;
        const QJsonObject tagObject = this->object(object, "tags");
        for (auto it = tagObject.begin(); it != tagObject.end(); ++it) {
            if (!it.value().isString()) {
                fail(QStringLiteral("tag \"%1\" is not a string").arg(it.key()));
                continue;
            }
            result.insert(it.key(), it.value().toString());
        }
        return result;
    }

    // {"data": {"type": ..., "id": ...}} -> (type, id)
    std::pair<QString, QString> relationship(const QJsonObject &relationships, const char *name)
    {
        const QJsonObject rel = object(relationships, name);
        const QJsonObject data = object(rel, "data");
        if (data.isEmpty())
            return {};
        return {string(data, "type", true), string(data, "id", true)};
    }

private:
    QString m_context;
    std::optional<ApiError> m_error;
};

struct ResourceParts
{
    QString type;
    QString id;
    QJsonObject attributes;
    QJsonObject relationships;
};

// Checks the resource envelope: a string type with the expected suffix ("Card", "Account"...),
// an id when the resource has one, and an attributes object.
ResourceParts readEnvelope(FieldReader &reader, const QJsonObject &resource,
                           QLatin1String typeSuffix, bool needsId);

} // namespace tessera::jsonapi
