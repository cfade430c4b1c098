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
    // The Bulk Demo's 5 000 cards are made when something needs them, not at every launch;
    // what another customer asks for never makes them.
    void generatedCardsAreMadeWhenFirstNeeded_data()
    {
        QTest::addColumn<QString>("use");
        QTest::addColumn<bool>("makesThem");
        QTest::newRow("another customer's cards listed") << "listMaya" << false;
        QTest::newRow("another account's activity") << "mayasActivity" << false;
        QTest::newRow("a seed card") << "seedCard" << false;
        QTest::newRow("their customer looked up") << "bulkCustomer" << false;
        QTest::newRow("a card added") << "addCard" << false;
        QTest::newRow("one of their ids") << "generatedCard" << true;
        QTest::newRow("one of them changed") << "changeGenerated" << true;
        QTest::newRow("their account") << "bulkAccount" << true;
        QTest::newRow("their account's activity") << "bulkActivity" << true;
        QTest::newRow("their customer's cards listed") << "listBulk" << true;
        QTest::newRow("everyone's cards listed") << "listAll" << true;
        QTest::newRow("every account") << "accounts" << true;
        QTest::newRow("every card") << "cards" << true;
    }

    void generatedCardsAreMadeWhenFirstNeeded()
    {
        QFETCH(QString, use);
        QFETCH(bool, makesThem);
        using Scope = tessera::sandbox::CardOrderIndex::Scope;
        SandboxStore store;
        QVERIFY(store.loadSeed(builtInSeed()));
        QCOMPARE(store.cardCount(), 5013);
        QCOMPARE(store.cardsInMemory(), 13);

        if (use == QLatin1String("listMaya")) {
            const auto page =
                store.cardOrder({Scope::Kind::Customer, QStringLiteral("100001")})
                    .window({Scope::Kind::Customer, QStringLiteral("100001")}, {}, true, 0, 100);
            QVERIFY(page.total > 0);
        } else if (use == QLatin1String("mayasActivity")) {
            QVERIFY(store.activity(QStringLiteral("200001")));
        } else if (use == QLatin1String("seedCard")) {
            QVERIFY(store.card(QStringLiteral("300001")));
        } else if (use == QLatin1String("bulkCustomer")) {
            QVERIFY(store.customer(QStringLiteral("100005")));
        } else if (use == QLatin1String("addCard")) {
            Card card = *store.card(QStringLiteral("300001"));
            QCOMPARE(store.addCard(card, {}), QStringLiteral("305014")); // after theirs
        } else if (use == QLatin1String("generatedCard")) {
            QCOMPARE(store.card(QStringLiteral("300020"))->last4Digits, QStringLiteral("8748"));
        } else if (use == QLatin1String("changeGenerated")) {
            store.mutableCard(QStringLiteral("305013"))->status = CardStatus::Frozen;
            QCOMPARE(store.card(QStringLiteral("305013"))->status, CardStatus::Frozen);
        } else if (use == QLatin1String("bulkAccount")) {
            const Account *account = store.account(QStringLiteral("200008"));
            QVERIFY(account);
            QCOMPARE(account->hold, store.activity(QStringLiteral("200008"))->held());
        } else if (use == QLatin1String("bulkActivity")) {
            QCOMPARE(store.activity(QStringLiteral("200008"))->cards().size(), 5000);
        } else if (use == QLatin1String("listBulk")) {
            const Scope bulk{Scope::Kind::Customer, QStringLiteral("100005")};
            QCOMPARE(store.cardOrder(bulk).window(bulk, {}, true, 0, 10).total, 5000);
        } else if (use == QLatin1String("listAll")) {
            QCOMPARE(store.cardOrder({}).window({}, {}, true, 0, 10).total, 5013);
        } else if (use == QLatin1String("accounts")) {
            QCOMPARE(store.accounts().size(), 9);
        } else if (use == QLatin1String("cards")) {
            QCOMPARE(store.cards().size(), 5013);
        } else {
            QFAIL("unknown use");
        }
        const int added = use == QLatin1String("addCard") ? 1 : 0;
        QCOMPARE(store.cardCount(), 5013 + added);
        QCOMPARE(store.cardsInMemory(), (makesThem ? 5013 : 13) + added);
    }

    // Made late, they are what they would have been at load: a card added before keeps its id
    // after theirs and stays out of their account's prepared activity, as it was at load.
    void generatedCardsMadeLateAreTheCardsOfTheSeed()
    {
        SandboxStore store;
        QVERIFY(store.loadSeed(builtInSeed()));
        Card added = *store.card(QStringLiteral("300001"));
        added.accountId = QStringLiteral("200008");
        added.customerId = QStringLiteral("100005");
        QCOMPARE(store.addCard(added, {}), QStringLiteral("305014"));

        SandboxStore atOnce;
        QVERIFY(atOnce.loadSeed(builtInSeed()));
        QCOMPARE(atOnce.cards().size(), 5013);

        QCOMPARE(store.cards().size(), 5014);
        QCOMPARE(store.card(QStringLiteral("305014"))->accountId, QStringLiteral("200008"));
        for (const Card &card : atOnce.cards()) {
            const Card *same = store.card(card.id);
            QVERIFY(same);
            QCOMPARE(JsonApiCodec::encode(*same), JsonApiCodec::encode(card));
        }
        const auto *activity = store.activity(QStringLiteral("200008"));
        QCOMPARE(activity->cards().size(), 5000);
        QCOMPARE(activity->held(), atOnce.activity(QStringLiteral("200008"))->held());
        QCOMPARE(store.account(QStringLiteral("200008"))->available,
                 atOnce.account(QStringLiteral("200008"))->available);
        using Scope = tessera::sandbox::CardOrderIndex::Scope;
        const Scope bulk{Scope::Kind::Account, QStringLiteral("200008")};
        const auto newest = store.cardOrder(bulk).window(bulk, {}, false, 0, 1);
        QCOMPARE(newest.total, 5001);
        QCOMPARE(store.cardAt(newest.cardSlots.first()).id,
                 added.createdAt > store.card(QStringLiteral("305013"))->createdAt
                     ? QStringLiteral("305014")
                     : QStringLiteral("305013"));
    }

    // A demo state saved after one of them changed: replaying it makes them and changes it.
    void aSavedChangeToAGeneratedCardIsReplayed()
    {
        SandboxStore before;
        QVERIFY(before.loadSeed(builtInSeed()));
        before.mutableCard(QStringLiteral("300020"))->status = CardStatus::Frozen;
        const QJsonObject saved = before.changes();

        SandboxStore after;
        QVERIFY(after.loadSeed(builtInSeed()));
        QCOMPARE(after.cardsInMemory(), 13);
        QString error;
        QVERIFY2(after.applyChanges(saved, &error), qPrintable(error));
        QCOMPARE(after.card(QStringLiteral("300020"))->status, CardStatus::Frozen);
        QCOMPARE(after.cardCount(), 5013);
        QCOMPARE(after.changes(), saved);
    }
};

QTEST_GUILESS_MAIN(TestSandboxStore)
#include "tst_sandboxstore.moc"
