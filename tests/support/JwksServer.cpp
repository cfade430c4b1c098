#include "JwksServer.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QMutexLocker>

namespace tessera::test {

JwksServer::JwksServer()
{
    m_thread.start();
    m_threadContext.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &m_threadContext,
        [this] {
            m_server = new QHttpServer;
            m_server->route(QStringLiteral("/jwks.json"), [this] {
                ++m_requests;
                const QMutexLocker lock(&m_mutex);
                if (m_redirect.isValid()) {
                    QHttpServerResponse response(QHttpServerResponse::StatusCode::Found);
                    response.addHeader("Location", m_redirect.toEncoded());
                    return response;
                }
                return QHttpServerResponse("application/jwk-set+json", m_jwks);
            });
            m_port = m_server->listen(QHostAddress::LocalHost, 0);
        },
        Qt::BlockingQueuedConnection);
}

JwksServer::~JwksServer()
{
    QMetaObject::invokeMethod(
        &m_threadContext, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl JwksServer::url() const
{
    if (m_port == 0)
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1/jwks.json").arg(m_port));
}

void JwksServer::setJwks(const QByteArray &json)
{
    const QMutexLocker lock(&m_mutex);
    m_jwks = json;
}

void JwksServer::setRedirect(const QUrl &target)
{
    const QMutexLocker lock(&m_mutex);
    m_redirect = target;
}

} // namespace tessera::test
