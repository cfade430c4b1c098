#pragma once

#include "ListeningProcess.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace tessera::test {

// The real tessera-broker executable, as a bank runs it: the org token in a file of its own
// (mode 0600), a configuration file naming it and Unit's address (a SandboxServer of the
// test, or a SandboxProcess), listening on a free loopback port. Its log (info level) is kept.
class BrokerProcess
{
public:
    // `extraConfig`: INI lines appended to the configuration, e.g. {"[limits]", "startWindow=2"}.
    BrokerProcess(const QUrl &unitApiUrl, const QString &orgToken,
                  const QStringList &extraConfig = {});

    [[nodiscard]] bool start(QString *error, int timeoutMs = 10000)
    {
        return m_process.start(error, timeoutMs);
    }
    int waitForExit(int timeoutMs = 10000) { return m_process.waitForExit(timeoutMs); }
    QUrl baseUrl() const { return m_process.baseUrl(); }
    qint64 processId() const { return m_process.processId(); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("broker.conf")); }
    QString log() { return m_process.log(); }

private:
    // Written before the process is made: it is told where the files are.
    QTemporaryDir m_dir;
    bool m_written;
    ListeningProcess m_process;
};

} // namespace tessera::test
