// The sandbox's account activity over real HTTP on an ephemeral loopback port: generated
// histories, GET /transactions and /authorizations with Unit's filters, scopes and errors,
// statements and their PDF, the card simulations, and what a page costs at 1 000 and 200 000
// transactions.
#include "DemoSeed.h"
#include "HttpExchange.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SeedIds.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using tessera::sandbox::SandboxServer;
using namespace tessera::test;

namespace {

// Histories end here, so every run sees the same records.
const QDateTime HistoryEnd(QDate(2026, 11, 20), QTime(15, 0), Qt::UTC);
const QString BulkAccount = QStringLiteral("200008"); // 200 000 transactions in the demo seed

// The demo seed, with Maya's checking account given exactly `count` transactions as well.
QByteArray seedWithSmallExactAccount(qint64 count)
{
    QJsonObject seed = QJsonDocument::fromJson(builtInDemoSeed()).object();
    QJsonArray history = seed.value(QLatin1String("generatedHistory")).toArray();
    history.append(QJsonObject{{QStringLiteral("accountId"), seed::mayaChecking},
                               {QStringLiteral("transactions"), count}});
    seed.insert(QStringLiteral("generatedHistory"), history);
    return QJsonDocument(seed).toJson(QJsonDocument::Compact);
}

QJsonArray dataOf(const QJsonObject &document)
{
    return document.value(QLatin1String("data")).toArray();
}

QJsonObject attributesOf(const QJsonValue &resource)
{
    return resource.toObject().value(QLatin1String("attributes")).toObject();
}

QString relationshipId(const QJsonValue &resource, const char *name)
{
    return resource.toObject()
        .value(QLatin1String("relationships"))
        .toObject()
        .value(QLatin1String(name))
        .toObject()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("id"))
        .toString();
}

int totalOf(const QJsonObject &document)
{
    return document.value(QLatin1String("meta"))
        .toObject()
        .value(QLatin1String("pagination"))
        .toObject()
        .value(QLatin1String("total"))
        .toInt(-1);
}

qint64 signedAmount(const QJsonValue &transaction)
{
    const QJsonObject a = attributesOf(transaction);
    const qint64 amount = a.value(QLatin1String("amount")).toInteger();
    return a.value(QLatin1String("direction")).toString() == QLatin1String("Debit") ? -amount
                                                                                    : amount;
}

QDateTime createdAtOf(const QJsonValue &resource)
{
    return QDateTime::fromString(
        attributesOf(resource).value(QLatin1String("createdAt")).toString(), Qt::ISODateWithMs);
}

} // namespace

class TestSandboxActivity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_network;

    HttpAnswer send(const QByteArray &verb, const QString &pathAndQuery, const QString &token,
                    const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(m_server->baseUrl().toString() + pathAndQuery));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/vnd.api+json"));
        return exchange(m_network, request, verb, body);
    }

    // GET and the JSON it answered; `status` is checked.
    QJsonObject get(const QString &pathAndQuery, const QString &token, int status = 200)
    {
        const HttpAnswer answer = send("GET", pathAndQuery, token);
        [&] { QCOMPARE(answer.status, status); }();
        return QJsonDocument::fromJson(answer.body).object();
    }

    QString org() const { return m_server->orgToken(); }

    // A customer token with read scopes only: Unit asks no code for those.
    QString customerToken(const QString &customerId, const QString &scope)
    {
        const QByteArray body = QStringLiteral("{\"data\":{\"type\":\"customerToken\","
                                               "\"attributes\":{\"scope\":\"%1\"}}}")
                                    .arg(scope)
                                    .toUtf8();
        const HttpAnswer answer =
            send("POST", QStringLiteral("/customers/%1/token").arg(customerId), org(), body);
        [&] { QCOMPARE(answer.status, 201); }();
        return QJsonDocument::fromJson(answer.body)
            .object()
            .value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("attributes"))
            .toObject()
            .value(QLatin1String("token"))
            .toString();
    }

    QString readerToken(const QString &customerId)
    {
        return customerToken(customerId,
                             QStringLiteral("customers accounts cards transactions authorizations "
                                            "statements"));
    }

    QJsonObject account(const QString &accountId)
    {
        return get(QStringLiteral("/accounts/%1").arg(accountId), org())
            .value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("attributes"))
            .toObject();
    }

    // Every transaction of an account, newest first, in pages of 1000.
    QJsonArray allTransactions(const QString &accountId)
    {
        QJsonArray all;
        for (int offset = 0;; offset += 1000) {
            const QJsonObject page =
                get(QStringLiteral("/transactions?filter[accountId]=%1&sort="
                                   "-createdAt&page[limit]=1000&page[offset]=%2")
                        .arg(accountId)
                        .arg(offset),
                    org());
            for (const QJsonValue &t : dataOf(page))
                all.append(t);
            if (offset + 1000 >= totalOf(page))
                return all;
        }
    }

    qint64 visitsFor(const QString &pathAndQuery)
    {
        const qint64 before = m_server->api().store().recordsVisited();
        get(pathAndQuery, org());
        return m_server->api().store().recordsVisited() - before;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        m_server->api().store().setHistoryEnd(HistoryEnd);
        QString error;
        QVERIFY2(m_server->loadSeed(builtInDemoSeed(), &error), qPrintable(error));
        QVERIFY(m_server->start() != 0);
    }

    void cleanup() { m_server.reset(); }

    void anAccountsHistoryIsMadeOnItsFirstUseOnly()
    {
        auto &store = m_server->api().store();
        QVERIFY(!store.activity(BulkAccount)->hasRecords());
        get(QStringLiteral("/accounts"), org());
        QVERIFY2(!store.activity(BulkAccount)->hasRecords(), "listing accounts made a history");
        get(QStringLiteral("/transactions?filter[accountId]=%1").arg(BulkAccount), org());
        QVERIFY(store.activity(BulkAccount)->hasRecords());
        QVERIFY(!store.activity(seed::mayaChecking)->hasRecords());
    }

    void theHistoryIsTheSameEveryTime()
    {
        const QString path = QStringLiteral("/transactions?filter[accountId]=%1&sort=-createdAt"
                                            "&page[limit]=200")
                                 .arg(seed::mayaChecking);
        const QJsonObject first = get(path, org());
        init();
        QCOMPARE(get(path, org()), first);
    }

    void theBalancesRunUpToTheAccountsBalance_data()
    {
        QTest::addColumn<QString>("accountId");
        for (const QString &id :
             {seed::mayaChecking, seed::mayaSavings, seed::danielChecking, seed::priyaChecking,
              seed::jamesChecking, seed::jamesSavings, seed::northwindChecking})
            QTest::newRow(qPrintable(id)) << id;
    }

    void theBalancesRunUpToTheAccountsBalance()
    {
        QFETCH(QString, accountId);
        const QJsonArray transactions = allTransactions(accountId);
        QVERIFY2(transactions.size() >= 10, "six months have at least two records a month");
        const QJsonObject account = this->account(accountId);
        QCOMPARE(attributesOf(transactions.first()).value(QLatin1String("balance")).toInteger(),
                 account.value(QLatin1String("balance")).toInteger());
        for (qsizetype i = 0; i + 1 < transactions.size(); ++i) {
            const qint64 after =
                attributesOf(transactions.at(i)).value(QLatin1String("balance")).toInteger();
            const qint64 before =
                attributesOf(transactions.at(i + 1)).value(QLatin1String("balance")).toInteger();
            QCOMPARE(after, before + signedAmount(transactions.at(i)));
            QVERIFY(before >= 0);
            QVERIFY(createdAtOf(transactions.at(i)) >= createdAtOf(transactions.at(i + 1)));
        }
        QVERIFY(createdAtOf(transactions.first()) < HistoryEnd);
    }

    void theHoldIsWhatPendingAuthorizationsHold()
    {
        const QJsonObject authorizations = get(
            QStringLiteral("/authorizations?filter[accountId]=%1").arg(seed::mayaChecking), org());
        qint64 held = 0;
        for (const QJsonValue &a : dataOf(authorizations)) {
            QCOMPARE(attributesOf(a).value(QLatin1String("status")).toString(),
                     QStringLiteral("Authorized"));
            held += attributesOf(a).value(QLatin1String("amount")).toInteger();
        }
        QVERIFY2(dataOf(authorizations).size() >= 2, "two or three pending in the last days");
        const QJsonObject account = this->account(seed::mayaChecking);
        QCOMPARE(account.value(QLatin1String("hold")).toInteger(), held);
        QCOMPARE(account.value(QLatin1String("available")).toInteger(),
                 account.value(QLatin1String("balance")).toInteger() - held);
        for (const QJsonValue &a : dataOf(authorizations)) {
            QVERIFY(createdAtOf(a) < HistoryEnd);
            QVERIFY(createdAtOf(a) > HistoryEnd.addDays(-3));
        }
    }

    void aHistoryHasTheKindsOfAnEverydayAccount()
    {
        QSet<QString> types;
        QSet<int> merchantTypes;
        for (const QJsonValue &t : allTransactions(seed::mayaChecking)) {
            types.insert(t.toObject().value(QLatin1String("type")).toString());
            const QJsonObject merchant =
                attributesOf(t).value(QLatin1String("merchant")).toObject();
            if (!merchant.isEmpty())
                merchantTypes.insert(merchant.value(QLatin1String("type")).toInt());
        }
        for (const char *type :
             {"purchaseTransaction", "atmTransaction", "receivedAchTransaction", "feeTransaction"})
            QVERIFY2(types.contains(QLatin1String(type)), type);
        // Groceries, coffee, fuel, restaurants, online shopping, transit, pharmacy.
        for (int any : {5411, 5814, 5541, 5812, 4121, 5912})
            QVERIFY2(merchantTypes.contains(any), qPrintable(QString::number(any)));
    }

    void theBulkAccountHasTwoHundredThousandTransactions()
    {
        const QJsonObject page =
            get(QStringLiteral("/transactions?filter[accountId]=%1&page[limit]=1").arg(BulkAccount),
                org());
        QCOMPARE(totalOf(page), 200000);
        const QJsonArray newest = dataOf(
            get(QStringLiteral("/transactions?filter[accountId]=%1&page[limit]=1&sort=-createdAt")
                    .arg(BulkAccount),
                org()));
        QCOMPARE(attributesOf(newest.first()).value(QLatin1String("balance")).toInteger(),
                 account(BulkAccount).value(QLatin1String("balance")).toInteger());
    }

    void aCustomerSeesOnlyTheirOwnActivity()
    {
        const QString maya = readerToken(seed::mayaThompson);
        const QJsonObject mine = get(QStringLiteral("/transactions?page[limit]=1000"), maya);
        QVERIFY(totalOf(mine) > 0);
        for (const QJsonValue &t : dataOf(mine)) {
            QCOMPARE(relationshipId(t, "customer"), seed::mayaThompson);
            QVERIFY(relationshipId(t, "account") == seed::mayaChecking ||
                    relationshipId(t, "account") == seed::mayaSavings);
        }
        const QJsonObject danielsAccount = get(
            QStringLiteral("/transactions?filter[accountId]=%1").arg(seed::danielChecking), maya);
        QCOMPARE(totalOf(danielsAccount), 0);
        const QJsonArray daniels = dataOf(get(
            QStringLiteral("/transactions?filter[accountId]=%1").arg(seed::danielChecking), org()));
        const QString danielsTransaction =
            daniels.first().toObject().value(QLatin1String("id")).toString();
        get(QStringLiteral("/accounts/%1/transactions/%2")
                .arg(seed::danielChecking, danielsTransaction),
            maya, 404);
        get(QStringLiteral("/accounts/%1/transactions/%2")
                .arg(seed::danielChecking, danielsTransaction),
            org(), 200);
        // Another account's path for the same id is not where it is.
        get(QStringLiteral("/accounts/%1/transactions/%2")
                .arg(seed::mayaChecking, danielsTransaction),
            org(), 404);
        const QJsonObject danielsAuthorizations = get(
            QStringLiteral("/authorizations?filter[customerId]=%1").arg(seed::danielOkafor), maya);
        QCOMPARE(totalOf(danielsAuthorizations), 0);
    }

    void eachListNeedsItsScope_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("scope");
        QTest::newRow("transactions")
            << QStringLiteral("/transactions") << QStringLiteral("transactions");
        QTest::newRow("authorizations")
            << QStringLiteral("/authorizations") << QStringLiteral("authorizations");
        QTest::newRow("statements")
            << QStringLiteral("/statements") << QStringLiteral("statements");
    }

    void eachListNeedsItsScope()
    {
        QFETCH(QString, path);
        QFETCH(QString, scope);
        const QString without =
            customerToken(seed::mayaThompson, QStringLiteral("customers accounts cards"));
        const QJsonObject refused = get(path, without, 403);
        QVERIFY(refused.value(QLatin1String("errors"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QLatin1String("detail"))
                    .toString()
                    .contains(scope));
        get(path, customerToken(seed::mayaThompson, scope), 200);
    }

    void aPageOfMoreThanAThousandIsRefused()
    {
        get(QStringLiteral("/transactions?page[limit]=1001"), org(), 400);
        get(QStringLiteral("/authorizations?page[limit]=1001"), org(), 400);
        get(QStringLiteral("/transactions?filter[accountId]=%1&page[limit]=1000").arg(BulkAccount),
            org(), 200);
    }

    void badFiltersAreRefusedAsUnitRefusesThem_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("date without zone") << QStringLiteral("filter[since]=2026-10-01T00:00:00");
        QTest::newRow("not a date") << QStringLiteral("filter[until]=yesterday");
        QTest::newRow("amount in dollars") << QStringLiteral("filter[fromAmount]=12.50");
        QTest::newRow("unknown type") << QStringLiteral("filter[type][0]=Shopping");
        QTest::newRow("unknown direction") << QStringLiteral("filter[direction][0]=Out");
        QTest::newRow("excludeFees not a boolean") << QStringLiteral("filter[excludeFees]=yes");
        QTest::newRow("unknown sort") << QStringLiteral("sort=amount");
    }

    void badFiltersAreRefusedAsUnitRefusesThem()
    {
        QFETCH(QString, query);
        get(QStringLiteral("/transactions?") + query, org(), 400);
    }

    void filtersNarrowTheList()
    {
        const QString base = QStringLiteral("/transactions?filter[accountId]=%1&page[limit]=1000&")
                                 .arg(seed::mayaChecking);
        const int all = totalOf(get(base, org()));

        const QDateTime since(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
        const QDateTime until(QDate(2026, 10, 31), QTime(23, 59, 59, 999), Qt::UTC);
        const QJsonObject october =
            get(base + QStringLiteral("filter[since]=2026-10-01T00:00:00.000Z&filter[until]="
                                      "2026-10-31T23:59:59.999Z"),
                org());
        QVERIFY(totalOf(october) > 10 && totalOf(october) < all);
        for (const QJsonValue &t : dataOf(october))
            QVERIFY(createdAtOf(t) >= since && createdAtOf(t) <= until);

        const QJsonObject purchases = get(base + QStringLiteral("filter[type][0]=Purchase"), org());
        QVERIFY(totalOf(purchases) > 0);
        for (const QJsonValue &t : dataOf(purchases))
            QCOMPARE(t.toObject().value(QLatin1String("type")).toString(),
                     QStringLiteral("purchaseTransaction"));

        const QJsonObject credits =
            get(base + QStringLiteral("filter[direction][0]=Credit"), org());
        QVERIFY(totalOf(credits) > 0);
        for (const QJsonValue &t : dataOf(credits))
            QVERIFY(signedAmount(t) > 0);

        const QJsonObject noFees = get(base + QStringLiteral("filter[excludeFees]=true"), org());
        const QJsonObject fees = get(base + QStringLiteral("filter[type][0]=Fee"), org());
        QVERIFY(totalOf(fees) > 0);
        QCOMPARE(totalOf(noFees), all - totalOf(fees));

        const QJsonObject between =
            get(base + QStringLiteral("filter[fromAmount]=1000&filter[toAmount]=2000"), org());
        QVERIFY(totalOf(between) > 0);
        for (const QJsonValue &t : dataOf(between)) {
            const qint64 amount = attributesOf(t).value(QLatin1String("amount")).toInteger();
            QVERIFY(amount >= 1000 && amount <= 2000);
        }

        const QJsonObject starbucks = get(base + QStringLiteral("filter[query]=starbucks"), org());
        QVERIFY(totalOf(starbucks) > 0);
        for (const QJsonValue &t : dataOf(starbucks))
            QVERIFY(attributesOf(t)
                        .value(QLatin1String("summary"))
                        .toString()
                        .contains(QLatin1String("Starbucks")));

        const QJsonObject card =
            get(QStringLiteral("/transactions?filter[cardId]=%1&page[limit]=1000")
                    .arg(seed::mayaActivePhysicalCard),
                org());
        QVERIFY(totalOf(card) > 0 && totalOf(card) < all);
        for (const QJsonValue &t : dataOf(card))
            QCOMPARE(relationshipId(t, "card"), seed::mayaActivePhysicalCard);
    }

    void pagesFollowEachOtherInEitherOrder()
    {
        const QString base = QStringLiteral("/transactions?filter[customerId]=%1&page[limit]=")
                                 .arg(seed::mayaThompson);
        const QJsonArray first100 =
            dataOf(get(base + QStringLiteral("100&sort=-createdAt"), org()));
        QJsonArray twoPages = dataOf(get(base + QStringLiteral("50&sort=-createdAt"), org()));
        for (const QJsonValue &t :
             dataOf(get(base + QStringLiteral("50&page[offset]=50&sort=-createdAt"), org())))
            twoPages.append(t);
        QCOMPARE(twoPages, first100);
        // Both of Maya's accounts, merged newest first.
        QSet<QString> accounts;
        for (qsizetype i = 0; i < first100.size(); ++i) {
            accounts.insert(relationshipId(first100.at(i), "account"));
            if (i > 0)
                QVERIFY(createdAtOf(first100.at(i - 1)) >= createdAtOf(first100.at(i)));
        }
        const QJsonArray oldest = dataOf(get(base + QStringLiteral("100&sort=createdAt"), org()));
        for (qsizetype i = 1; i < oldest.size(); ++i)
            QVERIFY(createdAtOf(oldest.at(i - 1)) <= createdAtOf(oldest.at(i)));
        const int total = totalOf(get(base + QStringLiteral("1"), org()));
        QCOMPARE(
            total,
            totalOf(
                get(QStringLiteral("/transactions?filter[accountId]=%1").arg(seed::mayaChecking),
                    org())) +
                totalOf(
                    get(QStringLiteral("/transactions?filter[accountId]=%1").arg(seed::mayaSavings),
                        org())));
    }

    void declinedAuthorizationsOnlyWhenAsked()
    {
        const QString base =
            QStringLiteral("/authorizations?filter[accountId]=%1").arg(seed::mayaChecking);
        const QJsonObject pending = get(base, org());
        const QJsonObject everything =
            get(base + QStringLiteral("&filter[includeNonAuthorized]=true"), org());
        QVERIFY(totalOf(everything) > totalOf(pending));
        const QJsonObject declined =
            get(base + QStringLiteral("&filter[includeNonAuthorized]=true&filter[status][0]="
                                      "Declined"),
                org());
        QCOMPARE(totalOf(declined), totalOf(everything) - totalOf(pending));
        bool insufficientFunds = false;
        for (const QJsonValue &a : dataOf(declined)) {
            QCOMPARE(attributesOf(a).value(QLatin1String("status")).toString(),
                     QStringLiteral("Declined"));
            insufficientFunds = insufficientFunds ||
                                attributesOf(a).value(QLatin1String("declineReason")).toString() ==
                                    QLatin1String("InsufficientFunds");
        }
        QVERIFY(insufficientFunds);
        const QString declinedId =
            dataOf(declined).first().toObject().value(QLatin1String("id")).toString();
        get(QStringLiteral("/authorizations/%1").arg(declinedId), org(), 404);
        get(QStringLiteral("/authorizations/%1?filter[includeNonAuthorized]=true").arg(declinedId),
            org(), 200);
        const QString pendingId =
            dataOf(pending).first().toObject().value(QLatin1String("id")).toString();
        const QJsonObject one = get(QStringLiteral("/authorizations/%1").arg(pendingId),
                                    readerToken(seed::mayaThompson));
        QCOMPARE(one.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(),
                 pendingId);
        get(QStringLiteral("/authorizations/%1").arg(pendingId), readerToken(seed::danielOkafor),
            404);
        get(QStringLiteral("/authorizations?filter[status][0]=Pending"), org(), 400);
    }

    void everyPastMonthHasAStatementWithItsPdf()
    {
        const QString maya = readerToken(seed::mayaThompson);
        const QJsonObject statements = get(
            QStringLiteral("/statements?filter[accountId]=%1&sort=-period").arg(seed::mayaChecking),
            maya);
        // History from May 2026, ending on 20 November: May to October.
        QCOMPARE(totalOf(statements), 6);
        const QJsonValue october = dataOf(statements).first();
        QCOMPARE(october.toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("accountStatementDTO"));
        QCOMPARE(attributesOf(october).value(QLatin1String("period")).toString(),
                 QStringLiteral("2026-10"));
        QCOMPARE(relationshipId(october, "account"), seed::mayaChecking);
        const QString id = october.toObject().value(QLatin1String("id")).toString();

        const HttpAnswer pdf = send("GET", QStringLiteral("/statements/%1/pdf").arg(id), maya);
        QCOMPARE(pdf.status, 200);
        QCOMPARE(pdf.contentType, QByteArrayLiteral("application/pdf"));
        QVERIFY(pdf.body.startsWith("%PDF-1.4"));
        QVERIFY(pdf.body.trimmed().endsWith("%%EOF"));
        QVERIFY(pdf.body.contains("(October 2026)"));
        QVERIFY(pdf.body.contains("****0401")); // the account number's last four digits
        // Its lines are October's transactions, with the month's closing balance.
        const QJsonArray octoberTransactions = dataOf(
            get(QStringLiteral("/transactions?filter[accountId]=%1&sort=-createdAt&page[limit]="
                               "1000&filter[since]=2026-10-01T00:00:00Z&filter[until]="
                               "2026-10-31T23:59:59.999Z")
                    .arg(seed::mayaChecking),
                org()));
        QVERIFY(!octoberTransactions.isEmpty());
        const qint64 closing =
            attributesOf(octoberTransactions.first()).value(QLatin1String("balance")).toInteger();
        const QString closingText = QLocale(QLocale::English, QLocale::UnitedStates)
                                        .toString(double(closing) / 100, 'f', 2);
        QVERIFY2(pdf.body.contains("Closing balance: $" + closingText.toLatin1()),
                 qPrintable(closingText));
        const int lines = int(pdf.body.count("Purchase from") + pdf.body.count("ATM withdrawal") +
                              pdf.body.count(" | PAYROLL") + pdf.body.count("| UTILITY") +
                              pdf.body.count("| CABLE") + pdf.body.count("| INSURANCE") +
                              pdf.body.count("(Monthly service fee)"));
        QCOMPARE(lines, octoberTransactions.size());

        get(QStringLiteral("/statements/%1/pdf").arg(id), readerToken(seed::danielOkafor), 404);
        get(QStringLiteral("/statements/%1/pdf").arg(id),
            customerToken(seed::mayaThompson, QStringLiteral("accounts")), 403);
        get(QStringLiteral("/statements/99/pdf"), org(), 404);
    }

    void theBulkAccountsStatementsSpanItsYears()
    {
        const QJsonObject statements =
            get(QStringLiteral("/statements?filter[accountId]=%1&page[limit]=1&filter[period]="
                               "2024-02")
                    .arg(BulkAccount),
                org());
        QCOMPARE(totalOf(statements), 1);
        const QString id =
            dataOf(statements).first().toObject().value(QLatin1String("id")).toString();
        const HttpAnswer pdf = send("GET", QStringLiteral("/statements/%1/pdf").arg(id), org());
        QCOMPARE(pdf.status, 200);
        QVERIFY(pdf.body.contains("(February 2024)"));
        // Over three thousand transactions that month: many pages.
        QVERIFY(pdf.body.count("/Type /Page ") > 50);
    }

    void aSimulatedAuthorizationHoldsMoneyAndAPurchaseSettlesIt()
    {
        const QJsonObject before = account(seed::mayaChecking);
        const QByteArray authorize =
            R"({"data":{"type":"authorization","attributes":{"amount":2500,"cardLast4Digits":"4821",
            "merchantName":"Apple Inc.","merchantType":1000,"merchantLocation":"Cupertino, CA",
            "recurring":false,"status":"Authorized"},"relationships":{"account":{"data":
            {"type":"depositAccount","id":"200001"}}}}})";
        const HttpAnswer authorized =
            send("POST", QStringLiteral("/sandbox/authorizations"), org(), authorize);
        QCOMPARE(authorized.status, 201);
        const QJsonObject authorization = QJsonDocument::fromJson(authorized.body)
                                              .object()
                                              .value(QLatin1String("data"))
                                              .toObject();
        const QString authorizationId = authorization.value(QLatin1String("id")).toString();
        QCOMPARE(attributesOf(authorization).value(QLatin1String("status")).toString(),
                 QStringLiteral("Authorized"));
        QCOMPARE(relationshipId(authorization, "card"), seed::mayaActivePhysicalCard);

        const QJsonObject held = account(seed::mayaChecking);
        QCOMPARE(held.value(QLatin1String("hold")).toInteger(),
                 before.value(QLatin1String("hold")).toInteger() + 2500);
        QCOMPARE(held.value(QLatin1String("available")).toInteger(),
                 before.value(QLatin1String("available")).toInteger() - 2500);
        QCOMPARE(held.value(QLatin1String("balance")), before.value(QLatin1String("balance")));
        const QJsonArray pending =
            dataOf(get(QStringLiteral("/authorizations?filter[cardId]=%1&sort=-createdAt")
                           .arg(seed::mayaActivePhysicalCard),
                       readerToken(seed::mayaThompson)));
        QCOMPARE(pending.first().toObject().value(QLatin1String("id")).toString(), authorizationId);

        const QByteArray purchase =
            QStringLiteral(R"({"data":{"type":"purchaseTransaction","attributes":{"amount":2500,
            "direction":"Debit","merchantName":"Apple Inc.","merchantType":1000,
            "merchantLocation":"Cupertino, CA","last4Digits":"4821","recurring":false},
            "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}},
            "authorization":{"data":{"type":"authorization","id":"%1"}}}}})")
                .arg(authorizationId)
                .toUtf8();
        const HttpAnswer settled =
            send("POST", QStringLiteral("/sandbox/purchases"), org(), purchase);
        QCOMPARE(settled.status, 201);
        const QJsonObject transaction =
            QJsonDocument::fromJson(settled.body).object().value(QLatin1String("data")).toObject();
        QCOMPARE(transaction.value(QLatin1String("type")).toString(),
                 QStringLiteral("purchaseTransaction"));
        QCOMPARE(relationshipId(transaction, "authorization"), authorizationId);
        const qint64 newBalance = before.value(QLatin1String("balance")).toInteger() - 2500;
        QCOMPARE(attributesOf(transaction).value(QLatin1String("balance")).toInteger(), newBalance);

        const QJsonObject after = account(seed::mayaChecking);
        QCOMPARE(after.value(QLatin1String("balance")).toInteger(), newBalance);
        QCOMPARE(after.value(QLatin1String("hold")), before.value(QLatin1String("hold")));
        QCOMPARE(after.value(QLatin1String("available")).toInteger(),
                 newBalance - before.value(QLatin1String("hold")).toInteger());
        // The newest transaction now; the authorization Completed, so no longer listed by default.
        const QJsonArray newest = dataOf(
            get(QStringLiteral("/transactions?filter[accountId]=%1&sort=-createdAt&page[limit]=1")
                    .arg(seed::mayaChecking),
                org()));
        QCOMPARE(newest.first().toObject().value(QLatin1String("id")),
                 transaction.value(QLatin1String("id")));
        get(QStringLiteral("/authorizations/%1").arg(authorizationId), org(), 404);
        const QJsonObject completed =
            get(QStringLiteral("/authorizations/%1?filter[includeNonAuthorized]=true")
                    .arg(authorizationId),
                org());
        QCOMPARE(completed.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("Completed"));
        // Settled once only.
        QCOMPARE(send("POST", QStringLiteral("/sandbox/purchases"), org(), purchase).status, 400);
    }

    void anAuthorizationTheBalanceCannotCoverIsDeclined()
    {
        const qint64 available =
            account(seed::jamesChecking).value(QLatin1String("available")).toInteger();
        const QByteArray body =
            QStringLiteral(R"({"data":{"type":"authorization","attributes":{"amount":%1,)"
                           R"("cardLast4Digits":"1201","merchantName":"Best Buy",)"
                           R"("merchantType":5732},"relationships":{"account":{"data":)"
                           R"({"type":"depositAccount","id":"200006"}}}}})")
                .arg(available + 1)
                .toUtf8();
        const HttpAnswer answer =
            send("POST", QStringLiteral("/sandbox/authorizations"), org(), body);
        QCOMPARE(answer.status, 201);
        const QJsonObject a =
            QJsonDocument::fromJson(answer.body).object().value(QLatin1String("data")).toObject();
        QCOMPARE(attributesOf(a).value(QLatin1String("status")).toString(),
                 QStringLiteral("Declined"));
        QCOMPARE(attributesOf(a).value(QLatin1String("declineReason")).toString(),
                 QStringLiteral("InsufficientFunds"));
        QCOMPARE(account(seed::jamesChecking).value(QLatin1String("available")).toInteger(),
                 available);
    }

    void simulationsRefuseWhatUnitRefuses_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("unknown card digits")
            << QStringLiteral("/sandbox/authorizations")
            << QByteArray(R"({"data":{"type":"authorization","attributes":{"amount":100,
                "cardLast4Digits":"0000","merchantName":"A","merchantType":1000},
                "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})")
            << QStringLiteral("/data/attributes/cardLast4Digits");
        QTest::newRow("another account's card")
            << QStringLiteral("/sandbox/authorizations")
            << QByteArray(R"({"data":{"type":"authorization","attributes":{"amount":100,
                "cardLast4Digits":"1201","merchantName":"A","merchantType":1000},
                "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})")
            << QStringLiteral("/data/attributes/cardLast4Digits");
        QTest::newRow("no amount") << QStringLiteral("/sandbox/authorizations")
                                   << QByteArray(R"({"data":{"type":"authorization","attributes":{
                "cardLast4Digits":"4821","merchantName":"A","merchantType":1000},
                "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})")
                                   << QStringLiteral("/data/attributes/amount");
        QTest::newRow("unknown status")
            << QStringLiteral("/sandbox/authorizations")
            << QByteArray(R"({"data":{"type":"authorization","attributes":{"amount":100,
                "cardLast4Digits":"4821","merchantName":"A","merchantType":1000,"status":"Pending"},
                "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})")
            << QStringLiteral("/data/attributes/status");
        QTest::newRow("no account")
            << QStringLiteral("/sandbox/authorizations")
            << QByteArray(R"({"data":{"type":"authorization","attributes":{"amount":100,
                "cardLast4Digits":"4821","merchantName":"A","merchantType":1000},
                "relationships":{}}})")
            << QStringLiteral("/data/relationships/account");
        QTest::newRow("purchase without direction")
            << QStringLiteral("/sandbox/purchases")
            << QByteArray(R"({"data":{"type":"purchaseTransaction","attributes":{"amount":100,
                "last4Digits":"4821","merchantName":"A","merchantType":1000},
                "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})")
            << QStringLiteral("/data/attributes/direction");
        QTest::newRow("purchase with the authorization's attribute name")
            << QStringLiteral("/sandbox/purchases")
            << QByteArray(R"({"data":{"type":"purchaseTransaction","attributes":{"amount":100,
                "direction":"Debit","cardLast4Digits":"4821","merchantName":"A",
                "merchantType":1000},
                "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})")
            << QStringLiteral("/data/attributes/cardLast4Digits");
        QTest::newRow("purchase settling an unknown authorization")
            << QStringLiteral("/sandbox/purchases")
            << QByteArray(R"({"data":{"type":"purchaseTransaction","attributes":{"amount":100,
                "direction":"Debit","last4Digits":"4821","merchantName":"A","merchantType":1000},
                "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}},
                "authorization":{"data":{"type":"authorization","id":"200001999999"}}}}})")
            << QStringLiteral("/data/relationships/authorization");
        QTest::newRow("purchase of more than the account has")
            << QStringLiteral("/sandbox/purchases")
            << QByteArray(R"({"data":{"type":"purchaseTransaction","attributes":{
                "amount":900000000,"direction":"Debit","last4Digits":"4821","merchantName":"A",
                "merchantType":1000},
                "relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})")
            << QStringLiteral("/data/attributes/amount");
    }

    void simulationsRefuseWhatUnitRefuses()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, pointer);
        const QJsonObject before = account(seed::mayaChecking);
        const HttpAnswer answer = send("POST", path, org(), body);
        QCOMPARE(answer.status, 400);
        QStringList pointers;
        for (const QJsonValue &e :
             QJsonDocument::fromJson(answer.body).object().value(QLatin1String("errors")).toArray())
            pointers.append(e.toObject()
                                .value(QLatin1String("source"))
                                .toObject()
                                .value(QLatin1String("pointer"))
                                .toString());
        QVERIFY2(pointers.contains(pointer), qPrintable(pointers.join(QLatin1Char(' '))));
        QCOMPARE(account(seed::mayaChecking), before);
    }

    void aCustomerTokenCannotSimulate()
    {
        const QString maya =
            customerToken(seed::mayaThompson,
                          QStringLiteral("customers accounts cards transactions authorizations"));
        const QByteArray authorize =
            R"({"data":{"type":"authorization","attributes":{"amount":100,"cardLast4Digits":"4821",
            "merchantName":"A","merchantType":1000},"relationships":{"account":{"data":
            {"type":"depositAccount","id":"200001"}}}}})";
        QCOMPARE(send("POST", QStringLiteral("/sandbox/authorizations"), maya, authorize).status,
                 403);
        const QByteArray purchase =
            R"({"data":{"type":"purchaseTransaction","attributes":{"amount":100,"direction":"Debit",
            "last4Digits":"4821","merchantName":"A","merchantType":1000},"relationships":{"account":
            {"data":{"type":"depositAccount","id":"200001"}}}}})";
        QCOMPARE(send("POST", QStringLiteral("/sandbox/purchases"), maya, purchase).status, 403);
        QCOMPARE(totalOf(get(QStringLiteral("/authorizations?filter[accountId]=200001"), org())),
                 totalOf(get(QStringLiteral("/authorizations?filter[accountId]=200001"), maya)));
    }

    // A page is read at its place: the same work at 1 000 and at 200 000 transactions.
    void aPageCostsTheSameAtAThousandAndTwoHundredThousand_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("newest") << QStringLiteral("page[limit]=100&sort=-createdAt");
        QTest::newRow("oldest") << QStringLiteral("page[limit]=100&sort=createdAt");
        QTest::newRow("deep") << QStringLiteral("page[limit]=50&page[offset]=900&sort=-createdAt");
        QTest::newRow("since a date")
            << QStringLiteral("page[limit]=100&sort=-createdAt&filter[since]=2026-06-01T00:00:00Z");
    }

    void aPageCostsTheSameAtAThousandAndTwoHundredThousand()
    {
        QFETCH(QString, query);
        m_server->api().store().setHistoryEnd(HistoryEnd);
        QVERIFY(m_server->loadSeed(seedWithSmallExactAccount(1000)));
        const QString path = QStringLiteral("/transactions?filter[accountId]=%1&") + query;
        QCOMPARE(totalOf(get(
                     QStringLiteral("/transactions?filter[accountId]=%1").arg(seed::mayaChecking),
                     org())),
                 1000);
        const qint64 small = visitsFor(path.arg(seed::mayaChecking));
        const qint64 big = visitsFor(path.arg(BulkAccount));
        QVERIFY(small > 0);
        QCOMPARE(big, small);
    }

    void aCardsPageDoesNotLookAtTheAccountsOtherRecords()
    {
        const QString bulkCard = dataOf(get(QStringLiteral("/transactions?filter[accountId]=%1"
                                                           "&page[limit]=1&sort=-createdAt")
                                                .arg(BulkAccount),
                                            org()))
                                     .first()
                                     .toObject()
                                     .value(QLatin1String("relationships"))
                                     .toObject()
                                     .value(QLatin1String("card"))
                                     .toObject()
                                     .value(QLatin1String("data"))
                                     .toObject()
                                     .value(QLatin1String("id"))
                                     .toString();
        QVERIFY(!bulkCard.isEmpty());
        const qint64 visits = visitsFor(
            QStringLiteral("/transactions?filter[cardId]=%1&page[limit]=10&sort=-createdAt")
                .arg(bulkCard));
        QVERIFY2(visits <= 10, qPrintable(QString::number(visits)));
    }
};

QTEST_GUILESS_MAIN(TestSandboxActivity)
#include "tst_sandboxactivity.moc"
