// Paging through 100 000 cards the way the cards list does while it scrolls (CardsModel,
// fetchMore page after page) against the same GETs made with a bare QNetworkAccessManager
// (no decoding, no model): time per page, and how much the peak memory (VmHWM) grows per
// page seen. The sandbox runs as its own process, so the CPU and memory figures are the
// client's alone; the time per page includes the sandbox's answer, as it does in the app.

#include "BenchSupport.h"
#include "CardsModel.h"
#include "DemoSeed.h"

#include <ctime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace tessera;
using namespace tessera::bench;

namespace {

// This process's CPU time: the wall time per page includes the sandbox's work, this does not.
double processCpuMs()
{
    return double(std::clock()) * 1000 / CLOCKS_PER_SEC;
}

// One side's pages: wall time of each, CPU time of all.
struct Side
{
    QList<double> ms;
    double cpuTotalMs = 0;

    template <class Step> bool timed(Step step)
    {
        const double cpuStart = processCpuMs();
        QElapsedTimer timer;
        timer.start();
        const bool ok = step();
        ms << elapsedMs(timer);
        cpuTotalMs += processCpuMs() - cpuStart;
        return ok;
    }
    double cpuPerPage() const { return ms.isEmpty() ? 0 : cpuTotalMs / double(ms.size()); }
};

} // namespace

int main(int argc, char *argv[])
{
    BenchApplication bench(argc, argv, "Paging benchmark: CardsModel vs bare GETs.");
    bench.addInt("cards", "Cards of the customer (1..100000).", "N", 100000, 1, 100000);
    bench.addInt("page-size", "page[limit] (1..1000; the app's: 100).", "N", 100, 1,
                 CardsModel::MaxPageSize);
    if (!bench.parse())
        return 1;
    const int cards = bench.value("cards");
    const int pageSize = bench.value("page-size");

    QTemporaryDir dir;
    const QByteArray seed = test::demoSeedWithBulkCards(cards);
    QFile seedFile(dir.filePath(QStringLiteral("seed.json")));
    if (seed.isEmpty() || !dir.isValid() || !seedFile.open(QIODevice::WriteOnly) ||
        seedFile.write(seed) != seed.size())
        return fail(QStringLiteral("could not write the bench seed"));
    seedFile.close();

    ChildServer server;
    QString error;
    const std::optional<QString> orgToken =
        startSandbox(&server, QStringLiteral(TESSERA_SANDBOX_EXECUTABLE),
                     {QStringLiteral("--seed"), seedFile.fileName()}, &error);
    if (!orgToken)
        return fail(error);
    QNetworkAccessManager network;
    const std::optional<QString> token =
        mintCustomerToken(&network, server.baseUrl(), *orgToken, BulkCustomer);
    if (!token)
        return 1;

    ApiClient client(&network);
    client.setBaseUrl(server.baseUrl());
    client.setBearerToken(*token);
    CardsModel model(&client, nullptr);
    model.setPageSize(pageSize);
    const auto bareGet = [&](int page) {
        return httpGet(&network, withPath(server.baseUrl(), cardsPath(pageSize, page * pageSize)),
                       *token)
            .has_value();
    };
    const auto modelPage = [&model] {
        if (model.hasLoadedOnce())
            model.fetchMore();
        else
            model.reload();
        waitUntil([&model] { return model.state() != CardsModel::State::Loading; }, 30000, &model,
                  &CardsModel::stateChanged);
        return model.state() == CardsModel::State::Idle;
    };

    // A few pages first, so connection set-up and first-use costs fall on neither side.
    for (int page = 0; page < 3; ++page) {
        if (!bareGet(page))
            return 1;
    }
    // Page by page in turn, so a neighbour's burst on a shared machine hits both sides alike.
    // The bare GETs keep nothing, so the peak's growth over the run is the model's (plus at
    // most one page body in flight).
    const int pages = (cards + pageSize - 1) / pageSize;
    Side floor;
    Side paging;
    const qint64 peakBeforeKb = procStatusKb("VmHWM");
    for (int page = 0; page < pages; ++page) {
        if (!floor.timed([&] { return bareGet(page); }) || !paging.timed(modelPage))
            break;
    }
    const double peakGrowthKb = double(procStatusKb("VmHWM") - peakBeforeKb);
    // Every card exactly once, in as many pages as it takes and no more.
    if (model.state() != CardsModel::State::Idle || model.rowCount() != cards ||
        model.canFetchMore()) {
        qCCritical(lcBench).noquote() << "CardsModel stopped at" << model.rowCount() << "of"
                                      << cards << "cards:" << model.lastError().message();
        return 1;
    }

    figure(versusFloor(QStringLiteral("paging: CardsModel %1 ms/page, bare GETs %2 ms/page, ratio "
                                      "%3 (client CPU %4 vs %5 ms/page); peak memory +%6 "
                                      "KiB/page (CardsModel); %7 pages of %8, %9 cards, median "
                                      "per page"),
                       median(paging.ms), median(floor.ms), 2)
               .arg(paging.cpuPerPage(), 0, 'f', 2)
               .arg(floor.cpuPerPage(), 0, 'f', 2)
               .arg(peakGrowthKb / pages, 0, 'f', 1)
               .arg(pages)
               .arg(pageSize)
               .arg(cards));
    return 0;
}
