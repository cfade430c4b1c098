#pragma once

#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

namespace tessera::test {

// A headless "system browser" for sign-in tests: what the app hands to QDesktopServices, a test
// hands to this. It opens the authorization URL and does what a person does at glewlwyd's login
// page, over glewlwyd's own session API (what its login.html does): logs the user in, allows the
// app the scopes it asked for, and continues the authorization (`g_continue`, as login.html
// adds). Then it follows the provider's redirect into the app's loopback listener. Its cookie
// jar keeps the provider's session, so a second sign-in with the same browser needs no login.
// A provider that redirects at once (FakeIdentityProvider) is followed the same way.
class ScriptedBrowser
{
public:
    ScriptedBrowser() = default;
    ScriptedBrowser(const ScriptedBrowser &) = delete;
    ScriptedBrowser &operator=(const ScriptedBrowser &) = delete;

    // The HTTP status of the last page it landed on (200 from the app's listener), 0 when it got
    // nowhere: then lastError() says why. With `grantConsent` false the user logs in but does
    // not allow the app and leaves the page (glewlwyd 2.7.5 has no "deny" that goes back to the
    // app): nothing reaches the app, and this returns 0.
    int openAndLogIn(const QUrl &authorizationUrl, const QString &user, const QString &password,
                     bool grantConsent = true);

    QString lastError() const { return m_lastError; }
    // Where it landed last, without the query (which may carry a code): e.g.
    // http://127.0.0.1:PORT/callback
    QUrl landedOn() const { return m_landedOn; }

private:
    bool logIn(const QUrl &loginPage, const QString &user, const QString &password);
    bool allow(const QUrl &loginPage, const QUrl &authorizationUrl);
    int fail(const QString &reason);

    QNetworkAccessManager m_network; // with its cookie jar: the provider's session
    QString m_lastError;
    QUrl m_landedOn;
};

} // namespace tessera::test
