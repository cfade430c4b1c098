#include "ScriptedBrowser.h"

#include "HttpExchange.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace tessera::test {

namespace {

// More hops than any sign-in needs: authorize → login page, authorize again → the app.
constexpr int MaximumHops = 8;

bool isLoginPage(const QUrl &url)
{
    return url.path().endsWith(QLatin1String("/login.html"));
}

QUrl apiUrl(const QUrl &loginPage, const QString &path)
{
    return loginPage.resolved(QUrl(QStringLiteral("/api") + path));
}

} // namespace

int ScriptedBrowser::openAndLogIn(const QUrl &authorizationUrl, const QString &user,
                                  const QString &password, bool grantConsent)
{
    m_lastError.clear();
    m_landedOn.clear();
    QUrl url = authorizationUrl;
    bool loggedIn = false;
    for (int hop = 0; hop < MaximumHops; ++hop) {
        const HttpAnswer answer = exchange(m_network, QNetworkRequest(url), "GET");
        m_landedOn = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
        if (answer.status == 0)
            return fail(
                QStringLiteral("no answer from %1: %2").arg(m_landedOn.toString(), answer.error));
        if (answer.status < 300 || answer.status >= 400 || !answer.location.isValid())
            return answer.status;
        if (!isLoginPage(answer.location)) {
            url = answer.location;
            continue;
        }
        if (loggedIn)
            return fail(QStringLiteral("the provider asked for a login again after one"));
        if (!logIn(answer.location, user, password))
            return 0;
        loggedIn = true;
        if (!grantConsent)
            return fail(QStringLiteral("the user did not allow the app and left the page"));
        if (!allow(answer.location, authorizationUrl))
            return 0;
        // What login.html does once the user is done: back to the authorization, continued.
        const QString callback =
            QUrlQuery(answer.location)
                .queryItemValue(QStringLiteral("callback_url"), QUrl::FullyDecoded);
        url =
            QUrl(callback + (callback.contains(QLatin1Char('?')) ? QStringLiteral("&g_continue")
                                                                 : QStringLiteral("?g_continue")));
    }
    return fail(QStringLiteral("more than %1 redirects").arg(MaximumHops));
}

bool ScriptedBrowser::logIn(const QUrl &loginPage, const QString &user, const QString &password)
{
    const QJsonObject credentials{{QStringLiteral("username"), user},
                                  {QStringLiteral("password"), password}};
    const HttpAnswer answer =
        exchange(m_network, QNetworkRequest(apiUrl(loginPage, QStringLiteral("/auth/"))), "POST",
                 QJsonDocument(credentials).toJson(QJsonDocument::Compact));
    if (answer.status != 200) {
        fail(QStringLiteral("the provider refused the login of %1 (HTTP %2)")
                 .arg(user)
                 .arg(answer.status));
        return false;
    }
    return true;
}

bool ScriptedBrowser::allow(const QUrl &loginPage, const QUrl &authorizationUrl)
{
    // The consent: the user grants the client the scopes it asked for.
    const QUrlQuery request(authorizationUrl);
    const QString clientId =
        request.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    const QString scope = request.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                              .replace(QLatin1Char('+'), QLatin1Char(' '));
    const HttpAnswer answer = exchange(
        m_network,
        QNetworkRequest(apiUrl(loginPage, QStringLiteral("/auth/grant/%1/").arg(clientId))), "PUT",
        QJsonDocument(QJsonObject{{QStringLiteral("scope"), scope}})
            .toJson(QJsonDocument::Compact));
    if (answer.status != 200) {
        fail(QStringLiteral("the provider did not take the consent (HTTP %1)").arg(answer.status));
        return false;
    }
    return true;
}

int ScriptedBrowser::fail(const QString &reason)
{
    m_lastError = reason;
    return 0;
}

} // namespace tessera::test
