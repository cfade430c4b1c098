#pragma once

#include <QHostAddress>
#include <QTcpServer>
#include <QUrl>

namespace tessera::test {

// An http address on this computer where nothing listens (a port the system just handed out
// and took back): connecting is refused at once. Where a broker or Unit is out of reach.
inline QUrl closedLoopbackUrl()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return {};
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

} // namespace tessera::test
