#include "SignedInCardsFixture.h"

#include "Authenticator.h"
#include "DemoSignIn.h"
#include "TokenStore.h"

#include <QUuid>

namespace tessera::test {

bool SignedInCardsFixture::signIn(const QString &customerId, const QUrl &baseUrl)
{
    m_model.reset();
    m_backend = std::make_unique<Backend>(
        Environment::demo(baseUrl.isEmpty() ? m_sandbox.baseUrl() : baseUrl), m_sandbox.orgToken());
    // Suites and runs that overlap in one keychain do not read each other's entries.
    m_backend->authenticator()->setEnvironmentId(QStringLiteral("test-") +
                                                 QUuid::createUuid().toString(QUuid::Id128));
    // Without a Secret Service the keychain write gives up soon instead of holding things up.
    m_backend->tokenStore()->setWatchdogInterval(3000);
    return signInWithCode(m_backend->authenticator(), customerId);
}

CardsModel *SignedInCardsFixture::createCardsModel()
{
    m_model = std::make_unique<CardsModel>(m_backend->api(), m_backend->authenticator());
    return m_model.get();
}

} // namespace tessera::test
