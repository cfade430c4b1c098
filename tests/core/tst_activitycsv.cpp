#include "ActivityCsv.h"
#include "ActivityEntry.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace tessera;

namespace {

// Stands in for the Spanish translation: answers every Tessera text with a Spanish one, so a
// word the CSV took from the UI would show.
class SpanishTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (!context || context[0] == 'Q' || !sourceText || !*sourceText)
            return {};
        return QStringLiteral("«es» ") + QString::fromUtf8(sourceText);
    }
};

QDateTime at(const char *isoUtc)
{
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate);
}

ActivityEntry purchase(const QString &merchantName, qint64 cents, qint64 balance)
{
    Transaction t;
    t.id = QStringLiteral("7001");
    t.kind = TransactionKind::Purchase;
    t.typeName = QStringLiteral("purchaseTransaction");
    t.createdAt = at("2026-11-28T14:03:12.345Z");
    t.direction = Direction::Debit;
    t.amount = cents;
    t.balance = balance;
    t.summary = QStringLiteral("Purchase");
    t.cardLast4Digits = QStringLiteral("1234");
    t.merchant = Merchant{merchantName, 5814, QStringLiteral("Coffee"), {}, {}};
    return {t};
}

} // namespace

// The CSV's exact bytes: RFC 4180 and the same numbers, dates and names whatever the UI's
// language and locale.
class TestActivityCsv : public QObject
{
    Q_OBJECT

private:
    SpanishTranslator m_spanish;

private slots:
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        QVERIFY(QCoreApplication::installTranslator(&m_spanish));
    }
    void cleanup()
    {
        QCoreApplication::removeTranslator(&m_spanish);
        QLocale::setDefault(QLocale::c());
    }

    void theUiIsSpanishForTheseTests()
    {
        // Without this the tests below would prove nothing about a Spanish UI.
        QVERIFY(purchase(QStringLiteral("Café"), 450, 0).kindText().startsWith(u"«es»"));
        QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
    }

    void theHeaderIsOneEnglishRowWithCrlf()
    {
        QCOMPARE(ActivityCsv::header(),
                 QByteArray("Date,Description,Type,Status,Amount,Balance,Card,ID\r\n"));
    }

    void aCardPurchaseIsWrittenWithADotAndAMinus()
    {
        QCOMPARE(ActivityCsv::row(purchase(QStringLiteral("Blue Bottle Coffee"), 123450, 98765)),
                 QByteArray("2026-11-28T14:03:12Z,Blue Bottle Coffee,Purchase,Settled,-1234.50,"
                            "987.65,1234,7001\r\n"));
    }

    void commasAndQuotesInAMerchantNameAreQuoted()
    {
        QCOMPARE(
            ActivityCsv::row(purchase(QStringLiteral("Joe's \"Best\" Bagels, Inc."), 1200, -305)),
            QByteArray("2026-11-28T14:03:12Z,\"Joe's \"\"Best\"\" Bagels, Inc.\",Purchase,"
                       "Settled,-12.00,-3.05,1234,7001\r\n"));
    }

    void aLineBreakInAFieldIsQuoted()
    {
        QCOMPARE(ActivityCsv::field(QStringLiteral("two\r\nlines")),
                 QByteArray("\"two\r\nlines\""));
        QCOMPARE(ActivityCsv::field(QStringLiteral("one\nline")), QByteArray("\"one\nline\""));
    }

    void textIsUtf8WithoutAByteOrderMark()
    {
        const QByteArray row = ActivityCsv::row(purchase(QStringLiteral("Café Señor"), 5, 0));
        QVERIFY(!row.startsWith("\xEF\xBB\xBF"));
        QVERIFY(row.contains("Caf\xC3\xA9 Se\xC3\xB1or,"));
        QVERIFY(row.contains(",-0.05,0.00,"));
    }

    void amountsAreDollarsWithTwoDecimals_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << qint64(0) << QByteArray("0.00");
        QTest::newRow("cents") << qint64(7) << QByteArray("0.07");
        QTest::newRow("whole") << qint64(1200) << QByteArray("12.00");
        QTest::newRow("thousands, no grouping") << qint64(123456789) << QByteArray("1234567.89");
        QTest::newRow("negative") << qint64(-123450) << QByteArray("-1234.50");
        QTest::newRow("negative cents") << qint64(-1) << QByteArray("-0.01");
    }
    void amountsAreDollarsWithTwoDecimals()
    {
        QFETCH(qint64, cents);
        QFETCH(QByteArray, text);
        QCOMPARE(ActivityCsv::amount(cents), text);
    }

    void aDepositWithoutBalanceOrCardLeavesThoseEmpty()
    {
        Transaction t;
        t.id = QStringLiteral("7002");
        t.kind = TransactionKind::ReceivedAch;
        t.createdAt = at("2026-10-01T09:00:00Z");
        t.direction = Direction::Credit;
        t.amount = 250000;
        t.counterpartyName = QStringLiteral("ACME PAYROLL");
        QCOMPARE(ActivityCsv::row({t}),
                 QByteArray("2026-10-01T09:00:00Z,ACME PAYROLL,ReceivedAch,Settled,2500.00,,,"
                            "7002\r\n"));
    }

    void anUnknownTypeIsOther()
    {
        Transaction t;
        t.id = QStringLiteral("7003");
        t.typeName = QStringLiteral("rewardTransaction");
        t.createdAt = at("2026-10-02T00:00:00Z");
        t.direction = Direction::Credit;
        t.amount = 500;
        t.balance = 500;
        t.summary = QStringLiteral("Reward");
        QCOMPARE(ActivityCsv::row({t}),
                 QByteArray("2026-10-02T00:00:00Z,Reward,Other,Settled,5.00,5.00,,7003\r\n"));
    }

    void aDeclinedAuthorizationIsWrittenAsDeclined()
    {
        Authorization a;
        a.id = QStringLiteral("9001");
        a.createdAt = at("2026-11-30T23:59:59Z");
        a.amount = 8999;
        a.cardLast4Digits = QStringLiteral("4321");
        a.merchant.name = QStringLiteral("Electronics Hub");
        a.status = AuthorizationStatus::Declined;
        a.declineReason = QStringLiteral("InsufficientFunds");
        QCOMPARE(ActivityCsv::row({a}),
                 QByteArray("2026-11-30T23:59:59Z,Electronics Hub,Authorization,Declined,-89.99,"
                            ",4321,9001\r\n"));
    }

    void aPendingAuthorizationIsWrittenAsPending()
    {
        Authorization a;
        a.id = QStringLiteral("9002");
        a.createdAt = at("2026-11-30T12:00:00+02:00"); // written in UTC
        a.amount = 1250;
        a.cardLast4Digits = QStringLiteral("4321");
        a.merchant.name = QStringLiteral("Metro Transit");
        a.status = AuthorizationStatus::Authorized;
        QCOMPARE(ActivityCsv::row({a}),
                 QByteArray("2026-11-30T10:00:00Z,Metro Transit,Authorization,Pending,-12.50,,"
                            "4321,9002\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestActivityCsv)
#include "tst_activitycsv.moc"
