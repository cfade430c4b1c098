#pragma once

#include "ListeningProcess.h"

#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace tessera::test {

// The real tessera-sandbox executable as "Unit" for end-to-end tests: demo seed, a free
// loopback port, its org token generated into a file of its own (never on a command line or a
// terminal). Its log (info level: every token issued and by whom) is kept.
class SandboxProcess
{
public:
    SandboxProcess();

    [[nodiscard]] bool start(QString *error, int timeoutMs = 10000);
    QUrl baseUrl() const { return m_process.baseUrl(); }
    // The org token it wrote, once started (for a BrokerProcess).
    QString orgToken() const;
    QString log() { return m_process.log(); }

private:
    QTemporaryDir m_dir;
    ListeningProcess m_process;
};

} // namespace tessera::test
