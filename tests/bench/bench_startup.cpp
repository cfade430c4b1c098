// Start-up of the real tessera binary, spawn to cards visible, when the customer's token is
// already in the keychain (every launch after the first sign-in), in the demo environment with
// its in-process sandbox, offscreen. Also counts what that relaunch asks of the network and of
// the customer: its requests (the sandbox's own request log) and its OTP prompts (each prompt
// sends a verification request). The floor is bench_startup_floor: a minimal Qt Widgets
// program that makes one loopback GET for the same page and lists it. Medians of N launches
// each, interleaved.
//
// It signs in for real, in the keychain and the data directory of whoever runs it, so it only
// runs in the throwaway session `./dev bench` gives it (dbus-run-session, gnome-keyring, HOME).

#include "Backend.h"
#include "BenchSupport.h"
#include "DemoSignIn.h"
#include "SandboxServer.h"
#include "Session.h"
#include "TokenStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>

using namespace tessera;
using namespace tessera::bench;

namespace {

// Maya Thompson in the demo seed.
const QString Customer = QStringLiteral("100001");
// CardsModel's default page[limit], which the cards page keeps.
constexpr int AppPageSize = 100;

// What one launch showed on its log.
struct Launch
{
    double ms = -1; // spawn to the "showing" line; -1 when it never came
    QStringList requests;
    int otpPrompts = 0;
};

// Spawns `program`, times it to the first line matching `shown`, then keeps listening for a
// moment so requests that finish after the cards appear (or that the cards set off) count too.
Launch launch(const QString &program, const QStringList &arguments, const QRegularExpression &shown)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Info lines (the UI's and the floor's) plus the sandbox's one debug line per request.
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("*.debug=false;tessera.sandbox.debug=true"));
    environment.insert(QStringLiteral("QT_MESSAGE_PATTERN"),
                       QStringLiteral("%{category}: %{message}"));
    // Qt would send the log to journald when stderr is not a terminal.
    environment.insert(QStringLiteral("QT_FORCE_STDERR_LOGGING"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());

    static const QRegularExpression request(
        QStringLiteral("^tessera\\.sandbox: ([A-Z]+) (\\S+) -> \\d+$"));
    Launch result;
    QElapsedTimer timer;
    QByteArray pending;
    QStringList log;
    QObject::connect(&process, &QProcess::readyReadStandardError, [&] {
        pending += process.readAllStandardError();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            log << line;
            if (result.ms < 0 && shown.match(line).hasMatch())
                result.ms = elapsedMs(timer);
            const QRegularExpressionMatch match = request.match(line);
            if (match.hasMatch()) {
                result.requests << match.captured(1) + QLatin1Char(' ') + match.captured(2);
                if (match.captured(2).endsWith(QLatin1String("/token/verification")))
                    ++result.otpPrompts;
            }
        }
    });
    const auto exited = [&process] { return process.state() == QProcess::NotRunning; };

    timer.start();
    process.start(program, arguments);
    waitUntil([&] { return result.ms >= 0 || exited(); }, 30000, &process,
              &QProcess::readyReadStandardError, &QProcess::finished);
    waitUntil(exited, 500, &process, &QProcess::finished);
    process.kill();
    process.waitForFinished(5000);
    if (result.ms < 0)
        qCCritical(lcBench).noquote() << program << "never showed its cards; its log:\n"
                                      << log.join(QLatin1Char('\n'));
    return result;
}

// A first launch, in-process with the app's own code: the demo sandbox on the app's state file,
// a sign-in with the code, the token written to the keychain, the customer remembered in the
// settings. Returns the first page of cards tessera will fetch, for the floor to serve.
std::optional<QByteArray> signInOnce()
{
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir))
        return std::nullopt;
    sandbox::SandboxServer sandbox;
    sandbox.setStateFile(dataDir + QStringLiteral("/demo-sandbox-state.json"));
    if (sandbox.start() == 0)
        return std::nullopt;
    Backend backend(Environment::demo(sandbox.baseUrl()), sandbox.orgToken());
    QSignalSpy written(backend.tokenStore(), &TokenStore::writeFinished);
    if (!test::signInWithCode(backend.authenticator(), Customer) ||
        !(written.count() == 1 || written.wait(10000)) ||
        written.first().first().value<TokenStore::Status>() != TokenStore::Status::Ok ||
        backend.lastCustomerId() != Customer) {
        qCCritical(lcBench) << "the first sign-in did not reach the keychain";
        return std::nullopt;
    }
    QNetworkAccessManager network;
    return httpGet(&network, withPath(sandbox.baseUrl(), cardsPath(AppPageSize, 0)),
                   backend.session()->token().token);
}

} // namespace

int main(int argc, char *argv[])
{
    BenchApplication bench(argc, argv, "Start-up benchmark (run by ./dev bench).");
    // The app's names: the same settings file, data directory and keychain entries.
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("Tessera"));
    bench.addInt("runs", "Timed launches of each program.", "N", 10, 1);
    if (!bench.parse())
        return 1;
    const int runs = bench.value("runs");

    // in_test_session in ./dev makes HOME a fresh /tmp/tessera-test-home.XXXXXX.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") ||
        !QDir::home().dirName().startsWith(QLatin1String("tessera-test-home.")))
        return fail(QStringLiteral("bench_startup signs in to the keychain: run it through "
                                   "./dev bench (a throwaway keyring and HOME)"));

    QTemporaryDir dir;
    const std::optional<QByteArray> firstPage = signInOnce();
    QFile pageFile(dir.filePath(QStringLiteral("cards-page.json")));
    if (!firstPage || !dir.isValid() || !pageFile.open(QIODevice::WriteOnly) ||
        pageFile.write(*firstPage) != firstPage->size())
        return fail(QStringLiteral("could not prepare the relaunch"));
    pageFile.close();

    const QString tessera = QStringLiteral(TESSERA_EXECUTABLE);
    const QStringList tesseraArguments = {QStringLiteral("--environment"), QStringLiteral("demo"),
                                          QStringLiteral("--sandbox-port"), QStringLiteral("0")};
    const QRegularExpression cardsShown(QStringLiteral("^tessera\\.ui: cards page showing \\d+"));
    const QString floor = QStringLiteral(TESSERA_BENCH_STARTUP_FLOOR);
    const QStringList floorArguments = {pageFile.fileName()};
    const QRegularExpression listShown(QStringLiteral("^tessera\\.bench\\.floor: list showing"));

    // One untimed launch each: the first start fills caches (fontconfig, page cache) that
    // every later start finds warm.
    if (launch(tessera, tesseraArguments, cardsShown).ms < 0 ||
        launch(floor, floorArguments, listShown).ms < 0)
        return 1;

    QList<double> tesseraMs;
    QList<double> floorMs;
    QList<Launch> relaunches;
    for (int i = 0; i < runs; ++i) {
        const Launch relaunch = launch(tessera, tesseraArguments, cardsShown);
        const Launch floorRun = launch(floor, floorArguments, listShown);
        if (relaunch.ms < 0 || floorRun.ms < 0)
            return 1;
        tesseraMs << relaunch.ms;
        floorMs << floorRun.ms;
        relaunches << relaunch;
    }

    // Every relaunch should ask the same; a different one is reported, not averaged away.
    const Launch &typical = relaunches.constLast();
    for (const Launch &relaunch : std::as_const(relaunches)) {
        if (relaunch.requests != typical.requests || relaunch.otpPrompts != typical.otpPrompts)
            qCWarning(lcBench).noquote()
                << "launches differ:" << relaunch.requests.join(QStringLiteral(", ")) << "vs"
                << typical.requests.join(QStringLiteral(", "));
    }
    figure(versusFloor(QStringLiteral("startup: tessera %1 ms, floor %2 ms, ratio %3; requests %4, "
                                      "OTP prompts %5"),
                       median(tesseraMs), median(floorMs), 0)
               .arg(typical.requests.size())
               .arg(typical.otpPrompts));
    figure(QStringLiteral("  relaunch requests: %1 (median of %2 launches each, offscreen)")
               .arg(typical.requests.join(QStringLiteral(", ")))
               .arg(runs));
    return 0;
}
