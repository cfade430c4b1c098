#pragma once

#include "BrokerConfig.h"

#include <QAbstractHttpServer>
#include <QUrl>

namespace tessera::broker {

class SignInService;

// tessera-broker's socket adapter: takes HTTP requests from the app, has SignInRequestParser
// read them and SignInService answer them (README, "tessera-broker API"). Answers that wait for
// Unit are written when Unit answered, if the client is still connected.
class BrokerServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    BrokerServer(const BrokerConfig &config, SignInService *signIns, QObject *parent = nullptr);
    ~BrokerServer() override;

    // Listens where the configuration says (port 0: any free port), with TLS when configured.
    // Returns the bound port, or 0 with a reason.
    quint16 start(QString *error);
    QUrl baseUrl() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // The socket's peer; behind a proxy on loopback, the last X-Forwarded-For entry (the one
    // the proxy itself added).
    QByteArray clientAddress(const QHttpServerRequest &request, QTcpSocket *socket) const;

    BrokerConfig m_config;
    SignInService *m_signIns;
    quint16 m_port = 0;
};

} // namespace tessera::broker
