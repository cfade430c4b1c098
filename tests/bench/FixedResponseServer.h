#pragma once

// Qt only (no Tessera code), so the floor programs that use it stay minimal.

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHttpServerResponder>
#include <QTcpSocket>

namespace tessera::bench {

// Answers every request with the same bytes through the HTTP stack tessera-sandbox uses
// (QAbstractHttpServer), so a floor measured against it differs from the sandbox only in the
// sandbox's own work: routing, authentication, filtering, sorting and encoding.
class FixedResponseServer : public QAbstractHttpServer
{
public:
    explicit FixedResponseServer(QByteArray body, QObject *parent = nullptr)
        : QAbstractHttpServer(parent)
        , m_body(std::move(body))
    {}

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

} // namespace tessera::bench
