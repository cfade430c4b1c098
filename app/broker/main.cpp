// tessera-broker: the small server a bank runs so Tessera can sign customers in without ever
// holding the bank's Unit org token (see BrokerServer and README, "Deploying for a bank").

#include "BrokerConfig.h"
#include "BrokerLogging.h"
#include "BrokerServer.h"
#include "InMemoryBrokerStore.h"
#include "JwksSource.h"
#include "OrgTokenFile.h"
#include "ProcessHardening.h"
#include "RedisBrokerStore.h"
#include "SecretRedactor.h"
#include "SignInService.h"

#include <cstdio>
#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "tessera-broker: %s\n", qPrintable(message));
    return 1;
}

// The store the configuration names: in memory on one machine, or the Redis several brokers
// share. A Redis that cannot be used now is a start-up error (null, with the reason), not a
// surprise at the first sign-in.
std::unique_ptr<tessera::broker::BrokerStore> makeStore(const tessera::broker::BrokerConfig &config,
                                                        QString *error)
{
    using namespace tessera::broker;
    if (config.redisAddress.isEmpty())
        return std::make_unique<InMemoryBrokerStore>();
    RedisBrokerStore::Options options;
    options.address = config.redisAddress;
    options.keyPrefix = config.redisKeyPrefix.toUtf8();
    if (!config.redisPasswordFile.isEmpty()) {
        options.password = RedisBrokerStore::readPasswordFile(config.redisPasswordFile, error);
        if (options.password.isEmpty())
            return nullptr;
    }
    auto store = std::make_unique<RedisBrokerStore>(options);
    if (!store->open(error))
        return nullptr;
    return store;
}

// The identity provider's keys, loaded now: a broker that could not check ID tokens must not
// start as if it could. Null with the reason when they cannot be loaded.
std::unique_ptr<tessera::JwksSource>
loadIdentityProviderKeys(const QString &location, QNetworkAccessManager *network, QString *error)
{
    auto source = std::make_unique<tessera::JwksSource>(location, network);
    bool loaded = false;
    QEventLoop loop;
    QObject::connect(source.get(), &tessera::JwksSource::loaded, &loop, [&] {
        loaded = true;
        loop.quit();
    });
    QObject::connect(source.get(), &tessera::JwksSource::failed, &loop, [&](const QString &reason) {
        *error = QStringLiteral("the identity provider's keys "
                                "(identityProvider/jwks) could not be loaded: %1")
                     .arg(reason);
        loop.quit();
    });
    source->load();
    if (!loaded && error->isEmpty())
        loop.exec();
    if (!loaded)
        return nullptr;
    source->disconnect(&loop);
    // Later fetches (a rotated key) that fail keep the keys already loaded.
    QObject::connect(source.get(), &tessera::JwksSource::failed, [](const QString &reason) {
        qCWarning(lcBroker).noquote() << "identity provider keys not refreshed:" << reason;
    });
    return source;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before the org token is read: it may not end up in a core dump.
    tessera::ProcessHardening::apply();
    // Every message passes the redactor: a token that slipped into one still never gets out.
    tessera::SecretRedactor::installMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tessera-broker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Signs Tessera's customers in with the bank's Unit org token, which never leaves this "
        "server.\nThe org token is read from the file the configuration names (by default the "
        "systemd credential unit-org-token), never from the command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"), QStringLiteral("Configuration file."), QStringLiteral("FILE"),
        QStringLiteral("/etc/tessera-broker/broker.conf"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Listen on this TCP port instead of the "
                                                       "configured one (0 = any free port)."),
                                        QStringLiteral("N"));
    const QCommandLineOption checkOption(
        QStringLiteral("check-config"),
        QStringLiteral("Check the configuration, the org token file and the identity provider's "
                       "keys, then exit."));
    parser.addOptions({configOption, portOption, checkOption});
    parser.process(app);

    tessera::broker::BrokerConfig config;
    config.orgTokenFile = tessera::broker::OrgTokenFile::defaultPath();
    QString error;
    if (!tessera::broker::BrokerConfig::load(parser.value(configOption), &config, &error))
        return fail(error);
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port > 65535)
            return fail(QStringLiteral("--port must be 0..65535"));
        config.port = quint16(port);
    }
    if (const QString problem = config.problem(); !problem.isEmpty())
        return fail(problem);
    const QString orgToken = tessera::broker::OrgTokenFile::read(config.orgTokenFile, &error);
    if (orgToken.isEmpty())
        return fail(error);
    tessera::SecretRedactor::remember(orgToken);
    QNetworkAccessManager network;
    std::unique_ptr<tessera::JwksSource> identityProviderKeys;
    error.clear();
    if (config.identityProvider.isSet()) {
        identityProviderKeys =
            loadIdentityProviderKeys(config.identityProvider.jwks, &network, &error);
        if (!identityProviderKeys)
            return fail(error);
    }
    if (parser.isSet(checkOption)) {
        std::printf("tessera-broker: configuration OK\n");
        return 0;
    }

    const std::unique_ptr<tessera::broker::BrokerStore> store = makeStore(config, &error);
    if (!store)
        return fail(error);
    tessera::broker::SignInService signIns(config, orgToken, *store, identityProviderKeys.get());
    tessera::broker::BrokerServer server(config, &signIns);
    if (server.start(&error) == 0)
        return fail(error);
    // Scripts and tests read the address from here, so port 0 is usable.
    std::printf("tessera-broker: listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    qCInfo(lcBroker).noquote() << "listening on" << server.baseUrl().toString() << "for Unit at"
                               << config.unitApiUrl.toString();
    if (identityProviderKeys)
        qCInfo(lcBroker).noquote() << "ID tokens of" << config.identityProvider.issuer << "for"
                                   << config.identityProvider.audience << "are taken";
    else
        qCInfo(lcBroker).noquote() << "no [identityProvider]: no sign-in with an ID token";
    return app.exec();
}
