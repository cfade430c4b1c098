#include "Environment.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace tessera {

Environment Environment::demo(const QUrl &sandboxUrl)
{
    return Environment{Kind::Demo, sandboxUrl, {}};
}

Environment Environment::unitSandbox()
{
    return Environment{Kind::UnitSandbox, unitSandboxUrl(), {}};
}

Environment Environment::production(const QUrl &tokenBrokerUrl)
{
    return Environment{Kind::Production, unitProductionUrl(), tokenBrokerUrl};
}

Environment Environment::custom(const QUrl &apiUrl, const QUrl &tokenBrokerUrl)
{
    return Environment{Kind::Custom, apiUrl, tokenBrokerUrl};
}

QString Environment::id() const
{
    switch (kind) {
    case Kind::Demo:
        return QStringLiteral("demo");
    case Kind::UnitSandbox:
        return QStringLiteral("unit-sandbox");
    case Kind::Production:
        return QStringLiteral("production");
    case Kind::Custom:
        return QStringLiteral("custom-") + apiUrl.host();
    }
    return {};
}

QString Environment::displayName() const
{
    switch (kind) {
    case Kind::Demo:
        return QCoreApplication::translate("Environment", "Demo");
    case Kind::UnitSandbox:
        return QCoreApplication::translate("Environment", "Unit sandbox");
    case Kind::Production:
        return QCoreApplication::translate("Environment", "Production");
    case Kind::Custom:
        return QCoreApplication::translate("Environment", "Custom (%1)").arg(apiUrl.host());
    }
    return {};
}

QString Environment::badge() const
{
    switch (kind) {
    case Kind::Demo:
        return QCoreApplication::translate("Environment", "DEMO");
    case Kind::UnitSandbox:
        return QCoreApplication::translate("Environment", "SANDBOX");
    case Kind::Production:
        return QCoreApplication::translate("Environment", "LIVE");
    case Kind::Custom:
        return QCoreApplication::translate("Environment", "CUSTOM");
    }
    return {};
}

std::optional<QString> Environment::checkUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("Environment", "\"%1\" is not a valid address.")
            .arg(url.toDisplayString());
    if (url.scheme() == QLatin1String("https"))
        return std::nullopt;
    const QHostAddress host(url.host());
    const bool loopback = url.host() == QLatin1String("localhost") || host.isLoopback();
    if (url.scheme() == QLatin1String("http") && loopback)
        return std::nullopt;
    return QCoreApplication::translate(
               "Environment",
               "\"%1\" must use https:// (plain http is allowed only on this computer).")
        .arg(url.toDisplayString());
}

std::optional<QString> Environment::check() const
{
    if (auto problem = checkUrl(apiUrl))
        return problem;
    if (!usesOrgToken()) {
        if (tokenBrokerUrl.isEmpty())
            return QCoreApplication::translate("Environment",
                                               "This environment needs a token broker address.");
        return checkUrl(tokenBrokerUrl);
    }
    return std::nullopt;
}

} // namespace tessera
