// tessera-sandbox under loopback load: wrk on GET /cards (a customer's first page of 100 cards,
// the query the app sends) and on GET /transactions (the first page of 50 of the demo's
// 200 000-transaction account, as the Activity tab asks for it), each against wrk on
// bench_fixed_server, which answers every request with the very bytes the sandbox answered
// through the same HTTP stack. The ratio is what the sandbox's own work (routing, token check,
// filtering, sorting, encoding) costs in requests per second.

#include "BenchSupport.h"
#include "DemoSeed.h"
#include "SandboxApi.h"
#include "SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tessera;
using namespace tessera::bench;

namespace {

constexpr int PageSize = 100;
// The Activity tab's page (ActivityModel's default).
constexpr int ActivityPageSize = 50;

struct Load
{
    double requestsPerSecond = 0;
    double p99Ms = 0;
    QString socketErrors; // wrk's line, when it had any (timeouts under load)
};

double toMs(double value, const QString &unit)
{
    if (unit == QLatin1String("us"))
        return value / 1000;
    if (unit == QLatin1String("s"))
        return value * 1000;
    if (unit == QLatin1String("m"))
        return value * 60000;
    return value; // ms
}

// wrk's own report, parsed: "Requests/sec: N" and the 99% line of --latency. Every answer must
// have been a 200, or the figure would time error pages; socket errors (timeouts) are
// reported with the figure.
std::optional<Load> runWrk(const QString &wrk, const QStringList &loadOptions, const QUrl &url,
                           const QString &token)
{
    // The token reaches wrk through its environment and a Lua script, not its command line,
    // where any user's `ps` would show it; wrk's report shows the URL only.
    QTemporaryDir dir;
    QFile script(dir.filePath(QStringLiteral("headers.lua")));
    if (!dir.isValid() || !script.open(QIODevice::WriteOnly) ||
        script.write("wrk.headers[\"Authorization\"] = \"Bearer \" .. "
                     "os.getenv(\"TESSERA_BENCH_TOKEN\")\n"
                     "wrk.headers[\"Accept\"] = \"application/vnd.api+json\"\n") < 0) {
        qCCritical(lcBench) << "could not write wrk's script";
        return std::nullopt;
    }
    script.close();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_BENCH_TOKEN"), token);
    process.setProcessEnvironment(environment);
    process.start(wrk, QStringList(loadOptions)
                           << QStringLiteral("--latency") << QStringLiteral("-s")
                           << script.fileName() << url.toString(QUrl::FullyEncoded));
    if (!process.waitForFinished(180000) || process.exitCode() != 0) {
        qCCritical(lcBench).noquote()
            << "wrk failed:" << process.errorString() << process.readAll();
        return std::nullopt;
    }
    const QString report = QString::fromUtf8(process.readAll());
    static const QRegularExpression rate(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    static const QRegularExpression p99(QStringLiteral("\\n\\s*99%\\s+([0-9.]+)(us|ms|s|m)\\b"));
    static const QRegularExpression non2xx(QStringLiteral("Non-2xx or 3xx responses"));
    static const QRegularExpression socketErrors(QStringLiteral("Socket errors: ([^\\n]*)"));
    const QRegularExpressionMatch rateMatch = rate.match(report);
    const QRegularExpressionMatch p99Match = p99.match(report);
    if (!rateMatch.hasMatch() || !p99Match.hasMatch() || non2xx.match(report).hasMatch()) {
        qCCritical(lcBench).noquote() << "unexpected wrk report for" << url.path() << ":\n"
                                      << report;
        return std::nullopt;
    }
    return Load{rateMatch.captured(1).toDouble(),
                toMs(p99Match.captured(1).toDouble(), p99Match.captured(2)),
                socketErrors.match(report).captured(1)};
}

struct Comparison
{
    Load sandbox;
    Load floor;
    qsizetype bytes = 0; // of the answer both servers gave
};

// wrk on the sandbox's `path`, then on bench_fixed_server serving exactly the bytes the sandbox
// answered to it.
std::optional<Comparison> againstFixedBytes(const QString &wrk, const QStringList &loadOptions,
                                            QNetworkAccessManager *network, const QUrl &sandboxUrl,
                                            const QString &path, const QString &token)
{
    const std::optional<QByteArray> body = httpGet(network, withPath(sandboxUrl, path), token);
    if (!body)
        return std::nullopt;
    QTemporaryDir dir;
    QFile bodyFile(dir.filePath(QStringLiteral("page.json")));
    if (!dir.isValid() || !bodyFile.open(QIODevice::WriteOnly) ||
        bodyFile.write(*body) != body->size()) {
        fail(QStringLiteral("could not write the page for the floor"));
        return std::nullopt;
    }
    bodyFile.close();
    ChildServer fixed;
    QString error;
    if (!fixed.start(QStringLiteral(TESSERA_BENCH_FIXED_SERVER), {bodyFile.fileName()}, &error)) {
        fail(error);
        return std::nullopt;
    }
    const std::optional<Load> sandboxLoad =
        runWrk(wrk, loadOptions, withPath(sandboxUrl, path), token);
    if (!sandboxLoad)
        return std::nullopt;
    const std::optional<Load> floorLoad =
        runWrk(wrk, loadOptions, withPath(fixed.baseUrl(), path), token);
    if (!floorLoad)
        return std::nullopt;
    return Comparison{*sandboxLoad, *floorLoad, body->size()};
}

// What one GET /cards page costs the sandbox itself, in-process (routing, token, listing,
// encoding; no sockets): the median of `runs` of the first and the last page of the bulk
// customer's `count` cards, in ms; empty if a request failed.
std::optional<std::pair<double, double>> sandboxPageCost(int count, int runs)
{
    tessera::sandbox::SandboxServer server;
    server.api().rateLimiter().setRequestsPerMinute(std::numeric_limits<int>::max());
    if (!server.loadSeed(test::demoSeedWithBulkCards(count)))
        return std::nullopt;
    const auto pageMs = [&](int offset) -> double {
        QList<double> ms;
        for (int run = 0; run < runs; ++run) {
            tessera::sandbox::SandboxRequest request;
            request.method = "GET";
            request.path = QStringLiteral("/cards");
            request.query =
                QUrlQuery(QStringLiteral("page[limit]=%1&page[offset]=%2&sort=-createdAt"
                                         "&include=account&filter[customerId]=%3")
                              .arg(PageSize)
                              .arg(offset)
                              .arg(BulkCustomer));
            request.headers = {{"Authorization", "Bearer " + server.orgToken().toUtf8()}};
            request.clientAddress = QStringLiteral("127.0.0.1");
            QElapsedTimer timer;
            timer.start();
            if (server.api().handle(request).status != 200)
                return -1;
            ms << elapsedMs(timer);
        }
        return median(ms);
    };
    const double first = pageMs(0);
    const double last = pageMs(count - PageSize);
    if (first < 0 || last < 0)
        return std::nullopt;
    return std::pair(first, last);
}

} // namespace

int main(int argc, char *argv[])
{
    BenchApplication bench(argc, argv, "tessera-sandbox throughput under wrk.");
    bench.addInt("duration", "Seconds of load per server.", "S", 10, 1, 120);
    bench.addInt("connections", "wrk connections.", "N", 16, 1);
    bench.addInt("threads", "wrk threads.", "N", 2, 1);
    bench.addInt("runs", "GETs per figure of the sandbox's page cost.", "N", 21, 1);
    if (!bench.parse())
        return 1;
    const int duration = bench.value("duration");
    const int connections = bench.value("connections");
    const int threads = bench.value("threads");
    const int runs = bench.value("runs");
    if (threads > connections)
        return fail(QStringLiteral("--threads must be at most --connections (%1), not %2")
                        .arg(connections)
                        .arg(threads));

    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty())
        return fail(QStringLiteral("wrk is not installed (./dev bench installs it)"));

    ChildServer sandbox;
    QString error;
    const std::optional<QString> orgToken = startSandbox(
        &sandbox, QStringLiteral(TESSERA_SANDBOX_EXECUTABLE),
        // Unit's 1000 a minute would turn most of the load into 429s.
        {QStringLiteral("--requests-per-minute"), QStringLiteral("100000000")}, &error);
    if (!orgToken)
        return fail(error);
    QNetworkAccessManager network;
    const std::optional<QString> token =
        mintCustomerToken(&network, sandbox.baseUrl(), *orgToken, BulkCustomer);
    if (!token)
        return 1;
    const QStringList loadOptions = {QStringLiteral("-t%1").arg(threads),
                                     QStringLiteral("-c%1").arg(connections),
                                     QStringLiteral("-d%1s").arg(duration)};
    const auto [activityAccount, activityCount] =
        largestAccount(&network, sandbox.baseUrl(), *token);
    if (activityAccount.isEmpty())
        return fail(QStringLiteral("the bulk customer has no account"));
    const struct
    {
        QString what;
        QString path;
    } lists[] = {
        {QStringLiteral("GET /cards page of %1").arg(PageSize), cardsPath(PageSize, 0)},
        {QStringLiteral("GET /transactions page of %1 of %2")
             .arg(ActivityPageSize)
             .arg(activityCount),
         transactionsPath(activityAccount, ActivityPageSize, 0)},
    };
    for (const auto &list : lists) {
        const std::optional<Comparison> load =
            againstFixedBytes(wrk, loadOptions, &network, sandbox.baseUrl(), list.path, *token);
        if (!load)
            return 1;
        // Three decimals: the ratio is far below 1, where two would hide a 2x change.
        const double throughputRatio =
            load->floor.requestsPerSecond > 0
                ? load->sandbox.requestsPerSecond / load->floor.requestsPerSecond
                : 0;
        figure(QStringLiteral("throughput: sandbox %1 req/s (p99 %4 ms), fixed-bytes floor %2 "
                              "req/s (p99 %5 ms), ratio %3; %6 (%7 KiB), wrk %8")
                   .arg(load->sandbox.requestsPerSecond, 0, 'f', 0)
                   .arg(load->floor.requestsPerSecond, 0, 'f', 0)
                   .arg(throughputRatio, 0, 'f', 3)
                   .arg(load->sandbox.p99Ms, 0, 'f', 2)
                   .arg(load->floor.p99Ms, 0, 'f', 2)
                   .arg(list.what)
                   .arg(load->bytes / 1024)
                   .arg(loadOptions.join(QLatin1Char(' '))));
        const auto noteSocketErrors = [](const char *server, const Load &served) {
            if (!served.socketErrors.isEmpty())
                figure(QStringLiteral("  %1 socket errors: %2")
                           .arg(QLatin1String(server), served.socketErrors));
        };
        noteSocketErrors("sandbox", load->sandbox);
        noteSocketErrors("floor", load->floor);
    }

    // A page costs the same whatever the store's size: the floor is the 1 000-card store.
    const auto small = sandboxPageCost(1000, runs);
    const auto big = sandboxPageCost(100000, runs);
    if (!small || !big)
        return fail(QStringLiteral("a page of the in-process sandbox failed"));
    figure(versusFloor(QStringLiteral("sandbox page cost in-process (median of %6 GETs of %7 "
                                      "cards, include=account): first page at 100 000 cards %1 ms, "
                                      "at 1 000 cards %2 ms, ratio %3; last page %4 ms vs %5 ms"),
                       big->first, small->first, 3)
               .arg(big->second, 0, 'f', 3)
               .arg(small->second, 0, 'f', 3)
               .arg(runs)
               .arg(PageSize));
    return 0;
}
