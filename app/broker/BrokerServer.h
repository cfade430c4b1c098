#pragma once

#include "BrokerConfig.h"

#include <QAbstractHttpServer>
#include <QUrl>

namespace tessera::broker {

// tessera-broker's socket adapter: takes HTTP requests from the app and answers them. For now
// it answers GET /healthz; the sign-in API joins it (see README, "Deploying for a bank").
class BrokerServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit BrokerServer(const BrokerConfig &config, QObject *parent = nullptr);
    ~BrokerServer() override;

    // Listens where the configuration says (port 0: any free port), with TLS when configured.
    // Returns the bound port, or 0 with a reason.
    quint16 start(QString *error);
    QUrl baseUrl() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    BrokerConfig m_config;
    quint16 m_port = 0;
};

} // namespace tessera::broker
