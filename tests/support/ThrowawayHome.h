#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace tessera::test {

// A home of its own for a real tessera process (settings, demo sandbox state, runtime
// directory with the single-instance socket), so it touches nothing of the user's or of other
// tests', and runs on the offscreen platform.
class ThrowawayHome
{
public:
    ThrowawayHome()
    {
        if (m_dir.isValid() && QDir(m_dir.path()).mkpath(QStringLiteral("run")))
            m_valid = QFile::setPermissions(runtimeDir(),
                                            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    bool isValid() const { return m_valid; }
    QString path() const { return m_dir.path(); }
    QString runtimeDir() const { return m_dir.filePath(QStringLiteral("run")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), path());
        // Not the machine's provisioning file: a plain build, whatever is installed here.
        environment.insert(QStringLiteral("TESSERA_PROVISIONING_FILE"),
                           m_dir.filePath(QStringLiteral("no-provisioning.conf")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           m_dir.filePath(QStringLiteral(".config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           m_dir.filePath(QStringLiteral(".local/share")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"),
                           m_dir.filePath(QStringLiteral(".cache")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false"));
        return environment;
    }

    // Starts tessera in the demo environment, its sandbox on any free loopback port, with
    // stdout and stderr merged.
    void startTessera(QProcess *process, const QString &program) const
    {
        process->setProcessEnvironment(environment());
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(program, {QStringLiteral("--environment"), QStringLiteral("demo"),
                                 QStringLiteral("--sandbox-port"), QStringLiteral("0")});
    }

private:
    QTemporaryDir m_dir;
    bool m_valid = false;
};

// Reads process's output into *output until it contains text, the process ends or timeoutMs
// pass. Blocks: for processes this test does not have to answer.
inline bool waitForOutput(QProcess *process, const QByteArray &text, QByteArray *output,
                          int timeoutMs = 20000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!output->contains(text)) {
        if (process->state() == QProcess::NotRunning && process->bytesAvailable() == 0)
            return false;
        if (deadline.hasExpired())
            return false;
        process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 200)));
        *output += process->readAll();
    }
    return true;
}

// Stops a child that outlived its test.
inline void stop(QProcess *process)
{
    if (process->state() == QProcess::NotRunning)
        return;
    process->kill();
    process->waitForFinished(5000);
}

} // namespace tessera::test
