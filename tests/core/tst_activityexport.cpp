#include "ActivityCsv.h"
#include "ActivityExport.h"
#include "ActivityModel.h"
#include "Backend.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "SignedInCardsFixture.h"
#include "SuiteSetup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

namespace {

constexpr QFileDevice::Permissions OthersAndGroup =
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// ActivityExport against the in-process sandbox's seeded history, signed in as Maya.
class TestActivityExport : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString pathFor(const QString &name) const { return m_dir.filePath(name); }

    // The CSV the activity list shows for `scope` and `filter`: every entry, as ActivityCsv
    // writes it.
    QByteArray csvOfTheList(const ActivityScope &scope, const ActivityFilter &filter, int *rows)
    {
        ActivityModel model(m_backend->api(), m_backend->authenticator());
        model.setPageSize(7);
        model.setFilter(filter);
        model.setScope(scope);
        QByteArray csv = ActivityCsv::header();
        for (int pages = 0; pages < 1000; ++pages) {
            if (!QTest::qWaitFor(
                    [&model] { return model.state() != ActivityModel::State::Loading; }, 10000) ||
                model.state() == ActivityModel::State::Error)
                return {};
            if (!model.canFetchMore())
                break;
            model.fetchMore();
        }
        for (int row = 0; row < model.rowCount(); ++row)
            csv += ActivityCsv::row(*model.entryAt(row));
        *rows = model.rowCount();
        return csv;
    }

    // Runs `exporter` until it finished, failed or was cancelled.
    static bool waitForEnd(ActivityExport &exporter)
    {
        return QTest::qWaitFor([&exporter] { return !exporter.isActive(); }, 20000);
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_activityexport")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start() != 0);
    }

    void init()
    {
        QVERIFY(m_sandbox.loadSeedFile(QStringLiteral(":/tessera/seed/demo-seed.json")));
        QVERIFY(signIn(test::seed::mayaThompson));
    }

    void cleanup()
    {
        signOutAndForget();
        QDir dir(m_dir.path());
        for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
            dir.remove(name);
    }

    void theFileHoldsTheActivityAsTheListShowsIt()
    {
        const ActivityScope scope = ActivityScope::forAccount(test::seed::mayaChecking);
        int rows = 0;
        const QByteArray expected = csvOfTheList(scope, {}, &rows);
        QVERIFY(rows > 0);

        ActivityExport exporter(m_backend->api(), m_backend->authenticator());
        QSignalSpy progress(&exporter, &ActivityExport::progress);
        QSignalSpy finished(&exporter, &ActivityExport::finished);
        exporter.start(scope, {}, pathFor(QStringLiteral("activity.csv")));
        QVERIFY(waitForEnd(exporter));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), rows);
        QCOMPARE(contentsOf(pathFor(QStringLiteral("activity.csv"))), expected);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().at(0).toInt(), rows);
        QCOMPARE(progress.constLast().at(1).toInt(), rows);
    }

    void aFilteredExportHoldsOnlyWhatTheFilterShows()
    {
        const ActivityScope scope = ActivityScope::forAccount(test::seed::mayaChecking);
        ActivityFilter filter;
        filter.direction = Direction::Credit;
        int rows = 0;
        const QByteArray expected = csvOfTheList(scope, filter, &rows);
        QVERIFY(rows > 0);
        ActivityExport exporter(m_backend->api(), m_backend->authenticator());
        exporter.start(scope, filter, pathFor(QStringLiteral("credits.csv")));
        QVERIFY(waitForEnd(exporter));
        QCOMPARE(contentsOf(pathFor(QStringLiteral("credits.csv"))), expected);
    }

    void theFileIsTheOwnersAloneEvenWhenItReplacesAnother()
    {
        const QString path = pathFor(QStringLiteral("shared.csv"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
        ActivityExport exporter(m_backend->api(), m_backend->authenticator());
        QSignalSpy finished(&exporter, &ActivityExport::finished);
        exporter.start(ActivityScope::forAccount(test::seed::mayaChecking), {}, path);
        QVERIFY(waitForEnd(exporter));
        QCOMPARE(finished.size(), 1);
        const QFileInfo saved(path);
        QVERIFY(saved.permissions().testFlag(QFileDevice::ReadOwner));
        QVERIFY(saved.permissions().testFlag(QFileDevice::WriteOwner));
        QCOMPARE(saved.permissions() & OthersAndGroup, QFileDevice::Permissions());
        QVERIFY(contentsOf(path).startsWith(ActivityCsv::header()));
    }

    void aCancelLeavesNoFile()
    {
        // The first page takes a while to come: the export is cancelled while it waits.
        QVERIFY(addFault(QStringLiteral("GET /transactions delay delay=2000 n=1")));
        ActivityExport exporter(m_backend->api(), m_backend->authenticator());
        QSignalSpy cancelled(&exporter, &ActivityExport::cancelled);
        QSignalSpy finished(&exporter, &ActivityExport::finished);
        const QString path = pathFor(QStringLiteral("cancelled.csv"));
        exporter.start(ActivityScope::forAccount(test::seed::mayaChecking), {}, path);
        QVERIFY(exporter.isActive());
        QTest::qWait(100);
        exporter.cancel();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!exporter.isActive());
        QTest::qWait(2500);
        QCOMPARE(finished.size(), 0);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    // The Bulk Demo account has 200 000 transactions: the export is stopped after its first
    // pages, with rows already written to the file being made.
    void aCancelHalfWayLeavesNoHalfFile()
    {
        signOutAndForget();
        QVERIFY(signIn(test::seed::bulkCustomer));
        const QString bulkChecking = QStringLiteral("200008");
        ActivityExport exporter(m_backend->api(), m_backend->authenticator());
        QSignalSpy cancelled(&exporter, &ActivityExport::cancelled);
        QSignalSpy finished(&exporter, &ActivityExport::finished);
        QList<QPair<int, int>> progress;
        connect(&exporter, &ActivityExport::progress, this, [&](int written, int total) {
            progress.append({written, total});
            if (progress.size() == 2)
                exporter.cancel();
        });
        const QString path = pathFor(QStringLiteral("bulk.csv"));
        exporter.start(ActivityScope::forAccount(bulkChecking), {}, path);
        QVERIFY(QTest::qWaitFor([&] { return !cancelled.isEmpty(); }, 60000));
        QCOMPARE(finished.size(), 0);
        QCOMPARE(progress.size(), 2);
        QVERIFY(progress.at(0).first >= ActivityExport::PageSize / 2);
        QVERIFY(progress.at(1).first > progress.at(0).first);
        // What the bank said there is: at least the account's 200 000 transactions.
        QVERIFY2(progress.at(1).second >= 200000 || progress.at(1).second == -1,
                 qPrintable(QString::number(progress.at(1).second)));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void aFailureLeavesTheFileThatWasThereAsItWas()
    {
        const QString path = pathFor(QStringLiteral("kept.csv"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("last month's export");
        old.close();
        QVERIFY(addFault(QStringLiteral("GET /transactions malformed-json n=1")));
        ActivityExport exporter(m_backend->api(), m_backend->authenticator());
        QSignalSpy failed(&exporter, &ActivityExport::failed);
        exporter.start(ActivityScope::forAccount(test::seed::mayaChecking), {}, path);
        QVERIFY(waitForEnd(exporter));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QCOMPARE(contentsOf(path), QByteArray("last month's export"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("kept.csv")});
    }

    void aPlaceNoFileCanBeMadeIsSaidInPlainWords()
    {
        // A "folder" that is a file: nothing can be made in it, not even by root.
        const QString notAFolder = pathFor(QStringLiteral("notes.txt"));
        QFile file(notAFolder);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        ActivityExport exporter(m_backend->api(), m_backend->authenticator());
        QSignalSpy failed(&exporter, &ActivityExport::failed);
        exporter.start(ActivityScope::forAccount(test::seed::mayaChecking), {},
                       notAFolder + QStringLiteral("/activity.csv"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!exporter.isActive());
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("notes.txt")});
    }
};

QTEST_MAIN(TestActivityExport)
#include "tst_activityexport.moc"
