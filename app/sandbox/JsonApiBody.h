#pragma once

#include "ApiError.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace tessera::sandbox {

// Reads a JSON:API request document ({"data":{"type","attributes","relationships"}}) the way
// Unit validates one: every problem becomes a 400 error whose source.pointer names the field,
// and all problems are collected so a client sees them at once.
class JsonApiBody
{
public:
    // `allowedTypes`: the data.type values this endpoint accepts.
    JsonApiBody(const QJsonObject &document, const QStringList &allowedTypes);

    bool ok() const { return m_errors.isEmpty(); }
    const QList<ApiError> &errors() const { return m_errors; }
    QString type() const { return m_type; }
    const QJsonObject &attributes() const { return m_attributes; }
    const QJsonObject &relationships() const { return m_relationships; }
    bool hasAttribute(const char *name) const;

    // additionalProperties:false for the attributes object.
    void rejectUnknownAttributes(const QStringList &allowed);
    void requireAttributesObject();
    void requireRelationshipsObject();

    QString string(const char *name, bool required, int minLength = 0, int maxLength = 0);
    std::optional<qint64> integer(const char *name);
    std::optional<bool> boolean(const char *name);
    QJsonObject object(const char *name);

    // relationships.NAME: {"data":{"type","id"}} with one of `types` and a numeric id; returns
    // the id (empty, with an error, when it is not so).
    QString relationshipId(const QString &name, const QStringList &types);

    void addError(const QString &detail, const QString &pointer);

    static QString attributePointer(const QString &name)
    {
        return QStringLiteral("/data/attributes/") + name;
    }

private:
    QString m_type;
    QJsonObject m_data;
    QJsonObject m_attributes;
    QJsonObject m_relationships;
    QList<ApiError> m_errors;
};

} // namespace tessera::sandbox
