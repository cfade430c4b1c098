#include "SingleInstance.h"
#include "ThrowawayHome.h"

#include <memory>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <vector>

using tessera::SingleInstance;
using namespace tessera::test;

namespace {

// A key no real instance and no other test uses.
QString uniqueKey()
{
    return QStringLiteral("tst_singleinstance-") + QUuid::createUuid().toString(QUuid::Id128);
}

// Stops a launch still running when its test ends, passed or not.
struct Stop
{
    void operator()(QProcess *process) const
    {
        stop(process);
        delete process;
    }
};
using Launch = std::unique_ptr<QProcess, Stop>;

// Another launch through SingleInstance in a process of its own; its stdout says what it became.
Launch launchHelper(const QString &key, bool stay = false)
{
    Launch helper(new QProcess);
    QStringList arguments{key};
    if (stay)
        arguments << QStringLiteral("--stay");
    helper->start(QStringLiteral(SINGLEINSTANCE_HELPER), arguments);
    return helper;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_runtime;

private slots:
    void initTestCase()
    {
        // The sockets (and any a killed helper leaves) go to a runtime directory of this test.
        QVERIFY(m_runtime.isValid());
        QVERIFY(QFile::setPermissions(m_runtime.path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void socketIsInTheUsersRuntimeDirectory_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("desktop file name") << QStringLiteral("io.github.tessera_banking.Tessera")
                                           << QStringLiteral("io.github.tessera_banking.Tessera");
        QTest::newRow("slash and space") << QStringLiteral("a/b c") << QStringLiteral("a_b_c");
        QTest::newRow("letters, digits, dash")
            << QStringLiteral("Az-09") << QStringLiteral("Az-09");
        QTest::newRow("not ASCII") << QStringLiteral("caf\u00e9\U0001F600")
                                   << QStringLiteral("caf__"); // é, 😀 (two UTF-16 units)
        QTest::newRow("path tricks") << QStringLiteral("../x\\y:z") << QStringLiteral(".._x_y_z");
    }

    void socketIsInTheUsersRuntimeDirectory()
    {
        QFETCH(QString, key);
        QFETCH(QString, fileName);
        QCOMPARE(SingleInstance::serverName(key),
                 m_runtime.path() + QLatin1Char('/') + fileName + QStringLiteral(".instance"));
    }

    void firstLaunchBecomesPrimary()
    {
        const QString key = uniqueKey();
        SingleInstance instance;
        QVERIFY(instance.tryBecomePrimary(key));
        QVERIFY(QFile::exists(SingleInstance::serverName(key)));
    }

    void laterLaunchInAnotherProcessAsksThePrimaryToComeToTheFront()
    {
        const QString key = uniqueKey();
        SingleInstance primary;
        QVERIFY(primary.tryBecomePrimary(key));
        QSignalSpy activations(&primary, &SingleInstance::activationRequested);

        const auto later = launchHelper(key);
        QTRY_COMPARE_WITH_TIMEOUT(later->state(), QProcess::NotRunning, 10000);
        QCOMPARE(later->exitStatus(), QProcess::NormalExit);
        QCOMPARE(later->exitCode(), 0);
        QCOMPARE(later->readAllStandardOutput(), QByteArray("secondary\n"));
        QTRY_COMPARE(activations.count(), 1);
    }

    void connectionWithoutTheRequestActivatesNothing()
    {
        const QString key = uniqueKey();
        SingleInstance primary;
        QVERIFY(primary.tryBecomePrimary(key));
        QSignalSpy activations(&primary, &SingleInstance::activationRequested);

        QLocalSocket stranger;
        stranger.connectToServer(SingleInstance::serverName(key));
        QVERIFY(stranger.waitForConnected(3000));
        stranger.write("show me your tokens\n");
        QTRY_COMPARE(stranger.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(activations.count(), 0);
    }

    void socketLeftByACrashedPrimaryIsTakenOver()
    {
        const QString key = uniqueKey();
        const auto crashed = launchHelper(key, true);
        QVERIFY(crashed->waitForReadyRead(10000));
        QCOMPARE(crashed->readAllStandardOutput(), QByteArray("primary\n"));
        crashed->kill(); // SIGKILL: the socket file stays behind
        QVERIFY(crashed->waitForFinished(5000));
        QVERIFY(QFile::exists(SingleInstance::serverName(key)));

        SingleInstance next;
        QVERIFY(next.tryBecomePrimary(key));
        QSignalSpy activations(&next, &SingleInstance::activationRequested);
        const auto later = launchHelper(key);
        QTRY_COMPARE_WITH_TIMEOUT(later->state(), QProcess::NotRunning, 10000);
        QCOMPARE(later->readAllStandardOutput(), QByteArray("secondary\n"));
        QTRY_COMPARE(activations.count(), 1);
    }

    void primaryThatQuitLeavesTheNextLaunchToBecomePrimary()
    {
        const QString key = uniqueKey();
        {
            SingleInstance first;
            QVERIFY(first.tryBecomePrimary(key));
        }
        QVERIFY(!QFile::exists(SingleInstance::serverName(key)));
        const auto next = launchHelper(key);
        QVERIFY(next->waitForFinished(10000));
        QCOMPARE(next->readAllStandardOutput(), QByteArray("primary\n"));
    }

    void launchesAtTheSameTimeYieldOnePrimary()
    {
        const QString key = uniqueKey();
        std::vector<Launch> launches;
        for (int i = 0; i < 4; ++i)
            launches.push_back(launchHelper(key, true));
        // The primary stays; every other launch ends once it has reached the primary.
        QProcess *primary = nullptr;
        for (const auto &launch : launches) {
            if (!launch->canReadLine())
                QVERIFY(launch->waitForReadyRead(10000));
            const QByteArray role = launch->readLine();
            if (role == "primary\n") {
                QVERIFY2(!primary, "two primaries");
                primary = launch.get();
            } else {
                QCOMPARE(role, QByteArray("secondary\n"));
                QVERIFY(launch->waitForFinished(10000));
                QCOMPARE(launch->exitCode(), 0);
            }
        }
        QVERIFY(primary);
        QByteArray activations = primary->readAll(); // what came with its role
        while (activations.count("activated\n") < 3 && primary->waitForReadyRead(10000))
            activations += primary->readAllStandardOutput();
        QCOMPARE(activations.count("activated\n"), 3);
    }

    void secondLaunchOfTesseraBringsTheFirstToTheFrontAndExitsZero()
    {
        ThrowawayHome home;
        QVERIFY(home.isValid());
        QProcess first;
        const auto stopFirst = qScopeGuard([&first] { stop(&first); });
        home.startTessera(&first, QStringLiteral(TESSERA_EXECUTABLE));
        QByteArray firstOutput;
        QVERIFY2(waitForOutput(&first, "demo sandbox listening on", &firstOutput),
                 firstOutput.constData());

        QProcess second;
        const auto stopSecond = qScopeGuard([&second] { stop(&second); });
        home.startTessera(&second, QStringLiteral(TESSERA_EXECUTABLE));
        QVERIFY(second.waitForFinished(10000));
        const QByteArray secondOutput = second.readAll();
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QVERIFY2(second.exitCode() == 0, secondOutput.constData());
        QVERIFY2(secondOutput.contains("already running"), secondOutput.constData());
        QVERIFY2(!secondOutput.contains("demo sandbox listening on"), secondOutput.constData());

        QVERIFY2(
            waitForOutput(&first, "asked this instance to come to the front", &firstOutput, 10000),
            firstOutput.constData());
        QCOMPARE(first.state(), QProcess::Running);
    }

    void versionAnswersWhileTesseraRuns()
    {
        ThrowawayHome home;
        QVERIFY(home.isValid());
        QProcess running;
        const auto stopRunning = qScopeGuard([&running] { stop(&running); });
        home.startTessera(&running, QStringLiteral(TESSERA_EXECUTABLE));
        QByteArray output;
        QVERIFY2(waitForOutput(&running, "demo sandbox listening on", &output), output.constData());

        QProcess version;
        const auto stopVersion = qScopeGuard([&version] { stop(&version); });
        version.setProcessEnvironment(home.environment());
        version.start(QStringLiteral(TESSERA_EXECUTABLE), {QStringLiteral("--version")});
        QVERIFY(version.waitForFinished(10000));
        QCOMPARE(version.exitCode(), 0);
        QVERIFY(version.readAllStandardOutput().startsWith("Tessera "));
        QCOMPARE(running.state(), QProcess::Running);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
