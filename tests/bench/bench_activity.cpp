// Paging the 200 000-transaction demo account the way the Activity tab does while it scrolls
// (ActivityModel, fetchMore page after page) against the same GET /transactions pages made with
// a bare QNetworkAccessManager: time per page, client CPU per page and how much the peak memory
// (VmHWM) grows per row seen — the cards benchmark's floors. Then the sandbox's side: a page of
// the 200 000-row account against a page of a small account, and a page deep in the big one
// against its first, each the median of bare GETs, so a page that scans grows visible.

#include "ActivityModel.h"
#include "BenchSupport.h"

#include <ctime>
#include <QElapsedTimer>

using namespace tessera;
using namespace tessera::bench;

namespace {

double processCpuMs()
{
    return double(std::clock()) * 1000 / CLOCKS_PER_SEC;
}

double medianGetMs(QNetworkAccessManager *network, const QUrl &url, const QString &token, int runs)
{
    QList<double> ms;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        if (!httpGet(network, url, token))
            return -1;
        ms << elapsedMs(timer);
    }
    return median(ms);
}

} // namespace

int main(int argc, char *argv[])
{
    BenchApplication bench(argc, argv, "Activity benchmark: ActivityModel vs bare GETs.");
    bench.addInt("pages", "Pages the model scrolls through.", "N", 200, 1, 4000);
    bench.addInt("page-size", "page[limit] (1..1000; the app's: 50).", "N", 50, 1, 1000);
    bench.addInt("runs", "GETs per figure of the sandbox's page cost.", "N", 21, 1);
    if (!bench.parse())
        return 1;
    const int pages = bench.value("pages");
    const int pageSize = bench.value("page-size");
    const int runs = bench.value("runs");

    ChildServer server;
    QString error;
    const std::optional<QString> orgToken =
        startSandbox(&server, QStringLiteral(TESSERA_SANDBOX_EXECUTABLE), {}, &error);
    if (!orgToken)
        return fail(error);
    QNetworkAccessManager network;
    const QUrl baseUrl = server.baseUrl();
    const std::optional<QString> token =
        mintCustomerToken(&network, baseUrl, *orgToken, BulkCustomer);
    const std::optional<QString> smallToken =
        mintCustomerToken(&network, baseUrl, *orgToken, MayaThompson);
    if (!token || !smallToken)
        return 1;

    // The bulk customer's largest account, and the small customer's first.
    const auto [bigAccount, bigCount] = largestAccount(&network, baseUrl, *token);
    const QStringList smallAccounts = accountIds(&network, baseUrl, *smallToken);
    if (bigAccount.isEmpty() || smallAccounts.isEmpty())
        return fail(QStringLiteral("no accounts to page"));
    const QString smallAccount = smallAccounts.constFirst();
    const int smallCount = transactionCount(&network, baseUrl, *smallToken, smallAccount);
    if (bigCount < pages * pageSize)
        return fail(QStringLiteral("the big account has %1 transactions, fewer than %2 pages of %3")
                        .arg(bigCount)
                        .arg(pages)
                        .arg(pageSize));

    ApiClient client(&network);
    client.setBaseUrl(baseUrl);
    client.setBearerToken(*token);
    ActivityModel model(&client, nullptr);
    model.setPageSize(pageSize);
    model.setScope(ActivityScope::forAccount(bigAccount));
    const auto bareGet = [&](int page) {
        return httpGet(&network,
                       withPath(baseUrl, transactionsPath(bigAccount, pageSize, page * pageSize)),
                       *token)
            .has_value();
    };
    const auto modelPage = [&model] {
        if (model.hasLoadedOnce())
            model.fetchMore();
        else
            model.reload();
        waitUntil([&model] { return model.state() != ActivityModel::State::Loading; }, 30000,
                  &model, &ActivityModel::stateChanged);
        return model.state() == ActivityModel::State::Idle;
    };
    for (int page = 0; page < 3; ++page) {
        if (!bareGet(page))
            return 1;
    }
    QList<double> floorMs, modelMs;
    double floorCpu = 0, modelCpu = 0;
    const qint64 peakBeforeKb = procStatusKb("VmHWM");
    for (int page = 0; page < pages; ++page) {
        for (auto [step, ms, cpu] :
             {std::tuple{std::function<bool()>([&] { return bareGet(page); }), &floorMs, &floorCpu},
              std::tuple{std::function<bool()>(modelPage), &modelMs, &modelCpu}}) {
            const double cpuStart = processCpuMs();
            QElapsedTimer timer;
            timer.start();
            if (!step())
                return fail(QStringLiteral("page %1 failed").arg(page));
            *ms << elapsedMs(timer);
            *cpu += processCpuMs() - cpuStart;
        }
    }
    const double peakGrowthKb = double(procStatusKb("VmHWM") - peakBeforeKb);
    const int rows = model.rowCount();
    if (rows < pages * pageSize)
        return fail(QStringLiteral("ActivityModel stopped at %1 rows").arg(rows));

    figure(versusFloor(QStringLiteral("activity paging: ActivityModel %1 ms/page, bare GETs %2 "
                                      "ms/page, ratio %3 (client CPU %4 vs %5 ms/page); peak "
                                      "memory +%6 B/row; %7 pages of %8 of %9 transactions"),
                       median(modelMs), median(floorMs), 2)
               .arg(modelCpu / pages, 0, 'f', 2)
               .arg(floorCpu / pages, 0, 'f', 2)
               .arg(peakGrowthKb * 1024 / rows, 0, 'f', 0)
               .arg(pages)
               .arg(pageSize)
               .arg(bigCount));

    // The sandbox's page cost: what one page of the big account costs against one of a small
    // account, and its last page against its first.
    const double smallPage =
        medianGetMs(&network, withPath(baseUrl, transactionsPath(smallAccount, pageSize, 0)),
                    *smallToken, runs);
    const double bigFirst = medianGetMs(
        &network, withPath(baseUrl, transactionsPath(bigAccount, pageSize, 0)), *token, runs);
    const double bigLast = medianGetMs(
        &network,
        withPath(baseUrl, transactionsPath(bigAccount, pageSize, qMax(0, bigCount - pageSize))),
        *token, runs);
    if (smallPage < 0 || bigFirst < 0 || bigLast < 0)
        return fail(QStringLiteral("a page GET failed"));
    figure(versusFloor(QStringLiteral("sandbox page cost (median of %6 bare GETs of %7 rows): "
                                      "first page of %8 transactions %1 ms, of %9 transactions "
                                      "%2 ms, ratio %3; last page of the %8 %4 ms, ratio to its "
                                      "first %5"),
                       bigFirst, smallPage, 2)
               .arg(bigLast, 0, 'f', 2)
               .arg(ratio(bigLast, bigFirst))
               .arg(runs)
               .arg(pageSize)
               .arg(bigCount)
               .arg(smallCount));
    return 0;
}
