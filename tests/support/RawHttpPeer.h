#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QUrl>

namespace tessera::test {

// A loopback peer that answers every request with the same raw bytes (or never, when empty),
// for replies the sandbox would never send, and that keeps every byte it was sent (to check a
// request exactly as it went out).
class RawHttpPeer : public QTcpServer
{
public:
    explicit RawHttpPeer(QByteArray response);
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
    // Every byte the clients sent.
    QByteArray received() const { return m_received; }

private:
    QByteArray m_response;
    QByteArray m_received;
};

// A whole HTTP/1.1 answer with a JSON:API body, for RawHttpPeer.
QByteArray httpResponse(int status, const QByteArray &body);

} // namespace tessera::test
