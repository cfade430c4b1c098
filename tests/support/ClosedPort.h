#pragma once

#include <QHostAddress>
#include <QTcpServer>
#include <QUrl>

namespace tessera::test {

// A port on 127.0.0.1 where nothing listens now: one the system just handed out and took back
// (0 if it handed out none). For a server that cannot be asked for "any free port" and say
// which (redis-server, glewlwyd): start it there, and try again if someone took it first.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// An http address on this computer where nothing listens: connecting is refused at once.
// Where a broker or Unit is out of reach.
inline QUrl closedLoopbackUrl()
{
    const quint16 port = freeLoopbackPort();
    if (port == 0)
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

} // namespace tessera::test
