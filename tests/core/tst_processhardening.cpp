#include "ProcessHardening.h"
#include "ThrowawayHome.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using tessera::ProcessHardening;
using namespace tessera::test;

namespace {

// The soft and hard "Max core file size" of a process, as anyone can read them in
// /proc/<pid>/limits.
QStringList coreFileSizeLimits(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    // readAll(): a file in /proc has no size, so atEnd() holds before the first read.
    const QStringList lines = QString::fromLatin1(limits.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Max core file size")))
            return line.simplified().split(QLatin1Char(' ')).mid(4, 2);
    }
    return {};
}

// The files in a non-dumpable process's /proc/<pid> (but for the directory) belong to root, so
// the user's other processes cannot read its memory, environment or open files (nor attach a
// debugger). From outside that shows only when this test is not root itself; the in-process
// test below covers the rest.
void verifyNotDumpable(qint64 pid)
{
    if (geteuid() == 0) {
        qInfo("running as root: /proc/%lld/environ is root's either way", pid);
        return;
    }
    QCOMPARE(QFileInfo(QStringLiteral("/proc/%1/environ").arg(pid)).ownerId(), 0u);
}

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A child inherits this process's core file size limit; a hard limit of 0 here would
        // let the executables below pass without hardening themselves.
        rlimit own{};
        QCOMPARE(getrlimit(RLIMIT_CORE, &own), 0);
        QVERIFY2(own.rlim_max != 0, "the hard core limit is 0 already; run without ulimit -Hc 0");
    }

    void sandboxExecutableRunsWithoutCoreDumps()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess sandbox;
        const auto stopSandbox = qScopeGuard([&sandbox] { stop(&sandbox); });
        sandbox.setProcessChannelMode(QProcess::MergedChannels);
        // The org token goes to a file, not to this test's output.
        sandbox.start(QStringLiteral(TESSERA_SANDBOX_EXECUTABLE),
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("--org-token-file"),
                       dir.filePath(QStringLiteral("org-token"))});
        QByteArray output;
        QVERIFY2(waitForOutput(&sandbox, "listening on", &output), output.constData());

        QCOMPARE(coreFileSizeLimits(sandbox.processId()),
                 QStringList({QStringLiteral("0"), QStringLiteral("0")}));
        verifyNotDumpable(sandbox.processId());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(sandbox.state(), QProcess::Running);
    }

    void tesseraRunsWithoutCoreDumps()
    {
        ThrowawayHome home;
        QVERIFY(home.isValid());
        QProcess tessera;
        const auto stopTessera = qScopeGuard([&tessera] { stop(&tessera); });
        home.startTessera(&tessera, QStringLiteral(TESSERA_EXECUTABLE));
        QByteArray output;
        QVERIFY2(waitForOutput(&tessera, "demo sandbox listening on", &output), output.constData());

        QCOMPARE(coreFileSizeLimits(tessera.processId()),
                 QStringList({QStringLiteral("0"), QStringLiteral("0")}));
        verifyNotDumpable(tessera.processId());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(tessera.state(), QProcess::Running);
    }

    // Last: it hardens this test process, whose limits the children above would inherit.
    void applyLeavesTheProcessNonDumpableWithACoreLimitOfZero()
    {
        QVERIFY(ProcessHardening::apply());

        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
        rlimit core{};
        QCOMPARE(getrlimit(RLIMIT_CORE, &core), 0);
        QCOMPARE(core.rlim_cur, rlim_t(0));
        QCOMPARE(core.rlim_max, rlim_t(0));
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_processhardening.moc"
