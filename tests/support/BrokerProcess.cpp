#include "BrokerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

namespace tessera::test {

namespace {

bool writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // Narrowed before the secret is written, as a bank's credential file is.
    return file.setPermissions(permissions) && file.write(bytes) == bytes.size();
}

} // namespace

BrokerProcess::BrokerProcess(const QUrl &unitApiUrl, const QString &orgToken,
                             const QStringList &extraConfig)
{
    const QString tokenPath = m_dir.filePath(QStringLiteral("unit-org-token"));
    writeFile(tokenPath, orgToken.toUtf8() + '\n',
              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QStringList config =
        QStringList{QStringLiteral("[unit]"), QStringLiteral("apiUrl=") + unitApiUrl.toString(),
                    QStringLiteral("orgTokenFile=") + tokenPath} +
        extraConfig;
    writeFile(configPath(), config.join(QLatin1Char('\n')).toUtf8() + '\n',
              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // The broker's decisions are logged at info level: tests read them, whatever the suite's
    // own logging rules say.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("*.debug=false;tessera.broker.info=true"));
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(QStringLiteral(TESSERA_BROKER_EXECUTABLE));
    m_process.setArguments(
        {QStringLiteral("--config"), configPath(), QStringLiteral("--port"), QStringLiteral("0")});
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { collectLog(); });
}

BrokerProcess::~BrokerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool BrokerProcess::start(QString *error, int timeoutMs)
{
    m_started = true;
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("tessera-broker did not start: ") + m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(
        QStringLiteral("tessera-broker: listening on (\\S+)"));
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
            ? QStringLiteral("tessera-broker exited with %1: %2")
                  .arg(m_process.exitCode())
                  .arg(QString::fromUtf8(m_stderr))
            : QStringLiteral("tessera-broker did not say it listens within %1 ms").arg(timeoutMs);
    return false;
}

int BrokerProcess::waitForExit(int timeoutMs)
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

QString BrokerProcess::log()
{
    collectLog();
    return QString::fromUtf8(m_stderr);
}

void BrokerProcess::collectLog()
{
    m_stderr += m_process.readAllStandardError();
}

} // namespace tessera::test
