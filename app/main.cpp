#include "AppStyle.h"
#include "Authenticator.h"
#include "Backend.h"
#include "DemoSandbox.h"
#include "EnvironmentSettings.h"
#include "Logging.h"
#include "MainWindow.h"
#include "ProcessHardening.h"
#include "Provisioning.h"
#include "SecretRedactor.h"
#include "SingleInstance.h"
#include "Style.h"
#include "Translations.h"

#include <memory>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFutureWatcher>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>

using namespace tessera;

namespace {

int fail(const QString &message)
{
    QMessageBox::critical(nullptr, QApplication::translate("main", "Tessera"), message);
    return 1;
}

// Demo environment: Unit's API served in-process on loopback, so the app works offline. Its
// changes (cards, sign-ins by token fingerprint) persist so a demo picks up where it left off;
// the tokens themselves live only in the keychain.
std::unique_ptr<sandbox::DemoSandbox> startDemoSandbox(quint16 port)
{
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString stateFile =
        QDir().mkpath(dataDir) ? dataDir + QStringLiteral("/demo-sandbox-state.json") : QString();
    auto server = sandbox::DemoSandbox::start(port, stateFile);
    if (server)
        qCInfo(lcSandbox).noquote() << "demo sandbox listening on" << server->baseUrl().toString();
    return server;
}

// Options that only print (--help, --version) must work without a display, so they are
// answered before QApplication connects to one.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

// Returns the language the user interface speaks.
QString describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Tessera"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    // The system locale's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), before any text is
    // made; English when Tessera has no translation for it.
    return ui::Translations::install();
}

struct Options
{
    QCommandLineParser parser;
    QCommandLineOption environment{
        QStringLiteral("environment"),
        QCoreApplication::translate("main", "Environment for this run: demo, unit-sandbox, "
                                            "production or custom (default: the saved one)."),
        QCoreApplication::translate("main", "name")};
    QCommandLineOption sandboxPort{
        QStringLiteral("sandbox-port"),
        QCoreApplication::translate("main",
                                    "Port of the demo sandbox on 127.0.0.1 (0: any free port)."),
        QCoreApplication::translate("main", "port"), QStringLiteral("0")};
    // Support only: a support person may sign a customer in with an identity provider's token
    // pasted by hand. Customers sign in with their phone number or email and a code.
    QCommandLineOption supportSignIn{
        QStringLiteral("support-sign-in"),
        QCoreApplication::translate("main", "Support only: also offer signing in with a pasted "
                                            "identity token (JWT).")};

    Options()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Desktop banking client for Unit's customer API."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({environment, sandboxPort, supportSignIn});
    }
};

// Starts Tessera again once this instance has let go of everything (the single-instance
// socket, the demo sandbox), so the new one does not find it still running. Declared before
// those, it is destroyed after them.
struct RestartAfterExit
{
    QString program;
    ~RestartAfterExit()
    {
        if (!program.isEmpty())
            QProcess::startDetached(program, {});
    }
};

} // namespace

int main(int argc, char *argv[])
{
    // Before anything can log: every message is scrubbed of secrets on its way out.
    SecretRedactor::installMessageHandler();
    // Before any token exists: none may end up in a core dump.
    ProcessHardening::apply();
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        Options options;
        options.parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    // The style QApplication chose, with the icons of seldom shown overflow buttons read when
    // first drawn rather than while the window is built (AppStyle).
    QApplication::setStyle(new ui::AppStyle(QApplication::style()));
    const QString language = describeApplication();
    qCInfo(lcUi).noquote() << "user interface in" << language << "for the locale"
                           << QLocale().name();
    // Ties the windows to the installed desktop entry (icon, name) on Wayland and X11.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tessera_banking.Tessera"));

    Options options;
    QCommandLineParser &parser = options.parser;
    const QCommandLineOption &environmentOption = options.environment;
    const QCommandLineOption &sandboxPortOption = options.sandboxPort;
    parser.process(app);

    std::optional<Environment::Kind> kind;
    if (parser.isSet(environmentOption)) {
        kind = EnvironmentSettings::kindFromName(parser.value(environmentOption));
        if (!kind)
            parser.showHelp(2);
    }

    // One instance per user: a second would serve the same demo sandbox state file and undo
    // the first one's changes. It brings the running one to the front instead.
    RestartAfterExit restart;
    SingleInstance instance;
    if (!instance.tryBecomePrimary(QGuiApplication::desktopFileName())) {
        qCInfo(lcUi) << "Tessera is already running for this user; brought its window to the "
                        "front instead of starting another";
        return 0;
    }

    // A bank's package sets its broker once; the customer chooses nothing.
    const Provisioning provisioning = Provisioning::read(Provisioning::filePath());
    if (provisioning.isPresent() && kind)
        qCInfo(lcUi) << "--environment is ignored: this installation is provisioned by a bank";
    Environment environment = EnvironmentSettings::load(provisioning, kind);

    // The demo's sandbox starts once the keychain read is under way (below).
    std::optional<quint16> sandboxPort;
    bool demoInstead = false;
    if (environment.kind == Environment::Kind::Demo) {
        bool portOk = false;
        const uint port = parser.value(sandboxPortOption).toUInt(&portOk);
        if (portOk && port <= 65535)
            sandboxPort = quint16(port);
    } else if (provisioning.isPresent()) {
        // Never the demo instead: the sign-in page says what is wrong with the bank's setup.
        if (!provisioning.isProvisioned())
            qCWarning(lcUi).noquote() << "the provisioning file cannot be used";
    } else if (auto problem = environment.check()) {
        // Fall back to the demo so the settings can be corrected from inside the app.
        QMessageBox::warning(nullptr, QApplication::translate("main", "Tessera"),
                             QApplication::translate("main", "%1 cannot be used: %2 Tessera "
                                                             "starts the demo instead.")
                                 .arg(environment.displayName(), *problem));
        environment = Environment::demo(QUrl());
        sandboxPort = 0;
        demoInstead = true;
    }

    Backend backend(environment, QString());
    backend.setProvisioning(provisioning);
    backend.setSupportSignIn(parser.isSet(options.supportSignIn));
    backend.setUiLanguage(language);
    // The keychain first: its read (a few D-Bus round trips to the secret service, ~40 ms on
    // a busy start) goes on while the sandbox starts and the window is built and shown,
    // instead of after. Restoring before either exists is safe: the answer comes through the
    // event loop, once the window listens, and the window shows "Opening your saved sign-in…"
    // meanwhile, not the sign-in page.
    if (environment.kind == Environment::Kind::UnitSandbox)
        backend.loadOrgTokenFromKeychain();
    backend.restoreLastSignIn();

    std::unique_ptr<sandbox::DemoSandbox> sandbox;
    if (environment.kind == Environment::Kind::Demo) {
        if (sandboxPort)
            sandbox = startDemoSandbox(*sandboxPort);
        if (!sandbox && demoInstead)
            return fail(QApplication::translate("main", "The demo server could not start."));
        if (!sandbox)
            return fail(QApplication::translate("main",
                                                "The demo server could not listen on port %1 of "
                                                "this computer. Choose another with "
                                                "--sandbox-port.")
                            .arg(parser.value(sandboxPortOption)));
        backend.setApiUrl(sandbox->baseUrl());
        backend.setOrgToken(sandbox->orgToken());
        // The demo's state file keeps token fingerprints for sign-ins to survive a restart;
        // a sign-out takes them out again.
        QObject::connect(backend.authenticator(), &Authenticator::signedOut, sandbox.get(),
                         &sandbox::DemoSandbox::forgetCustomer);
    }
    ui::MainWindow window(&backend);
    QObject::connect(&window, &ui::MainWindow::environmentChanged, &app, [&restart] {
        // A clean start in the new environment beats rewiring every object in place.
        restart.program = QApplication::applicationFilePath();
        QApplication::quit();
    });
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&window] {
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
    });
    window.show();
    // The icon's images are decoded on a thread that only runs when a core is idle: the first
    // screen does not need them (the desktop entry names the icon too), and on the GUI thread,
    // or on one competing for the cores, they held up the cards by ~5-10 ms.
    QThreadPool iconDecoder;
    iconDecoder.setThreadPriority(QThread::IdlePriority);
    QFutureWatcher<QList<QImage>> iconImages;
    QObject::connect(&iconImages, &QFutureWatcherBase::finished, &app, [&iconImages] {
        QApplication::setWindowIcon(ui::Style::appIcon(iconImages.result()));
    });
    iconImages.setFuture(QtConcurrent::run(&iconDecoder, &ui::Style::appIconImages));
    return QApplication::exec();
}
