#include "CustomerState.h"

#include "ApiClient.h"
#include "ApiJob.h"
#include "Authenticator.h"
#include "Backend.h"
#include "Logging.h"
#include "Session.h"

namespace tessera {

CustomerState::CustomerState(Backend *backend)
    : QObject(backend)
    , m_backend(backend)
{
    Session *session = backend->session();
    connect(session, &Session::ended, this, &CustomerState::forget);
    // Renewing or unlocking begins the same customer's session again: what we know still holds.
    connect(session, &Session::began, this, [this, session] {
        if (m_customer && m_customer->id != session->customerId())
            forget();
    });
}

QString CustomerState::maskedPhone(const QString &customerId) const
{
    // An authorized user of a business gets the codes of the session they signed in to.
    const Phone named = m_backend->authenticator()->codeRecipient(customerId);
    if (!named.isEmpty())
        return named.masked();
    if (!m_customer || m_customer->id != customerId || m_customer->codePhone().isEmpty())
        return {};
    return m_customer->codePhone().masked();
}

void CustomerState::note(const Customer &customer)
{
    const QString signedIn = m_backend->session()->customerId();
    const QString pending = m_backend->authenticator()->pendingCustomerId();
    if (customer.id.isEmpty() || (customer.id != signedIn && customer.id != pending))
        return;
    m_customer = customer;
    emit customerChanged();
}

void CustomerState::load()
{
    const QString customerId = m_backend->session()->customerId();
    if (customerId.isEmpty() || m_loading || (m_customer && m_customer->id == customerId))
        return;
    ApiClient *api = m_backend->api();
    ApiJob *job =
        m_backend->startJob([api, customerId] { return api->getCustomer(customerId); }, this);
    m_loading = job;
    connect(job, &ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->hasError()) {
            qCInfo(lcApi).noquote()
                << "the signed-in customer could not be read:" << job->error().message();
            return;
        }
        note(job->valueAs<Customer>());
    });
}

void CustomerState::forget()
{
    delete m_loading; // an answer about the customer who left means nothing now
    if (!m_customer)
        return;
    m_customer.reset();
    emit customerChanged();
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_CustomerState.cpp"
