#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CustomerState.h"
#include "DemoBackend.h"
#include "DemoSignIn.h"
#include "ReplyWaiting.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SandboxStore.h"
#include "SeedIds.h"
#include "Session.h"
#include "SuiteSetup.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using tessera::sandbox::SandboxServer;

// The customer core knows about, against the in-process sandbox: only the one signed in (or
// waiting for their code), read from the server at most once, gone when they sign out.
class TestCustomerState : public QObject
{
    Q_OBJECT

private:
    SandboxServer m_sandbox;
    std::unique_ptr<Backend> m_backend;

    // The seed's description of a customer, as the demo's customer list has it.
    Customer seedCustomer(const QString &id) { return *m_sandbox.api().store().customer(id); }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_customerstate")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
    }

    void init() { m_backend = test::makeDemoBackend(m_sandbox); }
    void cleanup() { m_backend.reset(); }

    void knowsNobodyBeforeASignIn()
    {
        CustomerState *state = m_backend->customerState();
        state->note(seedCustomer(test::seed::mayaThompson));
        QVERIFY(!state->customer());
        QCOMPARE(state->maskedPhone(test::seed::mayaThompson), QString());
    }

    // The code dialog of a sign-in names the phone of the customer the code goes to.
    void takesTheCustomerASignInIsWaitingFor()
    {
        CustomerState *state = m_backend->customerState();
        QSignalSpy changed(state, &CustomerState::customerChanged);
        m_backend->authenticator()->signIn(test::seed::danielOkafor);
        state->note(seedCustomer(test::seed::mayaThompson)); // not the one signing in
        QVERIFY(!state->customer());
        state->note(seedCustomer(test::seed::danielOkafor));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(state->maskedPhone(test::seed::danielOkafor), QStringLiteral("+1 ******0178"));
        QCOMPARE(state->maskedPhone(test::seed::mayaThompson), QString());
        m_backend->authenticator()->cancel();
    }

    // A business's code goes to its contact, not to the business's own phone; signing in as
    // an authorized user sends it to that user's phone.
    void aBusinessCodeGoesToItsContactUnlessAnAuthorizedUserIsNamed()
    {
        CustomerState *state = m_backend->customerState();
        const Customer business = seedCustomer(test::seed::northwindCoffee);
        QVERIFY(business.isBusiness());
        m_backend->authenticator()->signIn(business.id);
        state->note(business);
        QCOMPARE(state->maskedPhone(business.id), QStringLiteral("+1 ******0161"));
        m_backend->authenticator()->cancel();

        const Phone user = business.authorizedUsers.at(1).phone;
        m_backend->authenticator()->signIn(business.id, Authenticator::Channel::Sms, user);
        state->note(business);
        QCOMPARE(state->maskedPhone(business.id), QStringLiteral("+1 ******0188"));
        m_backend->authenticator()->cancel();
    }

    void loadsTheSignedInCustomerOnce()
    {
        QVERIFY(test::signInWithCode(m_backend->authenticator(), test::seed::mayaThompson));
        QStringList requests;
        auto *network = m_backend->findChild<QNetworkAccessManager *>();
        QVERIFY(network);
        connect(network, &QNetworkAccessManager::finished, this,
                [&requests](QNetworkReply *reply) { requests << reply->url().path(); });
        CustomerState *state = m_backend->customerState();
        QSignalSpy changed(state, &CustomerState::customerChanged);
        state->load();
        state->load(); // already on its way
        QVERIFY(changed.wait(5000));
        QCOMPARE(state->customer()->greetingName(), QStringLiteral("Maya"));
        QCOMPARE(state->maskedPhone(test::seed::mayaThompson), QStringLiteral("+1 ******0142"));
        state->load(); // known
        QTest::qWait(100);
        QCOMPARE(requests, QStringList{QStringLiteral("/customers/100001")});
        QCOMPARE(changed.count(), 1);
    }

    void signingOutForgetsTheCustomer()
    {
        QVERIFY(test::signInWithCode(m_backend->authenticator(), test::seed::mayaThompson));
        CustomerState *state = m_backend->customerState();
        state->note(seedCustomer(test::seed::mayaThompson));
        QVERIFY(state->customer());
        QSignalSpy changed(state, &CustomerState::customerChanged);
        m_backend->authenticator()->signOut();
        QCOMPARE(changed.count(), 1);
        QVERIFY(!state->customer());
        QCOMPARE(state->maskedPhone(test::seed::mayaThompson), QString());
    }

    // Another customer's session (a sign-in without signing out first) starts from nothing.
    void anotherCustomersSessionForgetsThePreviousOne()
    {
        QVERIFY(test::signInWithCode(m_backend->authenticator(), test::seed::mayaThompson));
        CustomerState *state = m_backend->customerState();
        state->note(seedCustomer(test::seed::mayaThompson));
        QVERIFY(test::signInWithCode(m_backend->authenticator(), test::seed::danielOkafor));
        QVERIFY(!state->customer());
    }
};

QTEST_GUILESS_MAIN(TestCustomerState)
#include "tst_customerstate.moc"
