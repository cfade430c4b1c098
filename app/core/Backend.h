#pragma once

#include "Environment.h"

#include <QObject>

class QNetworkAccessManager;

namespace tessera {

class ApiClient;
class Authenticator;
class CustomerTokenService;
class Session;
class TokenStore;

// Everything Tessera needs to act for a customer in one environment, wired together: the API
// client for customer calls (its bearer follows the session), the token client (org token or
// token broker), the token service, the keychain store, the session and the authenticator.
class Backend : public QObject
{
    Q_OBJECT
public:
    // orgToken: only for environments that mint with one (Demo, Unit sandbox); kept in memory.
    Backend(const Environment &environment, const QString &orgToken, QObject *parent = nullptr);
    ~Backend() override;

    const Environment &environment() const { return m_environment; }
    ApiClient *api() const { return m_api; }
    ApiClient *tokenApi() const { return m_tokenApi; }
    CustomerTokenService *tokenService() const { return m_tokenService; }
    TokenStore *tokenStore() const { return m_tokenStore; }
    Session *session() const { return m_session; }
    Authenticator *authenticator() const { return m_authenticator; }

    // The customer who signed in last in this environment (not a secret; kept in QSettings).
    QString lastCustomerId() const;
    // Restores the last customer's session from the keychain, if it is still valid.
    void restoreLastSignIn();

    void setOrgToken(const QString &orgToken);
    // Environments that mint with an org token but have none yet (Unit's sandbox) read it
    // from the keychain; orgTokenMissing() says what to do when it is not there.
    void loadOrgTokenFromKeychain();

signals:
    void orgTokenMissing(const QString &message);

private:
    Environment m_environment;
    QNetworkAccessManager *m_network;
    ApiClient *m_api;
    ApiClient *m_tokenApi;
    CustomerTokenService *m_tokenService;
    TokenStore *m_tokenStore;
    Session *m_session;
    Authenticator *m_authenticator;
};

} // namespace tessera
