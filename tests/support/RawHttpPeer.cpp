#include "RawHttpPeer.h"

#include <QTcpSocket>

namespace tessera::test {

RawHttpPeer::RawHttpPeer(QByteArray response)
    : m_response(std::move(response))
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                m_received += socket->readAll();
                if (!m_response.isEmpty()) {
                    socket->write(m_response);
                    socket->disconnectFromHost();
                }
            });
        }
    });
    listen(QHostAddress::LocalHost, 0);
}

QByteArray httpResponse(int status, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) +
           " X\r\nContent-Type: application/vnd.api+json\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace tessera::test
