#include "Logging.h"
#include "MainWindow.h"
#include "SandboxServer.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    QApplication::setOrganizationName(QStringLiteral("Tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Desktop banking client for Unit's customer API."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption sandboxPort(QStringLiteral("sandbox-port"),
                                   QApplication::translate("main",
                                                           "Port of the demo sandbox (0: any)."),
                                   QStringLiteral("port"), QStringLiteral("0"));
    parser.addOption(sandboxPort);
    parser.process(app);

    tessera::ui::MainWindow window;

    // Demo environment: Unit's API served in-process on loopback, so the app works offline.
    tessera::sandbox::SandboxServer sandbox;
    bool portOk = false;
    const uint port = parser.value(sandboxPort).toUInt(&portOk);
    if (portOk && port <= 65535 && sandbox.start(QHostAddress::LocalHost, quint16(port)) != 0) {
        qCInfo(lcSandbox).noquote() << "demo sandbox listening on" << sandbox.baseUrl().toString();
        window.setEnvironment(QApplication::translate("main", "Demo"), sandbox.baseUrl());
    } else {
        window.setEnvironmentError(
            QApplication::translate("main", "The demo sandbox could not listen on port %1.")
                .arg(parser.value(sandboxPort)));
    }

    window.show();
    return QApplication::exec();
}
