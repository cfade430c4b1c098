#include "EnvironmentSettings.h"

#include <QSettings>

namespace tessera {

namespace {

const QString KindKey = QStringLiteral("environment/kind");
const QString ApiUrlKey = QStringLiteral("environment/apiUrl");
const QString BrokerUrlKey = QStringLiteral("environment/tokenBrokerUrl");

} // namespace

QString EnvironmentSettings::kindName(Environment::Kind kind)
{
    switch (kind) {
    case Environment::Kind::Demo:
        return QStringLiteral("demo");
    case Environment::Kind::UnitSandbox:
        return QStringLiteral("unit-sandbox");
    case Environment::Kind::Production:
        return QStringLiteral("production");
    case Environment::Kind::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

std::optional<Environment::Kind> EnvironmentSettings::kindFromName(const QString &name)
{
    for (auto kind : {Environment::Kind::Demo, Environment::Kind::UnitSandbox,
                      Environment::Kind::Production, Environment::Kind::Custom}) {
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}

Environment EnvironmentSettings::load(std::optional<Environment::Kind> kind)
{
    QSettings settings;
    if (!kind)
        kind = kindFromName(settings.value(KindKey).toString());
    const QUrl apiUrl(settings.value(ApiUrlKey).toString());
    const QUrl brokerUrl(settings.value(BrokerUrlKey).toString());
    if (!kind || *kind == Environment::Kind::Demo)
        return Environment::demo({});
    switch (*kind) {
    case Environment::Kind::UnitSandbox:
        return Environment::unitSandbox();
    case Environment::Kind::Production:
        return Environment::production(brokerUrl);
    case Environment::Kind::Custom:
        return Environment::custom(apiUrl, brokerUrl);
    case Environment::Kind::Demo:
        break;
    }
    return Environment::demo({});
}

Environment EnvironmentSettings::load(const Provisioning &provisioning,
                                      std::optional<Environment::Kind> kind)
{
    if (!provisioning.isPresent())
        return load(kind);
    if (!provisioning.isProvisioned())
        return Environment::production(QUrl());
    Environment environment = Environment::production(provisioning.brokerUrl());
    environment.apiUrl = provisioning.apiUrl();
    return environment;
}

void EnvironmentSettings::save(const Environment &environment)
{
    QSettings settings;
    settings.setValue(KindKey, kindName(environment.kind));
    if (environment.kind == Environment::Kind::Custom)
        settings.setValue(ApiUrlKey, environment.apiUrl.toString());
    else
        settings.remove(ApiUrlKey);
    if (environment.usesOrgToken())
        settings.remove(BrokerUrlKey);
    else
        settings.setValue(BrokerUrlKey, environment.tokenBrokerUrl.toString());
}

} // namespace tessera
