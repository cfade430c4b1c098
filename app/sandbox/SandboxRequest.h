#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace tessera::sandbox {

// One HTTP request as the sandbox's pure request -> response layer sees it, so the API can be
// exercised without sockets and the socket layer stays a thin adapter.
struct SandboxRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded path, e.g. "/cards/10001"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // The source IP, which Unit's rate limit counts by.
    QString clientAddress;

    // Filled in by SandboxApi once the body passed the media-type and JSON checks.
    QJsonObject json;

    // Case-insensitive, as HTTP header names are.
    QByteArray header(const QByteArray &name) const;
    // The Content-Type without parameters, lower-cased ("application/vnd.api+json").
    QByteArray mediaType() const;
    // The token after "Bearer ", or empty.
    QString bearerToken() const;
};

} // namespace tessera::sandbox
