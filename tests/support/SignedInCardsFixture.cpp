#include "SignedInCardsFixture.h"

#include "Authenticator.h"
#include "DemoSignIn.h"
#include "FaultInjector.h"
#include "TokenStore.h"

#include <QDeadlineTimer>
#include <QTest>
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

bool SignedInCardsFixture::signInWithCards(const QString &customerId)
{
    if (!signIn(customerId))
        return false;
    createCardsModel()->reload();
    QDeadlineTimer deadline(5000);
    while (!(m_model->state() == CardsModel::State::Idle && m_model->rowCount() > 0) &&
           !deadline.hasExpired())
        QTest::qWait(10);
    return m_model->state() == CardsModel::State::Idle && m_model->rowCount() > 0;
}

void SignedInCardsFixture::signOutAndForget()
{
    m_sandbox.faults().clear();
    m_model.reset();
    if (m_backend)
        m_backend->authenticator()->signOut();
    m_backend.reset();
}

bool SignedInCardsFixture::addFault(const QString &spec)
{
    QString error;
    const auto rule = sandbox::FaultInjector::parseRule(spec, &error);
    if (!rule) {
        qWarning().noquote() << "fault rule" << spec << "does not parse:" << error;
        return false;
    }
    m_sandbox.faults().addRule(*rule);
    return true;
}

int SignedInCardsFixture::countOf(const QSignalSpy &received, const QByteArray &method,
                                  const QString &path)
{
    int count = 0;
    for (const QList<QVariant> &request : received) {
        if (request.at(0).toByteArray() == method && request.at(1).toString() == path)
            ++count;
    }
    return count;
}

} // namespace tessera::test
