#pragma once

// Qt only (no Tessera code), so the floor programs that use it stay minimal.

#include <cstdio>
#include <QAbstractHttpServer>
#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QHttpServerResponder>
#include <QTcpSocket>

namespace tessera::bench {

// Answers every request with the same bytes through the HTTP stack tessera-sandbox uses
// (QAbstractHttpServer), so a floor measured against it differs from the sandbox only in the
// sandbox's own work: routing, authentication, filtering, sorting and encoding.
class FixedResponseServer : public QAbstractHttpServer
{
public:
    explicit FixedResponseServer(QByteArray body = {}, QObject *parent = nullptr)
        : QAbstractHttpServer(parent)
        , m_body(std::move(body))
    {}

    void setBody(QByteArray body) { m_body = std::move(body); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // As tessera-sandbox does, or Nagle's algorithm would stall every kept-alive answer.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // The sandbox's Content-Type, so both answers have the same headers and size.
        makeResponder(request, socket)
            .write(m_body, {{"Content-Type", "application/vnd.api+json"}},
                   QHttpServerResponder::StatusCode::Ok);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Unreachable: handleRequest() answers everything.
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    QByteArray m_body;
};

// How both floor programs start: their one argument is BODY_FILE, whose bytes `server` then
// answers with on an ephemeral loopback port. Returns 0 and sets *port, or the exit code after
// saying why on stderr: 2 for a wrong command line, 1 for an unreadable file or no port.
inline int serveBodyFileArgument(FixedResponseServer *server, quint16 *port)
{
    const QStringList arguments = QCoreApplication::arguments();
    const QByteArray program = QCoreApplication::applicationName().toLocal8Bit();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: %s BODY_FILE\n", program.constData());
        return 2;
    }
    QFile file(arguments.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", program.constData(), qPrintable(file.errorString()));
        return 1;
    }
    server->setBody(file.readAll());
    *port = server->listen(QHostAddress::LocalHost, 0);
    return *port == 0 ? 1 : 0;
}

} // namespace tessera::bench
