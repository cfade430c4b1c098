// JSON:API decode of a 1000-card GET /cards page, the decoding the client runs on every page
// (JsonApiCodec::cardPageFromDocument, simdjson's on-demand parser through FastCardDecoder),
// against QJsonDocument::fromJson alone on the same bytes: below 1, the codec decodes the page
// into Cards faster than Qt parses it.

#include "BenchSupport.h"
#include "FastCardDecoder.h"
#include "JsonApiCodec.h"
#include "SandboxServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>

using namespace tessera;
using namespace tessera::bench;

int main(int argc, char *argv[])
{
    BenchApplication bench(argc, argv, "JSON:API page decode benchmark.");
    bench.addInt("cards", "Cards in the page (1..1000).", "N", 1000, 1, 1000);
    bench.addInt("iterations", "Decodes of each kind.", "N", 100, 1);
    if (!bench.parse())
        return 1;
    const int cards = bench.value("cards");
    const int iterations = bench.value("iterations");

    // The page the sandbox really sends to a customer: its encoder, its included account.
    sandbox::SandboxServer sandbox;
    if (sandbox.start() == 0)
        return fail(QStringLiteral("the sandbox could not listen"));
    QNetworkAccessManager network;
    const std::optional<QString> token =
        mintCustomerToken(&network, sandbox.baseUrl(), sandbox.orgToken(), BulkCustomer);
    if (!token)
        return 1;
    const std::optional<QByteArray> body =
        httpGet(&network, withPath(sandbox.baseUrl(), cardsPath(cards, 0)), *token);
    if (!body)
        return 1;
    const Result<CardPage> check = JsonApiCodec::cardPageFromDocument(*body);
    if (!check || check->items.size() != cards)
        return fail(QStringLiteral("the page did not decode to %1 cards").arg(cards));
    // What is measured is the fast path: a page it left to QJsonDocument would hide a slowdown.
    if (!FastCardDecoder::page(*body))
        return fail(QStringLiteral("the page did not take the simdjson path"));

    // Interleaved, so a slow spell on the machine hits both sides alike. Each result is
    // destroyed inside its timed part: freeing a page of cards or a parsed document is part of
    // what decoding costs, on both sides alike.
    QList<double> codecMs;
    QList<double> parseMs;
    qsizetype sink = 0;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        timer.start();
        {
            const Result<CardPage> page = JsonApiCodec::cardPageFromDocument(*body);
            sink += page->items.size();
        }
        codecMs << elapsedMs(timer);
        timer.start();
        {
            const QJsonDocument document = QJsonDocument::fromJson(*body);
            sink += document.object().size();
        }
        parseMs << elapsedMs(timer);
    }
    if (sink == 0)
        return fail(QStringLiteral("nothing decoded"));

    figure(versusFloor(QStringLiteral("decode: JsonApiCodec %1 ms, QJsonDocument::fromJson %2 ms, "
                                      "ratio %3 (%4 cards + %5 included account(s), %6 KiB, "
                                      "median of %7; simdjson kernel %8)"),
                       median(codecMs), median(parseMs), 2)
               .arg(check->items.size())
               .arg(check->includedAccounts.size())
               .arg(body->size() / 1024)
               .arg(iterations)
               .arg(FastCardDecoder::implementationName()));
    return 0;
}
