#include "BrokerResponse.h"

#include <QJsonArray>

namespace tessera::broker {

BrokerResponse BrokerResponse::error(int status, const QString &title, const QString &pointer,
                                     const QJsonObject &meta)
{
    QJsonObject error{{QStringLiteral("status"), QString::number(status)},
                      {QStringLiteral("title"), title}};
    if (!pointer.isEmpty())
        error.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("pointer"), pointer}});
    if (!meta.isEmpty())
        error.insert(QStringLiteral("meta"), meta);
    return BrokerResponse{status, QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}}, 0};
}

BrokerResponse BrokerResponse::limited(int retryAfterSeconds)
{
    BrokerResponse response =
        error(429, QStringLiteral("Too many tries. Please wait a little and try again."));
    response.retryAfterSeconds = qMax(1, retryAfterSeconds);
    return response;
}

BrokerResponse BrokerResponse::unavailable()
{
    return error(503, QStringLiteral("Signing in is not possible right now. Please try again "
                                     "in a few minutes."));
}

} // namespace tessera::broker
