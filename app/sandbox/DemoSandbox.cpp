#include "DemoSandbox.h"

#include "Logging.h"
#include "SandboxServer.h"
#include "TokenAuthority.h"

#include <QTcpServer>

namespace tessera::sandbox {

std::unique_ptr<DemoSandbox> DemoSandbox::start(quint16 port, const QString &stateFile)
{
    // The socket listens here, so the port is known without waiting for the new thread to be
    // scheduled, then moves to the sandbox's thread, where it is read. It accepts nothing
    // until the data is loaded.
    auto listener = std::make_unique<QTcpServer>();
    if (!listener->listen(QHostAddress::LocalHost, port)) {
        qCWarning(lcSandbox).noquote()
            << "cannot listen on 127.0.0.1 port" << port << listener->errorString();
        return nullptr;
    }
    listener->pauseAccepting();

    std::unique_ptr<DemoSandbox> demo(new DemoSandbox);
    demo->m_baseUrl = SandboxServer::baseUrlFor(QHostAddress::LocalHost, listener->serverPort());
    demo->m_orgToken = TokenAuthority::randomToken();
    demo->m_thread.setObjectName(QStringLiteral("demo sandbox"));
    demo->m_home = new QObject;
    demo->m_home->moveToThread(&demo->m_thread);
    listener->moveToThread(&demo->m_thread);
    // Qt's way to delete an object of a thread once its event loop has ended.
    connect(&demo->m_thread, &QThread::finished, demo->m_home, &QObject::deleteLater);

    // The first thing the thread does; everything queued for it later comes after.
    QMetaObject::invokeMethod(
        demo->m_home, [demo = demo.get(), listener = listener.release(), stateFile] {
            listener->setParent(demo->m_home);
            auto *server = new SandboxServer(demo->m_home); // loads the seed
            server->setOrgToken(demo->m_orgToken);
            if (!stateFile.isEmpty())
                server->setStateFile(stateFile);
            server->serve(listener);
            listener->resumeAccepting();
            demo->m_server = server;
            qCInfo(lcSandbox) << "demo sandbox ready: seed and saved state loaded";
        });
    demo->m_thread.start();
    return demo;
}

DemoSandbox::~DemoSandbox()
{
    // The server and its sockets close on their own thread, before the thread ends.
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_home, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

void DemoSandbox::forgetCustomer(const QString &customerId)
{
    QMetaObject::invokeMethod(m_home, [this, customerId] {
        if (m_server)
            m_server->forgetCustomer(customerId);
    });
}

} // namespace tessera::sandbox
