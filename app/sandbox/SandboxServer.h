#pragma once

#include "FaultInjector.h"
#include "Jwks.h"

#include <memory>
#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tessera::sandbox {

class SandboxApi;

// A local HTTP server that speaks Unit's API faithfully enough for Tessera to be developed,
// demonstrated and tested without network access or Unit credentials. This class is only the
// socket adapter: SandboxApi answers each request.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SandboxServer(QObject *parent = nullptr); // loads the built-in demo seed
    ~SandboxServer() override;

    bool loadSeed(const QByteArray &json, QString *error = nullptr); // replaces all data
    bool loadSeedFile(const QString &path, QString *error = nullptr);

    // 0 = ephemeral; returns the bound port, or 0 when listening failed.
    quint16 start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    // Serves on a socket that already listens (bound before the seed loaded, see DemoSandbox),
    // taking it over.
    void serve(QTcpServer *listening);
    QUrl baseUrl() const; // e.g. http://127.0.0.1:PORT
    // The base URL of a server listening on `address`: a wildcard one is reached through
    // loopback from this machine.
    static QUrl baseUrlFor(const QHostAddress &address, quint16 port);

    // Random per instance unless set; never a constant in the code.
    QString orgToken() const;
    void setOrgToken(const QString &token);
    void setTwoFactorScopes(const QStringList &scopes);
    // The org's identity provider for JWT sign-in (Unit's dashboard setting): the keys of its
    // JWK Set and its issuer. Without one every jwtToken is refused, as Unit refuses them.
    void setIdentityProvider(const Jwks &keys, const QString &issuer);
    // Shifts the server's "now" so tests can expire tokens without sleeping.
    void setClockOffset(qint64 seconds);
    int cardCount() const;
    // The one-time code the sandbox accepts (Unit's sandbox: always 000001).
    void setVerificationCode(const QString &code);

    // Keeps the demo's changes (cards created or changed, unexpired sign-ins, held only as
    // token fingerprints) in this file: loaded now, saved after every successful POST. False
    // when an existing file could not be used; the seed alone is served then.
    bool setStateFile(const QString &path, QString *error = nullptr);
    // For when the app signs a customer out of the in-process demo sandbox: every token and
    // pending verification of theirs stops working, and the state file is written again
    // without their token fingerprints.
    void forgetCustomer(const QString &customerId);

    SandboxApi &api() { return *m_api; }
    // Faults to inject into matching requests (see FaultInjector); empty by default.
    FaultInjector &faults() { return m_faults; }

signals:
    // Every request that arrived, before any fault or answer: tests count what a client sent.
    void requestReceived(const QByteArray &method, const QString &path);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    std::unique_ptr<SandboxApi> m_api;
    void saveState();

    QString m_stateFile;
    FaultInjector m_faults;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace tessera::sandbox
