// Paging through 100 000 cards the way the cards list does while it scrolls (CardsModel,
// fetchMore page after page) against the same GETs made with a bare QNetworkAccessManager
// (no decoding, no model): time per page, client CPU per page (and how much of it decoding
// alone takes, JsonApiCodec on the same pages), the memory each card held costs once the list
// is fully loaded (VmRSS growth / cards), and the transient peak above that while the list
// grows (VmHWM minus VmRSS at the end, as % of the steady growth). The sandbox runs as its own
// process, so the CPU and memory figures are the client's alone; the time per page includes
// the sandbox's answer, as it does in the app.

#include "BenchSupport.h"
#include "CardsModel.h"
#include "DemoSeed.h"
#include "JsonApiCodec.h"

#include <ctime>
#include <QCoreApplication>
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
        // What the step left to deleteLater() (the model's finished job with its decoded page,
        // the bare GET's reply) is its own cost: deleted here, not in the other side's step.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        ms << elapsedMs(timer);
        cpuTotalMs += processCpuMs() - cpuStart;
        return ok;
    }
    double cpuPerPage() const { return ms.isEmpty() ? 0 : cpuTotalMs / double(ms.size()); }
};

// Starts VmHWM again from the current VmRSS (Linux's clear_refs "5"), so the peak read later
// is this run's, not the set-up's.
bool resetPeakMemory()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

// CPU time JsonApiCodec takes to decode `body`, the median of `runs`.
double decodeCpuMs(const QByteArray &body, int runs)
{
    QList<double> samples;
    for (int run = 0; run < runs; ++run) {
        const double start = processCpuMs();
        // The page's teardown counts too: the model pays it after taking the cards.
        {
            const Result<CardPage> page = JsonApiCodec::cardPageFromDocument(body);
        }
        samples << processCpuMs() - start;
    }
    return median(samples);
}

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
                     // Unit's 1000 requests a minute would stop 100 000 cards (2000 GETs)
                     // half way with a 429.
                     {QStringLiteral("--seed"), seedFile.fileName(),
                      QStringLiteral("--requests-per-minute"), QStringLiteral("100000000")},
                     &error);
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
    const bool peakReset = resetPeakMemory();
    const qint64 rssBeforeKb = procStatusKb("VmRSS");
    for (int page = 0; page < pages; ++page) {
        if (!floor.timed([&] { return bareGet(page); }) || !paging.timed(modelPage))
            break;
    }
    const qint64 rssAfterKb = procStatusKb("VmRSS");
    const qint64 peakAfterKb = procStatusKb("VmHWM");
    // Every card exactly once, in as many pages as it takes and no more.
    if (model.state() != CardsModel::State::Idle || model.rowCount() != cards ||
        model.canFetchMore()) {
        qCCritical(lcBench).noquote() << "CardsModel stopped at" << model.rowCount() << "of"
                                      << cards << "cards:" << model.lastError().message();
        return 1;
    }

    // Decoding alone, on pages like the model's (the bare GETs' bodies: the same cards and
    // included accounts), so the client's own cost per page can be read without it.
    QList<double> decodeMs;
    for (int page = 0; page < qMin(pages, 5); ++page) {
        const std::optional<QByteArray> body = httpGet(
            &network, withPath(server.baseUrl(), cardsPath(pageSize, page * pageSize)), *token);
        if (!body)
            return 1;
        decodeMs << decodeCpuMs(*body, 21);
    }
    const double decodePerPage = median(decodeMs);

    figure(versusFloor(QStringLiteral("paging: CardsModel %1 ms/page, bare GETs %2 ms/page, ratio "
                                      "%3; %4 pages of %5, %6 cards, median per page"),
                       median(paging.ms), median(floor.ms), 2)
               .arg(pages)
               .arg(pageSize)
               .arg(cards));
    figure(versusFloor(QStringLiteral("client CPU: CardsModel %1 ms/page, bare GETs %2 ms/page, "
                                      "ratio %3; of the model's, decoding (JsonApiCodec) %4 "
                                      "ms/page, the rest %5 ms/page (ratio %6 without decoding)"),
                       paging.cpuPerPage(), floor.cpuPerPage(), 2)
               .arg(decodePerPage, 0, 'f', 2)
               .arg(paging.cpuPerPage() - decodePerPage, 0, 'f', 2)
               .arg(ratio(paging.cpuPerPage() - decodePerPage, floor.cpuPerPage())));
    const double steadyKb = double(rssAfterKb - rssBeforeKb);
    if (!peakReset || rssBeforeKb < 0 || rssAfterKb < 0 || peakAfterKb < 0)
        return fail(QStringLiteral("could not read this process's memory (/proc/self)"));
    // A few hundred cards may fit in memory the process already had: no figure to give.
    if (steadyKb <= 0)
        return 0;
    figure(QStringLiteral("memory: %1 B per card held (VmRSS +%2 KiB for %3 cards, list fully "
                          "loaded); transient peak +%4 KiB above that, %5 % of it")
               .arg(steadyKb * 1024 / cards, 0, 'f', 0)
               .arg(steadyKb, 0, 'f', 0)
               .arg(cards)
               .arg(double(peakAfterKb - rssAfterKb), 0, 'f', 0)
               .arg(double(peakAfterKb - rssAfterKb) * 100 / steadyKb, 0, 'f', 1));
    return 0;
}
