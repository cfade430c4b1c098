#include "JsonApiFieldReader.h"

namespace tessera::jsonapi {

ResourceParts readEnvelope(FieldReader &reader, const QJsonObject &resource,
                           QLatin1String typeSuffix, bool needsId)
{
    ResourceParts parts;
    parts.type = reader.string(resource, "type", true);
    if (!reader.failed() && !parts.type.endsWith(typeSuffix, Qt::CaseInsensitive))
        reader.fail(QStringLiteral("unexpected resource type \"%1\"").arg(parts.type));
    parts.id = reader.string(resource, "id", needsId);
    parts.attributes = reader.object(resource, "attributes", true);
    parts.relationships = reader.object(resource, "relationships");
    return parts;
}

} // namespace tessera::jsonapi
