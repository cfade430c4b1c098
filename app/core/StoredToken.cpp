#include "StoredToken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tessera {

QByteArray StoredToken::toJson() const
{
    QJsonObject o{{QStringLiteral("customerId"), customerId},
                  {QStringLiteral("token"), token},
                  {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                  {QStringLiteral("expiresAt"), expiresAt.toUTC().toString(Qt::ISODate)}};
    if (!codeRecipient.isEmpty())
        o.insert(QStringLiteral("codeRecipient"),
                 QJsonObject{{QStringLiteral("countryCode"), codeRecipient.countryCode},
                             {QStringLiteral("number"), codeRecipient.number}});
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<StoredToken> StoredToken::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    StoredToken stored;
    stored.customerId = o.value(QLatin1String("customerId")).toString();
    stored.token = o.value(QLatin1String("token")).toString();
    for (const QJsonValue &scope : o.value(QLatin1String("scopes")).toArray())
        stored.scopes << scope.toString();
    stored.expiresAt =
        QDateTime::fromString(o.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
    const QJsonObject recipient = o.value(QLatin1String("codeRecipient")).toObject();
    stored.codeRecipient = Phone{recipient.value(QLatin1String("countryCode")).toString(),
                                 recipient.value(QLatin1String("number")).toString()};
    if (stored.customerId.isEmpty() || stored.token.isEmpty() || !stored.expiresAt.isValid())
        return std::nullopt;
    return stored;
}

} // namespace tessera
