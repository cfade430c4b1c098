#include "JwksServer.h"

#include <QHttpServerResponse>

namespace tessera::test {

JwksServer::JwksServer()
{
    m_server.route(QStringLiteral("/jwks.json"), [this] {
        ++m_requests;
        if (m_redirect.isValid()) {
            QHttpServerResponse response(QHttpServerResponse::StatusCode::Found);
            response.addHeader("Location", m_redirect.toEncoded());
            return response;
        }
        return QHttpServerResponse("application/jwk-set+json", m_jwks);
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl JwksServer::url() const
{
    if (m_port == 0)
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1/jwks.json").arg(m_port));
}

} // namespace tessera::test
