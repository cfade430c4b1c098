#include "JsonApiCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace tessera;

class TestJsonApiCodec : public QObject
{
    Q_OBJECT

private:
    static Card sampleCard()
    {
        Card card;
        card.id = QStringLiteral("10042");
        card.type = CardType::IndividualDebitCard;
        card.status = CardStatus::Frozen;
        card.createdAt = QDateTime(QDate(2026, 3, 1), QTime(12, 30, 15, 250), Qt::UTC);
        card.updatedAt = QDateTime(QDate(2026, 4, 2), QTime(8, 0), Qt::UTC);
        card.last4Digits = QStringLiteral("1234");
        card.expirationDate = QStringLiteral("2030-03");
        card.bin = QStringLiteral("424242000");
        card.design = QStringLiteral("default");
        card.freezeReason = QStringLiteral("Customer request");
        card.shippingAddress = Address{QStringLiteral("5230 Newell Rd"), QStringLiteral("Apt 2"),
                                       QStringLiteral("Palo Alto"),      QStringLiteral("CA"),
                                       QStringLiteral("94303"),          QStringLiteral("US")};
        card.tags = {{QStringLiteral("origin"), QStringLiteral("desktop")}};
        card.accountId = QStringLiteral("10001");
        card.customerId = QStringLiteral("20001");
        return card;
    }

    static QByteArray cardDocument(const QByteArray &attributesOverride = {})
    {
        QByteArray attributes = attributesOverride.isEmpty()
                                    ? QByteArray(R"({"createdAt":"2026-03-01T12:30:15.250Z",
                                        "last4Digits":"1234","expirationDate":"2030-03",
                                        "status":"Active"})")
                                    : attributesOverride;
        return R"({"data":{"type":"individualDebitCard","id":"7","attributes":)" + attributes +
               R"(,"relationships":{"account":{"data":{"type":"depositAccount","id":"10001"}}}}})";
    }

private slots:
    void cardRoundTrip()
    {
        const Card card = sampleCard();
        const QByteArray body = JsonApiCodec::singleDocument(JsonApiCodec::encode(card));
        const Result<Card> decoded = JsonApiCodec::cardFromDocument(body);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->id, card.id);
        QCOMPARE(decoded->type, CardType::IndividualDebitCard);
        QCOMPARE(decoded->status, CardStatus::Frozen);
        QCOMPARE(decoded->createdAt, card.createdAt);
        QCOMPARE(decoded->updatedAt, card.updatedAt);
        QCOMPARE(decoded->last4Digits, card.last4Digits);
        QCOMPARE(decoded->expirationDate, card.expirationDate);
        QCOMPARE(decoded->bin, card.bin);
        QCOMPARE(decoded->design, card.design);
        QCOMPARE(decoded->freezeReason, card.freezeReason);
        QVERIFY(decoded->shippingAddress.has_value());
        QCOMPARE(*decoded->shippingAddress, *card.shippingAddress);
        QCOMPARE(decoded->tags, card.tags);
        QCOMPARE(decoded->accountId, card.accountId);
        QCOMPARE(decoded->accountType, QStringLiteral("depositAccount"));
        QCOMPARE(decoded->customerId, card.customerId);
    }

    void virtualCardHasNoShippingAddressOnTheWire()
    {
        Card card = sampleCard();
        card.type = CardType::IndividualVirtualDebitCard;
        const QJsonObject resource = JsonApiCodec::encode(card);
        QVERIFY(!resource[QStringLiteral("attributes")].toObject().contains(
            QStringLiteral("shippingAddress")));
        QCOMPARE(resource[QStringLiteral("type")].toString(),
                 QStringLiteral("individualVirtualDebitCard"));
    }

    void unknownStatusAndTypeDecodeToUnknown()
    {
        const QByteArray body = R"({"data":{"type":"futureTitaniumCard","id":"9","attributes":{
            "createdAt":"2026-03-01T12:30:15Z","last4Digits":"0001","expirationDate":"2031-01",
            "status":"ShreddedByRobot","someNewAttribute":{"x":1}}}})";
        const Result<Card> decoded = JsonApiCodec::cardFromDocument(body);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->status, CardStatus::Unknown);
        QCOMPARE(decoded->statusName, QStringLiteral("ShreddedByRobot"));
        QCOMPARE(decoded->type, CardType::Unknown);
        // Re-encoding keeps what the server said rather than inventing "Unknown".
        const QJsonObject again = JsonApiCodec::encode(decoded.value());
        QCOMPARE(again[QStringLiteral("type")].toString(), QStringLiteral("futureTitaniumCard"));
        QCOMPARE(again[QStringLiteral("attributes")][QStringLiteral("status")].toString(),
                 QStringLiteral("ShreddedByRobot"));
    }

    void everyKnownStatusRoundTrips_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"Active", "Inactive", "Stolen", "Lost", "Frozen",
                                 "ClosedByCustomer", "SuspectedFraud", "ActiveForOnlineUse"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void everyKnownStatusRoundTrips()
    {
        QFETCH(QString, name);
        const CardStatus status = cardStatusFromName(name);
        QVERIFY(status != CardStatus::Unknown);
        QCOMPARE(cardStatusName(status), name);
    }

    void malformedDocuments_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expectedDetailPart");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("truncated") << cardDocument().left(60) << QStringLiteral("malformed JSON");
        QTest::newRow("not json") << QByteArray("<html>502 Bad Gateway</html>")
                                  << QStringLiteral("malformed JSON");
        QTest::newRow("array root") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::newRow("missing data")
            << QByteArray(R"({"meta":{}})") << QStringLiteral("no \"data\"");
        QTest::newRow("data is array")
            << QByteArray(R"({"data":[]})") << QStringLiteral("not an object");
        QTest::newRow("missing attributes")
            << QByteArray(R"({"data":{"type":"individualDebitCard","id":"1"}})")
            << QStringLiteral("missing \"attributes\"");
        QTest::newRow("missing status")
            << cardDocument(R"({"createdAt":"2026-03-01T12:30:15Z","last4Digits":"1",
                              "expirationDate":"2030-01"})")
            << QStringLiteral("missing \"status\"");
        QTest::newRow("status is a number")
            << cardDocument(R"({"createdAt":"2026-03-01T12:30:15Z","last4Digits":"1",
                              "expirationDate":"2030-01","status":5})")
            << QStringLiteral("\"status\" is not a string");
        QTest::newRow("bad date") << cardDocument(R"({"createdAt":"yesterday","last4Digits":"1",
                              "expirationDate":"2030-01","status":"Active"})")
                                  << QStringLiteral("not a date-time");
        QTest::newRow("wrong resource type")
            << QByteArray(R"({"data":{"type":"depositAccount","id":"1","attributes":{}}})")
            << QStringLiteral("unexpected resource type");
        QTest::newRow("id is a number")
            << QByteArray(R"({"data":{"type":"individualDebitCard","id":1,"attributes":{}}})")
            << QStringLiteral("\"id\" is not a string");
        QTest::newRow("address with numeric street")
            << cardDocument(R"({"createdAt":"2026-03-01T12:30:15Z","last4Digits":"1",
                              "expirationDate":"2030-01","status":"Active",
                              "shippingAddress":{"street":5,"city":"X","state":"CA",
                              "postalCode":"94303"}})")
            << QStringLiteral("\"street\" is not a string");
        QTest::newRow("tags not strings")
            << cardDocument(R"({"createdAt":"2026-03-01T12:30:15Z","last4Digits":"1",
                              "expirationDate":"2030-01","status":"Active","tags":{"a":1}})")
            << QStringLiteral("tag \"a\"");
    }
    void malformedDocuments()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expectedDetailPart);
        const Result<Card> decoded = JsonApiCodec::cardFromDocument(body);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().kind, ApiError::Kind::Decode);
        QVERIFY2(decoded.error().detail.contains(expectedDetailPart),
                 qPrintable(decoded.error().detail));
        QVERIFY(!decoded.error().isRetryable());
    }

    void cardPageWithPaginationAndIncluded()
    {
        Account account;
        account.id = QStringLiteral("10001");
        account.name = QStringLiteral("Checking");
        account.status = AccountStatus::Open;
        account.createdAt = QDateTime::currentDateTimeUtc();
        Customer customer;
        customer.id = QStringLiteral("20001");
        customer.firstName = QStringLiteral("Ada");
        customer.lastName = QStringLiteral("Lovelace");
        const QByteArray body = JsonApiCodec::listDocument(
            QJsonArray{JsonApiCodec::encode(sampleCard()), JsonApiCodec::encode(sampleCard())},
            Pagination{5000, 2, 100},
            QJsonArray{JsonApiCodec::encode(account), JsonApiCodec::encode(customer)});
        const Result<CardPage> page = JsonApiCodec::cardPageFromDocument(body);
        QVERIFY2(page.ok(), qPrintable(page.error().detail));
        QCOMPARE(page->items.size(), 2);
        QVERIFY(page->pagination.has_value());
        QCOMPARE(page->pagination->total, 5000);
        QCOMPARE(page->pagination->limit, 2);
        QCOMPARE(page->pagination->offset, 100);
        QCOMPARE(page->includedAccounts.size(), 1);
        QCOMPARE(page->includedAccounts.first().name, QStringLiteral("Checking"));
        QCOMPARE(page->includedCustomers.size(), 1);
        QCOMPARE(page->includedCustomers.first().displayName(), QStringLiteral("Ada Lovelace"));
    }

    void cardPageWithoutMetaIsAccepted()
    {
        // Unit's spec declares no meta for the cards list; paging must cope without it.
        const Result<CardPage> page = JsonApiCodec::cardPageFromDocument(R"({"data":[]})");
        QVERIFY(page.ok());
        QVERIFY(!page->pagination.has_value());
    }

    void aPageKeepsEveryRecordItCanDecodeAndCountsTheOthers()
    {
        // Shaped like Unit's "List cards" example; the second card lacks last4Digits and the
        // third is not a resource at all. One odd record must not hide the others.
        const QByteArray body = R"({"data":[
            {"type":"individualDebitCard","id":"7","attributes":{
                "createdAt":"2020-05-14T10:07:09.284Z","last4Digits":"0019",
                "expirationDate":"2025-05","shippingAddress":{"street":"5230 Newell Rd",
                "city":"Palo Alto","state":"CA","postalCode":"94303","country":"US"},
                "status":"Active"},
             "relationships":{"account":{"data":{"type":"account","id":"10001"}},
                              "customer":{"data":{"type":"customer","id":"10000"}}}},
            {"type":"individualVirtualDebitCard","id":"8","attributes":{
                "createdAt":"2020-05-14T10:07:09.284Z","expirationDate":"2025-05",
                "status":"Active"},
             "relationships":{"account":{"data":{"type":"account","id":"10001"}}}},
            42],
            "included":[{"type":"depositAccount","id":"10001","attributes":{"name":"Peter"}}],
            "meta":{"pagination":{"total":3,"limit":100,"offset":0}}})";
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("individualVirtualDebitCard 8.*"
                                                               "missing \"last4Digits\"")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("data\\[2\\]")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("included.*depositAccount 10001")));
        const Result<CardPage> page = JsonApiCodec::cardPageFromDocument(body);
        QVERIFY2(page.ok(), qPrintable(page.error().detail));
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->items.first().id, QStringLiteral("7"));
        QCOMPARE(page->skipped, 2);
        QCOMPARE(page->pagination->total, 3);
        QCOMPARE(page->includedAccounts.size(), 0);
        QCOMPARE(page->skippedNotes.size(), 3);
        QVERIFY2(page->skippedNotes.at(0).contains(QLatin1String("missing \"last4Digits\"")),
                 qPrintable(page->skippedNotes.at(0)));
        QVERIFY2(page->skippedNotes.at(1).contains(QLatin1String("not an object")),
                 qPrintable(page->skippedNotes.at(1)));
    }

    void aPageOfAccountsOrCustomersAlsoKeepsItsGoodRecords()
    {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("depositAccount 10002")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("missing \"id\"")));
        const Result<AccountPage> accounts = JsonApiCodec::accountPageFromDocument(R"({"data":[
            {"type":"depositAccount","id":"10001","attributes":{"createdAt":"2020-05-14T10:07:09.284Z",
             "name":"Peter Parker","depositProduct":"checking","routingNumber":"812345678",
             "accountNumber":"1000000002","currency":"USD","balance":10000,"hold":0,
             "available":10000,"tags":{},"status":"Open"}},
            {"type":"depositAccount","id":"10002","attributes":{"createdAt":"yesterday",
             "name":"Mary Jane","status":"Open"}}]})");
        QVERIFY2(accounts.ok(), qPrintable(accounts.error().detail));
        QCOMPARE(accounts->items.size(), 1);
        QCOMPARE(accounts->skipped, 1);
        const Result<CustomerPage> customers = JsonApiCodec::customerPageFromDocument(R"({"data":[
            {"type":"individualCustomer","id":"8","attributes":{"createdAt":"2020-05-14T10:07:09.284Z",
             "fullName":{"first":"Peter","last":"Parker"},"status":"Active"}},
            {"type":"individualCustomer","attributes":{"fullName":{"first":"No","last":"Id"}}}]})");
        QVERIFY2(customers.ok(), qPrintable(customers.error().detail));
        QCOMPARE(customers->items.size(), 1);
        QCOMPARE(customers->skipped, 1);
    }

    void anInternationalAddressNeedsNoState()
    {
        // Unit asks for a state only in US addresses; a customer living abroad has none.
        const Result<Customer> customer = JsonApiCodec::customerFromDocument(R"({"data":{
            "type":"individualCustomer","id":"8","attributes":{
            "createdAt":"2020-05-14T10:07:09.284Z","fullName":{"first":"Peter","last":"Parker"},
            "email":"peter@oscorp.com","phone":{"countryCode":"44","number":"2071234567"},
            "address":{"street":"20 Ingram Street","city":"London","postalCode":"SW1A 1AA",
                       "country":"GB"},
            "dateOfBirth":"2001-08-10","nationality":"GB","status":"Active"}}})");
        QVERIFY2(customer.ok(), qPrintable(customer.error().detail));
        QCOMPARE(customer->address.country, QStringLiteral("GB"));
        QCOMPARE(customer->address.state, QString());
        QCOMPARE(customer->address.city, QStringLiteral("London"));
        // Written back without an empty "state", and a US address still needs one.
        const QJsonObject encoded = JsonApiCodec::encode(customer->address);
        QVERIFY(!encoded.contains(QStringLiteral("state")));
        const Result<Address> us = JsonApiCodec::decodeAddress(
            QJsonDocument::fromJson(R"({"street":"5230 Newell Rd","city":"Palo Alto",
                "postalCode":"94303","country":"US"})")
                .object());
        QVERIFY(!us.ok());
        QVERIFY2(us.error().detail.contains(QLatin1String("missing \"state\"")),
                 qPrintable(us.error().detail));
    }

    void aBusinessCardNeedsNoStatus()
    {
        // Unit's spec requires "status" for individual cards only; business cards may omit it.
        const QByteArray attributes = R"({"createdAt":"2020-05-14T10:07:09.284Z",
            "last4Digits":"0019","expirationDate":"2025-05",
            "address":{"street":"5230 Newell Rd","city":"Palo Alto","state":"CA",
                       "postalCode":"94303","country":"US"},
            "fullName":{"first":"Richard","last":"Hendricks"},
            "phone":{"countryCode":"1","number":"5555555555"},"email":"richard@piedpiper.com",
            "dateOfBirth":"2001-08-10"})";
        const QByteArray relationships =
            R"({"account":{"data":{"type":"account","id":"10001"}},
                "customer":{"data":{"type":"customer","id":"10000"}}})";
        for (const char *type : {"businessDebitCard", "businessVirtualDebitCard",
                                 "businessCreditCard", "businessVirtualCreditCard"}) {
            const QJsonObject resource{
                {QStringLiteral("type"), QLatin1String(type)},
                {QStringLiteral("id"), QStringLiteral("9")},
                {QStringLiteral("attributes"), QJsonDocument::fromJson(attributes).object()},
                {QStringLiteral("relationships"), QJsonDocument::fromJson(relationships).object()}};
            const QByteArray body = JsonApiCodec::singleDocument(resource);
            const Result<Card> card = JsonApiCodec::cardFromDocument(body);
            QVERIFY2(card.ok(),
                     qPrintable(QLatin1String(type) + QStringLiteral(": ") + card.error().detail));
            QCOMPARE(card->status, CardStatus::Unknown);
            QCOMPARE(card->last4Digits, QStringLiteral("0019"));
        }
        const Result<Card> individual = JsonApiCodec::cardFromDocument(
            cardDocument(R"({"createdAt":"2020-05-14T10:07:09.284Z","last4Digits":"0019",
                "expirationDate":"2025-05"})"));
        QVERIFY(!individual.ok());
        QVERIFY(individual.error().detail.contains(QLatin1String("missing \"status\"")));
    }

    void aPageWithBrokenPaginationOrDataFails()
    {
        const Result<CardPage> notArray = JsonApiCodec::cardPageFromDocument(R"({"data":{}})");
        QVERIFY(!notArray.ok());
        QCOMPARE(notArray.error().kind, ApiError::Kind::Decode);
        const Result<CardPage> badTotal = JsonApiCodec::cardPageFromDocument(
            R"({"data":[],"meta":{"pagination":{"total":"many"}}})");
        QVERIFY(!badTotal.ok());
        for (const char *total : {"-1", "4294967296", "9007199254740992"}) {
            const Result<CardPage> outOfRange = JsonApiCodec::cardPageFromDocument(
                QByteArray(R"({"data":[],"meta":{"pagination":{"total":)") + total + "}}}");
            QVERIFY2(!outOfRange.ok(), total);
            QVERIFY(outOfRange.error().detail.contains(QLatin1String("out of range")));
        }
    }

    void accountRoundTrip()
    {
        Account account;
        account.id = QStringLiteral("10001");
        account.name = QStringLiteral("Everyday checking");
        account.depositProduct = QStringLiteral("checking");
        account.routingNumber = QStringLiteral("812345678");
        account.accountNumber = QStringLiteral("1000123456");
        account.balance = 1234567;
        account.hold = 1000;
        account.available = 1233567;
        account.status = AccountStatus::Closed;
        account.closeReason = QStringLiteral("ByCustomer");
        account.createdAt = QDateTime(QDate(2025, 1, 1), QTime(9, 0), Qt::UTC);
        account.customerId = QStringLiteral("20001");
        const Result<Account> decoded = JsonApiCodec::accountFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(account)));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->balance, account.balance);
        QCOMPARE(decoded->hold, account.hold);
        QCOMPARE(decoded->available, account.available);
        QCOMPARE(decoded->status, AccountStatus::Closed);
        QCOMPARE(decoded->closeReason, account.closeReason);
        QCOMPARE(decoded->customerId, account.customerId);
        QCOMPARE(decoded->maskedAccountNumber(), QStringLiteral("******3456"));
        QVERIFY(decoded->isDeposit());
    }

    void aDepositAccountWithoutItsNumberShowsUnitsMaskedNumber()
    {
        // Unit may send only "maskedAccountNumber" (the full number needs more access).
        const Result<Account> decoded = JsonApiCodec::accountFromDocument(R"({"data":{
            "type":"depositAccount","id":"10001","attributes":{
            "createdAt":"2020-05-14T10:07:09.284Z","name":"Peter Parker",
            "depositProduct":"checking","routingNumber":"812345678",
            "maskedAccountNumber":"******0002","currency":"USD","balance":10000,"hold":0,
            "available":10000,"tags":{"purpose":"checking"},"status":"Open"},
            "relationships":{"customer":{"data":{"type":"customer","id":"10000"}}}}})");
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->accountNumber, QString());
        QCOMPARE(decoded->maskedAccountNumber(), QStringLiteral("******0002"));
        // And keeps it when it goes back out.
        const Result<Account> again = JsonApiCodec::accountFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(decoded.value())));
        QVERIFY2(again.ok(), qPrintable(again.error().detail));
        QCOMPARE(again->maskedAccountNumber(), QStringLiteral("******0002"));
    }

    void moneyMustBeWholeCents()
    {
        const QByteArray body = R"({"data":{"type":"depositAccount","id":"1","attributes":{
            "createdAt":"2025-01-01T00:00:00Z","name":"A","status":"Open","balance":10.5}}})";
        const Result<Account> decoded = JsonApiCodec::accountFromDocument(body);
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.error().detail.contains(QStringLiteral("\"balance\" is not an integer")));
    }

    void customerRoundTrip()
    {
        Customer customer;
        customer.id = QStringLiteral("20001");
        customer.firstName = QStringLiteral("Grace");
        customer.lastName = QStringLiteral("Hopper");
        customer.email = QStringLiteral("grace@example.com");
        customer.phone = Phone{QStringLiteral("1"), QStringLiteral("5555550123")};
        customer.address = Address{QStringLiteral("1 Navy Way"), {},
                                   QStringLiteral("Arlington"),  QStringLiteral("VA"),
                                   QStringLiteral("22202"),      QStringLiteral("US")};
        customer.dateOfBirth = QDate(1906, 12, 9);
        customer.jwtSubject = QStringLiteral("auth0|grace");
        const Result<Customer> decoded = JsonApiCodec::customerFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(customer)));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->displayName(), QStringLiteral("Grace Hopper"));
        QCOMPARE(decoded->phone, customer.phone);
        QCOMPARE(decoded->phone.masked(), QStringLiteral("+1 ******0123"));
        QCOMPARE(decoded->address, customer.address);
        QCOMPARE(decoded->dateOfBirth, customer.dateOfBirth);
        QCOMPARE(decoded->jwtSubject, customer.jwtSubject);
    }

    void aBusinessCustomerIsNamedByItsName()
    {
        // Shaped like Unit's "Get customer" example for a business: no fullName, a "name".
        const Result<Customer> business = JsonApiCodec::customerFromDocument(R"({"data":{
            "type":"businessCustomer","id":"1","attributes":{
            "createdAt":"2020-05-12T19:41:04.123Z","name":"Pied Piper",
            "address":{"street":"5230 Newell Rd","city":"Palo Alto","state":"CA",
                       "postalCode":"94303","country":"US"},
            "phone":{"countryCode":"1","number":"5555555555"},"stateOfIncorporation":"DE",
            "ein":"123456789","entityType":"Corporation",
            "contact":{"fullName":{"first":"Richard","last":"Hendricks"},
                       "email":"richard@piedpiper.com",
                       "phone":{"countryCode":"1","number":"5555555555"}},
            "tags":{},"status":"Active"},
            "relationships":{"org":{"data":{"type":"org","id":"1"}}}}})");
        QVERIFY2(business.ok(), qPrintable(business.error().detail));
        QVERIFY(business->isBusiness());
        QCOMPARE(business->name, QStringLiteral("Pied Piper"));
        QCOMPARE(business->displayName(), QStringLiteral("Pied Piper"));
        QCOMPARE(business->greetingName(), QStringLiteral("Pied Piper"));
        // It goes back out with its name.
        const Result<Customer> again = JsonApiCodec::customerFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(business.value())));
        QVERIFY2(again.ok(), qPrintable(again.error().detail));
        QCOMPARE(again->greetingName(), QStringLiteral("Pied Piper"));

        const Result<Customer> individual = JsonApiCodec::customerFromDocument(R"({"data":{
            "type":"individualCustomer","id":"8","attributes":{
            "createdAt":"2020-05-14T10:07:09.284Z","fullName":{"first":"Peter","last":"Parker"},
            "status":"Active"}}})");
        QVERIFY2(individual.ok(), qPrintable(individual.error().detail));
        QVERIFY(!individual->isBusiness());
        QCOMPARE(individual->displayName(), QStringLiteral("Peter Parker"));
        QCOMPARE(individual->greetingName(), QStringLiteral("Peter"));
    }

    void aBusinessCustomerKeepsItsContactAndAuthorizedUsers()
    {
        // Shaped like Unit's business customer example, with two authorized users (one with a
        // jwtSubject, one without).
        const Result<Customer> business = JsonApiCodec::customerFromDocument(R"({"data":{
            "type":"businessCustomer","id":"1","attributes":{
            "createdAt":"2020-05-12T19:41:04.123Z","name":"Pied Piper",
            "address":{"street":"5230 Newell Rd","city":"Palo Alto","state":"CA",
                       "postalCode":"94303","country":"US"},
            "phone":{"countryCode":"1","number":"5555555555"},"stateOfIncorporation":"DE",
            "ein":"123456789","entityType":"Corporation",
            "contact":{"fullName":{"first":"Richard","last":"Hendricks"},
                       "email":"richard@piedpiper.com",
                       "phone":{"countryCode":"1","number":"5555550101"}},
            "authorizedUsers":[
              {"fullName":{"first":"Jared","last":"Dunn"},"email":"jared@piedpiper.com",
               "phone":{"countryCode":"1","number":"5555550102"},"jwtSubject":"auth0|jared"},
              {"fullName":{"first":"Monica","last":"Hall"},"email":"monica@piedpiper.com",
               "phone":{"countryCode":"44","number":"7700900123"}}],
            "tags":{},"status":"Active"},
            "relationships":{"org":{"data":{"type":"org","id":"1"}}}}})");
        QVERIFY2(business.ok(), qPrintable(business.error().detail));
        QCOMPARE(business->entityType, QStringLiteral("Corporation"));
        QCOMPARE(business->stateOfIncorporation, QStringLiteral("DE"));
        QCOMPARE(business->contact.fullName(), QStringLiteral("Richard Hendricks"));
        QCOMPARE(business->contact.email, QStringLiteral("richard@piedpiper.com"));
        QCOMPARE(business->contact.phone,
                 (Phone{QStringLiteral("1"), QStringLiteral("5555550101")}));
        // The code goes to the contact, not to the business's own phone.
        QCOMPARE(business->codePhone(), business->contact.phone);
        QCOMPARE(business->authorizedUsers.size(), 2);
        QCOMPARE(business->authorizedUsers.at(0).fullName(), QStringLiteral("Jared Dunn"));
        QCOMPARE(business->authorizedUsers.at(0).jwtSubject, QStringLiteral("auth0|jared"));
        QCOMPARE(business->authorizedUsers.at(1).email, QStringLiteral("monica@piedpiper.com"));
        QCOMPARE(business->authorizedUsers.at(1).phone,
                 (Phone{QStringLiteral("44"), QStringLiteral("7700900123")}));
        QVERIFY(business->authorizedUsers.at(1).jwtSubject.isEmpty());

        // The sandbox serves customers through encode(): nothing of them may get lost there.
        const Result<Customer> again = JsonApiCodec::customerFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(business.value())));
        QVERIFY2(again.ok(), qPrintable(again.error().detail));
        QCOMPARE(again->entityType, business->entityType);
        QCOMPARE(again->stateOfIncorporation, business->stateOfIncorporation);
        QCOMPARE(again->contact.fullName(), business->contact.fullName());
        QCOMPARE(again->contact.phone, business->contact.phone);
        QCOMPARE(again->authorizedUsers.size(), 2);
        QCOMPARE(again->authorizedUsers.at(0).phone, business->authorizedUsers.at(0).phone);
        QCOMPARE(again->authorizedUsers.at(0).jwtSubject, QStringLiteral("auth0|jared"));
        QCOMPARE(again->authorizedUsers.at(1).fullName(), QStringLiteral("Monica Hall"));
    }

    void contactAndAuthorizedUsersAreOptional()
    {
        const Result<Customer> bare = JsonApiCodec::customerFromDocument(R"({"data":{
            "type":"businessCustomer","id":"2","attributes":{"name":"Hooli","status":"Active",
            "authorizedUsers":null}}})");
        QVERIFY2(bare.ok(), qPrintable(bare.error().detail));
        QVERIFY(bare->contact.isEmpty());
        QVERIFY(bare->authorizedUsers.isEmpty());
        QVERIFY(bare->codePhone().isEmpty());
        // Absent stays absent on the way out.
        const QJsonObject attributes =
            JsonApiCodec::encode(bare.value()).value(QLatin1String("attributes")).toObject();
        QVERIFY(!attributes.contains(QLatin1String("contact")));
        QVERIFY(!attributes.contains(QLatin1String("authorizedUsers")));

        // A list that is no list is a broken record, not an empty one.
        const Result<Customer> broken = JsonApiCodec::customerFromDocument(R"({"data":{
            "type":"businessCustomer","id":"3","attributes":{"name":"Hooli",
            "authorizedUsers":{"fullName":{"first":"Gavin","last":"Belson"}}}}})");
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().detail.contains(QStringLiteral("\"authorizedUsers\"")));
    }

    void tokenVerificationWithoutId()
    {
        // Unit's spec marks id as required but the API sends none: accept that.
        const Result<CustomerTokenVerification> v = JsonApiCodec::tokenVerificationFromDocument(
            R"({"data":{"type":"customerTokenVerification","attributes":{"verificationToken":"abc"}}})");
        QVERIFY2(v.ok(), qPrintable(v.error().detail));
        QCOMPARE(v->verificationToken, QStringLiteral("abc"));
        const Result<CustomerTokenVerification> empty = JsonApiCodec::tokenVerificationFromDocument(
            R"({"data":{"type":"customerTokenVerification","attributes":{"verificationToken":""}}})");
        QVERIFY(!empty.ok());
    }

    void customerTokenRoundTripAndLimits()
    {
        const CustomerToken token{QStringLiteral("v2.public.xyz"), 3600};
        const Result<CustomerToken> decoded = JsonApiCodec::customerTokenFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(token)));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->token, token.token);
        QCOMPARE(decoded->expiresIn, 3600);

        for (
            const QByteArray &bad :
            {QByteArray(R"({"data":{"type":"customerBearerToken","attributes":{"token":"t"}}})"),
             QByteArray(
                 R"({"data":{"type":"customerBearerToken","attributes":{"token":"t","expiresIn":0}}})"),
             QByteArray(
                 R"({"data":{"type":"customerBearerToken","attributes":{"token":"t","expiresIn":86401}}})"),
             QByteArray(
                 R"({"data":{"type":"customerBearerToken","attributes":{"expiresIn":60}}})")}) {
            const Result<CustomerToken> r = JsonApiCodec::customerTokenFromDocument(bad);
            QVERIFY2(!r.ok(), bad.constData());
        }
    }

    void anAccountWithoutTagsIsEncodedWithAnEmptyTagsObject()
    {
        // Unit's account schemas list tags as required.
        Account account;
        account.id = QStringLiteral("10001");
        account.name = QStringLiteral("Checking");
        const QJsonValue tags = JsonApiCodec::encode(account)
                                    .value(QLatin1String("attributes"))
                                    .toObject()
                                    .value(QLatin1String("tags"));
        QVERIFY(tags.isObject());
        QVERIFY(tags.toObject().isEmpty());
    }

    void aLimitsDocumentHasATypeAndAttributesOnly()
    {
        // Unit's UnitCardLimitsResponse: additionalProperties false, no id.
        const QJsonObject data = QJsonDocument::fromJson(JsonApiCodec::singleDocument(
                                                             JsonApiCodec::encode(CardLimits{})))
                                     .object()
                                     .value(QLatin1String("data"))
                                     .toObject();
        QCOMPARE(data.keys(), (QStringList{QStringLiteral("attributes"), QStringLiteral("type")}));
    }

    void cardLimitsRoundTrip()
    {
        CardLimits limits;
        limits.limits.dailyPurchase = 50000;
        limits.limits.monthlyWithdrawal = 500000;
        limits.dailyTotals.purchases = 1234;
        limits.monthlyTotals.withdrawals = 20000;
        const Result<CardLimits> decoded = JsonApiCodec::cardLimitsFromDocument(
            JsonApiCodec::singleDocument(JsonApiCodec::encode(limits)));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().detail));
        QCOMPARE(decoded->limits.dailyPurchase, std::optional<qint64>(50000));
        QCOMPARE(decoded->limits.monthlyWithdrawal, std::optional<qint64>(500000));
        QVERIFY(!decoded->limits.dailyWithdrawal.has_value());
        QCOMPARE(decoded->dailyTotals.purchases, 1234);
        QCOMPARE(decoded->monthlyTotals.withdrawals, 20000);
    }

    void createCardRequestShape()
    {
        CreateCardRequest request;
        request.accountId = QStringLiteral("10001");
        request.shippingAddress = sampleCard().shippingAddress;
        request.idempotencyKey = QStringLiteral("key-1");
        request.limits.dailyPurchase = 50000;
        const QJsonObject doc = QJsonDocument::fromJson(JsonApiCodec::encode(request)).object();
        const QJsonObject data = doc[QStringLiteral("data")].toObject();
        QCOMPARE(data[QStringLiteral("type")].toString(), QStringLiteral("individualDebitCard"));
        QVERIFY(!data.contains(QStringLiteral("id")));
        const QJsonObject attributes = data[QStringLiteral("attributes")].toObject();
        QCOMPARE(attributes[QStringLiteral("idempotencyKey")].toString(), QStringLiteral("key-1"));
        QCOMPARE(
            attributes[QStringLiteral("shippingAddress")][QStringLiteral("postalCode")].toString(),
            QStringLiteral("94303"));
        QCOMPARE(attributes[QStringLiteral("limits")][QStringLiteral("dailyPurchase")].toInteger(),
                 50000);
        const QJsonObject account =
            data[QStringLiteral("relationships")][QStringLiteral("account")][QStringLiteral("data")]
                .toObject();
        QCOMPARE(account[QStringLiteral("type")].toString(), QStringLiteral("depositAccount"));
        QCOMPARE(account[QStringLiteral("id")].toString(), QStringLiteral("10001"));

        request.type = CardType::IndividualVirtualDebitCard;
        request.design = QStringLiteral("gold");
        const QJsonObject virtualAttributes = QJsonDocument::fromJson(JsonApiCodec::encode(request))
                                                  .object()[QStringLiteral("data")]
                                                  .toObject()[QStringLiteral("attributes")]
                                                  .toObject();
        QVERIFY(!virtualAttributes.contains(QStringLiteral("shippingAddress")));
        QVERIFY(!virtualAttributes.contains(QStringLiteral("design")));
    }

    void tokenRequestsShape()
    {
        CreateTokenRequest request;
        request.scopes = {QStringLiteral("customers"), QStringLiteral("cards-write")};
        request.verificationToken = QStringLiteral("vt");
        request.verificationCode = QStringLiteral("000001");
        request.expiresIn = 600;
        const QJsonObject a = QJsonDocument::fromJson(JsonApiCodec::encode(request))
                                  .object()[QStringLiteral("data")][QStringLiteral("attributes")]
                                  .toObject();
        QCOMPARE(a[QStringLiteral("scope")].toString(), QStringLiteral("customers cards-write"));
        QCOMPARE(a[QStringLiteral("verificationCode")].toString(), QStringLiteral("000001"));
        QCOMPARE(a[QStringLiteral("expiresIn")].toInt(), 600);
        QVERIFY(!a.contains(QStringLiteral("jwtToken")));

        CreateTokenVerificationRequest verification;
        verification.channel = CreateTokenVerificationRequest::Channel::Call;
        const QJsonObject v = QJsonDocument::fromJson(JsonApiCodec::encode(verification)).object();
        QCOMPARE(v[QStringLiteral("data")][QStringLiteral("type")].toString(),
                 QStringLiteral("customerTokenVerification"));
        QCOMPARE(v[QStringLiteral("data")][QStringLiteral("attributes")][QStringLiteral("channel")]
                     .toString(),
                 QStringLiteral("call"));
    }

    // The bank's broker (README): its requests as the contract spells them, its answers read.
    void brokerSignInDocuments()
    {
        StartSignInRequest start;
        start.identifier =
            SignInIdentifier::phone(Phone{QStringLiteral("1"), QStringLiteral("5555550100")});
        start.channel = CreateTokenVerificationRequest::Channel::Call;
        start.language = QStringLiteral("es");
        const QJsonObject s = QJsonDocument::fromJson(JsonApiCodec::encode(start)).object();
        QCOMPARE(s[QStringLiteral("data")][QStringLiteral("type")].toString(),
                 QStringLiteral("signIn"));
        const QJsonObject a = s[QStringLiteral("data")][QStringLiteral("attributes")].toObject();
        QCOMPARE(a[QStringLiteral("phone")][QStringLiteral("number")].toString(),
                 QStringLiteral("5555550100"));
        QCOMPARE(a[QStringLiteral("phone")][QStringLiteral("countryCode")].toString(),
                 QStringLiteral("1"));
        QCOMPARE(a[QStringLiteral("channel")].toString(), QStringLiteral("call"));
        QCOMPARE(a[QStringLiteral("language")].toString(), QStringLiteral("es"));
        QVERIFY(!a.contains(QStringLiteral("email")));
        start.identifier = SignInIdentifier::email(QStringLiteral("maya@example.com"));
        const QJsonObject e = QJsonDocument::fromJson(JsonApiCodec::encode(start))
                                  .object()[QStringLiteral("data")][QStringLiteral("attributes")]
                                  .toObject();
        QCOMPARE(e[QStringLiteral("email")].toString(), QStringLiteral("maya@example.com"));
        QVERIFY(!e.contains(QStringLiteral("phone")));
        QCOMPARE(QJsonDocument::fromJson(JsonApiCodec::encodeSignInCode(QStringLiteral("000001")))
                     .object()[QStringLiteral("data")][QStringLiteral("attributes")]
                              [QStringLiteral("code")]
                     .toString(),
                 QStringLiteral("000001"));

        const Result<SignInStarted> started = JsonApiCodec::signInStartedFromDocument(
            R"({"data":{"type":"signIn","id":"0123456789abcdef0123456789abcdef","attributes":{"channel":"call","expiresIn":600}}})");
        QVERIFY2(started.ok(), qPrintable(started.error().detail));
        QCOMPARE(started->id, QStringLiteral("0123456789abcdef0123456789abcdef"));
        QCOMPARE(started->channel, CreateTokenVerificationRequest::Channel::Call);
        QCOMPARE(started->expiresIn, 600);
        // The id goes into the next path: anything but the broker's hex is not taken.
        QVERIFY(!JsonApiCodec::signInStartedFromDocument(
                     R"({"data":{"type":"signIn","id":"../customers/1","attributes":{}}})")
                     .ok());

        const Result<CustomerToken> token = JsonApiCodec::customerTokenFromDocument(
            R"({"data":{"type":"customerBearerToken","attributes":{"token":"v2.public.x","expiresIn":86400,"customerId":"100001","scope":"customers accounts cards customer-token-write","upgradableScope":"cards-write"}}})");
        QVERIFY(token.ok());
        QCOMPARE(token->customerId, QStringLiteral("100001"));
        QCOMPARE(token->scopes,
                 QStringList({QStringLiteral("customers"), QStringLiteral("accounts"),
                              QStringLiteral("cards"), QStringLiteral("customer-token-write")}));

        const ApiError wrong = JsonApiCodec::decodeError(
            400,
            R"({"errors":[{"status":"400","title":"That code is not right.","source":{"pointer":"/data/attributes/code"},"meta":{"attemptsLeft":2}}]})");
        QCOMPARE(wrong.attemptsLeft, std::optional<int>(2));
        QCOMPARE(wrong.sourcePointer, QStringLiteral("/data/attributes/code"));
    }

    void errorRoundTrip()
    {
        ApiError error =
            ApiError::http(400, QStringLiteral("Bad Request"), QStringLiteral("ZIP is invalid"),
                           QStringLiteral("InvalidAddress"));
        error.sourcePointer = QStringLiteral("/data/attributes/shippingAddress/postalCode");
        error.supportId = QStringLiteral("a9d7c3e0-0000-4000-8000-000000000001");
        const ApiError decoded =
            JsonApiCodec::decodeError(400, JsonApiCodec::encodeErrors({error}));
        QCOMPARE(decoded, error);
        QCOMPARE(decoded.message(), QStringLiteral("ZIP is invalid"));
    }

    void everyEntryOfAnErrorsArrayIsKept()
    {
        // A 400 from "Create individual application" naming two address fields at once.
        const QByteArray body = R"({"errors":[
            {"status":"400","title":"Invalid Request Body","code":"invalid_request_body",
             "detail":"data.attributes.address.postalCode should match pattern",
             "source":{"pointer":"/data/attributes/address/postalCode"},
             "meta":{"supportId":"a9d7c3e0-0000-4000-8000-000000000001"}},
            {"status":"400","title":"Invalid Request Body","code":"invalid_request_body",
             "detail":"data.attributes.address.state should be a 2-letter US state",
             "source":{"pointer":"/data/attributes/address/state"},
             "meta":{"supportId":"a9d7c3e0-0000-4000-8000-000000000001"}}]})";
        const ApiError error = JsonApiCodec::decodeError(400, body);
        // The fields every caller reads still describe the first entry...
        QCOMPARE(error.sourcePointer, QStringLiteral("/data/attributes/address/postalCode"));
        QCOMPARE(error.detail, QStringLiteral("data.attributes.address.postalCode should match "
                                              "pattern"));
        // ...and every entry is there, in order.
        QCOMPARE(error.entries.size(), 2);
        QCOMPARE(error.entries.at(0).sourcePointer,
                 QStringLiteral("/data/attributes/address/postalCode"));
        QCOMPARE(error.entries.at(1).sourcePointer,
                 QStringLiteral("/data/attributes/address/state"));
        QCOMPARE(error.entries.at(1).detail,
                 QStringLiteral("data.attributes.address.state should be a 2-letter US state"));
        QCOMPARE(error.entries.at(1).code, QStringLiteral("invalid_request_body"));
        QCOMPARE(error.entries.at(1).title, QStringLiteral("Invalid Request Body"));
        QCOMPARE(error.entries.at(1).supportId,
                 QStringLiteral("a9d7c3e0-0000-4000-8000-000000000001"));
        // The sandbox writes them all back the same way.
        QCOMPARE(JsonApiCodec::decodeError(400, JsonApiCodec::encodeErrors({error})), error);
        QCOMPARE(JsonApiCodec::decodeError(400, JsonApiCodec::encodeErrors({error})).entries.size(),
                 2);
        // A bare status goes out and comes back as itself.
        const ApiError bare = JsonApiCodec::decodeError(502, "<html>bad gateway</html>");
        QVERIFY(bare.entries.isEmpty());
        QCOMPARE(JsonApiCodec::decodeError(502, JsonApiCodec::encodeErrors({bare})), bare);
    }

    void errorDecodingIsTolerant_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("unit doc example")
            << 404
            << QByteArray(
                   R"({"errors":[{"title":"Not Found","status":"404","detail":"The specified card with id 10001 was not found","meta":{"supportId":"a9d7"}}]})")
            << QStringLiteral("Not Found")
            << QStringLiteral("The specified card with id 10001 was not found") << false;
        QTest::newRow("details spelling")
            << 400 << QByteArray(R"({"errors":[{"title":"Bad","status":"400","details":"old"}]})")
            << QStringLiteral("Bad") << QStringLiteral("old") << false;
        QTest::newRow("html from a proxy")
            << 502 << QByteArray("<html>bad gateway</html>") << QString() << QString() << true;
        QTest::newRow("empty 503") << 503 << QByteArray() << QString() << QString() << true;
        QTest::newRow("errors not array")
            << 429 << QByteArray(R"({"errors":{"title":"x"}})") << QString() << QString() << true;
        QTest::newRow("wrong types")
            << 408 << QByteArray(R"({"errors":[{"title":5,"detail":["x"]}]})") << QString()
            << QString() << true;
    }
    void errorDecodingIsTolerant()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, title);
        QFETCH(QString, detail);
        QFETCH(bool, retryable);
        const ApiError error = JsonApiCodec::decodeError(status, body);
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.title, title);
        QCOMPARE(error.detail, detail);
        QCOMPARE(error.isRetryable(), retryable);
        QVERIFY(!error.message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonApiCodec)
#include "tst_jsonapicodec.moc"
