#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QUrl>

namespace tessera::test {

// An identity provider's jwks_uri on a free loopback port: serves the JWK Set it is given (a
// key rotation is a setJwks), or a redirect when told to, and counts the requests.
class JwksServer
{
public:
    JwksServer(); // listens at once; url() is empty when it could not
    QUrl url() const;
    void setJwks(const QByteArray &json) { m_jwks = json; }
    // Non-empty: every request is answered with 302 to `target` instead.
    void setRedirect(const QUrl &target) { m_redirect = target; }
    int requests() const { return m_requests; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QByteArray m_jwks;
    QUrl m_redirect;
    int m_requests = 0;
};

} // namespace tessera::test
