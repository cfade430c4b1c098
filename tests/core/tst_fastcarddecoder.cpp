// Differential test of JsonApiCodec's simdjson fast path for cards (FastCardDecoder): the same
// bytes decoded by JsonApiCodec::cardPageFromDocument / cardFromDocument and by the QJsonDocument
// decoder they replace (jsonapi::pageFromDocument / singleFromDocument with decodeCard) must give
// the same cards, field for field, the same page, the same error and the same log lines.

#include "CardDifferences.h"
#include "CardDocumentWriter.h"
#include "DemoSeed.h"
#include "FastCardDecoder.h"
#include "JsonApiCodec.h"
#include "JsonApiDocuments.h"
#include "MessageCapture.h"
#include "PaddedBody.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "UnusualCards.h"

#include <algorithm>
#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace tessera;
using namespace tessera::sandbox;
namespace seed = tessera::test::seed;

namespace {

enum class Path { Fast, Fallback, Either };

template <class T> QString resultDifferences(const Result<T> &a, const Result<T> &b)
{
    if (a.ok() != b.ok())
        return a.ok() ? QStringLiteral("decoded, where the reference failed: ") + b.error().detail
                      : QStringLiteral("failed (%1), where the reference decoded")
                            .arg(a.error().detail);
    if (!a.ok())
        return a.error() == b.error() ? QString()
                                      : QStringLiteral("error \"%1\" instead of \"%2\"")
                                            .arg(a.error().detail, b.error().detail);
    if constexpr (std::is_same_v<T, Card>)
        return test::cardDifferences(a.value(), b.value()).join(u", ");
    else
        return test::pageDifferences(a.value(), b.value());
}

// Decodes `body` as a page and as a single card, through the codec and through the reference
// decoder, capturing what each logs; what differs, or empty. `fastPage`/`fastCard` say whether
// FastCardDecoder itself answered.
QString differences(const QByteArray &body, bool *fastPage = nullptr, bool *fastCard = nullptr)
{
    auto decodeLogged = [](auto decode) {
        test::MessageCapture capture;
        auto result = decode();
        capture.stop();
        return std::make_pair(std::move(result), capture.messages());
    };
    const auto [page, pageLog] =
        decodeLogged([&body] { return JsonApiCodec::cardPageFromDocument(body); });
    const auto [referencePage, referencePageLog] = decodeLogged(
        [&body] { return jsonapi::pageFromDocument<Card>(body, &JsonApiCodec::decodeCard); });
    const auto [card, cardLog] =
        decodeLogged([&body] { return JsonApiCodec::cardFromDocument(body); });
    const auto [referenceCard, referenceCardLog] = decodeLogged(
        [&body] { return jsonapi::singleFromDocument<Card>(body, &JsonApiCodec::decodeCard); });

    QStringList differ;
    if (const QString d = resultDifferences(page, referencePage); !d.isEmpty())
        differ << QStringLiteral("page: ") + d;
    if (pageLog != referencePageLog)
        differ << QStringLiteral("page log: ") + pageLog.join(u" | ");
    if (const QString d = resultDifferences(card, referenceCard); !d.isEmpty())
        differ << QStringLiteral("card: ") + d;
    if (cardLog != referenceCardLog)
        differ << QStringLiteral("card log: ") + cardLog.join(u" | ");

    // The fast path on its own: only ever the reference's successful answer.
    test::MessageCapture quiet;
    const std::optional<CardPage> fast = FastCardDecoder::page(body);
    if (fast &&
        (!referencePage.ok() || !test::pageDifferences(*fast, referencePage.value()).isEmpty()))
        differ << QStringLiteral("the fast path answered a page the reference does not give");
    const std::optional<Card> fastSingle = FastCardDecoder::single(body);
    if (fastSingle && (!referenceCard.ok() ||
                       !test::cardDifferences(*fastSingle, referenceCard.value()).isEmpty()))
        differ << QStringLiteral("the fast path answered a card the reference does not give");
    // The same bytes as a reply hands them over (PaddedBody), which the fast path reads where
    // they are instead of copying them: the same answers.
    QBuffer reply;
    reply.setData(body);
    reply.open(QIODevice::ReadOnly);
    const QByteArray padded = PaddedBody::read(&reply);
    const std::optional<CardPage> fastInPlace = FastCardDecoder::page(padded);
    if (fastInPlace.has_value() != fast.has_value() ||
        (fast && !test::pageDifferences(*fastInPlace, *fast).isEmpty()))
        differ << QStringLiteral("read in place, the fast path answered another page");
    const std::optional<Card> fastSingleInPlace = FastCardDecoder::single(padded);
    if (fastSingleInPlace.has_value() != fastSingle.has_value() ||
        (fastSingle && !test::cardDifferences(*fastSingleInPlace, *fastSingle).isEmpty()))
        differ << QStringLiteral("read in place, the fast path answered another card");
    if (fastPage)
        *fastPage = fast.has_value();
    if (fastCard)
        *fastCard = fastSingle.has_value();
    return differ.join(u"; ");
}

QString excerpt(const QByteArray &body)
{
    return QString::fromUtf8(body.left(300).toPercentEncoding(" {}[]\":,.-_+"));
}

// A lone surrogate (one of the unusual cards has one) is written as an escape, which the fast
// path leaves to QJsonDocument.
bool hasSurrogateEscape(const QByteArray &body)
{
    return body.contains("\\ud") || body.contains("\\uD");
}

QByteArray pageOf(const QList<const Card *> &cards, const QJsonArray &included)
{
    return CardDocumentWriter::listDocument(cards, {5000, int(cards.size()), 0}, included);
}

// One card, in a page and alone, with `attributes` spliced over the base card's.
QByteArray cardResource(const QByteArray &attributes,
                        const QByteArray &type = "individualDebitCard",
                        const QByteArray &relationships =
                            R"({"account":{"data":{"type":"depositAccount","id":"200001"}},)"
                            R"("customer":{"data":{"type":"individualCustomer","id":"100001"}}})")
{
    return R"({"type":")" + type + R"(","id":"300001","attributes":{)" + attributes +
           R"(},"relationships":)" + relationships + "}";
}

const QByteArray BaseAttributes = R"("createdAt":"2026-03-01T12:30:15.250Z",)"
                                  R"("updatedAt":"2026-04-02T08:00:00.000Z",)"
                                  R"("last4Digits":"1234","expirationDate":"2030-03",)"
                                  R"("status":"Active","bin":"424242000")";

// An account and a customer as a page includes them.
const QByteArray IncludedAccount =
    R"({"type":"depositAccount","id":"200001","attributes":{"createdAt":"2026-01-01T00:00:00.000Z",)"
    R"("name":"Checking","balance":1500,"hold":0,"available":1500,"currency":"USD",)"
    R"("status":"Open","tags":{}},"relationships":{"customer":{"data":{"type":"customer","id":"100001"}}}})";
const QByteArray IncludedCustomer =
    R"({"type":"individualCustomer","id":"100001","attributes":{"createdAt":"2026-01-01T00:00:00.000Z",)"
    R"("fullName":{"first":"Maya","last":"Thompson"},"email":"maya@example.com"}})";

QByteArray pageWith(const QByteArray &resource, const QByteArray &rest = {})
{
    return R"({"data":[)" + resource +
           R"(],"meta":{"pagination":{"total":1,"limit":1,"offset":0}})" + rest + "}";
}

QByteArray pageWithAttributes(const QByteArray &attributes)
{
    return pageWith(cardResource(BaseAttributes + "," + attributes));
}

// The base card's attributes without `name`, and with `name: json` unless `json` is empty.
QByteArray attributesWith(const char *name, const QByteArray &json = {})
{
    QByteArray attributes = BaseAttributes;
    const qsizetype at = attributes.indexOf(QByteArray("\"") + name + "\"");
    if (at >= 0) {
        const qsizetype end = attributes.indexOf(",\"", at);
        attributes.remove(at, end < 0 ? attributes.size() - at : end - at + 1);
        if (attributes.endsWith(','))
            attributes.chop(1);
    }
    if (!json.isEmpty())
        attributes += QByteArray(",\"") + name + "\":" + json;
    return attributes;
}

} // namespace

class TestFastCardDecoder : public QObject
{
    Q_OBJECT

private slots:
    void everySandboxPageTakesTheFastPathAndDecodesAsWithQJsonDocument()
    {
        SandboxServer server;
        QString error;
        QVERIFY2(server.loadSeed(test::demoSeedWithBulkCards(1500), &error), qPrintable(error));
        const SandboxStore &store = server.api().store();
        const QList<Card> unusual = test::unusualCards();
        QList<const Card *> cards;
        for (const Card &card : store.cards())
            cards << &card;
        for (const Card &card : unusual)
            cards << &card;
        const QJsonArray included{JsonApiCodec::encode(*store.customer(seed::bulkCustomer)),
                                  JsonApiCodec::encode(*store.account(seed::bulkChecking)),
                                  JsonApiCodec::encode(*store.customer(seed::northwindCoffee))};
        int pages = 0;
        for (const int size : {1, 100, 1000}) {
            for (qsizetype from = 0; from < cards.size(); from += size) {
                const QList<const Card *> page = cards.mid(from, size);
                // As the sandbox writes it, and as QJsonDocument does (keys in another order).
                QJsonArray resources;
                for (const Card *card : page)
                    resources.append(JsonApiCodec::encode(*card));
                for (const QByteArray &body :
                     {pageOf(page, included), pageOf(page, {}),
                      JsonApiCodec::listDocument(resources, {1, 2, 3}, included)}) {
                    bool fast = false;
                    const QString differ = differences(body, &fast);
                    QVERIFY2(differ.isEmpty(), qPrintable(differ));
                    QVERIFY2(fast || hasSurrogateEscape(body), qPrintable(excerpt(body)));
                    ++pages;
                }
            }
        }
        for (const Card *card : std::as_const(cards)) {
            const QByteArray body = JsonApiCodec::singleDocument(JsonApiCodec::encode(*card));
            bool fast = false;
            const QString differ = differences(body, nullptr, &fast);
            QVERIFY2(differ.isEmpty(), qPrintable(differ));
            QVERIFY2(fast || hasSurrogateEscape(body), qPrintable(excerpt(body)));
        }
        QVERIFY(pages > 20);
    }

    void everyFuzzCorpusFileDecodesAlike()
    {
        const QDir corpus(QStringLiteral(TESSERA_FUZZ_JSONAPI_CORPUS));
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY(files.size() >= 20);
        for (const QString &name : files) {
            QFile file(corpus.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString differ = differences(file.readAll());
            QVERIFY2(differ.isEmpty(), qPrintable(name + QStringLiteral(": ") + differ));
        }
    }

    void oddDocumentsDecodeAlike_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Path>("path");
        const QByteArray base = pageWithAttributes(R"("design":"default")");
        QTest::newRow("base") << base << Path::Fast;

        // Types, statuses and what a card needs.
        QTest::newRow("unknown type")
            << pageWith(cardResource(BaseAttributes, "prepaidCard")) << Path::Fast;
        QTest::newRow("type in capitals")
            << pageWith(cardResource(BaseAttributes, "GIFTCARD")) << Path::Fast;
        QTest::newRow("not a card")
            << pageWith(cardResource(BaseAttributes, "depositAccount")) << Path::Fallback;
        QTest::newRow("unknown status")
            << pageWith(cardResource(QByteArray(BaseAttributes).replace("Active", "Hibernating")))
            << Path::Fast;
        const QByteArray noStatus = QByteArray(BaseAttributes).replace(R"("status":"Active",)", "");
        QTest::newRow("individual card without status")
            << pageWith(cardResource(noStatus)) << Path::Fallback;
        QTest::newRow("business card without status")
            << pageWith(cardResource(noStatus, "businessDebitCard")) << Path::Fast;
        QTest::newRow("business card with null status")
            << pageWith(cardResource(noStatus + R"(,"status":null)", "businessCreditCard"))
            << Path::Fast;
        for (const char *attribute : {"createdAt", "last4Digits", "expirationDate", "status"}) {
            QTest::addRow("without %s", attribute)
                << pageWith(cardResource(attributesWith(attribute))) << Path::Fallback;
            QTest::addRow("null %s", attribute)
                << pageWith(cardResource(attributesWith(attribute, "null"))) << Path::Fallback;
        }
        for (const char *attribute :
             {"createdAt", "updatedAt", "last4Digits", "expirationDate", "nextExpirationDate",
              "bin", "status", "design", "freezeReason"}) {
            for (const char *json : {"1234", "true", "[]", "{}", "[\"x\"]", "\"\""})
                QTest::addRow("%s: %s", attribute, json)
                    << pageWith(cardResource(attributesWith(attribute, json))) << Path::Either;
        }
        for (const char *attribute :
             {"updatedAt", "nextExpirationDate", "bin", "design", "freezeReason"}) {
            QTest::addRow("without %s", attribute)
                << pageWith(cardResource(attributesWith(attribute))) << Path::Fast;
            QTest::addRow("null %s", attribute)
                << pageWith(cardResource(attributesWith(attribute, "null"))) << Path::Fast;
        }
        QTest::newRow("unknown attributes of every kind")
            << pageWithAttributes(
                   R"("limits":{"dailyPurchase":100000,"x":[1,-2.5e3,true,false,)"
                   "null,{\"y\":\"\\u00e9\\n\"}]},\"extra\":0.5,\"big\":18446744073709551615")
            << Path::Fast;
        QTest::newRow("no id") << pageWith(R"({"type":"individualDebitCard","attributes":{)" +
                                           BaseAttributes + "}}")
                               << Path::Fallback;
        QTest::newRow("numeric id") << pageWith(R"({"type":"individualDebitCard","id":7,)"
                                                R"("attributes":{)" +
                                                BaseAttributes + "}}")
                                    << Path::Fallback;
        QTest::newRow("null attributes")
            << pageWith(R"({"type":"individualDebitCard","id":"1","attributes":null})")
            << Path::Fallback;
        QTest::newRow("a record that is not an object")
            << pageWith(cardResource(BaseAttributes) + ",42") << Path::Fallback;
        QTest::newRow("one good, one bad record")
            << pageWith(cardResource(BaseAttributes) + "," + cardResource(noStatus))
            << Path::Fallback;

        // Tags, addresses, relationships.
        QTest::newRow("tags") << pageWithAttributes(R"("tags":{"b":"2","a":"1","":""})")
                              << Path::Fast;
        QTest::newRow("null tags") << pageWithAttributes(R"("tags":null)") << Path::Fast;
        QTest::newRow("tag not a string")
            << pageWithAttributes(R"("tags":{"a":1})") << Path::Fallback;
        QTest::newRow("tag null") << pageWithAttributes(R"("tags":{"a":null})") << Path::Fallback;
        QTest::newRow("tags an array") << pageWithAttributes(R"("tags":["a"])") << Path::Fallback;
        QTest::newRow("tag given twice")
            << pageWithAttributes(R"("tags":{"a":"first","a":"last"})") << Path::Either;
        QTest::newRow("tag given twice, first not a string")
            << pageWithAttributes(R"("tags":{"a":1,"a":"last"})") << Path::Either;
        QTest::newRow("tag given twice, last not a string")
            << pageWithAttributes(R"("tags":{"a":"first","a":1})") << Path::Fallback;
        const QByteArray address = R"("street":"1 Main St","city":"Springfield",)"
                                   R"("postalCode":"12345")";
        QTest::newRow("US address")
            << pageWithAttributes(R"("shippingAddress":{)" + address +
                                  R"(,"state":"CA","country":"US","street2":null})")
            << Path::Fast;
        QTest::newRow("US address without state")
            << pageWithAttributes(R"("shippingAddress":{)" + address + "}") << Path::Fallback;
        QTest::newRow("address abroad without state")
            << pageWithAttributes(R"("shippingAddress":{)" + address + R"(,"country":"DE"})")
            << Path::Fast;
        QTest::newRow("address with empty country")
            << pageWithAttributes(R"("shippingAddress":{)" + address +
                                  R"(,"country":"","state":"NY"})")
            << Path::Fast;
        QTest::newRow("address without street")
            << pageWithAttributes(R"("shippingAddress":{"city":"x","postalCode":"1","state":"CA"})")
            << Path::Fallback;
        QTest::newRow("null address")
            << pageWithAttributes(R"("shippingAddress":null)") << Path::Fast;
        QTest::newRow("address a string")
            << pageWithAttributes(R"("shippingAddress":"1 Main St")") << Path::Fallback;
        for (const QByteArray &relationships : QList<QByteArray>{
                 "{}", "null", R"({"account":null})", R"({"account":{}})",
                 R"({"account":{"data":null}})", R"({"account":{"data":{}}})",
                 R"({"account":{"data":{"type":"creditAccount","id":""}}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"9"},"links":{}}})",
                 R"({"account":{"data":{"id":"9"}}})", R"({"account":{"data":{"type":"x"}}})",
                 R"({"account":{"data":{"type":null,"id":"9"}}})",
                 R"({"account":{"data":{"type":"a","id":9}}})",
                 R"({"account":{"data":{"meta":1}}})", R"({"account":{"data":[]}})",
                 R"({"account":[]})",
                 R"({"customer":{"data":{"type":"businessCustomer","id":"5"}}})",
                 R"({"org":{"data":{"type":"org","id":"1"}}})", "[]",
                 // Near the compact shape read from its text: spaces, another order, a key
                 // more, twice, cut short, other values.
                 R"({"account":{"data":{"type":"creditAccount","id":"9"}}})",
                 R"({"account":{"data":{"type":"","id":"9"}}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"9"} }})",
                 R"({"account":{"data":{"type":"creditAccount", "id":"9"}}})",
                 R"({"account": {"data":{"type":"creditAccount","id":"9"}}})",
                 R"({"account":{"data":{"id":"9","type":"creditAccount"}}})",
                 R"({"account":{"data":{"id":"","type":"creditAccount"}}})",
                 R"({"account":{"data":{"id":"9","type":""}}})",
                 R"({"account":{"data":{"id":"9", "type":"creditAccount"}}})",
                 R"({"account":{"data":{"id":"9","type":"creditAccount","id":"8"}}})",
                 R"({"account":{"data":{"id":"9","type":"creditAccount","type":"x"}}})",
                 R"({"account":{"data":{"id":"9","type":"creditAccount"},"data":{}}})",
                 R"({"account":{"data":{"id":"9","id":"8","type":"creditAccount"}}})",
                 R"({"account":{"data":{"type":"creditAccount","type":"x","id":"9"}}})",
                 R"({"account":{"data":{"id":"9","type":null}}})",
                 R"({"account":{"data":{"id":"9","type":"creditAccount")",
                 R"({"account":{"data":{"type":"creditAccount","id":"9","id":"8"}}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"9","meta":{}}}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"9"},"data":null}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"9"}},"account":{}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"9"}},)"
                 R"("customer":{"data":{"type":"businessCustomer","id":"5"}}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"9")",
                 R"({"account":{"data":{"type":"creditAccount","id":"9"}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"9"}}}})",
                 // (Not a raw string: moc loses its way in one with an odd number of quotes.)
                 "{\"account\":{\"data\":{\"type\":\"creditAccount\",\"id\":\"9}}}",
                 R"({"account":{"data":{"type":"creditAccount","id":9}}})",
                 R"({"account":{"data":{"type":"creditAccount","id":"é9"}}})"})
            QTest::addRow("relationships %s", relationships.constData())
                << pageWith(cardResource(BaseAttributes, "individualDebitCard", relationships))
                << Path::Either;

        // Strings: escapes, unicode, surrogates, control characters.
        QTest::newRow("escapes") << pageWithAttributes(
                                        "\"design\":\"q\\\"b\\\\s\\/b\\bf\\fn\\nr\\rt\\t "
                                        "u\\u0041\\u00e9\\u20ac\\ud83d\\ude00 \\u0000\"")
                                 << Path::Fast;
        QTest::newRow("raw UTF-8")
            << pageWithAttributes("\"design\":\"Étage 東京 😀\"") << Path::Fast;
        QTest::newRow("escaped key")
            << pageWith(
                   cardResource(QByteArray(BaseAttributes).replace("\"bin\"", "\"\\u0062in\"")))
            << Path::Fast;
        QTest::newRow("lone high surrogate")
            << pageWithAttributes("\"design\":\"a\\ud800b\"") << Path::Fallback;
        QTest::newRow("lone low surrogate")
            << pageWithAttributes("\"design\":\"a\\udc00b\"") << Path::Fallback;
        QTest::newRow("reversed surrogate pair")
            << pageWithAttributes("\"design\":\"\\ude00\\ud83d\"") << Path::Fallback;
        QTest::newRow("lone surrogate in a tag key")
            << pageWithAttributes("\"tags\":{\"\\udc01\":\"x\"}") << Path::Fallback;
        QTest::newRow("lone surrogate in an unknown attribute")
            << pageWithAttributes("\"note\":\"\\ud800\"") << Path::Either;
        QTest::newRow("lone low surrogate in an unknown attribute")
            << pageWithAttributes("\"note\":\"\\udfff\"") << Path::Either;
        QTest::newRow("bad escape") << pageWithAttributes("\"design\":\"\\x41\"") << Path::Fallback;
        QTest::newRow("short unicode escape")
            << pageWithAttributes("\"design\":\"\\u00e\"") << Path::Fallback;
        QTest::newRow("invalid UTF-8")
            << pageWithAttributes("\"design\":\"\xC3\x28\"") << Path::Fallback;
        QTest::newRow("overlong UTF-8")
            << pageWithAttributes("\"design\":\"\xC0\xAF\"") << Path::Fallback;
        QTest::newRow("UTF-8 surrogate")
            << pageWithAttributes("\"design\":\"\xED\xA0\x80\"") << Path::Fallback;
        for (const char control : {'\t', '\n', '\r', '\x01', '\x1f', '\0'})
            QTest::addRow("raw control character %d in a string", int(control))
                << pageWithAttributes(QByteArray("\"design\":\"a") + control + "b\"")
                << Path::Fallback;
        QTest::newRow("DEL in a string")
            << pageWithAttributes("\"design\":\"a\x7f\"") << Path::Fast;
        QTest::newRow("control character outside strings")
            << QByteArray(base).insert(1, '\x01') << Path::Fallback;
        QTest::newRow("NUL after the document") << base + QByteArray(1, '\0') << Path::Fallback;
        QTest::newRow("pretty-printed")
            << QJsonDocument::fromJson(base).toJson(QJsonDocument::Indented) << Path::Fast;
        QTest::newRow("tabs and CRLF between tokens")
            << QByteArray(base).replace("\",\"", "\",\r\n\t\"").replace("\":", "\" :\t")
            << Path::Fast;
        QTest::newRow("byte order mark") << "\xEF\xBB\xBF" + base << Path::Fallback;
        QTest::newRow("byte order mark after a space") << " \xEF\xBB\xBF" + base << Path::Fallback;

        // Numbers (in the pagination and in attributes nobody reads).
        for (const QByteArray &number : QList<QByteArray>{"0",
                                                          "-0",
                                                          "5.0",
                                                          "1e2",
                                                          "-1",
                                                          "2147483647",
                                                          "2147483648",
                                                          "9007199254740993",
                                                          "1e-400",
                                                          "1e400",
                                                          "-1e-400",
                                                          "4.9e-324",
                                                          "2.2250738585072014e-308",
                                                          "1.7976931348623157e308",
                                                          "99999999999999999999999",
                                                          "0.1e1",
                                                          "01",
                                                          "1.",
                                                          ".5",
                                                          "-",
                                                          "+1",
                                                          "1e",
                                                          "0x10",
                                                          "NaN",
                                                          "Infinity",
                                                          "true",
                                                          "\"7\""}) {
            QTest::addRow("total %s", number.constData())
                << QByteArray(base).replace(R"("total":1)", "\"total\":" + number) << Path::Either;
            QTest::addRow("unknown attribute %s", number.constData())
                << pageWithAttributes("\"n\":" + number) << Path::Either;
        }
        QTest::newRow("empty pagination")
            << QByteArray(base).replace(R"({"total":1,"limit":1,"offset":0})", "{}") << Path::Fast;
        QTest::newRow("pagination without total")
            << QByteArray(base).replace(R"("total":1,)", "") << Path::Fallback;
        QTest::newRow("pagination with only total")
            << QByteArray(base).replace(R"(,"limit":1,"offset":0)", "") << Path::Fast;
        QTest::newRow("pagination null")
            << QByteArray(base).replace(R"({"total":1,"limit":1,"offset":0})", "null")
            << Path::Fast;
        QTest::newRow("meta null")
            << pageWith(cardResource(BaseAttributes))
                   .replace(R"({"pagination":{"total":1,"limit":1,"offset":0}})", "null")
            << Path::Fast;
        QTest::newRow("meta an array")
            << pageWith(cardResource(BaseAttributes))
                   .replace(R"({"pagination":{"total":1,"limit":1,"offset":0}})", "[]")
            << Path::Fallback;
        QTest::newRow("pagination with other counts")
            << QByteArray(base).replace(R"("offset":0)", R"("offset":0,"pages":3.5)") << Path::Fast;

        // Keys given twice (Qt keeps the last value).
        QTest::newRow("data twice") << R"({"data":[],)" + base.mid(1) << Path::Fallback;
        QTest::newRow("type twice")
            << pageWith(
                   cardResource(BaseAttributes).replace(R"("id")", R"("type":"prepaidCard","id")"))
            << Path::Fallback;
        QTest::newRow("status twice")
            << pageWithAttributes(R"("status":"Frozen")") << Path::Fallback;
        QTest::newRow("attributes twice")
            << pageWith(cardResource(BaseAttributes)
                            .replace(R"(,"relationships")", R"(,"attributes":{},"relationships")"))
            << Path::Fallback;
        QTest::newRow("total twice")
            << QByteArray(base).replace(R"("total":1)", R"("total":7,"total":1)") << Path::Fallback;
        QTest::newRow("unknown key twice") << pageWithAttributes(R"("x":1,"x":2)") << Path::Fast;

        // Dates.
        for (const QByteArray &date : QList<QByteArray>{"2026-03-01T12:30:15Z",
                                                        "2026-03-01T12:30:15.1Z",
                                                        "2026-03-01T12:30:15.12345Z",
                                                        "2026-03-01T12:30:15,250Z",
                                                        "2026-03-01T12:30:15.250+02:00",
                                                        "2026-03-01T12:30:15-05:30",
                                                        "2026-03-01T12:30:15+00:00",
                                                        "2026-03-01T12:30:15",
                                                        "2026-03-01T12:30Z",
                                                        "2026-03-01",
                                                        "2026-03-01t12:30:15Z",
                                                        "2026-03-01 12:30:15Z",
                                                        "2026-03-01T12:30:15.250z",
                                                        "2024-02-29T00:00:00.000Z",
                                                        "2026-02-29T00:00:00.000Z",
                                                        "2026-02-30T00:00:00.000Z",
                                                        "2026-13-01T00:00:00.000Z",
                                                        "2026-00-10T00:00:00.000Z",
                                                        "2026-03-01T24:00:00.000Z",
                                                        "2026-03-01T23:60:00.000Z",
                                                        "2026-03-01T23:59:60.000Z",
                                                        "0000-01-01T00:00:00.000Z",
                                                        "0001-01-01T00:00:00.000Z",
                                                        "9999-12-31T23:59:59.999Z",
                                                        "9999-12-31T23:00:00-05:00",
                                                        "0001-01-01T00:30:00+01:00",
                                                        "+2026-03-01T00:00:00Z",
                                                        "2026-3-1T1:2:3Z",
                                                        "2026-03-01T12:30:15.-50Z",
                                                        "yesterday",
                                                        ""}) {
            QTest::addRow("createdAt %s", date.constData())
                << pageWith(cardResource(
                       QByteArray(BaseAttributes).replace("2026-03-01T12:30:15.250Z", date)))
                << Path::Either;
            QTest::addRow("updatedAt %s", date.constData())
                << pageWith(cardResource(
                       QByteArray(BaseAttributes).replace("2026-04-02T08:00:00.000Z", date)))
                << Path::Either;
        }
        // The fast path works a date's days out by hand: each month's last day and the day
        // after it, in leap years and not (every fourth, not every hundredth, every 400th),
        // before and after 1970.
        for (const int year : {1600, 1900, 1969, 1970, 2000, 2023, 2024, 2100}) {
            for (int month = 1; month <= 12; ++month) {
                const int last = QDate(year, month, 1).daysInMonth();
                for (const int day : {last, last + 1}) {
                    const QByteArray date = QStringLiteral("%1-%2-%3T23:59:59.999Z")
                                                .arg(year)
                                                .arg(month, 2, 10, QLatin1Char('0'))
                                                .arg(day, 2, 10, QLatin1Char('0'))
                                                .toLatin1();
                    QTest::addRow("createdAt %s", date.constData())
                        << pageWith(cardResource(QByteArray(BaseAttributes)
                                                     .replace("2026-03-01T12:30:15.250Z", date)))
                        << Path::Either;
                }
            }
        }

        // Included resources.
        const QByteArray account = IncludedAccount;
        const QByteArray customer = IncludedCustomer;
        const QByteArray card = cardResource(BaseAttributes);
        QTest::newRow("included account and customer")
            << pageWith(card, R"(,"included":[)" + account + "," + customer + "]") << Path::Fast;
        QTest::newRow("included other types and non-objects")
            << pageWith(card,
                        R"(,"included":[{"type":"org","id":"1"},7,"x",null,[],)" + account + "]")
            << Path::Fast;
        QTest::newRow("included account that cannot be read")
            << pageWith(card, R"(,"included":[{"type":"depositAccount","id":"1"}])") << Path::Fast;
        QTest::newRow("included customer with a key twice")
            << pageWith(card,
                        R"(,"included":[)" +
                            QByteArray(customer).replace(R"("email")", R"("email":"old","email")") +
                            "]")
            << Path::Fast;
        QTest::newRow("included null") << pageWith(card, R"(,"included":null)") << Path::Fallback;
        QTest::newRow("included an object")
            << pageWith(card, R"(,"included":{})") << Path::Fallback;
        QTest::newRow("included malformed")
            << pageWith(card, R"(,"included":[{"type":"depositAccount","id":}])") << Path::Fallback;
        QTest::newRow("included with a lone surrogate")
            << pageWith(card, R"(,"included":[)" +
                                  QByteArray(customer).replace("Maya", "\\ud800Maya") + "]")
            << Path::Either;
        QTest::newRow("included 1e-400")
            << pageWith(card,
                        R"(,"included":[)" + QByteArray(account).replace("1500,", "1e-400,") + "]")
            << Path::Either;

        // Documents that are not pages of cards.
        for (const QByteArray &document :
             QList<QByteArray>{"",
                               " ",
                               "null",
                               "[]",
                               "{}",
                               "7",
                               "\"x\"",
                               R"({"data":[]})",
                               R"({"data":null})",
                               R"({"data":{}})",
                               R"({"data":"x"})",
                               R"({"errors":[{"status":"400","title":"Bad"}]})",
                               R"({"data":[],"meta":{"pagination":{"total":0}}})",
                               R"({"data":[]} {"data":[]})",
                               R"({"data":[]}x)",
                               R"({"data":[]}])",
                               R"({"data":[],})",
                               R"({"data":[1,]})",
                               R"({"data" [])",
                               R"({"data":[]])",
                               R"({"data":[}})",
                               R"({'data':[]})",
                               R"({data:[]})",
                               R"({"data":[] "meta":{}})",
                               R"({"data":[],"x":tru})",
                               R"({"data":[],"x":nul})",
                               R"({"data":[],"x":nulll})",
                               R"({"data":[],"x":True})",
                               R"({"data":[],"x":[1 2]})",
                               R"({"data":[],"x":{"a"}})",
                               R"({"data":[],"x":{"a":}})",
                               R"({"data":[],"x":{1:2}})",
                               "{\"data\":[],\"x\":\"\\\"",
                               R"(["data"])",
                               R"({"data":[]}  )",
                               "\n{\"data\":[]}\n"})
            QTest::addRow("document %s", qPrintable(excerpt(document))) << document << Path::Either;

        // Past the size whose parser buffers are kept for the next document.
        QTest::newRow("over a mebibyte")
            << pageWithAttributes("\"note\":\"" + QByteArray(1200 * 1024, 'x') + "\"")
            << Path::Fast;

        // Deep nesting in an attribute nobody reads.
        for (const int depth : {10, 60, 100, 1020, 1030, 5000})
            QTest::addRow("nested %d deep", depth)
                << pageWithAttributes("\"deep\":" + QByteArray(depth, '[') + QByteArray(depth, ']'))
                << Path::Either;

        // More type and status names than the decoder works out once and keeps (and than its
        // vocabulary holds), Unit's among them, repeated in changing order; business cards
        // without a status; types in capitals: each card keeps its own type and status.
        const QList<QByteArray> types{"individualDebitCard",        "businessDebitCard",
                                      "individualVirtualDebitCard", "businessVirtualCreditCard",
                                      "INDIVIDUALDEBITCARD",        "businessCreditCard"};
        const QList<QByteArray> statuses{"Active",   "Frozen",         "Lost",  "ClosedByCustomer",
                                         "Inactive", "SuspectedFraud", "Stolen"};
        QByteArray manyNames;
        for (int i = 0; i < 240; ++i) {
            const int pick = (i * 37) % 97;
            const QByteArray type = pick < 60 ? types.at(pick % types.size())
                                              : "kind" + QByteArray::number(pick) + "Card";
            const QByteArray status = pick % 4 == 0 ? statuses.at(pick % statuses.size())
                                                    : "Status" + QByteArray::number(pick);
            const QByteArray attributes =
                type.startsWith("business") && pick % 3 == 0
                    ? noStatus
                    : QByteArray(BaseAttributes).replace("Active", status);
            manyNames +=
                (i ? "," : "") +
                cardResource(attributes, type).replace("300001", QByteArray::number(300001 + i));
        }
        QTest::newRow("many type and status names") << pageWith(manyNames) << Path::Fast;

        // A single card document, as GET /cards/{id} answers.
        QTest::newRow("single card")
            << R"({"data":)" + card + R"(,"included":[)" + account + "]}" << Path::Either;
        QTest::newRow("single card with data twice")
            << R"({"data":)" + card + R"(,"data":)" + card + "}" << Path::Either;
        QTest::newRow("single card, trailing garbage")
            << R"({"data":)" + card + "}}" << Path::Either;
    }

    void oddDocumentsDecodeAlike()
    {
        QFETCH(QByteArray, body);
        QFETCH(Path, path);
        bool fastPage = false;
        bool fastCard = false;
        const QString differ = differences(body, &fastPage, &fastCard);
        QVERIFY2(differ.isEmpty(), qPrintable(differ + QStringLiteral(" in ") + excerpt(body)));
        if (path == Path::Fast)
            QVERIFY2(fastPage, "the fast path should have read this page");
        else if (path == Path::Fallback)
            QVERIFY2(!fastPage, "the fast path should have left this page to QJsonDocument");
    }

    void everyCutAndMutationOfAPageDecodesAlike()
    {
        SandboxServer server;
        QString error;
        QVERIFY2(server.loadSeed(test::builtInDemoSeed(), &error), qPrintable(error));
        const SandboxStore &store = server.api().store();
        const QList<Card> unusual = test::unusualCards();
        const QList<const Card *> cards{store.card(seed::mayaActivePhysicalCard), &unusual.at(2),
                                        &unusual.at(1)};
        const QJsonArray included{JsonApiCodec::encode(*store.account(seed::mayaChecking)),
                                  JsonApiCodec::encode(*store.customer(seed::mayaThompson))};
        const QByteArray page = pageOf(cards, included);
        const QByteArray single = JsonApiCodec::singleDocument(JsonApiCodec::encode(*cards.at(0)));

        // Every prefix, as a reply cut short would be.
        for (const QByteArray &document : {page, single}) {
            for (qsizetype length = 0; length < document.size(); ++length) {
                const QString differ = differences(document.left(length));
                QVERIFY2(differ.isEmpty(),
                         qPrintable(QStringLiteral("cut at %1: ").arg(length) + differ));
            }
        }
        // Bytes replaced, removed, inserted and repeated, from the characters that matter to a
        // JSON parser; a fixed seed, so a failure repeats.
        const QByteArray alphabet =
            "{}[]\":,\\/ \t\n0123456789-+.eEtrufalsn\x01\x7f\xc3\xa9\xed\xff";
        QRandomGenerator random(15);
        int fast = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray mutated = round % 2 ? page : single;
            for (int edits = 1 + int(random.bounded(3)); edits > 0; --edits) {
                const auto at = qsizetype(random.bounded(int(mutated.size())));
                const char c = alphabet.at(random.bounded(int(alphabet.size())));
                switch (random.bounded(4)) {
                case 0:
                    mutated[at] = c;
                    break;
                case 1:
                    mutated.remove(at, 1 + random.bounded(4));
                    break;
                case 2:
                    mutated.insert(at, c);
                    break;
                default:
                    mutated.insert(at, mutated.mid(at, 1 + random.bounded(24)));
                    break;
                }
            }
            bool fastPage = false;
            bool fastCard = false;
            const QString differ = differences(mutated, &fastPage, &fastCard);
            QVERIFY2(differ.isEmpty(),
                     qPrintable(differ + QStringLiteral(" in ") + excerpt(mutated)));
            fast += fastPage || fastCard;
        }
        // Many mutations only touch a string's content: the fast path keeps reading those.
        QVERIFY2(fast > 100, qPrintable(QString::number(fast)));
    }

    // Included records are kept from page to page by their bytes (IncludedRecordCache): the
    // same bytes give what they gave before, other bytes (even of the same length, even
    // after the record's bytes came back) are read again, and a record left out is noted on
    // every page that has it.
    void includedRecordsAreReadAgainWhenTheirBytesChange()
    {
        const QByteArray account = IncludedAccount;
        const QByteArray customer = IncludedCustomer;
        const QByteArray unreadable = QByteArray(account).replace(R"("currency":"USD",)", "");
        QList<QByteArray> included;
        // More different records than are kept, so that early ones are read again too.
        for (const char *balance :
             {"1500", "2500", "1500", "9999", "2500", "1234", "4321", "1500", "1500"})
            included << QByteArray(account).replace("1500", balance) + "," + customer;
        included << unreadable << unreadable << customer + "," + unreadable << account;
        for (const QByteArray &resources : std::as_const(included)) {
            const QByteArray body =
                pageWith(cardResource(BaseAttributes), R"(,"included":[)" + resources + "]");
            const QString differ = differences(body);
            QVERIFY2(differ.isEmpty(),
                     qPrintable(differ + QStringLiteral(" in ") + QString::fromUtf8(resources)));
            const std::optional<CardPage> page = FastCardDecoder::page(body);
            QVERIFY(page);
            const Result<CardPage> reference =
                jsonapi::pageFromDocument<Card>(body, &JsonApiCodec::decodeCard);
            QVERIFY(reference.ok());
            QCOMPARE(test::pageDifferences(*page, reference.value()), QString());
        }
    }

    // What makes included records cheap page after page: the second page's account is the one
    // kept from the first (its texts share their data), not parsed again.
    void pagesIncludingTheSameRecordShareIt()
    {
        const QByteArray body =
            pageWith(cardResource(BaseAttributes), R"(,"included":[)" + IncludedAccount + "]");
        const std::optional<CardPage> first = FastCardDecoder::page(body);
        const std::optional<CardPage> second = FastCardDecoder::page(body);
        QVERIFY(first && second);
        QCOMPARE(first->includedAccounts.size(), 1);
        QCOMPARE(second->includedAccounts.size(), 1);
        QCOMPARE(second->includedAccounts.first().name, QStringLiteral("Checking"));
        QVERIFY(second->includedAccounts.first().name.isSharedWith(
            first->includedAccounts.first().name));
    }

    void forgettingKeptDocumentsLetsGoOfTheIncludedRecords()
    {
        const QByteArray body =
            pageWith(cardResource(BaseAttributes),
                     R"(,"included":[)" + IncludedAccount + "," + IncludedCustomer + "]");
        const std::optional<CardPage> first = FastCardDecoder::page(body);
        QVERIFY(first);
        QCOMPARE(first->includedAccounts.size(), 1);
        QCOMPARE(first->includedCustomers.size(), 1);
        const Account &account = first->includedAccounts.first();
        const Customer &customer = first->includedCustomers.first();
        // Kept by the decoder for the next page, so not this page's alone.
        QVERIFY(!account.name.isDetached());
        QVERIFY(!customer.email.isDetached());

        FastCardDecoder::forgetKeptDocuments();
        QVERIFY(account.name.isDetached());
        QVERIFY(customer.email.isDetached());
        QVERIFY(customer.lastName.isDetached());

        // The same document again is read from scratch, to the same answer.
        const std::optional<CardPage> second = FastCardDecoder::page(body);
        QVERIFY(second);
        QCOMPARE(second->includedAccounts.first().name, QStringLiteral("Checking"));
        QCOMPARE(second->includedCustomers.first().email, QStringLiteral("maya@example.com"));
        QVERIFY(!second->includedAccounts.first().name.isSharedWith(account.name));
        QCOMPARE(second->items.size(), 1);
        QCOMPARE(second->items.first().last4Digits, QStringLiteral("1234"));
    }

    void repeatedValuesShareOneString()
    {
        const QByteArray body = pageWith(cardResource(BaseAttributes) + "," +
                                         cardResource(BaseAttributes).replace("300001", "300002"));
        const std::optional<CardPage> page = FastCardDecoder::page(body);
        QVERIFY(page);
        QCOMPARE(page->items.size(), 2);
        const Card &first = page->items.at(0);
        const Card &second = page->items.at(1);
        for (const auto member :
             {&Card::typeName, &Card::statusName, &Card::expirationDate, &Card::bin,
              &Card::accountId, &Card::accountType, &Card::customerId, &Card::customerType}) {
            QCOMPARE(first.*member, second.*member);
            QVERIFY((first.*member).constData() == (second.*member).constData());
        }
        // Names of types and statuses are shared from page to page too.
        const std::optional<CardPage> next = FastCardDecoder::page(body);
        QVERIFY(next);
        QVERIFY(next->items.at(0).statusName.constData() == first.statusName.constData());
        QVERIFY(next->items.at(0).typeName.constData() == first.typeName.constData());
    }
};

QTEST_GUILESS_MAIN(TestFastCardDecoder)
#include "tst_fastcarddecoder.moc"
