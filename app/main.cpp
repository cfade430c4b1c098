#include "Backend.h"
#include "Logging.h"
#include "MainWindow.h"
#include "SandboxServer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>

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
    QCommandLineOption sandboxPort(
        QStringLiteral("sandbox-port"),
        QApplication::translate("main",
                                "Port of the demo sandbox on 127.0.0.1 (0: any free port)."),
        QStringLiteral("port"), QStringLiteral("0"));
    parser.addOption(sandboxPort);
    parser.process(app);

    // Demo environment: Unit's API served in-process on loopback, so the app works offline.
    // Its changes (cards, sign-ins by token fingerprint) persist so a demo picks up where it
    // left off; the tokens themselves live only in the keychain.
    tessera::sandbox::SandboxServer sandbox;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (QDir().mkpath(dataDir))
        sandbox.setStateFile(dataDir + QStringLiteral("/demo-sandbox-state.json"));
    bool portOk = false;
    const uint port = parser.value(sandboxPort).toUInt(&portOk);
    if (!portOk || port > 65535 || sandbox.start(QHostAddress::LocalHost, quint16(port)) == 0) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Tessera"),
            QApplication::translate("main", "The demo server could not listen on port %1 of this "
                                            "computer. Choose another with --sandbox-port.")
                .arg(parser.value(sandboxPort)));
        return 1;
    }
    qCInfo(lcSandbox).noquote() << "demo sandbox listening on" << sandbox.baseUrl().toString();

    tessera::Backend backend(tessera::Environment::demo(sandbox.baseUrl()), sandbox.orgToken());
    tessera::ui::MainWindow window(&backend);
    window.show();
    backend.restoreLastSignIn();
    return QApplication::exec();
}
