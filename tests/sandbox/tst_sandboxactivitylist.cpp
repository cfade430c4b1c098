// GET /transactions and GET /authorizations written straight to bytes (ActivityDocumentWriter):
// the same documents as ActivityCodec's encoders through QJsonObject, for the demo's generated
// histories, for records of every kind with every optional field set or left empty, for odd
// strings and dates, and for a page the sandbox answers with its include.
#include "ActivityCodec.h"
#include "ActivityDocumentWriter.h"
#include "DemoSeed.h"
#include "JsonApiCodec.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SeedIds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace tessera;
using namespace tessera::sandbox;
namespace seed = tessera::test::seed;

namespace {

const QString BulkAccount = QStringLiteral("200008"); // 200 000 transactions in the demo seed

QByteArray codecTransactionList(const QList<Transaction> &transactions,
                                const Pagination &pagination, const QJsonArray &included)
{
    QJsonArray resources;
    for (const Transaction &transaction : transactions)
        resources.append(ActivityCodec::encode(transaction));
    return JsonApiCodec::listDocument(resources, pagination, included);
}

QByteArray codecAuthorizationList(const QList<const Authorization *> &authorizations,
                                  const Pagination &pagination)
{
    QJsonArray resources;
    for (const Authorization *authorization : authorizations)
        resources.append(ActivityCodec::encode(*authorization));
    return JsonApiCodec::listDocument(resources, pagination);
}

// Strings the generated histories never have: escapes, control characters, a lone surrogate,
// characters of two, three and four UTF-8 bytes.
const QString OddText = QStringLiteral("\"quoted\" \\ back\tslash\n") + QChar(0x01) + QChar(0x1f) +
                        QStringLiteral(" caf\u00e9 \u20ac ") +
                        QString::fromUtf8("\xf0\x9f\x98\x80") + QChar(0xd800);

Merchant fullMerchant()
{
    return Merchant{OddText, 5411, QStringLiteral("Grocery Stores"),
                    QStringLiteral("Springfield, IL"), QStringLiteral("merchant-7")};
}

// One transaction of every kind with everything set, and one with every optional field empty.
QList<Transaction> unusualTransactions()
{
    const TransactionKind kinds[] = {
        TransactionKind::Other,         TransactionKind::Purchase,     TransactionKind::Atm,
        TransactionKind::Card,          TransactionKind::CardReversal, TransactionKind::ReceivedAch,
        TransactionKind::OriginatedAch, TransactionKind::Book,         TransactionKind::Fee,
        TransactionKind::FeeReversal,   TransactionKind::Interest};
    QList<Transaction> transactions;
    int n = 0;
    for (TransactionKind kind : kinds) {
        Transaction full;
        full.id = QStringLiteral("9%1").arg(++n);
        full.kind = kind;
        full.typeName = kind == TransactionKind::Other ? QStringLiteral("wireTransaction")
                                                       : transactionTypeName(kind);
        full.createdAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
        full.direction = n % 2 ? Direction::Credit : Direction::Debit;
        full.amount = 9007199254740993LL; // above 2^53: written exactly, not as a double
        full.balance = -123456;
        full.summary = OddText;
        full.cardLast4Digits = QStringLiteral("0042");
        full.merchant = fullMerchant();
        full.recurring = true;
        full.ecommerce = true;
        full.cardPresent = true;
        full.atmName = OddText;
        full.atmLocation = QStringLiteral("Main St");
        full.surcharge = 250;
        full.counterpartyName = OddText;
        full.counterpartyRoutingNumber = QStringLiteral("812345678");
        full.description = OddText;
        full.tags = {{QStringLiteral("purpose"), OddText}, {QStringLiteral("a"), QString()}};
        full.accountId = BulkAccount;
        full.customerId = seed::bulkCustomer;
        full.cardId = QStringLiteral("700001");
        full.authorizationId = QStringLiteral("800001");
        transactions << full;

        Transaction bare;
        bare.id = QStringLiteral("8%1").arg(n);
        bare.kind = kind;
        bare.typeName = kind == TransactionKind::Other ? QString() : transactionTypeName(kind);
        // No balance, no merchant, no dates, no tags, no relationships, empty strings.
        transactions << bare;

        Transaction oddDates = full;
        oddDates.id = QStringLiteral("7%1").arg(n);
        oddDates.createdAt = QDateTime(QDate(999, 5, 6), QTime(1, 2, 3), Qt::UTC);
        oddDates.balance = 0;
        oddDates.recurring = oddDates.ecommerce = oddDates.cardPresent = false;
        oddDates.merchant = Merchant{};
        transactions << oddDates;
        oddDates.id = QStringLiteral("6%1").arg(n);
        oddDates.createdAt = QDateTime(QDate(12000, 1, 1), QTime(0, 0), Qt::OffsetFromUTC, 3600);
        transactions << oddDates;
    }
    return transactions;
}

QList<Authorization> unusualAuthorizations()
{
    QList<Authorization> authorizations;
    Authorization full;
    full.id = QStringLiteral("900001");
    full.createdAt = QDateTime(QDate(2026, 1, 31), QTime(12, 0, 0, 1), Qt::OffsetFromUTC, -18000);
    full.amount = 4200;
    full.cardLast4Digits = QStringLiteral("0042");
    full.merchant = fullMerchant();
    full.recurring = true;
    full.status = AuthorizationStatus::Declined;
    full.declineReason = QStringLiteral("InsufficientFunds");
    full.summary = OddText;
    full.paymentMethod = QStringLiteral("Contactless");
    full.digitalWallet = QStringLiteral("Apple");
    full.cardNetwork = QStringLiteral("Visa");
    full.tags = {{QStringLiteral("note"), OddText}};
    full.accountId = BulkAccount;
    full.customerId = seed::bulkCustomer;
    full.cardId = QStringLiteral("700001");
    authorizations << full;
    for (AuthorizationStatus status :
         {AuthorizationStatus::Authorized, AuthorizationStatus::Completed,
          AuthorizationStatus::Canceled, AuthorizationStatus::Unknown}) {
        Authorization other = full;
        other.id = QStringLiteral("90000%1").arg(int(status) + 2);
        other.status = status;
        other.statusName = QStringLiteral("PartiallyApproved"); // kept for an unknown status
        authorizations << other;
    }
    authorizations << Authorization{}; // nothing set at all
    return authorizations;
}

} // namespace

class TestSandboxActivityList : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;

    SandboxStore &store() { return m_server->api().store(); }

    // Every transaction of the demo's accounts, but only the first and last `edge` of a long
    // history: the bulk account's 200 000 are all made from the same templates.
    QList<Transaction> seedTransactions(qsizetype edge)
    {
        QList<Transaction> transactions;
        for (const Account &account : store().accounts()) {
            const AccountActivity *activity = store().history(account.id);
            if (!activity)
                continue;
            const qsizetype count = activity->records().size();
            for (qsizetype i = 0; i < count; ++i) {
                if (i == edge && count - edge > i)
                    i = count - edge;
                transactions << activity->transaction(i);
            }
        }
        return transactions;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        m_server->api().rateLimiter().setRequestsPerMinute(1000000);
        QString error;
        QVERIFY2(m_server->loadSeed(test::builtInDemoSeed(), &error), qPrintable(error));
    }

    void cleanup() { m_server.reset(); }

    void everyTransactionIsWrittenAsTheCodecWritesIt()
    {
        const QList<Transaction> transactions = seedTransactions(1500) + unusualTransactions();
        QSet<TransactionKind> kinds;
        // Each alone, so a difference names its record.
        const Pagination one{1, 1, 0};
        for (const Transaction &transaction : transactions) {
            kinds.insert(transaction.kind);
            const QByteArray written =
                ActivityDocumentWriter::transactionList({transaction}, one, {});
            const QByteArray expected = codecTransactionList({transaction}, one, {});
            if (written != expected)
                QCOMPARE(written, expected); // only compared in full when different: it's long
        }
        QCOMPARE(kinds.size(), 11);          // every kind was written
        QVERIFY(transactions.size() > 4000); // 3 000 of the bulk account, all of the others
    }

    void everyAuthorizationIsWrittenAsTheCodecWritesIt()
    {
        QList<const Authorization *> authorizations;
        QSet<AuthorizationStatus> statuses;
        for (const Account &account : store().accounts()) {
            if (const AccountActivity *activity = store().activity(account.id)) {
                for (const Authorization &authorization : activity->authorizations())
                    authorizations << &authorization;
            }
        }
        const QList<Authorization> unusual = unusualAuthorizations();
        for (const Authorization &authorization : unusual)
            authorizations << &authorization;
        const Pagination one{1, 1, 0};
        for (const Authorization *authorization : std::as_const(authorizations)) {
            statuses.insert(authorization->status);
            const QByteArray written =
                ActivityDocumentWriter::authorizationList({authorization}, one);
            const QByteArray expected = codecAuthorizationList({authorization}, one);
            if (written != expected)
                QCOMPARE(written, expected);
        }
        QCOMPARE(statuses.size(), 5);
        QVERIFY(authorizations.size() > unusual.size());
        const Pagination page{int(authorizations.size()), 1000, 0};
        QCOMPARE(ActivityDocumentWriter::authorizationList(authorizations, page),
                 codecAuthorizationList(authorizations, page));
    }

    void aPageWithItsIncludeIsTheCodecsDocument()
    {
        const QList<Transaction> transactions = seedTransactions(50).mid(0, 50);
        QCOMPARE(transactions.size(), 50);
        const QJsonArray included{JsonApiCodec::encode(*store().customer(seed::mayaThompson)),
                                  JsonApiCodec::encode(*store().account(seed::mayaChecking))};
        const Pagination pagination{445, 50, 100};
        for (const QJsonArray &include : {QJsonArray(), included})
            QCOMPARE(ActivityDocumentWriter::transactionList(transactions, pagination, include),
                     codecTransactionList(transactions, pagination, include));
        const Pagination none{0, 50, 0};
        QCOMPARE(ActivityDocumentWriter::transactionList({}, none, {}),
                 codecTransactionList({}, none, {}));
        QCOMPARE(ActivityDocumentWriter::authorizationList({}, none),
                 codecAuthorizationList({}, none));
    }

    void theSandboxAnswersAPageInTheseBytes()
    {
        SandboxRequest request;
        request.method = "GET";
        request.path = QStringLiteral("/transactions");
        request.query = QUrlQuery(QStringLiteral("page[limit]=50&page[offset]=1000&sort=-createdAt"
                                                 "&include=account,customer&filter[accountId]=") +
                                  BulkAccount);
        request.headers = {{"Authorization", "Bearer " + m_server->orgToken().toUtf8()}};
        request.clientAddress = QStringLiteral("127.0.0.1");
        const SandboxResponse response = m_server->api().handle(request);
        QCOMPARE(response.status, 200);
        const QJsonObject document = QJsonDocument::fromJson(response.body).object();
        const AccountActivity *activity = store().history(BulkAccount);
        QVERIFY(activity);
        QList<Transaction> expected;
        for (const QJsonValue &resource : document.value(QLatin1String("data")).toArray()) {
            const std::optional<qsizetype> position =
                activity->positionOf(resource.toObject().value(QLatin1String("id")).toString());
            QVERIFY(position);
            expected << activity->transaction(*position);
        }
        QCOMPARE(expected.size(), 50);
        const QJsonArray included = document.value(QLatin1String("included")).toArray();
        QCOMPARE(included.size(), 2);
        QCOMPARE(
            response.body,
            codecTransactionList(expected, {int(activity->records().size()), 50, 1000}, included));
    }
};

QTEST_GUILESS_MAIN(TestSandboxActivityList)
#include "tst_sandboxactivitylist.moc"
