#include "Backend.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "SignedInCardsFixture.h"
#include "StatementsModel.h"
#include "SuiteSetup.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;

// StatementsModel against the in-process sandbox, signed in as Maya, every change of its rows
// checked by QAbstractItemModelTester.
class TestStatementsModel : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    std::unique_ptr<StatementsModel> m_statements;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    StatementsModel *makeModel()
    {
        m_statements =
            std::make_unique<StatementsModel>(m_backend->api(), m_backend->authenticator());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_statements.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        return m_statements.get();
    }

    static bool load(StatementsModel *model)
    {
        QSignalSpy loaded(model, &StatementsModel::loaded);
        QSignalSpy failed(model, &StatementsModel::failed);
        model->reload();
        return QTest::qWaitFor([&] { return loaded.size() + failed.size() > 0; }, 10000) &&
               loaded.size() == 1;
    }

    static QStringList periods(const StatementsModel *model)
    {
        QStringList result;
        for (int row = 0; row < model->rowCount(); ++row)
            result << model->statementAt(row)->period;
        return result;
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_statementsmodel")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
    }

    void init()
    {
        QVERIFY(m_sandbox.loadSeedFile(QStringLiteral(":/tessera/seed/demo-seed.json")));
        QVERIFY(signIn(test::seed::mayaThompson));
    }

    void cleanup()
    {
        m_tester.reset();
        m_statements.reset();
        signOutAndForget();
        QLocale::setDefault(QLocale::c());
    }

    void anAccountsStatementsAreListedNewestFirst()
    {
        StatementsModel *model = makeModel();
        model->setAccountId(test::seed::mayaChecking);
        QVERIFY(load(model));
        QVERIFY(model->rowCount() > 1);
        const QStringList shown = periods(model);
        for (int row = 0; row < model->rowCount(); ++row) {
            const Statement statement =
                model->index(row).data(StatementsModel::StatementRole).value<Statement>();
            QCOMPARE(statement.accountId, test::seed::mayaChecking);
            QVERIFY(statement.periodStart().isValid());
            if (row > 0)
                QVERIFY2(shown.at(row - 1) > shown.at(row), qPrintable(shown.join(u' ')));
        }
    }

    void anotherAccountShowsOnlyItsOwnStatements()
    {
        StatementsModel *model = makeModel();
        model->setAccountId(test::seed::mayaChecking);
        QVERIFY(load(model));
        model->setAccountId(test::seed::mayaSavings);
        QCOMPARE(model->rowCount(), 0); // the checking account's are gone at once
        QVERIFY(load(model));
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->statementAt(row)->accountId, test::seed::mayaSavings);
    }

    void aFailedReloadSaysSoInPlainWords()
    {
        StatementsModel *model = makeModel();
        model->setAccountId(test::seed::mayaChecking);
        QVERIFY(addFault(QStringLiteral("GET /statements malformed-json n=1")));
        QSignalSpy failed(model, &StatementsModel::failed);
        QVERIFY(!load(model));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QVERIFY(load(model));
        QVERIFY(model->rowCount() > 0);
    }

    void thePeriodIsTheMonthInTheUsersLanguage()
    {
        Statement statement;
        statement.period = QStringLiteral("2026-10");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(StatementsModel::periodText(statement), QStringLiteral("October 2026"));
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        QCOMPARE(StatementsModel::periodText(statement), QStringLiteral("octubre 2026"));
        statement.period = QStringLiteral("Q3-2026"); // not a month: shown as Unit sent it
        QCOMPARE(StatementsModel::periodText(statement), QStringLiteral("Q3-2026"));
    }
};

QTEST_MAIN(TestStatementsModel)
#include "tst_statementsmodel.moc"
