// GET /cards in the sandbox: the createdAt index (a page reads only its own cards, at any store
// size, and stays right as cards are created, change status or come back from a state file),
// and the list written straight to bytes (the same document as the QJsonObject encoder's).

#include "CardDocumentWriter.h"
#include "DemoSeed.h"
#include "JsonApiCodec.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "UnusualCards.h"

#include <algorithm>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tessera;
using namespace tessera::sandbox;
namespace seed = tessera::test::seed;

namespace {

const QString BulkAccount = QStringLiteral("200008");

// What the QJsonObject path writes for the same page.
QByteArray codecListDocument(const QList<const Card *> &cards, const Pagination &pagination,
                             const QJsonArray &included)
{
    QJsonArray resources;
    for (const Card *card : cards)
        resources.append(JsonApiCodec::encode(*card));
    return JsonApiCodec::listDocument(resources, pagination, included);
}

struct Listing
{
    QStringList ids;
    int total = -1;
};

} // namespace

class TestSandboxCardList : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;

    void load(const QByteArray &seedJson)
    {
        m_server = std::make_unique<SandboxServer>();
        m_server->api().rateLimiter().setRequestsPerMinute(1000000);
        QString error;
        QVERIFY2(m_server->loadSeed(seedJson, &error), qPrintable(error));
    }

    SandboxStore &store() { return m_server->api().store(); }

    QJsonObject get(const QString &pathAndQuery)
    {
        SandboxRequest request;
        request.method = "GET";
        const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
        request.path = pathAndQuery.left(question);
        if (question >= 0)
            request.query = QUrlQuery(pathAndQuery.mid(question + 1));
        request.headers = {{"Authorization", "Bearer " + m_server->orgToken().toUtf8()}};
        request.clientAddress = QStringLiteral("127.0.0.1");
        const SandboxResponse response = m_server->api().handle(request);
        if (response.status != 200)
            qWarning() << pathAndQuery << response.status << response.body;
        return QJsonDocument::fromJson(response.body).object();
    }

    Listing list(const QString &query)
    {
        const QJsonObject page = get(QStringLiteral("/cards?") + query);
        Listing listing;
        for (const QJsonValue &card : page.value(QLatin1String("data")).toArray())
            listing.ids << card.toObject().value(QLatin1String("id")).toString();
        listing.total = page.value(QLatin1String("meta"))
                            .toObject()
                            .value(QLatin1String("pagination"))
                            .toObject()
                            .value(QLatin1String("total"))
                            .toInt(-1);
        return listing;
    }

    // The same listing by a full scan of the store: the way the sandbox listed before its index.
    Listing scan(const QString &customerId, const QString &accountId,
                 const QList<CardStatus> &statuses, bool ascending, int offset, int limit)
    {
        QList<const Card *> matching;
        for (const Card &card : store().cards()) {
            if ((!customerId.isEmpty() && card.customerId != customerId) ||
                (!accountId.isEmpty() && card.accountId != accountId) ||
                (!statuses.isEmpty() && !statuses.contains(card.status)))
                continue;
            matching.append(&card);
        }
        std::sort(matching.begin(), matching.end(), [ascending](const Card *a, const Card *b) {
            const auto keyOf = [](const Card *card) {
                return std::pair(card->createdAt.toMSecsSinceEpoch(), card->id.toLongLong());
            };
            return ascending ? keyOf(a) < keyOf(b) : keyOf(b) < keyOf(a);
        });
        Listing listing;
        listing.total = int(matching.size());
        for (const Card *card : matching.mid(offset, limit))
            listing.ids << card->id;
        return listing;
    }

    // Every combination the index serves, compared with the full scan.
    void compareWithScan()
    {
        const QList<QPair<QString, QList<CardStatus>>> statusFilters = {
            {QString(), {}},
            {QStringLiteral("&filter[status][0]=Frozen"), {CardStatus::Frozen}},
            {QStringLiteral("&filter[status][0]=Active&filter[status][1]=ClosedByCustomer"),
             {CardStatus::Active, CardStatus::ClosedByCustomer}},
            {QStringLiteral("&filter[status][0]=SuspectedFraud"), {CardStatus::SuspectedFraud}}};
        const QList<QPair<QString, QString>> scopes = {{QString(), QString()},
                                                       {seed::bulkCustomer, QString()},
                                                       {seed::mayaThompson, QString()},
                                                       {QString(), BulkAccount},
                                                       {seed::bulkCustomer, BulkAccount},
                                                       {seed::mayaThompson, BulkAccount}};
        for (const auto &[customerId, accountId] : scopes) {
            for (const auto &[statusQuery, statuses] : statusFilters) {
                for (const bool ascending : {true, false}) {
                    for (const int offset : {0, 1, 37, 490, 4990, 100000}) {
                        QString query = QStringLiteral("page[limit]=25&page[offset]=%1&sort=%2")
                                            .arg(offset)
                                            .arg(ascending ? QStringLiteral("createdAt")
                                                           : QStringLiteral("-createdAt"));
                        if (!customerId.isEmpty())
                            query += QStringLiteral("&filter[customerId]=") + customerId;
                        if (!accountId.isEmpty())
                            query += QStringLiteral("&filter[accountId]=") + accountId;
                        query += statusQuery;
                        const Listing listed = list(query);
                        const Listing scanned =
                            scan(customerId, accountId, statuses, ascending, offset, 25);
                        QVERIFY2(listed.ids == scanned.ids && listed.total == scanned.total,
                                 qPrintable(query));
                    }
                }
            }
        }
    }

private slots:
    void aPageReadsTheSameCardsAtAnyStoreSize()
    {
        QList<qint64> visitsPerSize;
        for (const int count : {1000, 100000}) {
            load(test::demoSeedWithBulkCards(count));
            const QStringList queries = {
                QStringLiteral("page[limit]=100&page[offset]=0&sort=-createdAt"),
                QStringLiteral("page[limit]=100&page[offset]=900&sort=-createdAt"),
                QStringLiteral("page[limit]=100&page[offset]=500&sort=createdAt"),
                QStringLiteral("page[limit]=100&page[offset]=0&filter[status][0]=Frozen"),
                QStringLiteral("page[limit]=100&page[offset]=0&filter[accountId]=") + BulkAccount};
            qint64 visits = 0;
            for (const QString &query : queries) {
                const qint64 before = store().recordsVisited();
                const Listing listing =
                    list(query + QStringLiteral("&filter[customerId]=") + seed::bulkCustomer);
                QCOMPARE(listing.ids.size(), 100);
                visits += store().recordsVisited() - before;
            }
            visitsPerSize << visits;
        }
        // Only the cards shown are read: 100 per page, at 1 000 cards as at 100 000.
        QCOMPARE(visitsPerSize.at(0), 5 * 100);
        QCOMPARE(visitsPerSize.at(1), visitsPerSize.at(0));
    }

    void theIndexListsWhatAFullScanListsAsCardsChange()
    {
        load(test::builtInDemoSeed());
        compareWithScan();

        // New cards, on the bulk account and Maya's, some created at the very same instant.
        const Card *model = store().card(seed::mayaActivePhysicalCard);
        QVERIFY(model);
        Card added = *model;
        added.createdAt = store().cards().at(2500).createdAt;
        const QString first = store().addCard(added, {});
        const QString second = store().addCard(added, {});
        added.accountId = BulkAccount;
        added.customerId = seed::bulkCustomer;
        store().addCard(added, {});
        compareWithScan();

        // Statuses changed through the store's mutable cards, as the endpoints change them.
        store().mutableCard(first)->status = CardStatus::Frozen;
        store().mutableCard(second)->status = CardStatus::SuspectedFraud;
        for (int slot = 100; slot < 4000; slot += 97)
            store().mutableCard(store().cards().at(slot).id)->status = CardStatus::Frozen;
        Card *changedTwice = store().mutableCard(store().cards().at(120).id);
        changedTwice->status = CardStatus::ClosedByCustomer;
        store().mutableCard(changedTwice->id)->status = CardStatus::Active;
        compareWithScan();

        // The same changes replayed onto a fresh store from the state file.
        const QJsonObject state = m_server->api().state();
        load(test::builtInDemoSeed());
        QString error;
        QVERIFY2(m_server->api().restoreState(state, &error), qPrintable(error));
        compareWithScan();
    }

    void theListIsWrittenAsTheCodecWritesIt()
    {
        load(test::builtInDemoSeed());
        QList<const Card *> cards;
        for (const Card &card : store().cards())
            cards << &card;
        const QList<Card> unusual = test::unusualCards();
        for (const Card &card : unusual)
            cards << &card;
        // Each card alone, so a difference names its card; then whole pages.
        for (const Card *card : std::as_const(cards)) {
            const Pagination pagination{1, 1, 0};
            const QByteArray written = CardDocumentWriter::listDocument({card}, pagination, {});
            const QByteArray expected = codecListDocument({card}, pagination, {});
            QCOMPARE(QJsonDocument::fromJson(written), QJsonDocument::fromJson(expected));
            QVERIFY(!QJsonDocument::fromJson(written).isNull());
            // Unicode tag keys may sort differently (UTF-16 vs code points); the rest is exact.
            if (!card->id.startsWith(QLatin1String("9000")))
                QCOMPARE(written, expected);
        }
        const QJsonArray included{JsonApiCodec::encode(*store().customer(seed::bulkCustomer)),
                                  JsonApiCodec::encode(*store().account(BulkAccount))};
        for (const QJsonArray &include : {QJsonArray(), included}) {
            const QList<const Card *> page = cards.mid(cards.size() - 120);
            const Pagination pagination{int(cards.size()), 120, int(cards.size()) - 120};
            QCOMPARE(QJsonDocument::fromJson(
                         CardDocumentWriter::listDocument(page, pagination, include)),
                     QJsonDocument::fromJson(codecListDocument(page, pagination, include)));
            QCOMPARE(CardDocumentWriter::listDocument(cards.mid(0, 100), pagination, include),
                     codecListDocument(cards.mid(0, 100), pagination, include));
        }
        const Pagination none{0, 100, 0};
        QCOMPARE(CardDocumentWriter::listDocument({}, none, {}), codecListDocument({}, none, {}));
    }

    void aListedPageIsTheCodecsDocumentWithItsInclude()
    {
        load(test::builtInDemoSeed());
        const QJsonObject page =
            get(QStringLiteral("/cards?page[limit]=3&filter[customerId]=") + seed::mayaThompson +
                QStringLiteral("&include=customer,account"));
        QList<const Card *> cards;
        for (const QJsonValue &card : page.value(QLatin1String("data")).toArray())
            cards << store().card(card.toObject().value(QLatin1String("id")).toString());
        QCOMPARE(cards.size(), 3);
        const QJsonArray included = page.value(QLatin1String("included")).toArray();
        QVERIFY(included.size() >= 2);
        QCOMPARE(QJsonDocument(page),
                 QJsonDocument::fromJson(codecListDocument(cards, {4, 3, 0}, included)));
    }
};

QTEST_GUILESS_MAIN(TestSandboxCardList)
#include "tst_sandboxcardlist.moc"
