#include "Money.h"

#include <QLocale>
#include <QTest>

using namespace tessera;

// What a customer types as an amount, read the way their locale writes it.
class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void usAmountsAreReadToTheCent_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("whole") << QStringLiteral("12") << qint64(1200);
        QTest::newRow("two decimals") << QStringLiteral("12.50") << qint64(1250);
        QTest::newRow("one decimal") << QStringLiteral("12.5") << qint64(1250);
        QTest::newRow("cents only") << QStringLiteral(".29") << qint64(29);
        QTest::newRow("no float rounding") << QStringLiteral("0.29") << qint64(29);
        QTest::newRow("grouped") << QStringLiteral("1,234.56") << qint64(123456);
        QTest::newRow("with the sign") << QStringLiteral("$ 3") << qint64(300);
        QTest::newRow("spaces around") << QStringLiteral("  7.05 ") << qint64(705);
    }
    void usAmountsAreReadToTheCent()
    {
        QFETCH(QString, typed);
        QFETCH(qint64, cents);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Money::parse(typed), std::optional<qint64>(cents));
    }

    void spanishAmountsUseTheCommaForCents()
    {
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        QCOMPARE(Money::parse(QStringLiteral("12,50")), std::optional<qint64>(1250));
        QCOMPARE(Money::parse(QStringLiteral("1.234,5")), std::optional<qint64>(123450));
        QCOMPARE(Money::parse(QStringLiteral("12,50 US$")), std::optional<qint64>(1250));
        // The dot groups thousands in Spain: "1.234" is a thousand two hundred thirty-four.
        QCOMPARE(Money::parse(QStringLiteral("1.234")), std::optional<qint64>(123400));
    }

    void whatIsNotAnAmountIsRefused_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("empty") << QString();
        QTest::newRow("a dot alone") << QStringLiteral(".");
        QTest::newRow("three decimals") << QStringLiteral("1.234");
        QTest::newRow("negative") << QStringLiteral("-5");
        QTest::newRow("letters") << QStringLiteral("12a");
        QTest::newRow("two decimal points") << QStringLiteral("1.2.3");
        QTest::newRow("too large") << QStringLiteral("12345678901234");
    }
    void whatIsNotAnAmountIsRefused()
    {
        QFETCH(QString, typed);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Money::parse(typed), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
