#pragma once

#include "ListeningProcess.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace tessera::test {

// The real tessera-sandbox executable as "Unit" for end-to-end tests: demo seed, a free
// loopback port, its org token generated into a file of its own (never on a command line or a
// terminal). Its log (info level: every token issued and by whom) is kept.
class SandboxProcess
{
public:
    // `extraArguments`: more options, e.g. {"--jwks", url, "--jwt-issuer", issuer}.
    explicit SandboxProcess(const QStringList &extraArguments = {});

    [[nodiscard]] bool start(QString *error, int timeoutMs = 10000);
    // Its exit code once it exited on its own (it refused its options); -1 if still running.
    int waitForExit(int timeoutMs = 10000) { return m_process.waitForExit(timeoutMs); }
    QUrl baseUrl() const { return m_process.baseUrl(); }
    // The org token it wrote, once started (for a BrokerProcess).
    QString orgToken() const;
    QString log() { return m_process.log(); }

private:
    QTemporaryDir m_dir;
    ListeningProcess m_process;
};

} // namespace tessera::test
