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
    if (signInIdentifier.isPhone())
        o.insert(
            QStringLiteral("signInPhone"),
            QJsonObject{{QStringLiteral("countryCode"), signInIdentifier.phoneNumber().countryCode},
                        {QStringLiteral("number"), signInIdentifier.phoneNumber().number}});
    else if (signInIdentifier.isEmail())
        o.insert(QStringLiteral("signInEmail"), signInIdentifier.emailAddress());
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
    // Absent from entries written before sign-ins went through a broker: nothing to renew with.
    const QJsonObject signInPhone = o.value(QLatin1String("signInPhone")).toObject();
    const QString signInEmail = o.value(QLatin1String("signInEmail")).toString();
    if (!signInPhone.isEmpty())
        stored.signInIdentifier = SignInIdentifier::phone(
            Phone{signInPhone.value(QLatin1String("countryCode")).toString(),
                  signInPhone.value(QLatin1String("number")).toString()});
    else if (!signInEmail.isEmpty())
        stored.signInIdentifier = SignInIdentifier::email(signInEmail);
    if (stored.customerId.isEmpty() || stored.token.isEmpty() || !stored.expiresAt.isValid())
        return std::nullopt;
    return stored;
}

} // namespace tessera
