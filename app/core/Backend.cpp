#include "Backend.h"

#include "ApiClient.h"
#include "Authenticator.h"
#include "BrokerSignIn.h"
#include "Credentials.h"
#include "CustomerState.h"
#include "CustomerTokenService.h"
#include "JsonApiCodec.h"
#include "OidcSignIn.h"
#include "SecretRedactor.h"
#include "Session.h"
#include "TokenStore.h"
#include "VerificationLanguage.h"

#include <QNetworkAccessManager>
#include <QSettings>

namespace tessera {

namespace {

QString lastCustomerKey(const Environment &environment)
{
    return QStringLiteral("environments/%1/lastCustomerId").arg(environment.id());
}

} // namespace

Backend::Backend(const Environment &environment, const QString &orgToken, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_network(new QNetworkAccessManager(this))
    , m_api(new ApiClient(m_network, this))
    , m_tokenApi(new ApiClient(m_network, this))
    , m_tokenService(new CustomerTokenService(m_tokenApi, this))
    , m_stepUpService(new CustomerTokenService(m_api, this))
    , m_tokenStore(new TokenStore(this))
    , m_session(new Session(this))
    , m_credentials(new Credentials(m_session, this))
    , m_authenticator(new Authenticator(m_tokenService, m_stepUpService, m_tokenStore, m_session,
                                        m_credentials, this))
    , m_customerState(new CustomerState(this))
{
    // Every request ApiClient builds refuses redirects; the manager does too, for any other.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_api->setBaseUrl(environment.apiUrl);
    m_tokenApi->setBaseUrl(environment.tokenUrl());
    // Production never holds an org token: the broker authenticates the app its own way.
    if (environment.usesOrgToken()) {
        setOrgToken(orgToken);
    } else {
        m_brokerSignIn = new BrokerSignIn(m_tokenApi, this);
        m_authenticator->setBrokerSignIn(m_brokerSignIn);
    }
    m_authenticator->setEnvironmentId(environment.id());
    m_authenticator->setVerifiedLifetime(Authenticator::savedVerifiedMinutes() * 60);

    m_api->setBearerSource([credentials = m_credentials](const RequiredAccess &access) {
        return credentials->bearerFor(access);
    });
    connect(m_authenticator, &Authenticator::signedIn, this, [this] {
        // A restored sign-in is already the last one: setting the same value again would
        // rewrite the settings file, on the window's thread, while the first cards wait.
        QSettings settings;
        const QString key = lastCustomerKey(m_environment);
        if (settings.value(key).toString() != m_session->customerId())
            settings.setValue(key, m_session->customerId());
    });
    connect(m_authenticator, &Authenticator::signedOut, this, [this] {
        QSettings().remove(lastCustomerKey(m_environment));
        // The replies, and so the decoding of their documents, are on this object's thread.
        JsonApiCodec::forgetKeptDocuments();
    });
}

Backend::~Backend()
{
    // Replies still in flight abort when their client goes; that needs the network manager,
    // which as the first child would otherwise be deleted first.
    delete m_api;
    delete m_tokenApi;
}

void Backend::setProvisioning(const Provisioning &provisioning)
{
    m_provisioning = provisioning;
    if (m_identitySignIn || !m_brokerSignIn || !provisioning.identityProvider())
        return;
    m_identitySignIn = new OidcSignIn(m_network, this);
    // The ID token is good for one thing: the broker's exchange for a customer token, at once.
    connect(m_identitySignIn, &OidcSignIn::idTokenReceived, m_authenticator,
            [this](const QString &idToken) { m_authenticator->signInWithJwt(idToken); });
}

ApiJob *Backend::startJob(ApiJob::Request request, QObject *parent)
{
    auto *job = new ApiJob(m_authenticator, std::move(request), parent);
    job->start();
    return job;
}

QString Backend::lastCustomerId() const
{
    return QSettings().value(lastCustomerKey(m_environment)).toString();
}

void Backend::setUiLanguage(const QString &uiLanguage)
{
    const QString language = VerificationLanguage::forUiLanguage(uiLanguage);
    m_tokenService->setLanguage(language);
    m_stepUpService->setLanguage(language);
    if (m_brokerSignIn)
        m_brokerSignIn->setLanguage(language);
}

void Backend::setOrgToken(const QString &orgToken)
{
    if (!m_environment.usesOrgToken())
        return;
    SecretRedactor::remember(orgToken);
    m_tokenApi->setBearerToken(orgToken);
    m_orgTokenProblem.clear();
}

void Backend::setApiUrl(const QUrl &apiUrl)
{
    m_environment.apiUrl = apiUrl;
    m_api->setBaseUrl(apiUrl);
    m_tokenApi->setBaseUrl(m_environment.tokenUrl());
}

void Backend::loadOrgTokenFromKeychain()
{
    connect(
        m_tokenStore, &TokenStore::orgTokenRead, this,
        [this](TokenStore::Status status, const QString &orgToken) {
            if (status == TokenStore::Status::Ok) {
                setOrgToken(orgToken);
                return;
            }
            const QString reason = status == TokenStore::Status::NotFound
                                       ? tr("No org token for Unit's sandbox is saved.")
                                       : TokenStore::describe(status);
            m_orgTokenProblem =
                reason + QLatin1Char(' ') + tr("Open File › Settings to enter one.");
            emit orgTokenMissing(m_orgTokenProblem);
        },
        Qt::SingleShotConnection);
    m_tokenStore->readOrgToken(m_environment.id());
}

void Backend::restoreLastSignIn()
{
    m_authenticator->restore(lastCustomerId());
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_Backend.cpp"
