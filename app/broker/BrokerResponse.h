#pragma once

#include <QJsonObject>
#include <QString>

namespace tessera::broker {

// One answer of the broker's API: a status and a JSON:API document (data or errors), plus
// Retry-After when a limit was hit.
struct BrokerResponse
{
    int status = 200;
    QJsonObject document;
    int retryAfterSeconds = 0; // > 0: sent as Retry-After

    // Unit's error shape: {"errors":[{"status","title","source":{"pointer"},"meta"}]}.
    static BrokerResponse error(int status, const QString &title, const QString &pointer = {},
                                const QJsonObject &meta = {});
    static BrokerResponse limited(int retryAfterSeconds);
    static BrokerResponse unavailable();
    bool isError() const { return status >= 400; }
};

} // namespace tessera::broker
