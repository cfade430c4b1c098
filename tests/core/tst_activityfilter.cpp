#include "ActivityFilter.h"
#include "ApiClient.h"
#include "ApiReply.h"
#include "RawHttpPeer.h"

#include <ctime>
#include <memory>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

using namespace tessera;

namespace {

Card cardOnAccount()
{
    Card card;
    card.id = QStringLiteral("300001");
    card.accountId = QStringLiteral("200001");
    return card;
}

QString utc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

using QueryItems = QList<QPair<QString, QString>>;

// The path and the query parameters (decoded, in order) of the request `send` makes, as they
// reached a peer on loopback.
QPair<QString, QueryItems> requestSent(const std::function<ApiReply *(ApiClient &)> &send)
{
    test::RawHttpPeer peer{QByteArray()}; // never answers: only the request matters
    QNetworkAccessManager network;
    ApiClient api(&network);
    api.setBaseUrl(peer.url());
    api.setBearerToken(QStringLiteral("test-token"));
    std::unique_ptr<ApiReply> reply(send(api));
    if (!QTest::qWaitFor([&peer] { return peer.received().contains("\r\n\r\n"); }, 5000))
        return {};
    const QByteArray requestLine = peer.received().left(peer.received().indexOf("\r\n"));
    const QUrl url = QUrl::fromEncoded(requestLine.split(' ').value(1));
    return {url.path(), QUrlQuery(url).queryItems(QUrl::FullyDecoded)};
}

} // namespace

// What a customer's filter asks Unit for, list by list. The suite runs in New York time
// (main() below): local dates become UTC bounds, across a change of daylight saving time.
class TestActivityFilter : public QObject
{
    Q_OBJECT

private slots:
    void noFilterIsEmpty()
    {
        ActivityFilter filter;
        QVERIFY(filter.isEmpty());
        filter.text = QStringLiteral("  ");
        QVERIFY(filter.isEmpty());
        filter.direction = Direction::Debit;
        QVERIFY(!filter.isEmpty());
    }

    void aCardsActivityAsksForThatCard()
    {
        const ActivityScope scope = ActivityScope::forCard(cardOnAccount());
        QCOMPARE(scope.kind, ActivityScope::Kind::Card);
        QCOMPARE(scope.accountId, QStringLiteral("200001"));
        const TransactionListQuery transactions = ActivityFilter().transactionQuery(scope, 50, 100);
        QCOMPARE(transactions.cardId, QStringLiteral("300001"));
        QVERIFY(transactions.accountId.isEmpty());
        QCOMPARE(transactions.limit, 50);
        QCOMPARE(transactions.offset, 100);
        QVERIFY(!transactions.oldestFirst);
        const auto authorizations = ActivityFilter().authorizationQuery(scope, 50, 7);
        QVERIFY(authorizations);
        QCOMPARE(authorizations->cardId, QStringLiteral("300001"));
        QCOMPARE(authorizations->offset, 7);
    }

    void anAccountsActivityAsksForThatAccount()
    {
        const ActivityScope scope = ActivityScope::forAccount(QStringLiteral("200002"));
        QCOMPARE(ActivityFilter().transactionQuery(scope, 10, 0).accountId,
                 QStringLiteral("200002"));
        QCOMPARE(ActivityFilter().authorizationQuery(scope, 10, 0)->accountId,
                 QStringLiteral("200002"));
    }

    void pendingAndDeclinedAuthorizationsAreAskedForNeverCompleted()
    {
        const auto query =
            ActivityFilter().authorizationQuery(ActivityScope::forCard(cardOnAccount()), 50, 0);
        QVERIFY(query);
        QVERIFY(query->includeNonAuthorized);
        QCOMPARE(query->statuses, (QList<AuthorizationStatus>{AuthorizationStatus::Authorized,
                                                              AuthorizationStatus::Declined}));
    }

    void localDatesBecomeUtcBoundsOfWholeDays()
    {
        ActivityFilter filter;
        filter.from = QDate(2026, 10, 1);  // daylight saving time: UTC-4
        filter.until = QDate(2026, 12, 1); // standard time: UTC-5
        const TransactionListQuery query =
            filter.transactionQuery(ActivityScope::forCard(cardOnAccount()), 50, 0);
        QCOMPARE(utc(query.since), QStringLiteral("2026-10-01T04:00:00.000Z"));
        QCOMPARE(utc(query.until), QStringLiteral("2026-12-02T04:59:59.999Z"));
        const auto authorizations =
            filter.authorizationQuery(ActivityScope::forCard(cardOnAccount()), 50, 0);
        QCOMPARE(authorizations->since, query.since);
        QCOMPARE(authorizations->until, query.until);
    }

    void anOpenEndedRangeSendsOneBound()
    {
        ActivityFilter filter;
        filter.until = QDate(2026, 7, 4);
        const TransactionListQuery query =
            filter.transactionQuery(ActivityScope::forAccount(QStringLiteral("200001")), 50, 0);
        QVERIFY(!query.since.isValid());
        QCOMPARE(utc(query.until), QStringLiteral("2026-07-05T03:59:59.999Z"));
    }

    void amountsTextTypesAndDirectionGoToTheTransactionQuery()
    {
        ActivityFilter filter;
        filter.text = QStringLiteral("  coffee ");
        filter.minAmount = 500;
        filter.maxAmount = 25000;
        filter.kinds = {TransactionKind::Purchase, TransactionKind::Atm, TransactionKind::Fee};
        filter.direction = Direction::Debit;
        const TransactionListQuery query =
            filter.transactionQuery(ActivityScope::forAccount(QStringLiteral("200001")), 50, 0);
        QCOMPARE(query.text, QStringLiteral("coffee"));
        QCOMPARE(query.fromAmount, std::optional<qint64>(500));
        QCOMPARE(query.toAmount, std::optional<qint64>(25000));
        QCOMPARE(query.types, filter.kinds);
        QCOMPARE(query.directions, QList<Direction>{Direction::Debit});
    }

    void otherNarrowsNothingUnitCanFilterOn()
    {
        ActivityFilter filter;
        filter.kinds = {TransactionKind::Other, TransactionKind::Interest};
        QCOMPARE(
            filter.transactionQuery(ActivityScope::forAccount(QStringLiteral("1")), 50, 0).types,
            QList<TransactionKind>{TransactionKind::Interest});
    }

    void amountsNarrowAuthorizationsToo()
    {
        ActivityFilter filter;
        filter.minAmount = 100;
        filter.maxAmount = 200;
        const auto query = filter.authorizationQuery(ActivityScope::forCard(cardOnAccount()), 5, 0);
        QVERIFY(query);
        QCOMPARE(query->fromAmount, std::optional<qint64>(100));
        QCOMPARE(query->toAmount, std::optional<qint64>(200));
    }

    void aTextSearchLeavesAuthorizationsOut()
    {
        ActivityFilter filter;
        filter.text = QStringLiteral("coffee");
        QVERIFY(!filter.authorizationQuery(ActivityScope::forCard(cardOnAccount()), 50, 0));
    }

    void creditsOnlyLeaveAuthorizationsOut()
    {
        ActivityFilter filter;
        filter.direction = Direction::Credit;
        QVERIFY(!filter.authorizationQuery(ActivityScope::forCard(cardOnAccount()), 50, 0));
        filter.direction = Direction::Debit;
        QVERIFY(filter.authorizationQuery(ActivityScope::forCard(cardOnAccount()), 50, 0));
    }

    void kindsThatAreNoCardPaymentLeaveAuthorizationsOut()
    {
        ActivityFilter filter;
        filter.kinds = {TransactionKind::Fee, TransactionKind::ReceivedAch};
        QVERIFY(!filter.authorizationQuery(ActivityScope::forCard(cardOnAccount()), 50, 0));
        filter.kinds << TransactionKind::Atm;
        QVERIFY(filter.authorizationQuery(ActivityScope::forCard(cardOnAccount()), 50, 0));
    }

    // The exact parameters as Unit names them, through ApiClient.
    void aFilteredCardListAsksUnitWithItsParameterNames()
    {
        ActivityFilter filter;
        filter.text = QStringLiteral("coffee & tea+");
        filter.from = QDate(2026, 10, 1);
        filter.until = QDate(2026, 10, 31);
        filter.minAmount = 500;
        filter.maxAmount = 25000;
        filter.kinds = {TransactionKind::Purchase, TransactionKind::ReceivedAch};
        filter.direction = Direction::Debit;
        const TransactionListQuery query =
            filter.transactionQuery(ActivityScope::forCard(cardOnAccount()), 50, 100);
        const auto [path, items] =
            requestSent([&query](ApiClient &api) { return api.listTransactions(query); });
        QCOMPARE(path, QStringLiteral("/transactions"));
        const QueryItems expected = {
            {QStringLiteral("page[limit]"), QStringLiteral("50")},
            {QStringLiteral("page[offset]"), QStringLiteral("100")},
            {QStringLiteral("filter[cardId]"), QStringLiteral("300001")},
            {QStringLiteral("filter[query]"), QStringLiteral("coffee & tea+")},
            {QStringLiteral("filter[since]"), QStringLiteral("2026-10-01T04:00:00.000Z")},
            {QStringLiteral("filter[until]"), QStringLiteral("2026-11-01T03:59:59.999Z")},
            {QStringLiteral("filter[fromAmount]"), QStringLiteral("500")},
            {QStringLiteral("filter[toAmount]"), QStringLiteral("25000")},
            {QStringLiteral("filter[type][0]"), QStringLiteral("Purchase")},
            {QStringLiteral("filter[type][1]"), QStringLiteral("ReceivedAch")},
            {QStringLiteral("filter[direction][0]"), QStringLiteral("Debit")},
            {QStringLiteral("sort"), QStringLiteral("-createdAt")},
        };
        QCOMPARE(items, expected);
    }

    void anUnfilteredAccountListAsksForThePageNewestFirst()
    {
        const TransactionListQuery query = ActivityFilter().transactionQuery(
            ActivityScope::forAccount(QStringLiteral("200001")), 1000, 0);
        const auto [path, items] =
            requestSent([&query](ApiClient &api) { return api.listTransactions(query); });
        QCOMPARE(path, QStringLiteral("/transactions"));
        const QueryItems expected = {
            {QStringLiteral("page[limit]"), QStringLiteral("1000")},
            {QStringLiteral("page[offset]"), QStringLiteral("0")},
            {QStringLiteral("filter[accountId]"), QStringLiteral("200001")},
            {QStringLiteral("sort"), QStringLiteral("-createdAt")},
        };
        QCOMPARE(items, expected);
    }

    void feesLeftOutAndOldestFirstAreSaidAsUnitSaysThem()
    {
        TransactionListQuery query;
        query.accountId = QStringLiteral("200001");
        query.excludeFees = true;
        query.oldestFirst = true;
        const auto [path, items] =
            requestSent([&query](ApiClient &api) { return api.listTransactions(query); });
        QVERIFY(items.contains({QStringLiteral("filter[excludeFees]"), QStringLiteral("true")}));
        QVERIFY(items.contains({QStringLiteral("sort"), QStringLiteral("createdAt")}));
    }

    void aCardsAuthorizationsAreAskedForPendingAndDeclined()
    {
        ActivityFilter filter;
        filter.from = QDate(2026, 11, 1);
        filter.maxAmount = 10000;
        const auto query =
            filter.authorizationQuery(ActivityScope::forCard(cardOnAccount()), 50, 0);
        QVERIFY(query);
        const auto [path, items] =
            requestSent([&query](ApiClient &api) { return api.listAuthorizations(*query); });
        QCOMPARE(path, QStringLiteral("/authorizations"));
        const QueryItems expected = {
            {QStringLiteral("page[limit]"), QStringLiteral("50")},
            {QStringLiteral("page[offset]"), QStringLiteral("0")},
            {QStringLiteral("filter[cardId]"), QStringLiteral("300001")},
            {QStringLiteral("filter[since]"), QStringLiteral("2026-11-01T04:00:00.000Z")},
            {QStringLiteral("filter[toAmount]"), QStringLiteral("10000")},
            {QStringLiteral("filter[status][0]"), QStringLiteral("Authorized")},
            {QStringLiteral("filter[status][1]"), QStringLiteral("Declined")},
            {QStringLiteral("filter[includeNonAuthorized]"), QStringLiteral("true")},
            {QStringLiteral("sort"), QStringLiteral("-createdAt")},
        };
        QCOMPARE(items, expected);
    }

    void anAccountsStatementsAreAskedForNewestPeriodFirst()
    {
        StatementListQuery query;
        query.accountId = QStringLiteral("200001");
        const auto [path, items] =
            requestSent([&query](ApiClient &api) { return api.listStatements(query); });
        QCOMPARE(path, QStringLiteral("/statements"));
        const QueryItems expected = {
            {QStringLiteral("page[limit]"), QStringLiteral("100")},
            {QStringLiteral("page[offset]"), QStringLiteral("0")},
            {QStringLiteral("filter[accountId]"), QStringLiteral("200001")},
            {QStringLiteral("sort"), QStringLiteral("-period")},
        };
        QCOMPARE(items, expected);
    }

    void oneTransactionAndAStatementPdfHaveTheirPaths()
    {
        QCOMPARE(requestSent([](ApiClient &api) {
                     return api.getTransaction(QStringLiteral("200001"), QStringLiteral("7001"));
                 }).first,
                 QStringLiteral("/accounts/200001/transactions/7001"));
        QCOMPARE(requestSent([](ApiClient &api) {
                     return api.getStatementPdf(QStringLiteral("8001"));
                 }).first,
                 QStringLiteral("/statements/8001/pdf"));
    }
};

int main(int argc, char *argv[])
{
    // Before anything reads the time zone: the dates above are New York's.
    qputenv("TZ", "America/New_York");
    tzset();
    QCoreApplication app(argc, argv);
    TestActivityFilter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_activityfilter.moc"
