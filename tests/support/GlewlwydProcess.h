#pragma once

#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace tessera::test {

// A real OpenID Connect provider for tests: Debian's glewlwyd (2.7.5), headless, throwaway, on a
// free loopback port. Everything lives in a temporary folder (SQLite database from the package's
// schema, an RSA signing key made by `openssl`, its configuration and its log), and it is set up
// through its admin REST API: one user, a public client "tessera-desktop" (no secret, code grant)
// and the "oidc" plugin (RS256 ID tokens, PKCE S256 required, plain refused). The user's `sub`
// is pinned (glewlwyd would invent a random one) and its e-mail is in every ID token. Stopped
// (SIGTERM) when this goes.
//
//   test::GlewlwydProcess provider;
//   QString error;
//   QVERIFY2(provider.start(&error), qPrintable(error));
//   ... once the app listens: QVERIFY(provider.setRedirectUris({signIn.redirectUri().toString()}));
class GlewlwydProcess
{
public:
    GlewlwydProcess();
    ~GlewlwydProcess();
    GlewlwydProcess(const GlewlwydProcess &) = delete;
    GlewlwydProcess &operator=(const GlewlwydProcess &) = delete;

    // Before start(): the ID token's `sub` and `email` for the user.
    void setSubject(const QString &subject) { m_subject = subject; }
    void setEmail(const QString &email) { m_email = email; }

    // Starts and configures it. False with the reason (and its log) when it did not come up.
    [[nodiscard]] bool start(QString *error = nullptr, int timeoutMs = 20000);

    // Where it answers, e.g. http://127.0.0.1:PORT
    QUrl baseUrl() const { return m_baseUrl; }
    // The oidc plugin's base: discovery is at issuer + "/.well-known/openid-configuration".
    QUrl issuer() const;
    QString clientId() const { return QStringLiteral("tessera-desktop"); }
    QString subject() const { return m_subject; }
    QString email() const { return m_email; }
    QString userName() const { return QStringLiteral("maya"); }
    QString password() const { return QStringLiteral("s3cret-pass"); }

    // glewlwyd compares a redirect_uri byte for byte (no "any port" for loopback, RFC 8252
    // §7.3): register the exact http://127.0.0.1:PORT/callback once the app listens.
    [[nodiscard]] bool setRedirectUris(const QStringList &uris);

    // Its own log file and what it printed, for failure messages.
    QString log();

private:
    bool prepareFiles(QString *error);
    bool runTool(const QString &program, const QStringList &arguments, const QByteArray &input,
                 QString *error);
    bool startServer(int timeoutMs, QString *error);
    bool configure(QString *error);
    // An admin call (after a fresh admin login: its g_admin scope wants a password login younger
    // than 600 s). False with the answer in `error` when it is not 200.
    bool adminCall(const QByteArray &verb, const QString &path, const QByteArray &json,
                   QString *error, QByteArray *answer = nullptr);
    bool adminLogIn(QString *error);
    void stop();

    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_output;             // what it printed, read so far
    QNetworkAccessManager m_network; // its cookie jar holds the admin session
    QString m_subject = QStringLiteral("maya@example.test");
    QString m_email = QStringLiteral("maya@example.test");
    quint16 m_port = 0;
    QUrl m_baseUrl;
};

} // namespace tessera::test
