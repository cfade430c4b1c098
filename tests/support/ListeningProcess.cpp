#include "ListeningProcess.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QRegularExpression>

namespace tessera::test {

ListeningProcess::ListeningProcess(const QString &program, const QStringList &arguments,
                                   const QString &logRules)
    : m_name(QFileInfo(program).fileName())
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), logRules);
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { collectLog(); });
}

ListeningProcess::~ListeningProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool ListeningProcess::start(QString *error, int timeoutMs)
{
    m_started = true;
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("%1 did not start: %2").arg(m_name, m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
    QByteArray stdoutText;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process.canReadLine() &&
            !m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            continue;
        }
        stdoutText += m_process.readLine();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(stdoutText));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
    }
    collectLog();
    *error =
        m_process.state() == QProcess::NotRunning
            ? QStringLiteral("%1 exited with %2: %3")
                  .arg(m_name)
                  .arg(m_process.exitCode())
                  .arg(QString::fromUtf8(m_stderr))
            : QStringLiteral("%1 did not say it listens within %2 ms").arg(m_name).arg(timeoutMs);
    return false;
}

int ListeningProcess::waitForExit(int timeoutMs)
{
    if (!m_started) {
        m_started = true;
        m_process.start();
    }
    if (!m_process.waitForFinished(timeoutMs) || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    collectLog();
    return m_process.exitCode();
}

QString ListeningProcess::log()
{
    collectLog();
    return QString::fromUtf8(m_stderr);
}

void ListeningProcess::collectLog()
{
    m_stderr += m_process.readAllStandardError();
}

} // namespace tessera::test
