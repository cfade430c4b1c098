#pragma once

#include "Jwks.h"

#include <chrono>
#include <functional>
#include <optional>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace tessera {

// An identity provider's JWK Set, from a file or from its https address (http only on
// loopback), for the sandbox and the broker. A URL is fetched with one GET that follows no
// redirect (a redirect could hand the keys to someone else) and gives up after 10 s. The keys
// stay as last loaded when a reload fails.
class JwksSource : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds FetchTimeout{10};
    static constexpr std::chrono::seconds MinimumRefreshInterval{60};
    static constexpr qsizetype MaxJwksBytes = 1024 * 1024;

    JwksSource(const QString &fileOrUrl, QNetworkAccessManager *nam, QObject *parent = nullptr);

    // Why `fileOrUrl` cannot be a JWK Set's location (a scheme other than https, or http off
    // loopback), in plain technical words; empty when it can. Says nothing of whether it loads.
    static QString locationProblem(const QString &fileOrUrl);

    // File: reads it now; URL: starts the GET. Emits loaded() or failed().
    void load();
    const Jwks &keys() const { return m_keys; }
    bool isLoading() const { return !m_reply.isNull(); }
    bool isUrl() const { return m_url.isValid(); }

    // A token names a kid the set does not have: the provider may have rotated its keys. A file
    // is re-read; a URL is fetched again, at most once per MinimumRefreshInterval (so that tokens
    // with made-up kids cannot make us hammer the provider) and not while a fetch is under way.
    void refreshForUnknownKey();

    // For tests: where refreshForUnknownKey() reads the time (a steady clock by default).
    void setClock(std::function<std::chrono::steady_clock::time_point()> now);

signals:
    void loaded();
    void failed(const QString &technicalReason);

private:
    void loadFile();
    void fetch();
    void onFetched();
    void take(const QByteArray &json, const QString &from);

    QString m_location;
    QUrl m_url; // invalid for a file
    QNetworkAccessManager *m_nam;
    QPointer<QNetworkReply> m_reply;
    QString m_abortReason; // why we aborted the fetch under way
    Jwks m_keys;
    std::function<std::chrono::steady_clock::time_point()> m_now;
    std::optional<std::chrono::steady_clock::time_point> m_lastRefresh;
};

} // namespace tessera
