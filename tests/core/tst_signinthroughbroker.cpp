// The app's sign-in through the real tessera-broker process, with an in-process sandbox as
// "Unit": by phone number, a wrong code then the right one, the token kept in the keychain and
// restored without a code; a step-up afterwards goes to Unit with the customer's own token and
// never through the broker; a broker that is down or limits is said in plain words.

#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "BrokerProcess.h"
#include "BrokerSignIn.h"
#include "ClosedPort.h"
#include "MessageCapture.h"
#include "SandboxServer.h"
#include "Scopes.h"
#include "SeedIds.h"
#include "Session.h"
#include "SignInIdentifier.h"
#include "SuiteSetup.h"
#include "TokenStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::test::BrokerProcess;

namespace {
// Maya Thompson's phone in the demo seed, as a person types it.
const QString MayasPhone = QStringLiteral("(415) 555-0142");
} // namespace

class TestSignInThroughBroker : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_unit;
    std::unique_ptr<BrokerProcess> m_broker;

    bool startBroker(const QUrl &unitUrl, const QStringList &extraConfig = {})
    {
        m_broker = std::make_unique<BrokerProcess>(unitUrl, m_unit->orgToken(), extraConfig);
        QString error;
        if (!m_broker->start(&error)) {
            qWarning().noquote() << error;
            return false;
        }
        return true;
    }

    // The app as a bank's customer runs it: Unit's API (the sandbox) and the bank's broker.
    std::unique_ptr<Backend> makeBackend(const QUrl &brokerUrl)
    {
        return std::make_unique<Backend>(Environment::custom(m_unit->baseUrl(), brokerUrl),
                                         QString());
    }

    static SignInIdentifier identifier(const QString &typed)
    {
        return SignInIdentifier::parse(typed).value_or(SignInIdentifier());
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_signinthroughbroker")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
    }

    void init()
    {
        m_unit = std::make_unique<SandboxServer>();
        QVERIFY(m_unit->start() != 0);
        QVERIFY(startBroker(m_unit->baseUrl()));
    }

    void cleanup()
    {
        m_broker.reset();
        m_unit.reset();
    }

    void signsInByPhoneWithAWrongThenTheRightCodeAndRestoresWithoutOne()
    {
        QString customerId;
        {
            auto backend = makeBackend(m_broker->baseUrl());
            QVERIFY(!backend->tokenApi()->hasBearerToken()); // no org token on the desktop
            Authenticator *auth = backend->authenticator();
            QSignalSpy sent(auth, &Authenticator::codeSent);
            QSignalSpy rejected(auth, &Authenticator::codeRejected);
            QSignalSpy signedIn(auth, &Authenticator::signedIn);
            QSignalSpy written(backend->tokenStore(), &TokenStore::writeFinished);
            auth->signIn(identifier(MayasPhone));
            QVERIFY(sent.wait(10000));
            QVERIFY(auth->isWaitingForCode());

            auth->submitCode(QStringLiteral("000002"));
            QVERIFY(rejected.wait(10000));
            const QString said = rejected.first().first().toString();
            QVERIFY2(said.startsWith(QStringLiteral("That code is not right. Check it and try "
                                                    "again. 4 attempt")),
                     qPrintable(said));
            QVERIFY(auth->isWaitingForCode());

            auth->submitCode(QStringLiteral("000001"));
            QVERIFY(signedIn.wait(10000));
            QCOMPARE(backend->session()->customerId(), test::seed::mayaThompson);
            QVERIFY(backend->session()->hasScopes(Scopes::signIn()));
            QVERIFY(!Scopes::anyNeedsTwoFactor(backend->session()->scopes()));
            QCOMPARE(backend->session()->token().signInIdentifier, identifier(MayasPhone));
            QVERIFY(written.count() > 0 || written.wait(10000));
            QCOMPARE(written.first().first().value<TokenStore::Status>(), TokenStore::Status::Ok);
            QCOMPARE(backend->lastCustomerId(), test::seed::mayaThompson);
            customerId = backend->lastCustomerId();
        }

        // A relaunch: the keychain's token, no code and no word to the broker.
        const QString brokerLog = m_broker->log();
        auto backend = makeBackend(m_broker->baseUrl());
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        QSignalSpy restored(backend->authenticator(), &Authenticator::restoreFinished);
        backend->restoreLastSignIn();
        QVERIFY(restored.wait(10000));
        QVERIFY(restored.first().first().toBool());
        QCOMPARE(backend->session()->customerId(), customerId);
        QCOMPARE(required.count(), 0);
        QCOMPARE(m_broker->log(), brokerLog);
        backend->authenticator()->signOut();
    }

    // A 2FA step-up asks Unit itself, with the customer's own token: the broker hears nothing.
    void aStepUpGoesToUnitWithTheCustomersTokenNeverTheBroker()
    {
        auto backend = makeBackend(m_broker->baseUrl());
        Authenticator *auth = backend->authenticator();
        QSignalSpy sent(auth, &Authenticator::codeSent);
        QSignalSpy signedIn(auth, &Authenticator::signedIn);
        auth->signIn(identifier(QStringLiteral("maya.thompson@example.com")));
        QVERIFY(sent.wait(10000));
        auth->submitCode(QStringLiteral("000001"));
        QVERIFY(signedIn.wait(10000));

        const QString brokerLog = m_broker->log();
        QSignalSpy received(m_unit.get(), &SandboxServer::requestReceived);
        QSignalSpy required(auth, &Authenticator::codeRequired);
        test::MessageCapture capture;
        bool ready = false;
        QObject context;
        auth->authorize(
            {{Scopes::CardsWrite}, TokenResource::account(test::seed::mayaChecking)}, &context,
            [&ready] { ready = true; }, [](const ApiError &) {});
        QVERIFY(sent.wait(10000));
        QCOMPARE(required.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::StepUp);
        auth->submitCode(QStringLiteral("000001"));
        QVERIFY(QTest::qWaitFor([&ready] { return ready; }, 10000));
        capture.stop();

        QStringList paths;
        for (const QList<QVariant> &request : received)
            paths << request.at(1).toString();
        QCOMPARE(paths, QStringList({QStringLiteral("/customers/100001/token/verification"),
                                     QStringLiteral("/customers/100001/token")}));
        const QString logged = capture.messages().join(QLatin1Char('\n'));
        QVERIFY2(logged.contains(QStringLiteral("by a customer token")), qPrintable(logged));
        QVERIFY(!logged.contains(QStringLiteral("by the org token")));
        QCOMPARE(m_broker->log(), brokerLog);
        auth->signOut();
    }

    // Nothing listens at the broker's address: the kind of failure and plain words for it.
    void aBrokerThatIsDownIsSaidInPlainWords()
    {
        auto backend = makeBackend(test::closedLoopbackUrl());
        Authenticator *auth = backend->authenticator();
        QSignalSpy unavailable(auth, &Authenticator::signInServiceUnavailable);
        QSignalSpy notSent(auth, &Authenticator::codeNotSent);
        QSignalSpy failed(backend->brokerSignIn(), &BrokerSignIn::startFailed);
        auth->signIn(identifier(MayasPhone));
        QVERIFY(notSent.wait(10000));
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Network);
        QCOMPARE(unavailable.count(), 1);
        QCOMPARE(unavailable.first().at(1).toString(),
                 QStringLiteral("Your bank's sign-in service cannot be reached. Check your "
                                "internet connection and try again."));
        QVERIFY(!auth->isWaitingForCode());
    }

    // The broker answers but cannot reach Unit: a 503, the same for anybody.
    void aBrokerWithoutUnitIsSaidInPlainWords()
    {
        QVERIFY(startBroker(test::closedLoopbackUrl()));
        auto backend = makeBackend(m_broker->baseUrl());
        Authenticator *auth = backend->authenticator();
        QSignalSpy unavailable(auth, &Authenticator::signInServiceUnavailable);
        QSignalSpy failed(backend->brokerSignIn(), &BrokerSignIn::startFailed);
        auth->signIn(identifier(MayasPhone));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<ApiError>().httpStatus, 503);
        QCOMPARE(unavailable.count(), 1);
        QVERIFY(unavailable.first().at(1).toString().contains(QStringLiteral("not working")));
    }

    // Over the broker's limit: how long to wait, from its Retry-After.
    void aLimitSaysHowLongToWait()
    {
        QVERIFY(startBroker(m_unit->baseUrl(),
                            {QStringLiteral("[limits]"), QStringLiteral("startsPerIdentifier=1"),
                             QStringLiteral("startWindow=240")}));
        auto backend = makeBackend(m_broker->baseUrl());
        Authenticator *auth = backend->authenticator();
        QSignalSpy sent(auth, &Authenticator::codeSent);
        QSignalSpy sendFailed(auth, &Authenticator::codeSendFailed);
        auth->signIn(identifier(MayasPhone));
        QVERIFY(sent.wait(10000));
        auth->resendCode(Authenticator::Channel::Sms); // a new sign-in for the same phone
        QVERIFY(sendFailed.wait(10000));
        const QString said = sendFailed.first().first().toString();
        QVERIFY2(said.startsWith(QStringLiteral("Too many attempts. Try again in 4 minute")),
                 qPrintable(said));
        auth->cancel();
    }
};

QTEST_GUILESS_MAIN(TestSignInThroughBroker)
#include "tst_signinthroughbroker.moc"
