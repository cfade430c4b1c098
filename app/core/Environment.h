#pragma once

#include <optional>
#include <QString>
#include <QUrl>

namespace tessera {

// Where Tessera sends its API calls and who mints customer tokens there.
// - Demo: the in-process sandbox; the app holds its org token in memory.
// - UnitSandbox: Unit's sandbox; a support person's sandbox org token, kept in the keychain.
// - Production / Custom: token calls go to the bank's token broker, never with an org token.
struct Environment
{
    enum class Kind { Demo, UnitSandbox, Production, Custom };

    Kind kind = Kind::Demo;
    QUrl apiUrl;
    QUrl tokenBrokerUrl; // Production and Custom only

    static Environment demo(const QUrl &sandboxUrl);
    static Environment unitSandbox();
    static Environment production(const QUrl &tokenBrokerUrl);
    static Environment custom(const QUrl &apiUrl, const QUrl &tokenBrokerUrl);

    static QUrl unitSandboxUrl() { return QUrl(QStringLiteral("https://api.s.unit.sh")); }
    static QUrl unitProductionUrl() { return QUrl(QStringLiteral("https://api.unit.co")); }

    // Stable key for settings and keychain entries: "demo", "unit-sandbox", "production",
    // "custom-<scheme>-<host>-<port>" (a default port written out; only a-z, 0-9, '.', '-' and
    // '_', so it is safe in keychain entry names and QSettings groups).
    QString id() const;
    QString displayName() const;
    // The short marker the status bar shows: DEMO, SANDBOX, LIVE, CUSTOM.
    QString badge() const;
    bool usesOrgToken() const { return kind == Kind::Demo || kind == Kind::UnitSandbox; }
    // The demo's own sandbox lets a person play the card's arrival (POST /sandbox/cards/{id}/
    // activate); elsewhere a card is activated as its letter says.
    bool simulatesCardArrival() const { return kind == Kind::Demo; }
    // Where POST /customers/{id}/token[/verification] go.
    QUrl tokenUrl() const { return usesOrgToken() ? apiUrl : tokenBrokerUrl; }

    // A message when the URL may not be used: only https, except http on loopback.
    static std::optional<QString> checkUrl(const QUrl &url);
    // All of this environment's URLs, checked.
    std::optional<QString> check() const;
};

} // namespace tessera
