// SandboxStore and the built-in demo seed: what the seed must cover and how bad seeds fail.

#include "AddressRules.h"
#include "JsonApiCodec.h"
#include "SandboxStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using tessera::sandbox::SandboxStore;
using namespace tessera;

namespace {

QByteArray builtInSeed()
{
    QFile file(QStringLiteral(":/tessera/seed/demo-seed.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QByteArray MinimalCustomer =
    R"({"type":"individualCustomer","id":"1","attributes":{"fullName":{"first":"A","last":"B"}}})";
const QByteArray MinimalAccount =
    R"({"type":"depositAccount","id":"2","attributes":{"createdAt":"2024-01-01T00:00:00Z","name":"A","status":"Open"},"relationships":{"customer":{"data":{"type":"customer","id":"1"}}}})";

QByteArray seedWith(const QByteArray &cards, const QByteArray &extra = {})
{
    return "{\"customers\":[" + MinimalCustomer + "],\"accounts\":[" + MinimalAccount +
           "],\"cards\":[" + cards + "]" + extra + "}";
}

} // namespace

class TestSandboxStore : public QObject
{
    Q_OBJECT

private slots:
    void builtInSeedCoversTheDemo()
    {
        const QByteArray seed = builtInSeed();
        QVERIFY(!seed.isEmpty());
        SandboxStore store;
        QString error;
        QVERIFY2(store.loadSeed(seed, &error), qPrintable(error));

        QVERIFY(store.customers().size() >= 6);
        int businesses = 0;
        for (const Customer &customer : store.customers()) {
            QVERIFY2(AddressRules::validate(customer.address).isEmpty(), qPrintable(customer.id));
            if (customer.isBusiness()) {
                // What Unit requires of a business, and someone to send each code to.
                ++businesses;
                QVERIFY(!customer.name.isEmpty());
                QVERIFY(!customer.entityType.isEmpty());
                QVERIFY(!customer.stateOfIncorporation.isEmpty());
                QVERIFY(customer.firstName.isEmpty() && customer.lastName.isEmpty());
                QVERIFY(!customer.authorizedUsers.isEmpty());
                QList<Person> people = customer.authorizedUsers;
                people.prepend(customer.contact);
                for (const Person &person : std::as_const(people)) {
                    QVERIFY(!person.firstName.isEmpty() && !person.lastName.isEmpty());
                    QVERIFY(!person.email.isEmpty());
                    QCOMPARE(person.phone.countryCode, QStringLiteral("1"));
                    QCOMPARE(person.phone.number.size(), 10);
                }
                continue;
            }
            QCOMPARE(customer.type, QStringLiteral("individualCustomer"));
            QCOMPARE(customer.phone.countryCode, QStringLiteral("1"));
            QCOMPARE(customer.phone.number.size(), 10);
            QVERIFY(customer.jwtSubject.startsWith(QLatin1String("auth0|")));
            QVERIFY(!customer.email.isEmpty());
        }
        QCOMPARE(businesses, 1);

        int closedAccounts = 0;
        for (const Customer &customer : store.customers()) {
            int open = 0;
            for (const Account &account : store.accounts()) {
                if (account.customerId == customer.id && account.status == AccountStatus::Open)
                    ++open;
            }
            QVERIFY2(open >= 1 && open <= 2, qPrintable(customer.id));
        }
        for (const Account &account : store.accounts()) {
            QVERIFY(account.isDeposit());
            closedAccounts += account.status == AccountStatus::Closed ? 1 : 0;
        }
        QCOMPARE(closedAccounts, 1);

        QSet<CardStatus> statuses;
        bool physical = false;
        bool virtualCard = false;
        bool tags = false;
        bool design = false;
        int bulk = 0;
        for (const Card &card : store.cards()) {
            if (card.customerId == QLatin1String("100005")) {
                ++bulk;
                continue;
            }
            statuses.insert(card.status);
            physical = physical || !card.isVirtual();
            virtualCard = virtualCard || card.isVirtual();
            tags = tags || !card.tags.isEmpty();
            design = design || !card.design.isEmpty();
            if (card.status == CardStatus::Frozen)
                QVERIFY(!card.freezeReason.isEmpty());
            if (!card.isVirtual())
                QVERIFY(card.shippingAddress);
        }
        for (CardStatus status :
             {CardStatus::Active, CardStatus::Inactive, CardStatus::Frozen, CardStatus::Lost,
              CardStatus::Stolen, CardStatus::ClosedByCustomer, CardStatus::SuspectedFraud,
              CardStatus::ActiveForOnlineUse})
            QVERIFY2(statuses.contains(status), qPrintable(cardStatusName(status)));
        QVERIFY(physical && virtualCard && tags && design);
        QCOMPARE(bulk, 5000);
        QCOMPARE(store.customer(QStringLiteral("100005"))->displayName(),
                 QStringLiteral("Bulk Demo"));
        QCOMPARE(store.limits(QStringLiteral("300001")).limits.dailyWithdrawal, 50000);
    }

    void generatedCardsAreDeterministic()
    {
        SandboxStore a;
        SandboxStore b;
        QVERIFY(a.loadSeed(builtInSeed()));
        QVERIFY(b.loadSeed(builtInSeed()));
        QCOMPARE(a.cardCount(), b.cardCount());
        for (int i = 0; i < a.cardCount(); i += 97) {
            const Card &x = a.cards().at(i);
            const Card &y = b.cards().at(i);
            QCOMPARE(x.id, y.id);
            QCOMPARE(x.last4Digits, y.last4Digits);
            QCOMPARE(x.createdAt, y.createdAt);
            QCOMPARE(x.status, y.status);
        }
        QSet<QString> ids;
        for (const Card &card : a.cards())
            ids.insert(card.id);
        QCOMPARE(ids.size(), a.cardCount());
    }

    // The generated cards are the ones the sandbox has always made (saved demo states name
    // them): whole cards as the previous generator wrote them, the first batch's and the last.
    void generatedCardsKeepTheirIdsAndAttributes()
    {
        SandboxStore store;
        QString error;
        QVERIFY2(store.loadSeed(builtInSeed(), &error), qPrintable(error));
        const QByteArray firstBatch =
            "{\"attributes\":{\"bin\":\"423456789\",\"createdAt\":\"2022-01-03T14:54:42.000Z\","
            "\"expirationDate\":\"2030-01\",\"last4Digits\":\"8748\",\"shippingAddress\":{\"city\":"
            "\"Chicago\",\"country\":\"US\",\"postalCode\":\"60606\",\"state\":\"IL\",\"street\":"
            "\"233 S Wacker "
            "Dr\"},\"status\":\"Active\",\"tags\":{\"batch\":\"1\"}},\"id\":\"300020\","
            "\"relationships\":{\"account\":{\"data\":{\"id\":\"200008\",\"type\":"
            "\"depositAccount\"}},\"customer\":{\"data\":{\"id\":\"100005\",\"type\":"
            "\"individualCustomer\"}}},\"type\":\"individualDebitCard\"}";
        const QByteArray lastCard =
            "{\"attributes\":{\"bin\":\"423456789\",\"createdAt\":\"2022-07-27T14:24:13.000Z\","
            "\"expirationDate\":\"2030-07\",\"last4Digits\":\"8315\",\"shippingAddress\":{\"city\":"
            "\"Chicago\",\"country\":\"US\",\"postalCode\":\"60606\",\"state\":\"IL\",\"street\":"
            "\"233 S Wacker "
            "Dr\"},\"status\":\"Lost\",\"tags\":{\"batch\":\"10\"}},\"id\":\"305013\","
            "\"relationships\":{\"account\":{\"data\":{\"id\":\"200008\",\"type\":"
            "\"depositAccount\"}},\"customer\":{\"data\":{\"id\":\"100005\",\"type\":"
            "\"individualCustomer\"}}},\"type\":\"individualDebitCard\"}";
        for (const QByteArray &expected : {firstBatch, lastCard}) {
            const QJsonObject resource = QJsonDocument::fromJson(expected).object();
            const Card *card = store.card(resource.value(QLatin1String("id")).toString());
            QVERIFY(card);
            QCOMPARE(QJsonDocument(JsonApiCodec::encode(*card)).toJson(QJsonDocument::Compact),
                     expected);
        }
        QCOMPARE(store.cards().constLast().id, QStringLiteral("305013"));
        QVERIFY(store.changes().value(QLatin1String("cards")).toArray().isEmpty());
    }

    void badSeedsAreRefusedAndLeaveDataAlone_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("card on unknown account") << seedWith(
            R"({"type":"individualDebitCard","id":"3","attributes":{"createdAt":"2024-01-01T00:00:00Z","last4Digits":"1234","expirationDate":"2028-01","status":"Active"},"relationships":{"account":{"data":{"type":"depositAccount","id":"99"}}}})");
        QTest::newRow("non-numeric id") << seedWith(
            R"({"type":"individualDebitCard","id":"abc","attributes":{"createdAt":"2024-01-01T00:00:00Z","last4Digits":"1234","expirationDate":"2028-01","status":"Active"},"relationships":{"account":{"data":{"type":"depositAccount","id":"2"}}}})");
        QTest::newRow("duplicate id") << seedWith(
            R"({"type":"individualDebitCard","id":"3","attributes":{"createdAt":"2024-01-01T00:00:00Z","last4Digits":"1234","expirationDate":"2028-01","status":"Active"},"relationships":{"account":{"data":{"type":"depositAccount","id":"2"}}}},)"
            R"({"type":"individualDebitCard","id":"3","attributes":{"createdAt":"2024-01-01T00:00:00Z","last4Digits":"1234","expirationDate":"2028-01","status":"Active"},"relationships":{"account":{"data":{"type":"depositAccount","id":"2"}}}})");
        QTest::newRow("card missing createdAt") << seedWith(
            R"({"type":"individualDebitCard","id":"3","attributes":{"last4Digits":"1234","expirationDate":"2028-01","status":"Active"},"relationships":{"account":{"data":{"type":"depositAccount","id":"2"}}}})");
        QTest::newRow("generated for unknown account")
            << seedWith({}, R"(,"generatedCards":[{"customerId":"1","accountId":"5","count":3}])");
        QTest::newRow("generated count negative")
            << seedWith({}, R"(,"generatedCards":[{"customerId":"1","accountId":"2","count":-1}])");
    }

    void badSeedsAreRefusedAndLeaveDataAlone()
    {
        QFETCH(QByteArray, seed);
        SandboxStore store;
        QVERIFY(store.loadSeed(
            seedWith({}, R"(,"generatedCards":[{"customerId":"1","accountId":"2","count":2}])")));
        QString error;
        QVERIFY(!store.loadSeed(seed, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(store.cardCount(), 2);
        QVERIFY(store.customer(QStringLiteral("1")));
    }

    void newCardsGetFreshIdsAndIdempotencyIsPerCustomer()
    {
        SandboxStore store;
        QVERIFY(store.loadSeed(seedWith(
            R"({"type":"individualDebitCard","id":"41","attributes":{"createdAt":"2024-01-01T00:00:00Z","last4Digits":"1234","expirationDate":"2028-01","status":"Active","limits":{"dailyPurchase":500}},"relationships":{"account":{"data":{"type":"depositAccount","id":"2"}}}})")));
        QCOMPARE(store.card(QStringLiteral("41"))->customerId, QStringLiteral("1"));
        QCOMPARE(store.limits(QStringLiteral("41")).limits.dailyPurchase, 500);
        Card card;
        card.customerId = QStringLiteral("1");
        CardLevelLimits limits;
        limits.monthlyPurchase = 9;
        const QString id = store.addCard(card, limits);
        QCOMPARE(id, QStringLiteral("42"));
        QCOMPARE(store.addCard(card, {}), QStringLiteral("43"));
        QCOMPARE(store.limits(id).limits.monthlyPurchase, 9);
        store.rememberIdempotencyKey(QStringLiteral("1"), QStringLiteral("k"), id);
        QCOMPARE(store.cardIdForIdempotencyKey(QStringLiteral("1"), QStringLiteral("k")), id);
        QVERIFY(store.cardIdForIdempotencyKey(QStringLiteral("2"), QStringLiteral("k")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxStore)
#include "tst_sandboxstore.moc"
