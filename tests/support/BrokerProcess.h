#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace tessera::test {

// The real tessera-broker executable, as a bank runs it: the org token in a file of its own
// (mode 0600), a configuration file naming it and Unit's address (a SandboxServer of the
// test), listening on a free loopback port. Keeps everything the broker writes to stderr, so
// tests can check its log holds no secret. Stopped by the destructor.
class BrokerProcess
{
public:
    // `extraConfig`: INI lines appended to the configuration, e.g. {"[limits]", "startWindow=2"}.
    BrokerProcess(const QUrl &unitApiUrl, const QString &orgToken,
                  const QStringList &extraConfig = {});
    ~BrokerProcess();
    BrokerProcess(const BrokerProcess &) = delete;
    BrokerProcess &operator=(const BrokerProcess &) = delete;

    // True once the broker said it listens. False with a reason when it exited first (see
    // exitCode() and log()) or did not start within `timeoutMs`.
    [[nodiscard]] bool start(QString *error, int timeoutMs = 10000);
    // Waits for the broker to exit on its own (it refused its configuration); its exit code,
    // or -1 when it is still running after `timeoutMs` or crashed.
    int waitForExit(int timeoutMs = 10000);

    QUrl baseUrl() const { return m_baseUrl; }
    qint64 processId() const { return m_process.processId(); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("broker.conf")); }
    // Everything the broker wrote to stderr so far.
    QString log();

private:
    void collectLog();

    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_stderr;
    bool m_started = false;
    QUrl m_baseUrl;
};

} // namespace tessera::test
