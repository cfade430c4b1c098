#include "JsonApiBody.h"

#include <cmath>
#include <QRegularExpression>

namespace tessera::sandbox {

JsonApiBody::JsonApiBody(const QJsonObject &document, const QStringList &allowedTypes)
{
    const QJsonValue data = document.value(QLatin1String("data"));
    if (!data.isObject()) {
        addError(QStringLiteral("The body must have a \"data\" object."), QStringLiteral("/data"));
        return;
    }
    m_data = data.toObject();
    const QJsonValue type = m_data.value(QLatin1String("type"));
    if (!type.isString()) {
        addError(QStringLiteral("\"type\" is required; use %1.")
                     .arg(allowedTypes.join(QStringLiteral(" or "))),
                 QStringLiteral("/data/type"));
    } else if (!allowedTypes.contains(type.toString())) {
        addError(QStringLiteral("\"%1\" is not accepted here; use %2.")
                     .arg(type.toString(), allowedTypes.join(QStringLiteral(" or "))),
                 QStringLiteral("/data/type"));
    } else {
        m_type = type.toString();
    }
    for (auto it = m_data.begin(); it != m_data.end(); ++it) {
        const QString key = it.key();
        if (key != QLatin1String("type") && key != QLatin1String("attributes") &&
            key != QLatin1String("relationships"))
            addError(QStringLiteral("\"%1\" is not allowed in this request.").arg(key),
                     QStringLiteral("/data/") + key);
    }
    m_attributes = m_data.value(QLatin1String("attributes")).toObject();
    m_relationships = m_data.value(QLatin1String("relationships")).toObject();
}

bool JsonApiBody::hasAttribute(const char *name) const
{
    return m_attributes.contains(QLatin1String(name));
}

void JsonApiBody::requireAttributesObject()
{
    if (!m_data.isEmpty() && !m_data.value(QLatin1String("attributes")).isObject())
        addError(QStringLiteral("\"attributes\" must be an object."),
                 QStringLiteral("/data/attributes"));
}

void JsonApiBody::requireRelationshipsObject()
{
    if (!m_data.isEmpty() && !m_data.value(QLatin1String("relationships")).isObject())
        addError(QStringLiteral("\"relationships\" must be an object."),
                 QStringLiteral("/data/relationships"));
}

void JsonApiBody::rejectUnknownAttributes(const QStringList &allowed)
{
    for (auto it = m_attributes.begin(); it != m_attributes.end(); ++it) {
        if (!allowed.contains(it.key()))
            addError(QStringLiteral("\"%1\" is not a valid attribute for %2.")
                         .arg(it.key(), m_type.isEmpty() ? QStringLiteral("this request") : m_type),
                     attributePointer(it.key()));
    }
}

QString JsonApiBody::string(const char *name, bool required, int minLength, int maxLength)
{
    const QString key = QLatin1String(name);
    const QJsonValue value = m_attributes.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            addError(QStringLiteral("\"%1\" is required.").arg(key), attributePointer(key));
        return {};
    }
    if (!value.isString()) {
        addError(QStringLiteral("\"%1\" must be a string.").arg(key), attributePointer(key));
        return {};
    }
    const QString text = value.toString();
    if (text.size() < minLength || (maxLength > 0 && text.size() > maxLength)) {
        addError(maxLength > 0 ? QStringLiteral("\"%1\" must be %2 to %3 characters long.")
                                     .arg(key)
                                     .arg(minLength)
                                     .arg(maxLength)
                               : QStringLiteral("\"%1\" must not be empty.").arg(key),
                 attributePointer(key));
        return {};
    }
    return text;
}

std::optional<qint64> JsonApiBody::integer(const char *name)
{
    const QString key = QLatin1String(name);
    const QJsonValue value = m_attributes.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double d = value.toDouble();
    // 2^53: beyond it JSON numbers stop being exact integers.
    if (!value.isDouble() || std::trunc(d) != d || std::fabs(d) > 9007199254740992.0) {
        addError(QStringLiteral("\"%1\" must be an integer.").arg(key), attributePointer(key));
        return std::nullopt;
    }
    return value.toInteger();
}

std::optional<bool> JsonApiBody::boolean(const char *name)
{
    const QString key = QLatin1String(name);
    const QJsonValue value = m_attributes.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool()) {
        addError(QStringLiteral("\"%1\" must be true or false.").arg(key), attributePointer(key));
        return std::nullopt;
    }
    return value.toBool();
}

QJsonObject JsonApiBody::object(const char *name)
{
    const QString key = QLatin1String(name);
    const QJsonValue value = m_attributes.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject()) {
        addError(QStringLiteral("\"%1\" must be an object.").arg(key), attributePointer(key));
        return {};
    }
    return value.toObject();
}

QString JsonApiBody::relationshipId(const QString &name, const QStringList &types)
{
    const QString pointer = QStringLiteral("/data/relationships/") + name;
    const QJsonObject data =
        m_relationships.value(name).toObject().value(QLatin1String("data")).toObject();
    const QString type = data.value(QLatin1String("type")).toString();
    const QString id = data.value(QLatin1String("id")).toString();
    static const QRegularExpression identifier(QStringLiteral("^[1-9][0-9]*$"));
    if (!types.contains(type)) {
        addError(QStringLiteral("relationships.%1.data.type must be %2.")
                     .arg(name, types.join(QStringLiteral(" or "))),
                 pointer + QStringLiteral("/data/type"));
        return {};
    }
    if (!identifier.match(id).hasMatch()) {
        addError(QStringLiteral("relationships.%1.data.id must be a numeric string.").arg(name),
                 pointer + QStringLiteral("/data/id"));
        return {};
    }
    return id;
}

void JsonApiBody::addError(const QString &detail, const QString &pointer)
{
    ApiError error = ApiError::http(400, QStringLiteral("Bad Request"), detail);
    error.sourcePointer = pointer;
    m_errors.append(error);
}

} // namespace tessera::sandbox
