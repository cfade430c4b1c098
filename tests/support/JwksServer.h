#pragma once

#include <atomic>
#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>

class QHttpServer;

namespace tessera::test {

// An identity provider's jwks_uri on a free loopback port: serves the JWK Set it is given (a
// key rotation is a setJwks), or a redirect when told to, and counts the requests. It answers
// from a thread of its own, so that a test blocked while a child process starts (BrokerProcess,
// SandboxProcess: they fetch their keys before they listen) is still answered.
class JwksServer
{
public:
    JwksServer(); // listens at once; url() is empty when it could not
    ~JwksServer();
    JwksServer(const JwksServer &) = delete;
    JwksServer &operator=(const JwksServer &) = delete;

    QUrl url() const;
    void setJwks(const QByteArray &json);
    // Valid: every request is answered with 302 to `target` instead.
    void setRedirect(const QUrl &target);
    int requests() const { return m_requests; }

private:
    QThread m_thread;
    QObject m_threadContext;         // lives in m_thread
    QHttpServer *m_server = nullptr; // created, used and deleted in m_thread
    quint16 m_port = 0;
    mutable QMutex m_mutex; // guards what follows: set here, read by m_thread
    QByteArray m_jwks;
    QUrl m_redirect;
    std::atomic<int> m_requests{0};
};

} // namespace tessera::test
