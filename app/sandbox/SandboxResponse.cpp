#include "SandboxResponse.h"

#include "JsonApiCodec.h"

#include <QUuid>

namespace tessera::sandbox {

SandboxResponse SandboxResponse::document(int status, QByteArray body)
{
    SandboxResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

SandboxResponse SandboxResponse::errors(int status, QList<ApiError> errors)
{
    for (ApiError &error : errors) {
        error.kind = ApiError::Kind::Http;
        error.httpStatus = status;
        if (error.title.isEmpty())
            error.title = titleFor(status);
        if (error.supportId.isEmpty())
            error.supportId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    return document(status, JsonApiCodec::encodeErrors(errors));
}

SandboxResponse SandboxResponse::error(int status, const QString &detail,
                                       const QString &sourcePointer)
{
    ApiError e = ApiError::http(status, titleFor(status), detail);
    e.sourcePointer = sourcePointer;
    return errors(status, {e});
}

SandboxResponse SandboxResponse::badRequest(const QString &detail, const QString &sourcePointer)
{
    return error(400, detail, sourcePointer);
}

SandboxResponse SandboxResponse::notFound(const QString &detail)
{
    return error(404, detail);
}

SandboxResponse SandboxResponse::unauthorized(const QString &detail)
{
    return error(401, detail);
}

QString SandboxResponse::titleFor(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 409:
        return QStringLiteral("Conflict");
    case 413:
        return QStringLiteral("Payload Too Large");
    case 415:
        return QStringLiteral("Unsupported Media Type");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    default:
        return QStringLiteral("Error");
    }
}

} // namespace tessera::sandbox
