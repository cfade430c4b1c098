// tessera-broker: the small server a bank runs so Tessera can sign customers in without ever
// holding the bank's Unit org token (see BrokerServer and README, "Deploying for a bank").

#include "BrokerConfig.h"
#include "BrokerLogging.h"
#include "BrokerServer.h"
#include "InMemoryBrokerStore.h"
#include "OrgTokenFile.h"
#include "ProcessHardening.h"
#include "SecretRedactor.h"
#include "SignInService.h"

#include <cstdio>
#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "tessera-broker: %s\n", qPrintable(message));
    return 1;
}

// The one place the store is chosen: pending sign-ins and limit counters live there.
std::unique_ptr<tessera::broker::BrokerStore> makeStore(const tessera::broker::BrokerConfig &config)
{
    Q_UNUSED(config) // [store] redis chooses the shared store once it exists
    return std::make_unique<tessera::broker::InMemoryBrokerStore>();
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
    const QCommandLineOption checkOption(QStringLiteral("check-config"),
                                         QStringLiteral("Check the configuration and the org "
                                                        "token file, then exit."));
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
    if (parser.isSet(checkOption)) {
        std::printf("tessera-broker: configuration OK\n");
        return 0;
    }

    const std::unique_ptr<tessera::broker::BrokerStore> store = makeStore(config);
    if (!store)
        return fail(QStringLiteral("the store cannot be used"));
    tessera::broker::SignInService signIns(config, orgToken, *store);
    tessera::broker::BrokerServer server(config, &signIns);
    if (server.start(&error) == 0)
        return fail(error);
    // Scripts and tests read the address from here, so port 0 is usable.
    std::printf("tessera-broker: listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    qCInfo(lcBroker).noquote() << "listening on" << server.baseUrl().toString() << "for Unit at"
                               << config.unitApiUrl.toString();
    return app.exec();
}
