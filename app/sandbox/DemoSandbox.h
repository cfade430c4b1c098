#pragma once

#include <memory>
#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

class QTcpServer;

namespace tessera::sandbox {

class SandboxServer;

// The demo environment's sandbox, served from a thread of its own. Its port and org token are
// known as soon as start() returns, while the seed and the saved state load on that thread:
// loading them (~30 ms with the Bulk Demo's 5 000 cards) overlaps the window's construction and
// the keychain read at start-up instead of coming before them, and the sandbox's answers never
// wait for the window to paint. A request that arrives before the data is loaded waits in the
// listening socket's backlog and is answered from the loaded data.
class DemoSandbox : public QObject
{
    Q_OBJECT
public:
    // Listens on 127.0.0.1:port (0: any free port) and starts loading. Null when the port
    // cannot be listened on. `stateFile`: see SandboxServer::setStateFile (empty: none).
    static std::unique_ptr<DemoSandbox> start(quint16 port, const QString &stateFile);
    // Closes the server on its thread, then ends the thread.
    ~DemoSandbox() override;

    QUrl baseUrl() const { return m_baseUrl; }
    QString orgToken() const { return m_orgToken; }

public slots:
    // SandboxServer::forgetCustomer, run on the sandbox's thread after everything queued before.
    void forgetCustomer(const QString &customerId);

private:
    DemoSandbox() = default;

    QThread m_thread;
    // Lives on m_thread and owns the listening socket, then the server: everything the sandbox
    // does runs there, queued in order behind the loading.
    QObject *m_home = nullptr;
    SandboxServer *m_server = nullptr; // touched only on m_thread
    QUrl m_baseUrl;
    QString m_orgToken;
};

} // namespace tessera::sandbox
