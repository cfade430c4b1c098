// tessera-sandbox: a local stand-in for Unit's API (see SandboxServer).

#include "JwksSource.h"
#include "Logging.h"
#include "ProcessHardening.h"
#include "SandboxApi.h"
#include "SandboxServer.h"

#include <cstdio>
#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "tessera-sandbox: %s\n", qPrintable(message));
    return 1;
}

// An existing file supplies the org token; a missing one receives a fresh token, readable by
// the owner only, so scripts can share a token without it ever appearing on a terminal.
bool resolveOrgTokenFile(const QString &path, tessera::sandbox::SandboxServer &server,
                         QString *error)
{
    QFile file(path);
    if (QFileInfo::exists(path)) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
            return false;
        }
        const QString token = QString::fromUtf8(file.readAll()).trimmed();
        if (token.isEmpty()) {
            *error = QStringLiteral("%1 is empty").arg(path);
            return false;
        }
        server.setOrgToken(token);
        return true;
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray token = server.orgToken().toUtf8() + '\n';
    if (file.write(token) != token.size()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before the org token exists: it may not end up in a core dump.
    tessera::ProcessHardening::apply();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tessera-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Local HTTP server that speaks Unit's banking API with demo data.\n"
                       "Without --org-token-file the generated org token is printed once."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("TCP port (0 = any free port)."),
                                        QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Seed JSON file (default: built-in demo data)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("org-token-file"),
        QStringLiteral("Read the org token from FILE, or write a new one there (mode 0600) if "
                       "FILE does not exist."),
        QStringLiteral("FILE"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        QStringLiteral("Address to listen on."),
                                        QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        QStringLiteral("Keep changes (cards, unexpired sign-ins by token fingerprint) in FILE "
                       "across restarts."),
        QStringLiteral("FILE"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault"),
        QStringLiteral("Inject a fault, e.g. \"POST /cards drop-after-commit p=0.3\" or \"GET "
                       "/cards/* 429 n=2 retry-after=1\". Faults: delay (delay=MS), 500, 502, "
                       "503, 408, 429, drop-before-response, drop-after-commit, malformed-json, "
                       "wrong-shape. Paths take * for one segment and ** for the rest. "
                       "Repeatable."),
        QStringLiteral("SPEC"));
    const QCommandLineOption faultSeedOption(
        QStringLiteral("fault-seed"),
        QStringLiteral("Seed for fault decisions, so runs repeat (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption jwksOption(
        QStringLiteral("jwks"),
        QStringLiteral("The org's identity provider for JWT sign-in: its JWK Set, a file or an "
                       "https address (http only on this computer). Needs --jwt-issuer. Without "
                       "both, every jwtToken is refused, as Unit refuses JWTs from an org with no "
                       "identity provider."),
        QStringLiteral("FILE|URL"));
    const QCommandLineOption issuerOption(
        QStringLiteral("jwt-issuer"),
        QStringLiteral("The identity provider's issuer: a JWT's \"iss\" must be exactly this."),
        QStringLiteral("ISSUER"));
    // Load tests (tests/bench) ask more of one address than Unit's limit lets through.
    const QCommandLineOption rateLimitOption(
        QStringLiteral("requests-per-minute"),
        QStringLiteral("Unit's rate limit per source address (default %1).")
            .arg(tessera::sandbox::SandboxRateLimiter::DefaultRequestsPerMinute),
        QStringLiteral("N"));
    parser.addOptions({portOption, seedOption, tokenFileOption, bindOption, stateOption,
                       faultOption, faultSeedOption, jwksOption, issuerOption, rateLimitOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535)
        return fail(QStringLiteral("--port must be 0..65535"));
    QHostAddress address;
    if (!address.setAddress(parser.value(bindOption)))
        return fail(
            QStringLiteral("--bind: \"%1\" is not an IP address").arg(parser.value(bindOption)));

    tessera::sandbox::SandboxServer server;
    QString error;
    if (parser.isSet(rateLimitOption)) {
        bool limitOk = false;
        const int limit = parser.value(rateLimitOption).toInt(&limitOk);
        if (!limitOk || limit < 1)
            return fail(QStringLiteral("--requests-per-minute must be a positive integer"));
        server.api().rateLimiter().setRequestsPerMinute(limit);
    }
    if (parser.isSet(seedOption) && !server.loadSeedFile(parser.value(seedOption), &error))
        return fail(error);
    if (parser.isSet(stateOption) && !server.setStateFile(parser.value(stateOption), &error))
        std::fprintf(stderr, "tessera-sandbox: starting from the seed: %s\n", qPrintable(error));
    server.faults().setSeed(parser.value(faultSeedOption).toUInt());
    for (const QString &spec : parser.values(faultOption)) {
        const auto rule = tessera::sandbox::FaultInjector::parseRule(spec, &error);
        if (!rule)
            return fail(QStringLiteral("--fault: %1").arg(error));
        server.faults().addRule(*rule);
    }
    const bool tokenFromFile = parser.isSet(tokenFileOption);
    if (tokenFromFile && !resolveOrgTokenFile(parser.value(tokenFileOption), server, &error))
        return fail(error);

    if (parser.isSet(jwksOption) != parser.isSet(issuerOption))
        return fail(QStringLiteral("--jwks and --jwt-issuer go together"));
    QNetworkAccessManager nam;
    std::unique_ptr<tessera::JwksSource> jwks;
    if (parser.isSet(jwksOption)) {
        const QString issuer = parser.value(issuerOption);
        if (issuer.isEmpty())
            return fail(QStringLiteral("--jwt-issuer is empty"));
        jwks = std::make_unique<tessera::JwksSource>(parser.value(jwksOption), &nam);
        // Before listening: a sandbox that cannot check JWTs must not start as if it could.
        QString loadError;
        bool loaded = false;
        QEventLoop loop;
        QObject::connect(jwks.get(), &tessera::JwksSource::loaded, &loop, [&] {
            loaded = true;
            loop.quit();
        });
        QObject::connect(jwks.get(), &tessera::JwksSource::failed, &loop,
                         [&](const QString &reason) {
                             loadError = reason;
                             loop.quit();
                         });
        jwks->load();
        if (!loaded && loadError.isEmpty())
            loop.exec();
        if (!loaded)
            return fail(QStringLiteral("the identity provider's keys (--jwks) could not be "
                                       "loaded: %1")
                            .arg(loadError));
        jwks->disconnect(&loop);
        server.setIdentityProvider(jwks->keys(), issuer);
        // A rotated key: the provider's new set replaces the old one once fetched.
        QObject::connect(jwks.get(), &tessera::JwksSource::loaded, &server,
                         [&server, source = jwks.get(), issuer] {
                             server.setIdentityProvider(source->keys(), issuer);
                         });
        QObject::connect(
            jwks.get(), &tessera::JwksSource::failed, &server, [](const QString &reason) {
                qCWarning(lcSandbox).noquote() << "identity provider keys not refreshed:" << reason;
            });
        server.api().tokens().setUnknownKeyHandler(
            [source = jwks.get()] { source->refreshForUnknownKey(); });
    }

    if (server.start(address, quint16(port)) == 0)
        return fail(QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port));

    if (!tokenFromFile)
        std::printf("org token: %s\n", qPrintable(server.orgToken()));
    std::printf("tessera-sandbox listening on %s\n",
                server.baseUrl().toString().toUtf8().constData());
    std::fflush(stdout);
    return app.exec();
}
