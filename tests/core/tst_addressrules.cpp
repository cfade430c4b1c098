#include "AddressRules.h"

#include <QTest>

using namespace tessera;

class TestAddressRules : public QObject
{
    Q_OBJECT

private:
    static Address valid()
    {
        return Address{QStringLiteral("5230 Newell Rd"), {},
                       QStringLiteral("Palo Alto"),      QStringLiteral("CA"),
                       QStringLiteral("94303"),          QStringLiteral("US")};
    }

    static QStringList fields(const QList<AddressRules::Problem> &problems)
    {
        QStringList result;
        for (const auto &p : problems)
            result << p.field;
        return result;
    }

private slots:
    void validAddressHasNoProblems()
    {
        QVERIFY(AddressRules::validate(valid()).isEmpty());
        Address plusFour = valid();
        plusFour.postalCode = QStringLiteral("94303-1234");
        QVERIFY(AddressRules::validate(plusFour).isEmpty());
    }

    void invalidFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("empty street") << "street"
                                      << "";
        QTest::newRow("blank street") << "street"
                                      << "   ";
        QTest::newRow("long street") << "street" << QString(256, QLatin1Char('a'));
        QTest::newRow("control char in street") << "street"
                                                << "Main St\x01";
        QTest::newRow("control char in street2") << "street2"
                                                 << "Apt\n3";
        QTest::newRow("empty city") << "city"
                                    << "";
        QTest::newRow("lowercase state") << "state"
                                         << "ca";
        QTest::newRow("unknown state") << "state"
                                       << "ZZ";
        QTest::newRow("empty state") << "state"
                                     << "";
        QTest::newRow("short zip") << "postalCode"
                                   << "9430";
        QTest::newRow("zip letters") << "postalCode"
                                     << "9430A";
        QTest::newRow("zip bad plus four") << "postalCode"
                                           << "94303-12";
        QTest::newRow("zip sql") << "postalCode"
                                 << "94303' OR 1=1";
        QTest::newRow("country") << "country"
                                 << "CA";
    }
    void invalidFields()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        Address address = valid();
        if (field == QLatin1String("street"))
            address.street = value;
        else if (field == QLatin1String("street2"))
            address.street2 = value;
        else if (field == QLatin1String("city"))
            address.city = value;
        else if (field == QLatin1String("state"))
            address.state = value;
        else if (field == QLatin1String("postalCode"))
            address.postalCode = value;
        else if (field == QLatin1String("country"))
            address.country = value;
        const auto problems = AddressRules::validate(address);
        QCOMPARE(fields(problems), QStringList{field});
        QVERIFY(!problems.first().message.isEmpty());
    }

    void stateList()
    {
        QVERIFY(AddressRules::usStateCodes().size() >= 51);
        QVERIFY(AddressRules::isValidUsState(QStringLiteral("DC")));
        QVERIFY(!AddressRules::isValidUsState(QStringLiteral("XX")));
    }

    void pointersMapToAddressFields()
    {
        using Field = AddressRules::Field;
        QCOMPARE(AddressRules::fieldForPointer(
                     QStringLiteral("/data/attributes/shippingAddress/postalCode")),
                 std::optional<Field>(Field::PostalCode));
        QCOMPARE(AddressRules::fieldForPointer(
                     QStringLiteral("/data/attributes/shippingAddress/street2")),
                 std::optional<Field>(Field::Street2));
        QCOMPARE(AddressRules::fieldForPointer(QStringLiteral("/data/attributes/shippingAddress")),
                 std::optional<Field>(Field::WholeAddress));
        QCOMPARE(AddressRules::fieldForPointer(
                     QStringLiteral("/data/attributes/shippingAddress/extendedZip")),
                 std::optional<Field>(Field::WholeAddress));
        QCOMPARE(AddressRules::fieldForPointer(QStringLiteral("/data/relationships/account")),
                 std::optional<Field>());
        QCOMPARE(AddressRules::fieldForPointer(QStringLiteral("/data/attributes/shippingAddressX")),
                 std::optional<Field>());
        QCOMPARE(AddressRules::fieldName(Field::PostalCode), QStringLiteral("postalCode"));
        QCOMPARE(AddressRules::fieldName(Field::WholeAddress), QString());
    }

    void everyAddressEntryOfAServerErrorIsAProblem()
    {
        // One 400 naming two address fields and something else, as Unit sends it.
        ApiError error = ApiError::http(400, QStringLiteral("Bad Request"));
        error.entries = {
            {QStringLiteral("Bad Request"),
             QStringLiteral("Street is required."),
             {},
             {},
             QStringLiteral("/data/attributes/shippingAddress/street")},
            {QStringLiteral("Bad Request"),
             QStringLiteral("Account is closed."),
             {},
             {},
             QStringLiteral("/data/relationships/account")},
            {QStringLiteral("Bad Request"),
             {},
             {},
             {},
             QStringLiteral("/data/attributes/shippingAddress/postalCode")},
        };
        const QList<AddressRules::Problem> problems = AddressRules::problemsIn(error);
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).field, QStringLiteral("street"));
        QCOMPARE(problems.at(0).message, QStringLiteral("Street is required."));
        QCOMPARE(problems.at(1).field, QStringLiteral("postalCode"));
        QCOMPARE(problems.at(1).message, QStringLiteral("Bad Request")); // no detail: the title
        QVERIFY(
            AddressRules::problemsIn(ApiError::http(404, QStringLiteral("Not Found"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAddressRules)
#include "tst_addressrules.moc"
