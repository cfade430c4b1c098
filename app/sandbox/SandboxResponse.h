#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace tessera::sandbox {

// What the pure API layer answers; SandboxServer writes it to the socket. Every body is a
// JSON:API document, errors included, so clients never see an HTML or empty error page.
struct SandboxResponse
{
    static constexpr const char *ContentType = "application/vnd.api+json; charset=utf-8";

    int status = 200;
    QByteArray body;
    QByteArray contentType = ContentType;         // a statement's PDF is "application/pdf"
    QList<QPair<QByteArray, QByteArray>> headers; // beyond Content-Type/Content-Length

    static SandboxResponse document(int status, QByteArray body);
    // Each error gets its own supportId, as Unit's do. Unit documents no error `code` for any
    // error the sandbox answers, so none is sent: status, title, detail, source.pointer, meta.
    static SandboxResponse errors(int status, QList<ApiError> errors);
    static SandboxResponse error(int status, const QString &detail,
                                 const QString &sourcePointer = {});

    static SandboxResponse badRequest(const QString &detail, const QString &sourcePointer = {});
    static SandboxResponse notFound(const QString &detail);
    static SandboxResponse unauthorized(const QString &detail);

    // The standard reason phrase, which Unit also uses as the error title.
    static QString titleFor(int status);
};

} // namespace tessera::sandbox
