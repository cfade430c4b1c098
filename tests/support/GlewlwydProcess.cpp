#include "GlewlwydProcess.h"

#include "ClosedPort.h"
#include "HttpExchange.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

namespace tessera::test {

namespace {

const QString Program = QStringLiteral("/usr/bin/glewlwyd");
// The schema the package ships; it creates the admin user (password "password"), the database
// user and client back ends and the scopes g_admin, g_profile and openid.
const QString Schema = QStringLiteral("/usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz");
const QByteArray AdminPassword = QByteArrayLiteral("password");
const QString PluginName = QStringLiteral("oidc");

QString sqlText(const QString &value)
{
    return QLatin1Char('\'') + QString(value).replace(QLatin1Char('\''), QStringLiteral("''")) +
           QLatin1Char('\'');
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

GlewlwydProcess::GlewlwydProcess()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

GlewlwydProcess::~GlewlwydProcess()
{
    stop();
}

QUrl GlewlwydProcess::issuer() const
{
    return QUrl(m_baseUrl.toString() + QStringLiteral("/api/") + PluginName);
}

bool GlewlwydProcess::start(QString *error, int timeoutMs)
{
    QString reason;
    bool started = false;
    if (!QFile::exists(Program) || !QFile::exists(Schema)) {
        reason = QStringLiteral("glewlwyd is not installed (Debian: glewlwyd; ./dev installs it)");
    } else if (prepareFiles(&reason)) {
        for (int attempt = 0; attempt < 3 && !started; ++attempt) {
            reason.clear();
            started = startServer(timeoutMs, &reason);
        }
        started = started && configure(&reason);
    }
    if (!started) {
        reason += QStringLiteral("\nglewlwyd's log:\n") + log();
        if (error)
            *error = reason;
        else
            qWarning("%s", qPrintable(reason));
    }
    return started;
}

bool GlewlwydProcess::prepareFiles(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder for glewlwyd");
        return false;
    }
    // RS256: a 2048-bit RSA key, and its public half that glewlwyd serves in its JWKS.
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    const QString publicKey = m_dir.filePath(QStringLiteral("pub.pem"));
    if (!runTool(QStringLiteral("openssl"),
                 {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                  QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                  QStringLiteral("-out"), key},
                 {}, error) ||
        !runTool(QStringLiteral("openssl"),
                 {QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"),
                  QStringLiteral("-out"), publicKey},
                 {}, error))
        return false;

    QProcess unzip;
    unzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), Schema});
    if (!unzip.waitForFinished(10000) || unzip.exitCode() != 0) {
        *error = QStringLiteral("cannot read %1").arg(Schema);
        return false;
    }
    // The `sub` is pinned: without a row here glewlwyd invents a random one on first use.
    const QString pinnedSubject =
        QStringLiteral("INSERT INTO gpo_subject_identifier (gposi_plugin_name, gposi_username, "
                       "gposi_client_id, gposi_sector_identifier_uri, gposi_sub) VALUES "
                       "(%1, %2, NULL, NULL, %3);\n")
            .arg(sqlText(PluginName), sqlText(userName()), sqlText(m_subject));
    return runTool(QStringLiteral("sqlite3"), {m_dir.filePath(QStringLiteral("glewlwyd.db"))},
                   unzip.readAllStandardOutput() + pinnedSubject.toUtf8(), error);
}

bool GlewlwydProcess::runTool(const QString &program, const QStringList &arguments,
                              const QByteArray &input, QString *error)
{
    if (QStandardPaths::findExecutable(program).isEmpty()) {
        *error = QStringLiteral("%1 is not installed").arg(program);
        return false;
    }
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(program, arguments);
    if (!input.isEmpty())
        tool.write(input);
    tool.closeWriteChannel();
    if (!tool.waitForFinished(30000) || tool.exitStatus() != QProcess::NormalExit ||
        tool.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3")
                     .arg(program, arguments.value(0), QString::fromUtf8(tool.readAll()));
        return false;
    }
    return true;
}

bool GlewlwydProcess::startServer(int timeoutMs, QString *error)
{
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        *error = QStringLiteral("no free loopback port for glewlwyd");
        return false;
    }
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    const QString dir = m_dir.path();
    // Quirk: the two secure_connection files must be named even with TLS off, or it exits
    // ("secure connection is active but certificate is not valid"); /dev/null will do.
    const QString configuration =
        QStringLiteral("port=%1\n"
                       "bind_address=\"127.0.0.1\"\n"
                       "external_url=\"%2\"\n"
                       "login_url=\"login.html\"\n"
                       "api_prefix=\"api\"\n"
                       "allow_origin=\"*\"\n"
                       "log_mode=\"file\"\n"
                       "log_level=\"INFO\"\n"
                       "log_file=\"%3/glewlwyd.log\"\n"
                       "cookie_secure=0\n"
                       "cookie_same_site=\"empty\"\n"
                       "session_expiration=3600\n"
                       "session_key=\"GLEWLWYD2_SESSION_ID\"\n"
                       "admin_session_authentication=\"cookie,api_key\"\n"
                       "profile_session_authentication=\"cookie\"\n"
                       "allow_multiple_user_per_session=true\n"
                       "login_api_enabled=true\n"
                       "plugin_api_run_enabled=\"\"\n"
                       "admin_scope=\"g_admin\"\n"
                       "profile_scope=\"g_profile\"\n"
                       "user_module_path=\"/usr/lib/glewlwyd/user\"\n"
                       "client_module_path=\"/usr/lib/glewlwyd/client\"\n"
                       "user_auth_scheme_module_path=\"/usr/lib/glewlwyd/scheme\"\n"
                       "plugin_module_path=\"/usr/lib/glewlwyd/plugin\"\n"
                       "use_secure_connection=false\n"
                       "secure_connection_key_file=\"/dev/null\"\n"
                       "secure_connection_pem_file=\"/dev/null\"\n"
                       "hash_algorithm=\"SHA512\"\n"
                       "database = { type = \"sqlite3\"; path = \"%3/glewlwyd.db\"; };\n")
            .arg(m_port)
            .arg(m_baseUrl.toString(), dir);
    QFile file(m_dir.filePath(QStringLiteral("glewlwyd.conf")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(configuration.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write glewlwyd's configuration");
        return false;
    }
    file.close();

    m_process.start(Program, {QStringLiteral("--config-file=") + file.fileName()});
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("glewlwyd did not start: %1").arg(m_process.errorString());
        return false;
    }
    // Ready once GET /config answers (not /api/config).
    QNetworkAccessManager probe;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (exchange(probe, QNetworkRequest(m_baseUrl.resolved(QUrl(QStringLiteral("/config")))),
                     "GET", {}, 1000)
                .status == 200)
            return true;
        if (m_process.state() == QProcess::NotRunning) {
            *error = QStringLiteral("glewlwyd on port %1 exited with %2")
                         .arg(m_port)
                         .arg(m_process.exitCode());
            return false;
        }
        QThread::msleep(50);
    }
    *error = QStringLiteral("glewlwyd on port %1 did not answer within %2 ms")
                 .arg(m_port)
                 .arg(timeoutMs);
    stop();
    return false;
}

bool GlewlwydProcess::configure(QString *error)
{
    if (!adminLogIn(error))
        return false;
    const QJsonObject user{
        {QStringLiteral("username"), userName()},
        {QStringLiteral("password"), password()},
        {QStringLiteral("name"), QStringLiteral("Maya Test")},
        {QStringLiteral("email"), m_email},
        {QStringLiteral("enabled"), true},
        {QStringLiteral("scope"),
         QJsonArray{QStringLiteral("openid"), QStringLiteral("g_profile")}},
    };
    if (!adminCall("POST", QStringLiteral("/user/"), json(user), error))
        return false;
    // A public client (RFC 8252 native app): no secret, code grant, exact redirect URIs.
    const QJsonObject client{
        {QStringLiteral("client_id"), clientId()},
        {QStringLiteral("name"), QStringLiteral("Tessera desktop")},
        {QStringLiteral("confidential"), false},
        {QStringLiteral("enabled"), true},
        {QStringLiteral("redirect_uri"), QJsonArray{QStringLiteral("http://127.0.0.1/callback")}},
        {QStringLiteral("authorization_type"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("scope"), QJsonArray{}},
    };
    if (!adminCall("POST", QStringLiteral("/client/"), json(client), error))
        return false;
    // RS256 is jwt-type "rsa" with key size "256". "email-claim": "mandatory" puts the user's
    // e-mail in every ID token (the broker finds the customer by it); "on-demand" would need a
    // `claims` request parameter.
    const QJsonObject parameters{
        {QStringLiteral("iss"), issuer().toString()},
        {QStringLiteral("subject-type"), QStringLiteral("public")},
        {QStringLiteral("jwt-type"), QStringLiteral("rsa")},
        {QStringLiteral("jwt-key-size"), QStringLiteral("256")},
        {QStringLiteral("key"), fileText(m_dir.filePath(QStringLiteral("key.pem")))},
        {QStringLiteral("cert"), fileText(m_dir.filePath(QStringLiteral("pub.pem")))},
        {QStringLiteral("jwks-show"), true},
        {QStringLiteral("access-token-duration"), 3600},
        {QStringLiteral("refresh-token-duration"), 1209600},
        {QStringLiteral("code-duration"), 600},
        {QStringLiteral("refresh-token-rolling"), true},
        {QStringLiteral("auth-type-code-enabled"), true},
        {QStringLiteral("auth-type-token-enabled"), false},
        {QStringLiteral("auth-type-id-token-enabled"), false},
        {QStringLiteral("auth-type-none-enabled"), false},
        {QStringLiteral("auth-type-password-enabled"), false},
        {QStringLiteral("auth-type-client-enabled"), false},
        {QStringLiteral("auth-type-device-enabled"), false},
        {QStringLiteral("auth-type-refresh-enabled"), false},
        {QStringLiteral("allow-non-oidc"), false},
        {QStringLiteral("pkce-allowed"), true},
        {QStringLiteral("pkce-method-plain-allowed"), false},
        {QStringLiteral("pkce-required"), true},
        {QStringLiteral("allowed-scope"),
         QJsonArray{QStringLiteral("openid"), QStringLiteral("email")}},
        {QStringLiteral("claims"), QJsonArray{}},
        {QStringLiteral("name-claim"), QStringLiteral("on-demand")},
        {QStringLiteral("email-claim"), QStringLiteral("mandatory")},
        {QStringLiteral("address-claim"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("no")}}},
    };
    const QJsonObject plugin{
        {QStringLiteral("module"), QStringLiteral("oidc")},
        {QStringLiteral("name"), PluginName},
        {QStringLiteral("display_name"), QStringLiteral("Test OIDC")},
        {QStringLiteral("enabled"), true},
        {QStringLiteral("order_rank"), 0},
        {QStringLiteral("parameters"), parameters},
    };
    return adminCall("POST", QStringLiteral("/mod/plugin/"), json(plugin), error);
}

bool GlewlwydProcess::setRedirectUris(const QStringList &uris)
{
    QString error;
    QByteArray current;
    if (!adminLogIn(&error) ||
        !adminCall("GET", QStringLiteral("/client/") + clientId(), {}, &error, &current)) {
        qWarning("glewlwyd: cannot read the client: %s", qPrintable(error));
        return false;
    }
    QJsonObject client = QJsonDocument::fromJson(current).object();
    client.remove(QStringLiteral("source"));
    client.remove(QStringLiteral("client_id"));
    client.insert(QStringLiteral("redirect_uri"), QJsonArray::fromStringList(uris));
    if (!adminCall("PUT", QStringLiteral("/client/") + clientId(), json(client), &error)) {
        qWarning("glewlwyd: cannot set the redirect URIs: %s", qPrintable(error));
        return false;
    }
    return true;
}

bool GlewlwydProcess::adminLogIn(QString *error)
{
    const QJsonObject credentials{{QStringLiteral("username"), QStringLiteral("admin")},
                                  {QStringLiteral("password"), QString::fromLatin1(AdminPassword)}};
    return adminCall("POST", QStringLiteral("/auth/"), json(credentials), error);
}

bool GlewlwydProcess::adminCall(const QByteArray &verb, const QString &path, const QByteArray &body,
                                QString *error, QByteArray *answer)
{
    const QNetworkRequest request(QUrl(m_baseUrl.toString() + QStringLiteral("/api") + path));
    const HttpAnswer reply = exchange(m_network, request, verb, body);
    if (reply.status != 200) {
        *error = QStringLiteral("glewlwyd admin %1 %2 -> %3 %4 %5")
                     .arg(QString::fromLatin1(verb), path)
                     .arg(reply.status)
                     .arg(reply.error, QString::fromUtf8(reply.body.left(400)));
        return false;
    }
    if (answer)
        *answer = reply.body;
    return true;
}

QString GlewlwydProcess::log()
{
    m_output += m_process.readAll();
    return fileText(m_dir.filePath(QStringLiteral("glewlwyd.log"))) + QString::fromUtf8(m_output);
}

void GlewlwydProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: it shuts down cleanly
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace tessera::test
