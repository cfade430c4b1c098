#include "SignInIdentifier.h"

#include <QTest>

using namespace tessera;

class TestSignInIdentifier : public QObject
{
    Q_OBJECT

private slots:
    void phoneNumbersAsPeopleTypeThem_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("countryCode");
        QTest::addColumn<QString>("number");
        QTest::newRow("international") << QStringLiteral("+1 555 555 0100") << QStringLiteral("1")
                                       << QStringLiteral("5555550100");
        QTest::newRow("US with parentheses") << QStringLiteral("(555) 555-0100")
                                             << QStringLiteral("1") << QStringLiteral("5555550100");
        QTest::newRow("US digits")
            << QStringLiteral("5555550100") << QStringLiteral("1") << QStringLiteral("5555550100");
        QTest::newRow("US with its 1") << QStringLiteral("1-555-555-0100") << QStringLiteral("1")
                                       << QStringLiteral("5555550100");
        QTest::newRow("dots and spaces around")
            << QStringLiteral("  555.555.0100 ") << QStringLiteral("1")
            << QStringLiteral("5555550100");
        QTest::newRow("UK") << QStringLiteral("+44 20 7946 0000") << QStringLiteral("44")
                            << QStringLiteral("2079460000");
        QTest::newRow("Russia") << QStringLiteral("+7 495 123-45-67") << QStringLiteral("7")
                                << QStringLiteral("4951234567");
        QTest::newRow("three-digit code") << QStringLiteral("+353 1 234 5678")
                                          << QStringLiteral("353") << QStringLiteral("12345678");
    }
    void phoneNumbersAsPeopleTypeThem()
    {
        QFETCH(QString, typed);
        QFETCH(QString, countryCode);
        QFETCH(QString, number);
        const std::optional<SignInIdentifier> identifier = SignInIdentifier::parse(typed);
        QVERIFY(identifier);
        QVERIFY(identifier->isPhone());
        QVERIFY(!identifier->isEmail());
        QCOMPARE(identifier->phoneNumber().countryCode, countryCode);
        QCOMPARE(identifier->phoneNumber().number, number);
    }

    void emailAddresses()
    {
        const std::optional<SignInIdentifier> identifier =
            SignInIdentifier::parse(QStringLiteral("  maya@example.com "));
        QVERIFY(identifier);
        QVERIFY(identifier->isEmail());
        QCOMPARE(identifier->emailAddress(), QStringLiteral("maya@example.com"));
        QCOMPARE(identifier->masked(), QStringLiteral("m•••@example.com"));
    }

    void whatIsNeitherIsRefusedWithPlainWords_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QStringLiteral("   ")
                               << QStringLiteral("Enter the phone number or email address");
        QTest::newRow("too short") << QStringLiteral("555-0100") << QStringLiteral("ten digits");
        QTest::newRow("too long for the US")
            << QStringLiteral("+1 555 555 01000") << QStringLiteral("ten digits");
        QTest::newRow("letters") << QStringLiteral("555 CALL NOW") << QStringLiteral("ten digits");
        QTest::newRow("a customer id") << QStringLiteral("100001") << QStringLiteral("ten digits");
        QTest::newRow("two plus signs")
            << QStringLiteral("+1 +555 555 0100") << QStringLiteral("ten digits");
        QTest::newRow("no domain") << QStringLiteral("maya@") << QStringLiteral("email address");
        QTest::newRow("no dot") << QStringLiteral("maya@example")
                                << QStringLiteral("email address");
        QTest::newRow("spaces") << QStringLiteral("maya smith@example.com")
                                << QStringLiteral("email address");
        QTest::newRow("two at signs")
            << QStringLiteral("maya@@example.com") << QStringLiteral("email address");
    }
    void whatIsNeitherIsRefusedWithPlainWords()
    {
        QFETCH(QString, typed);
        QFETCH(QString, says);
        QVERIFY(!SignInIdentifier::parse(typed));
        QVERIFY2(SignInIdentifier::problem(typed).contains(says),
                 qPrintable(SignInIdentifier::problem(typed)));
    }

    void aPhoneIsMaskedForTheLog()
    {
        QCOMPARE(SignInIdentifier::parse(QStringLiteral("(555) 555-0100"))->masked(),
                 QStringLiteral("+1 •••• 0100"));
    }
};

QTEST_GUILESS_MAIN(TestSignInIdentifier)
#include "tst_signinidentifier.moc"
