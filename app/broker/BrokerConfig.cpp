#include "BrokerConfig.h"

#include "JwksSource.h"
#include "Scopes.h"

#include <QFileInfo>
#include <QSettings>

namespace tessera::broker {

namespace {

QStringList scopeList(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool readInt(const QSettings &settings, const QString &key, int min, int max, int *value,
             QString *error)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const int read = settings.value(key).toString().trimmed().toInt(&ok);
    if (!ok || read < min || read > max) {
        *error =
            QStringLiteral("%1 must be a whole number from %2 to %3.").arg(key).arg(min).arg(max);
        return false;
    }
    *value = read;
    return true;
}

bool readBool(const QSettings &settings, const QString &key, bool *value, QString *error)
{
    if (!settings.contains(key))
        return true;
    const QString text = settings.value(key).toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("yes") || text == QLatin1String("1"))
        *value = true;
    else if (text == QLatin1String("false") || text == QLatin1String("no") ||
             text == QLatin1String("0"))
        *value = false;
    else {
        *error = QStringLiteral("%1 must be true or false.").arg(key);
        return false;
    }
    return true;
}

} // namespace

bool BrokerConfig::load(const QString &path, BrokerConfig *config, QString *error)
{
    if (!QFileInfo(path).isReadable()) {
        *error = QStringLiteral("cannot read the configuration file %1").arg(path);
        return false;
    }
    const QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error = QStringLiteral("%1 is not a valid configuration file").arg(path);
        return false;
    }
    BrokerConfig read = *config;
    if (settings.contains(QStringLiteral("unit/apiUrl")))
        read.unitApiUrl = QUrl(settings.value(QStringLiteral("unit/apiUrl")).toString().trimmed());
    if (settings.contains(QStringLiteral("unit/orgTokenFile")))
        read.orgTokenFile =
            settings.value(QStringLiteral("unit/orgTokenFile")).toString().trimmed();
    if (settings.contains(QStringLiteral("listen/address"))) {
        const QString address =
            settings.value(QStringLiteral("listen/address")).toString().trimmed();
        if (!read.listenAddress.setAddress(address)) {
            *error = QStringLiteral("listen/address \"%1\" is not an IP address.").arg(address);
            return false;
        }
    }
    int port = read.port;
    if (!readInt(settings, QStringLiteral("listen/port"), 0, 65535, &port, error))
        return false;
    read.port = quint16(port);
    if (!readBool(settings, QStringLiteral("listen/behindProxy"), &read.behindProxy, error))
        return false;
    read.tlsCertificateFile =
        settings.value(QStringLiteral("listen/tlsCertificate"), read.tlsCertificateFile)
            .toString()
            .trimmed();
    read.tlsKeyFile =
        settings.value(QStringLiteral("listen/tlsKey"), read.tlsKeyFile).toString().trimmed();
    if (settings.contains(QStringLiteral("tokens/signInScopes")))
        read.signInScopes =
            scopeList(settings.value(QStringLiteral("tokens/signInScopes")).toString());
    if (settings.contains(QStringLiteral("tokens/upgradableScopes")))
        read.upgradableScopes =
            scopeList(settings.value(QStringLiteral("tokens/upgradableScopes")).toString());
    if (!readInt(settings, QStringLiteral("tokens/maxExpiresIn"), 1, 86400, &read.maxExpiresIn,
                 error) ||
        !readInt(settings, QStringLiteral("signIn/codeLifetime"), 60, 3600, &read.codeLifetime,
                 error))
        return false;
    struct LimitKey
    {
        const char *key;
        int *value;
        int max;
    };
    const LimitKey limitKeys[] = {
        {"limits/startsPerAddress", &read.limits.startsPerAddress, 100000},
        {"limits/startsPerIdentifier", &read.limits.startsPerIdentifier, 100000},
        {"limits/startWindow", &read.limits.startWindow, 86400},
        {"limits/wrongCodesPerAddress", &read.limits.wrongCodesPerAddress, 100000},
        {"limits/wrongCodesPerIdentifier", &read.limits.wrongCodesPerIdentifier, 100000},
        {"limits/wrongCodeWindow", &read.limits.wrongCodeWindow, 86400},
        // Unit itself ends a verification after five wrong codes.
        {"limits/wrongCodesPerSignIn", &read.limits.wrongCodesPerSignIn, 5},
    };
    for (const LimitKey &limit : limitKeys) {
        if (!readInt(settings, QLatin1String(limit.key), 1, limit.max, limit.value, error))
            return false;
    }
    read.redisAddress =
        settings.value(QStringLiteral("store/redis"), read.redisAddress).toString().trimmed();
    read.redisPasswordFile =
        settings.value(QStringLiteral("store/redisPasswordFile"), read.redisPasswordFile)
            .toString()
            .trimmed();
    read.redisKeyPrefix =
        settings.value(QStringLiteral("store/redisKeyPrefix"), read.redisKeyPrefix)
            .toString()
            .trimmed();
    const auto text = [&settings](const char *key, const QString &fallback) {
        return settings.value(QLatin1String(key), fallback).toString().trimmed();
    };
    read.identityProvider.jwks = text("identityProvider/jwks", read.identityProvider.jwks);
    read.identityProvider.issuer = text("identityProvider/issuer", read.identityProvider.issuer);
    read.identityProvider.audience =
        text("identityProvider/audience", read.identityProvider.audience);
    *config = read;
    return true;
}

QString BrokerConfig::problem() const
{
    if (!unitApiUrl.isValid() || unitApiUrl.host().isEmpty() ||
        (unitApiUrl.scheme() != QLatin1String("https") &&
         !(unitApiUrl.scheme() == QLatin1String("http") &&
           QHostAddress(unitApiUrl.host()).isLoopback())))
        return QStringLiteral("unit/apiUrl must be an https address (http only on loopback).");
    if (orgTokenFile.isEmpty())
        return QStringLiteral("no org token file: set unit/orgTokenFile or run under systemd "
                              "with LoadCredential=unit-org-token.");
    if (signInScopes.isEmpty())
        return QStringLiteral("tokens/signInScopes is empty.");
    for (const QString &scope : signInScopes + upgradableScopes) {
        if (!Scopes::isKnown(scope))
            return QStringLiteral("\"%1\" is not one of Unit's scopes.").arg(scope);
        if (Scopes::isOrgOnly(scope))
            return QStringLiteral("\"%1\" is for org tokens only; a customer never gets it.")
                .arg(scope);
    }
    for (const QString &scope : signInScopes) {
        if (Scopes::needsTwoFactor(scope))
            return QStringLiteral("\"%1\" needs a one-time code each time: put it in "
                                  "tokens/upgradableScopes, never in tokens/signInScopes.")
                .arg(scope);
    }
    for (const QString &scope : upgradableScopes) {
        if (!Scopes::needsTwoFactor(scope))
            return QStringLiteral("\"%1\" needs no code: put it in tokens/signInScopes.")
                .arg(scope);
    }
    if (!upgradableScopes.isEmpty() && !signInScopes.contains(Scopes::CustomerTokenWrite))
        return QStringLiteral("tokens/upgradableScopes needs customer-token-write in "
                              "tokens/signInScopes (the customer mints its verified tokens).");
    if (usesTls() != !tlsKeyFile.isEmpty())
        return QStringLiteral("listen/tlsCertificate and listen/tlsKey go together.");
    if (identityProvider.isSet()) {
        if (identityProvider.jwks.isEmpty() || identityProvider.issuer.isEmpty() ||
            identityProvider.audience.isEmpty())
            return QStringLiteral("[identityProvider] needs jwks, issuer and audience (the client "
                                  "id the bank registered for Tessera) together, or none of "
                                  "them.");
        if (const QString where = JwksSource::locationProblem(identityProvider.jwks);
            !where.isEmpty())
            return QStringLiteral("identityProvider/jwks: %1.").arg(where);
    }
    if (!listenAddress.isLoopback() && !usesTls() && !behindProxy)
        return QStringLiteral("listening on %1 without TLS: set listen/tlsCertificate and "
                              "listen/tlsKey, or listen/behindProxy=true when a reverse proxy "
                              "in front of the broker ends TLS.")
            .arg(listenAddress.toString());
    return {};
}

} // namespace tessera::broker
