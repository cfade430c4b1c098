#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tessera::test {

// One of the project's servers (tessera-broker, tessera-sandbox) run as a real child process:
// it prints "... listening on URL" on stdout once it accepts connections. Everything it writes
// to stderr is kept, so tests can read its log and check that it holds no secret. Stopped by
// the destructor.
class ListeningProcess
{
public:
    // `logRules`: QT_LOGGING_RULES for the child, so a test reads its decisions whatever the
    // suite's own rules say.
    ListeningProcess(const QString &program, const QStringList &arguments, const QString &logRules);
    ~ListeningProcess();
    ListeningProcess(const ListeningProcess &) = delete;
    ListeningProcess &operator=(const ListeningProcess &) = delete;

    // True once it said it listens. False with a reason when it exited first or did not say so
    // within `timeoutMs`.
    [[nodiscard]] bool start(QString *error, int timeoutMs = 10000);
    // Waits for it to exit on its own (it refused its configuration); its exit code, or -1
    // when it is still running after `timeoutMs` or crashed.
    int waitForExit(int timeoutMs = 10000);

    QUrl baseUrl() const { return m_baseUrl; }
    qint64 processId() const { return m_process.processId(); }
    // Everything it wrote to stderr so far.
    QString log();

private:
    void collectLog();

    QString m_name;
    QProcess m_process;
    QByteArray m_stderr;
    bool m_started = false;
    QUrl m_baseUrl;
};

} // namespace tessera::test
