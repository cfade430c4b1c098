#pragma once

#include "ApiJob.h"
#include "Environment.h"

#include <QObject>

class QNetworkAccessManager;

namespace tessera {

class ApiClient;
class Authenticator;
class Credentials;
class CustomerState;
class CustomerTokenService;
class Session;
class TokenStore;

// Everything Tessera needs to act for a customer in one environment, wired together: the API
// client for customer calls (its bearer picked per call by Credentials), the token client (org
// token or token broker) and its sign-in token service, the step-up token service (Unit with
// the customer's own token), the keychain store, the session and the authenticator.
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
    CustomerTokenService *stepUpService() const { return m_stepUpService; }
    Credentials *credentials() const { return m_credentials; }
    TokenStore *tokenStore() const { return m_tokenStore; }
    Session *session() const { return m_session; }
    Authenticator *authenticator() const { return m_authenticator; }
    CustomerState *customerState() const { return m_customerState; }

    // Starts an operation on the customer's behalf through the authenticator (ApiJob): the
    // caller connects to finished() and sees success, an error or Cancelled, never a 401.
    // `parent` owns the job; deleting it stops the operation silently.
    ApiJob *startJob(ApiJob::Request request, QObject *parent);

    // The customer who signed in last in this environment (not a secret; kept in QSettings).
    QString lastCustomerId() const;
    // Restores the last customer's session from the keychain, if it is still valid.
    void restoreLastSignIn();

    // The language the user interface speaks ("es", "pt_BR"): one-time codes come in it when
    // Unit has it (VerificationLanguage), else in Unit's default.
    void setUiLanguage(const QString &uiLanguage);

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
    CustomerTokenService *m_stepUpService;
    TokenStore *m_tokenStore;
    Session *m_session;
    Credentials *m_credentials;
    Authenticator *m_authenticator;
    CustomerState *m_customerState;
};

} // namespace tessera
