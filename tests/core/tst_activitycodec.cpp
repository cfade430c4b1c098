#include "ActivityCodec.h"
#include "JsonApiCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tessera;

class TestActivityCodec : public QObject
{
    Q_OBJECT

private:
    static QDateTime at(int day, int hour = 12)
    {
        return QDateTime(QDate(2026, 10, day), QTime(hour, 30, 15, 250), Qt::UTC);
    }

    static Transaction purchase()
    {
        Transaction t;
        t.id = QStringLiteral("51");
        t.kind = TransactionKind::Purchase;
        t.createdAt = at(3);
        t.direction = Direction::Debit;
        t.amount = 2500;
        t.balance = 10523;
        t.summary = QStringLiteral("Purchase from Blue Bottle Coffee | **0019");
        t.cardLast4Digits = QStringLiteral("0019");
        t.merchant = Merchant{QStringLiteral("Blue Bottle Coffee"), 5814,
                              QStringLiteral("Fast Food Restaurants"),
                              QStringLiteral("Oakland, CA"), QStringLiteral("311204598883")};
        t.recurring = true;
        t.ecommerce = true;
        t.cardPresent = false;
        t.tags = {{QStringLiteral("note"), QStringLiteral("team coffee")}};
        t.accountId = QStringLiteral("10001");
        t.customerId = QStringLiteral("10000");
        t.cardId = QStringLiteral("7");
        t.authorizationId = QStringLiteral("40");
        return t;
    }

    static Transaction ofKind(TransactionKind kind)
    {
        Transaction t;
        t.id = QStringLiteral("60");
        t.kind = kind;
        t.createdAt = at(5);
        t.direction = Direction::Credit;
        t.amount = 120000;
        t.balance = 250000;
        t.summary = QStringLiteral("Summary");
        t.cardLast4Digits = QStringLiteral("4321");
        t.merchant =
            Merchant{QStringLiteral("Shell"), 5541, QStringLiteral("Service Stations"), {}, {}};
        t.atmName = QStringLiteral("Chase ATM");
        t.atmLocation = QStringLiteral("Main St, Springfield");
        t.surcharge = 300;
        t.counterpartyName = QStringLiteral("Acme Payroll");
        t.counterpartyRoutingNumber = QStringLiteral("812345678");
        t.description = QStringLiteral("PAYROLL");
        t.accountId = QStringLiteral("10001");
        t.customerId = QStringLiteral("10000");
        t.cardId = QStringLiteral("7");
        return t;
    }

    static QByteArray page(const QByteArray &records)
    {
        return R"({"data":[)" + records +
               R"(],"meta":{"pagination":{"total":3,"limit":50,"offset":0}}})";
    }

    static QByteArray feeRecord(const QByteArray &id, const QByteArray &attributesOverride = {})
    {
        const QByteArray attributes = attributesOverride.isEmpty()
                                          ? QByteArray(R"({"createdAt":"2026-10-01T00:00:00.000Z",
                                              "direction":"Debit","amount":500,"balance":1000,
                                              "summary":"Monthly fee"})")
                                          : attributesOverride;
        // (Plain literals here: moc misreads a raw string that ends in a quote.)
        return "{\"type\":\"feeTransaction\",\"id\":\"" + id + "\",\"attributes\":" + attributes +
               R"(,"relationships":{"account":{"data":{"type":"account","id":"10001"}}}})";
    }

private slots:
    void aPurchaseRoundTripsWithItsMerchantAndRelationships()
    {
        const Transaction t = purchase();
        const Result<Transaction> decoded = ActivityCodec::transactionFromDocument(
            JsonApiCodec::singleDocument(ActivityCodec::encode(t)));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->id, t.id);
        QCOMPARE(decoded->kind, TransactionKind::Purchase);
        QCOMPARE(decoded->typeName, QStringLiteral("purchaseTransaction"));
        QCOMPARE(decoded->createdAt, t.createdAt);
        QCOMPARE(decoded->direction, Direction::Debit);
        QCOMPARE(decoded->amount, 2500);
        QCOMPARE(decoded->signedAmount(), -2500);
        QCOMPARE(decoded->balance, std::optional<qint64>(10523));
        QCOMPARE(decoded->summary, t.summary);
        QCOMPARE(decoded->cardLast4Digits, QStringLiteral("0019"));
        QVERIFY(decoded->merchant.has_value());
        QCOMPARE(decoded->merchant->name, QStringLiteral("Blue Bottle Coffee"));
        QCOMPARE(decoded->merchant->type, 5814);
        QCOMPARE(decoded->merchant->category, QStringLiteral("Fast Food Restaurants"));
        QCOMPARE(decoded->merchant->location, QStringLiteral("Oakland, CA"));
        QCOMPARE(decoded->merchant->id, QStringLiteral("311204598883"));
        QVERIFY(decoded->recurring);
        QVERIFY(decoded->ecommerce);
        QVERIFY(!decoded->cardPresent);
        QCOMPARE(decoded->tags, t.tags);
        QCOMPARE(decoded->accountId, t.accountId);
        QCOMPARE(decoded->customerId, t.customerId);
        QCOMPARE(decoded->cardId, t.cardId);
        QCOMPARE(decoded->authorizationId, t.authorizationId);
    }

    // The attributes transaction.json requires of each kind are always written.
    void eachKindIsWrittenWithTheAttributesUnitRequires_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("required");
        const QStringList common{QStringLiteral("createdAt"), QStringLiteral("amount"),
                                 QStringLiteral("direction"), QStringLiteral("balance"),
                                 QStringLiteral("summary")};
        auto with = [&common](const QList<const char *> &more) {
            QStringList all = common;
            for (const char *name : more)
                all.append(QString::fromLatin1(name));
            return all;
        };
        QTest::newRow("purchase") << int(TransactionKind::Purchase)
                                  << with({"cardLast4Digits", "merchant", "recurring", "ecommerce",
                                           "cardPresent"});
        QTest::newRow("atm") << int(TransactionKind::Atm)
                             << with({"cardLast4Digits", "atmName", "surcharge"});
        QTest::newRow("card") << int(TransactionKind::Card)
                              << with({"cardLast4Digits", "merchant", "recurring"});
        QTest::newRow("card reversal")
            << int(TransactionKind::CardReversal) << with(QList<const char *>{"cardLast4Digits"});
        QTest::newRow("received ACH")
            << int(TransactionKind::ReceivedAch)
            << with({"description", "companyName", "counterpartyRoutingNumber"});
        QTest::newRow("originated ACH")
            << int(TransactionKind::OriginatedAch) << with({"description", "counterparty"});
        QTest::newRow("book") << int(TransactionKind::Book)
                              << with(QList<const char *>{"counterparty"});
        QTest::newRow("fee") << int(TransactionKind::Fee) << common;
        QTest::newRow("fee reversal") << int(TransactionKind::FeeReversal) << common;
        QTest::newRow("interest") << int(TransactionKind::Interest) << common;
    }

    void eachKindIsWrittenWithTheAttributesUnitRequires()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, required);
        const Transaction t = ofKind(TransactionKind(kind));
        const QJsonObject resource = ActivityCodec::encode(t);
        QCOMPARE(resource.value(QLatin1String("type")).toString(),
                 transactionTypeName(TransactionKind(kind)));
        const QJsonObject attributes = resource.value(QLatin1String("attributes")).toObject();
        for (const QString &name : std::as_const(required))
            QVERIFY2(attributes.contains(name), qPrintable(name));

        const Result<Transaction> decoded = ActivityCodec::decodeTransaction(resource);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->kind, TransactionKind(kind));
        QCOMPARE(decoded->amount, t.amount);
        QCOMPARE(decoded->signedAmount(), 120000);
        QCOMPARE(decoded->balance, t.balance);
        if (kind == int(TransactionKind::ReceivedAch) || kind == int(TransactionKind::Book) ||
            kind == int(TransactionKind::OriginatedAch)) {
            QCOMPARE(decoded->counterpartyName, t.counterpartyName);
            QCOMPARE(decoded->counterpartyRoutingNumber, t.counterpartyRoutingNumber);
        }
        if (kind == int(TransactionKind::Atm)) {
            QCOMPARE(decoded->atmName, t.atmName);
            QCOMPARE(decoded->atmLocation, t.atmLocation);
            QCOMPARE(decoded->surcharge, 300);
        }
        // Only card kinds name a card.
        const bool cardKind = attributes.contains(QLatin1String("cardLast4Digits"));
        QCOMPARE(resource.value(QLatin1String("relationships"))
                     .toObject()
                     .contains(QLatin1String("card")),
                 cardKind);
    }

    void unitsDocumentedPurchaseExampleDecodes()
    {
        const QByteArray body = R"({"data":{"type":"purchaseTransaction","id":"51",
            "attributes":{"createdAt":"2020-09-08T12:41:43.360Z","direction":"Debit",
              "amount":2500,"balance":10523,"summary":"Purchase from Apple Inc. | **0019",
              "cardLast4Digits":"0019","merchant":{"name":"Apple Inc.","type":1000,
              "category":"","location":"Cupertino, CA","id":"311204598883"},
              "coordinates":{"longitude":-77.0364,"latitude":38.8951},"recurring":false,
              "interchange":null,"ecommerce":false,"cardPresent":true,
              "paymentMethod":"Contactless","digitalWallet":"Apple",
              "cardVerificationData":{"verificationMethod":"CVV2"},"cardNetwork":"Visa"},
            "relationships":{"account":{"data":{"type":"account","id":"10001"}},
              "customer":{"data":{"type":"customer","id":"10000"}},
              "card":{"data":{"type":"card","id":"7"}},
              "authorization":{"data":{"type":"authorization","id":"40"}}}}})";
        const Result<Transaction> t = ActivityCodec::transactionFromDocument(body);
        QVERIFY2(t.ok(), qPrintable(t.error().detail));
        QCOMPARE(t->kind, TransactionKind::Purchase);
        QCOMPARE(t->createdAt, QDateTime(QDate(2020, 9, 8), QTime(12, 41, 43, 360), Qt::UTC));
        QCOMPARE(t->merchant->name, QStringLiteral("Apple Inc."));
        QCOMPARE(t->merchant->type, 1000);
        QVERIFY(t->cardPresent);
        QCOMPARE(t->accountId, QStringLiteral("10001"));
        QCOMPARE(t->cardId, QStringLiteral("7"));
        QCOMPARE(t->authorizationId, QStringLiteral("40"));
    }

    void unitsDocumentedReceivedAchExampleDecodes()
    {
        const QByteArray body = R"({"data":{"type":"receivedAchTransaction","id":"3",
            "attributes":{"createdAt":"2020-07-05T15:49:36.864Z","direction":"Credit",
              "amount":10000,"balance":12000,"summary":"Payroll | Acme Inc.",
              "description":"PAYROLL","addenda":"","companyName":"Acme Inc.",
              "counterpartyRoutingNumber":"051402372","traceNumber":"123456789123456",
              "secCode":"PPD"},
            "relationships":{"account":{"data":{"type":"account","id":"10001"}},
              "customer":{"data":{"type":"customer","id":"10000"}}}}})";
        const Result<Transaction> t = ActivityCodec::transactionFromDocument(body);
        QVERIFY2(t.ok(), qPrintable(t.error().detail));
        QCOMPARE(t->kind, TransactionKind::ReceivedAch);
        QCOMPARE(t->signedAmount(), 10000);
        QCOMPARE(t->counterpartyName, QStringLiteral("Acme Inc."));
        QCOMPARE(t->description, QStringLiteral("PAYROLL"));
        QVERIFY(!t->merchant.has_value());
    }

    void anUnknownTypeIsOtherInAPageAndKeepsItsCommonAttributes()
    {
        const QByteArray reward = R"({"type":"rewardTransaction","id":"9",
            "attributes":{"createdAt":"2026-10-02T10:00:00.000Z","direction":"Credit",
              "amount":1500,"balance":11500,"summary":"Welcome bonus","receiverCounterparty":{}},
            "relationships":{"account":{"data":{"type":"account","id":"10001"}},
              "reward":{"data":{"type":"reward","id":"4"}}}})";
        const Result<TransactionPage> page =
            ActivityCodec::transactionPageFromDocument(this->page(reward + "," + feeRecord("8")));
        QVERIFY2(page.ok(), qPrintable(page.error().detail));
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->skipped, 0);
        const Transaction &t = page->items.first();
        QCOMPARE(t.kind, TransactionKind::Other);
        QCOMPARE(t.typeName, QStringLiteral("rewardTransaction"));
        QCOMPARE(t.signedAmount(), 1500);
        QCOMPARE(t.balance, std::optional<qint64>(11500));
        QCOMPARE(t.summary, QStringLiteral("Welcome bonus"));
        QCOMPARE(page->items.at(1).kind, TransactionKind::Fee);
        QCOMPARE(page->pagination->total, 3);
        // Re-encoded with the type it came with, not an empty one.
        QCOMPARE(ActivityCodec::encode(t).value(QLatin1String("type")).toString(),
                 QStringLiteral("rewardTransaction"));
    }

    void aBadRecordIsLeftOutWithANoteAndTheOthersKept_data()
    {
        QTest::addColumn<QByteArray>("attributes");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no balance") << QByteArray(R"({"createdAt":"2026-10-01T00:00:00.000Z",
            "direction":"Debit","amount":500,"summary":"Fee"})")
                                    << QStringLiteral("balance");
        QTest::newRow("no createdAt") << QByteArray(R"({"direction":"Debit","amount":500,
            "balance":1,"summary":"Fee"})")
                                      << QStringLiteral("createdAt");
        QTest::newRow("unknown direction") << QByteArray(R"({"createdAt":"2026-10-01T00:00:00Z",
            "direction":"Sideways","amount":500,"balance":1,"summary":"Fee"})")
                                           << QStringLiteral("direction");
        QTest::newRow("amount in dollars") << QByteArray(R"({"createdAt":"2026-10-01T00:00:00Z",
            "direction":"Debit","amount":5.5,"balance":1,"summary":"Fee"})")
                                           << QStringLiteral("amount");
        QTest::newRow("negative amount") << QByteArray(R"({"createdAt":"2026-10-01T00:00:00Z",
            "direction":"Debit","amount":-5,"balance":1,"summary":"Fee"})")
                                         << QStringLiteral("amount");
        QTest::newRow("no summary") << QByteArray(R"({"createdAt":"2026-10-01T00:00:00Z",
            "direction":"Debit","amount":5,"balance":1})")
                                    << QStringLiteral("summary");
    }

    void aBadRecordIsLeftOutWithANoteAndTheOthersKept()
    {
        QFETCH(QByteArray, attributes);
        QFETCH(QString, problem);
        const Result<TransactionPage> page = ActivityCodec::transactionPageFromDocument(
            this->page(feeRecord("1") + "," + feeRecord("2", attributes) + "," + feeRecord("3")));
        QVERIFY2(page.ok(), qPrintable(page.error().detail));
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->items.at(0).id, QStringLiteral("1"));
        QCOMPARE(page->items.at(1).id, QStringLiteral("3"));
        QCOMPARE(page->skipped, 1);
        QCOMPARE(page->skippedNotes.size(), 1);
        const QString note = page->skippedNotes.first();
        QVERIFY2(note.contains(QLatin1String("data[1] (feeTransaction 2)")), qPrintable(note));
        QVERIFY2(note.contains(problem), qPrintable(note));
    }

    void anAuthorizationRoundTripsWithItsDeclineReason()
    {
        Authorization a;
        a.id = QStringLiteral("125");
        a.createdAt = at(7, 9);
        a.amount = 4599;
        a.cardLast4Digits = QStringLiteral("0019");
        a.merchant = Merchant{QStringLiteral("Whole Foods Market"),
                              5411,
                              QStringLiteral("Grocery Stores"),
                              QStringLiteral("Austin, TX"),
                              {}};
        a.status = AuthorizationStatus::Declined;
        a.declineReason = QStringLiteral("InsufficientFunds");
        a.summary = QStringLiteral("Whole Foods Market");
        a.cardNetwork = QStringLiteral("Visa");
        a.accountId = QStringLiteral("10001");
        a.customerId = QStringLiteral("10000");
        a.cardId = QStringLiteral("7");
        const QJsonObject resource = ActivityCodec::encode(a);
        QCOMPARE(resource.value(QLatin1String("type")).toString(), QStringLiteral("authorization"));
        const Result<Authorization> decoded =
            ActivityCodec::authorizationFromDocument(JsonApiCodec::singleDocument(resource));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->id, a.id);
        QCOMPARE(decoded->createdAt, a.createdAt);
        QCOMPARE(decoded->amount, 4599);
        QCOMPARE(decoded->status, AuthorizationStatus::Declined);
        QCOMPARE(decoded->statusName, QStringLiteral("Declined"));
        QCOMPARE(decoded->declineReason, QStringLiteral("InsufficientFunds"));
        QCOMPARE(decoded->merchant.name, a.merchant.name);
        QCOMPARE(decoded->merchant.type, 5411);
        QCOMPARE(decoded->merchant.location, a.merchant.location);
        QCOMPARE(decoded->cardNetwork, a.cardNetwork);
        QCOMPARE(decoded->accountId, a.accountId);
        QCOMPARE(decoded->customerId, a.customerId);
        QCOMPARE(decoded->cardId, a.cardId);
    }

    // Unit's answer to POST /sandbox/authorizations, as its docs show it (no status there).
    void unitsDocumentedSimulatedAuthorizationAnswerDecodes()
    {
        const QByteArray body = R"({"data":{"type":"authorization","id":"125",
            "attributes":{"createdAt":"2021-03-01T12:41:15.063Z","amount":2500,
              "cardLast4Digits":"0019","merchant":{"name":"Apple Inc.","type":1000,
              "category":"","location":"Cupertino, CA","id":"311204598883"}},
            "relationships":{"customer":{"data":{"type":"customer","id":"10000"}},
              "account":{"data":{"type":"account","id":"10001"}}}}})";
        const Result<Authorization> a = ActivityCodec::authorizationFromDocument(body);
        QVERIFY2(a.ok(), qPrintable(a.error().detail));
        QCOMPARE(a->amount, 2500);
        QCOMPARE(a->merchant.name, QStringLiteral("Apple Inc."));
        QCOMPARE(a->status, AuthorizationStatus::Unknown);
        QCOMPARE(a->accountId, QStringLiteral("10001"));
    }

    void anAuthorizationPageLeavesOutARecordWithoutAmount()
    {
        const QByteArray good = R"({"type":"authorization","id":"1","attributes":{
            "createdAt":"2026-10-01T00:00:00Z","amount":100,"cardLast4Digits":"0019",
            "merchant":{"name":"A","type":1000,"category":""},"recurring":false,
            "status":"Authorized"},"relationships":{}})";
        const QByteArray bad = R"({"type":"authorization","id":"2","attributes":{
            "createdAt":"2026-10-01T00:00:00Z","status":"Authorized"},"relationships":{}})";
        const Result<AuthorizationPage> page =
            ActivityCodec::authorizationPageFromDocument(this->page(good + "," + bad));
        QVERIFY2(page.ok(), qPrintable(page.error().detail));
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->items.first().status, AuthorizationStatus::Authorized);
        QCOMPARE(page->skipped, 1);
    }

    void statementsDecodeUnderBothOfUnitsTypeNames()
    {
        Statement s;
        s.id = QStringLiteral("2");
        s.period = QStringLiteral("2026-10");
        s.accountId = QStringLiteral("10001");
        s.customerId = QStringLiteral("10000");
        const QByteArray unitsExample = R"({"type":"statement","id":"1",
            "attributes":{"period":"2026-09"},
            "relationships":{"account":{"data":{"type":"account","id":"10001"}},
              "customer":{"data":{"type":"customer","id":"10000"}}}})";
        const QByteArray badPeriod = R"({"type":"statement","id":"3",
            "attributes":{"period":"last month"},"relationships":{}})";
        const QByteArray encoded =
            QJsonDocument(ActivityCodec::encode(s)).toJson(QJsonDocument::Compact);
        const Result<StatementPage> page = ActivityCodec::statementPageFromDocument(
            this->page(encoded + "," + unitsExample + "," + badPeriod));
        QVERIFY2(page.ok(), qPrintable(page.error().detail));
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->items.at(0).typeName, QStringLiteral("accountStatementDTO"));
        QCOMPARE(page->items.at(0).period, QStringLiteral("2026-10"));
        QCOMPARE(page->items.at(0).periodStart(), QDate(2026, 10, 1));
        QCOMPARE(page->items.at(0).accountId, QStringLiteral("10001"));
        QCOMPARE(page->items.at(1).typeName, QStringLiteral("statement"));
        QCOMPARE(page->items.at(1).customerId, QStringLiteral("10000"));
        QCOMPARE(page->skipped, 1);
    }

    void aSimulatedAuthorizationIsTheBodyUnitDocuments()
    {
        SimulatedAuthorizationRequest r;
        r.accountId = QStringLiteral("10001");
        r.cardLast4Digits = QStringLiteral("0019");
        r.amount = 2500;
        r.merchantName = QStringLiteral("Apple Inc.");
        r.merchantType = 1000;
        r.merchantLocation = QStringLiteral("Cupertino, CA");
        r.status = QStringLiteral("Authorized");
        const QJsonObject expected = QJsonDocument::fromJson(R"({"data":{"type":"authorization",
            "attributes":{"amount":2500,"cardLast4Digits":"0019","merchantName":"Apple Inc.",
              "merchantType":1000,"merchantLocation":"Cupertino, CA","recurring":false,
              "status":"Authorized"},
            "relationships":{"account":{"data":{"type":"depositAccount","id":"10001"}}}}})")
                                         .object();
        QCOMPARE(QJsonDocument::fromJson(ActivityCodec::encode(r)).object(), expected);
    }

    void aSimulatedPurchaseNamesTheAuthorizationItSettles()
    {
        SimulatedPurchaseRequest r;
        r.accountId = QStringLiteral("10001");
        r.last4Digits = QStringLiteral("0019");
        r.amount = 2500;
        r.merchantName = QStringLiteral("Apple Inc.");
        r.merchantType = 1000;
        r.merchantLocation = QStringLiteral("Cupertino, CA");
        r.authorizationId = QStringLiteral("125");
        const QJsonObject data = QJsonDocument::fromJson(ActivityCodec::encode(r))
                                     .object()
                                     .value(QLatin1String("data"))
                                     .toObject();
        QCOMPARE(data.value(QLatin1String("type")).toString(),
                 QStringLiteral("purchaseTransaction"));
        const QJsonObject expectedAttributes = QJsonDocument::fromJson(R"({"amount":2500,
            "direction":"Debit","merchantName":"Apple Inc.","merchantType":1000,
            "merchantLocation":"Cupertino, CA","last4Digits":"0019","recurring":false})")
                                                   .object();
        QCOMPARE(data.value(QLatin1String("attributes")).toObject(), expectedAttributes);
        const QJsonObject relationships = data.value(QLatin1String("relationships")).toObject();
        QCOMPARE(relationships.value(QLatin1String("account"))
                     .toObject()
                     .value(QLatin1String("data"))
                     .toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("depositAccount")},
                              {QStringLiteral("id"), QStringLiteral("10001")}}));
        QCOMPARE(relationships.value(QLatin1String("authorization"))
                     .toObject()
                     .value(QLatin1String("data"))
                     .toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("authorization")},
                              {QStringLiteral("id"), QStringLiteral("125")}}));

        r.authorizationId.clear();
        const QJsonObject alone = QJsonDocument::fromJson(ActivityCodec::encode(r))
                                      .object()
                                      .value(QLatin1String("data"))
                                      .toObject();
        QVERIFY(!alone.value(QLatin1String("relationships"))
                     .toObject()
                     .contains(QLatin1String("authorization")));
    }

    void documentsThatAreNotPagesFail()
    {
        QVERIFY(!ActivityCodec::transactionPageFromDocument(R"({"data":{}})").ok());
        QVERIFY(!ActivityCodec::authorizationPageFromDocument("not json").ok());
        QVERIFY(!ActivityCodec::statementPageFromDocument(R"({"errors":[]})").ok());
        QVERIFY(!ActivityCodec::transactionFromDocument(R"({"data":[]})").ok());
        // A card is not a transaction.
        QVERIFY(!ActivityCodec::transactionFromDocument(
                     R"({"data":{"type":"individualDebitCard","id":"1","attributes":{}}})")
                     .ok());
    }
};

QTEST_GUILESS_MAIN(TestActivityCodec)
#include "tst_activitycodec.moc"
