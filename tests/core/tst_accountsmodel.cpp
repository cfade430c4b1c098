#include "AccountsModel.h"
#include "Backend.h"
#include "Money.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SandboxStore.h"
#include "SeedIds.h"
#include "SignedInCardsFixture.h"
#include "SuiteSetup.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;

// AccountsModel against the in-process sandbox, signed in as a demo customer, every change of
// its rows checked by QAbstractItemModelTester.
class TestAccountsModel : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    std::unique_ptr<AccountsModel> m_accounts;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    AccountsModel *makeModel()
    {
        m_accounts = std::make_unique<AccountsModel>(m_backend->api(), m_backend->authenticator());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_accounts.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        return m_accounts.get();
    }

    // Reloads and waits for loaded() or failed(); true for loaded().
    static bool load(AccountsModel *model)
    {
        QSignalSpy loaded(model, &AccountsModel::loaded);
        QSignalSpy failed(model, &AccountsModel::failed);
        model->reload();
        if (!QTest::qWaitFor([&] { return loaded.size() + failed.size() > 0; }, 5000))
            return false;
        return loaded.size() == 1;
    }

    // The ids of the sandbox's accounts of `customerId`.
    QStringList accountIdsOf(const QString &customerId)
    {
        QStringList ids;
        for (const Account &account : m_sandbox.api().store().accounts()) {
            if (account.customerId == customerId)
                ids << account.id;
        }
        ids.sort();
        return ids;
    }

    static QStringList ids(const AccountsModel *model)
    {
        QStringList result;
        for (int row = 0; row < model->rowCount(); ++row)
            result << model->index(row).data(AccountsModel::AccountRole).value<Account>().id;
        result.sort();
        return result;
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_accountsmodel")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        QVERIFY(m_sandbox.loadSeedFile(QStringLiteral(":/tessera/seed/demo-seed.json")));
    }

    void cleanup()
    {
        m_tester.reset();
        m_accounts.reset();
        signOutAndForget();
    }

    void listsTheCustomersAccountsAndNoOneElses()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        AccountsModel *model = makeModel();
        QVERIFY(load(model));
        QCOMPARE(ids(model), accountIdsOf(test::seed::mayaThompson));
        QCOMPARE(model->rowCount(), 2);
    }

    void eachAccountShowsItsBalancesAsTheBankHasThem()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        AccountsModel *model = makeModel();
        QVERIFY(load(model));
        const int row = model->rowOf(test::seed::mayaChecking);
        QVERIFY(row >= 0);
        const Account &held = *m_sandbox.api().store().account(test::seed::mayaChecking);
        const QModelIndex index = model->index(row);
        QCOMPARE(index.data(AccountsModel::NameRole).toString(),
                 held.name + QStringLiteral(" ····") + held.accountNumber.right(4));
        QCOMPARE(index.data(AccountsModel::AvailableTextRole).toString(),
                 Money::format(held.available));
        QCOMPARE(index.data(AccountsModel::BalanceTextRole).toString(),
                 Money::format(held.balance));
        QCOMPARE(index.data(AccountsModel::HoldTextRole).toString(), Money::format(held.hold));
        QCOMPARE(index.data(AccountsModel::StatusTextRole).toString(), QStringLiteral("Open"));
        QCOMPARE(model->account(test::seed::mayaChecking)->available, held.available);
        QVERIFY(!model->account(test::seed::danielChecking));
    }

    void aClosedAccountSaysClosed()
    {
        QVERIFY(signIn(test::seed::danielOkafor));
        AccountsModel *model = makeModel();
        QVERIFY(load(model));
        const int row = model->rowOf(test::seed::danielClosedChecking);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row).data(AccountsModel::StatusTextRole).toString(),
                 QStringLiteral("Closed"));
    }

    void aFailedReloadSaysSoAndKeepsTheAccountsShown()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        AccountsModel *model = makeModel();
        QVERIFY(load(model));
        QVERIFY(addFault(QStringLiteral("GET /accounts malformed-json n=1")));
        QSignalSpy failed(model, &AccountsModel::failed);
        QVERIFY(!load(model));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY(!message.isEmpty());
        QVERIFY2(!message.contains(QLatin1String("JSON"), Qt::CaseInsensitive),
                 qPrintable(message));
        QCOMPARE(model->rowCount(), 2);
        // The fault fired once: the next reload comes through.
        QVERIFY(load(model));
        QCOMPARE(model->rowCount(), 2);
    }
};

QTEST_MAIN(TestAccountsModel)
#include "tst_accountsmodel.moc"
