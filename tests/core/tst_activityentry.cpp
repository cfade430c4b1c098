#include "ActivityEntry.h"
#include "ActivityModel.h"

#include <QLocale>
#include <QTest>

using namespace tessera;

namespace {

Transaction transactionOf(TransactionKind kind, Direction direction, qint64 cents)
{
    Transaction t;
    t.id = QStringLiteral("1");
    t.kind = kind;
    t.typeName = transactionTypeName(kind);
    t.direction = direction;
    t.amount = cents;
    t.summary = QStringLiteral("Unit's summary");
    return t;
}

Authorization authorizationOf(AuthorizationStatus status, const QString &reason = {})
{
    Authorization a;
    a.id = QStringLiteral("2");
    a.amount = 4599;
    a.merchant.name = QStringLiteral("Corner Pharmacy");
    a.status = status;
    a.declineReason = reason;
    return a;
}

} // namespace

// What a row of activity says: who, what kind, how much, and its status, in plain words.
class TestActivityEntry : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void aSettledPurchaseNamesItsMerchantAndHasNoStatusText()
    {
        Transaction t = transactionOf(TransactionKind::Purchase, Direction::Debit, 1250);
        t.merchant = Merchant{QStringLiteral("Green Grocer"), 5411, {}, {}, {}};
        t.balance = 100000;
        const ActivityEntry entry{t};
        QCOMPARE(entry.counterparty(), QStringLiteral("Green Grocer"));
        QCOMPARE(entry.kindText(), QStringLiteral("Card purchase"));
        QCOMPARE(entry.status(), ActivityEntry::Status::Settled);
        QCOMPARE(entry.statusText(), QString());
        QCOMPARE(entry.signedAmount(), qint64(-1250));
        QCOMPARE(entry.balanceAfter(), std::optional<qint64>(100000));
    }

    void anAtmWithdrawalNamesTheAtm()
    {
        Transaction t = transactionOf(TransactionKind::Atm, Direction::Debit, 6000);
        t.atmName = QStringLiteral("Main St ATM");
        const ActivityEntry entry{t};
        QCOMPARE(entry.counterparty(), QStringLiteral("Main St ATM"));
        QCOMPARE(entry.kindText(), QStringLiteral("ATM withdrawal"));
    }

    void anAchDepositNamesTheCompanyThatPaid()
    {
        Transaction t = transactionOf(TransactionKind::ReceivedAch, Direction::Credit, 250000);
        t.counterpartyName = QStringLiteral("ACME PAYROLL");
        const ActivityEntry entry{t};
        QCOMPARE(entry.counterparty(), QStringLiteral("ACME PAYROLL"));
        QCOMPARE(entry.kindText(), QStringLiteral("Deposit (ACH)"));
        QCOMPARE(entry.signedAmount(), qint64(250000));
    }

    void aFeeWithNoCounterpartyShowsUnitsSummary()
    {
        const ActivityEntry entry{transactionOf(TransactionKind::Fee, Direction::Debit, 500)};
        QCOMPARE(entry.counterparty(), QStringLiteral("Unit's summary"));
        QCOMPARE(entry.kindText(), QStringLiteral("Fee"));
    }

    void anUnknownTypeShowsOther()
    {
        Transaction t = transactionOf(TransactionKind::Other, Direction::Credit, 100);
        t.typeName = QStringLiteral("rewardTransaction");
        QCOMPARE(ActivityEntry{t}.kindText(), QStringLiteral("Other"));
    }

    void aPendingAuthorizationIsMoneyOnHold()
    {
        const ActivityEntry entry{authorizationOf(AuthorizationStatus::Authorized)};
        QCOMPARE(entry.status(), ActivityEntry::Status::Pending);
        QCOMPARE(entry.statusText(), QStringLiteral("Pending"));
        QCOMPARE(entry.signedAmount(), qint64(-4599));
        QCOMPARE(entry.counterparty(), QStringLiteral("Corner Pharmacy"));
        QVERIFY(!entry.balanceAfter());
    }

    void aDeclinedAuthorizationShowsItsReason()
    {
        const ActivityEntry entry{
            authorizationOf(AuthorizationStatus::Declined, QStringLiteral("InsufficientFunds"))};
        QCOMPARE(entry.status(), ActivityEntry::Status::Declined);
        QCOMPARE(entry.statusText(), QStringLiteral("Declined: not enough money"));
    }

    void aReasonTesseraDoesNotKnowReadsDeclined()
    {
        QCOMPARE(ActivityEntry::declineReasonText(QStringLiteral("SomethingNew")),
                 QStringLiteral("Declined"));
        QCOMPARE(ActivityEntry::declineReasonText(QString()), QStringLiteral("Declined"));
    }

    void amountsCarryARealMinusOrAPlus()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(ActivityModel::amountText(-1250), QStringLiteral("\u2212$12.50"));
        QCOMPARE(ActivityModel::amountText(120000), QStringLiteral("+$1,200.00"));
    }
};

QTEST_GUILESS_MAIN(TestActivityEntry)
#include "tst_activityentry.moc"
