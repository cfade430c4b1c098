#include "Environment.h"

#include <cstring>
#include <QCoreApplication>
#include <QHostAddress>

namespace tessera {

namespace {

// A key-safe, reversible spelling: lower-case letters, digits and `extra` stay, every other
// byte (of the UTF-8) becomes "_XX". Keychain entries and QSettings groups take the result
// as is (no '/', ':', '%' or spaces), and two inputs that differ in more than letter case
// never give the same output.
QString keySafe(const QString &text, const char *extra)
{
    static const char hex[] = "0123456789abcdef";
    QString out;
    for (const char c : text.toLower().toUtf8()) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c && std::strchr(extra, c))) {
            out += QLatin1Char(c);
        } else {
            out += QLatin1Char('_');
            out += QLatin1Char(hex[uchar(c) >> 4]);
            out += QLatin1Char(hex[uchar(c) & 0xf]);
        }
    }
    return out;
}

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https"))
        return 443;
    if (scheme == QLatin1String("http"))
        return 80;
    return -1;
}

} // namespace

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
    case Kind::Custom: {
        // Scheme, host and port: https://h and http://h:8443 are different servers and must
        // not share keychain entries; https://h:443 is https://h.
        const QString scheme = apiUrl.scheme().toLower();
        const int port = apiUrl.port(defaultPort(scheme));
        // The scheme keeps no '-' and the port has none, so the host between them is
        // unambiguous: "custom-https-bank.example-443".
        return QStringLiteral("custom-%1-%2-%3")
            .arg(keySafe(scheme, "."), keySafe(apiUrl.host(QUrl::FullyEncoded), ".-"),
                 port < 0 ? QStringLiteral("none") : QString::number(port));
    }
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
