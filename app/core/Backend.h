#pragma once

#include "ApiJob.h"
#include "Environment.h"
#include "Provisioning.h"

#include <QObject>

class QNetworkAccessManager;

namespace tessera {

class ApiClient;
class Authenticator;
class BrokerSignIn;
class Credentials;
class CustomerState;
class CustomerTokenService;
class OidcSignIn;
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
    // The bank's provisioning file, when this build has one (main reads it at start): the
    // sign-in page says what is wrong with an unusable one, Settings shows it read-only. One
    // that names an identity provider brings the sign-in there (identitySignIn()).
    void setProvisioning(const Provisioning &provisioning);
    const Provisioning &provisioning() const { return m_provisioning; }
    // Support only (--support-sign-in): the sign-in page also takes an identity provider's
    // token pasted by hand. Off for customers.
    void setSupportSignIn(bool enabled) { m_supportSignIn = enabled; }
    bool supportSignIn() const { return m_supportSignIn; }
    ApiClient *api() const { return m_api; }
    ApiClient *tokenApi() const { return m_tokenApi; }
    CustomerTokenService *tokenService() const { return m_tokenService; }
    CustomerTokenService *stepUpService() const { return m_stepUpService; }
    // Environments with a token broker only (else null): sign-ins go through it.
    BrokerSignIn *brokerSignIn() const { return m_brokerSignIn; }
    // When the bank's provisioning names its identity provider (else null): the customer
    // signs in there in the browser, and the ID token it gives goes to the broker.
    OidcSignIn *identitySignIn() const { return m_identitySignIn; }
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
    // Where Unit's API is, when that is known only after the Backend is made: the demo's
    // sandbox listens once the keychain read is under way. Before the event loop runs.
    void setApiUrl(const QUrl &apiUrl);
    // Environments that mint with an org token but have none yet (Unit's sandbox) read it
    // from the keychain; orgTokenMissing() says what to do when it is not there.
    void loadOrgTokenFromKeychain();
    // What orgTokenMissing() last said, until an org token is set: for a page built later.
    QString orgTokenProblem() const { return m_orgTokenProblem; }

signals:
    void orgTokenMissing(const QString &message);

private:
    Environment m_environment;
    Provisioning m_provisioning;
    bool m_supportSignIn = false;
    QString m_orgTokenProblem;
    QNetworkAccessManager *m_network;
    ApiClient *m_api;
    ApiClient *m_tokenApi;
    CustomerTokenService *m_tokenService;
    CustomerTokenService *m_stepUpService;
    BrokerSignIn *m_brokerSignIn = nullptr;
    OidcSignIn *m_identitySignIn = nullptr;
    TokenStore *m_tokenStore;
    Session *m_session;
    Credentials *m_credentials;
    Authenticator *m_authenticator;
    CustomerState *m_customerState;
};

} // namespace tessera
