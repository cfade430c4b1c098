#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "DemoSignIn.h"
#include "SandboxServer.h"
#include "Scopes.h"
#include "Session.h"
#include "TokenStore.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace tessera;
using tessera::sandbox::SandboxServer;

namespace {

QStringList g_messages;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_messages << QStringLiteral("%1: %2").arg(QLatin1String(context.category), message);
}

} // namespace

// The sign-in flow end to end: Backend + Authenticator against the in-process sandbox and the
// real Secret Service (./dev test runs this inside a throwaway gnome-keyring).
class TestAuthenticator : public QObject
{
    Q_OBJECT

private:
    SandboxServer m_sandbox;
    QString m_customerId;
    QString m_accountId;

    std::unique_ptr<Backend> makeBackend()
    {
        auto backend =
            std::make_unique<Backend>(Environment::demo(m_sandbox.baseUrl()), m_sandbox.orgToken());
        // A per-run environment keeps keychain entries of different runs apart.
        backend->authenticator()->setEnvironmentId(m_environmentId);
        return backend;
    }

    // Answers the code dialog's part: waits for the code to be sent, then submits.
    static bool waitForCodeSent(Authenticator *auth)
    {
        QSignalSpy sent(auth, &Authenticator::codeSent);
        return sent.wait(5000);
    }

    static bool signIn(Backend &backend, const QString &customerId)
    {
        return test::signInWithCode(backend.authenticator(), customerId);
    }

    static bool removeEntry(Backend &backend, const QString &customerId)
    {
        QSignalSpy removed(backend.tokenStore(), &TokenStore::removeFinished);
        backend.tokenStore()->remove(backend.authenticator()->environmentId(), customerId);
        return removed.wait(5000);
    }

    static bool finished(ApiReply *reply)
    {
        if (reply->isFinished())
            return true;
        QSignalSpy done(reply, &ApiReply::finished);
        return done.wait(5000);
    }

    QString m_environmentId;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_authenticator"));
        QVERIFY(m_sandbox.start() != 0);
        m_environmentId = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::Id128);

        ApiClient org(new QNetworkAccessManager(this));
        org.setBaseUrl(m_sandbox.baseUrl());
        org.setBearerToken(m_sandbox.orgToken());
        std::unique_ptr<ApiReply> reply(org.listAccounts());
        QSignalSpy done(reply.get(), &ApiReply::finished);
        QVERIFY(done.wait(5000));
        QVERIFY(!reply->hasError());
        for (const Account &account : reply->valueAs<AccountPage>().items) {
            if (account.status == AccountStatus::Open && account.isDeposit()) {
                m_customerId = account.customerId;
                m_accountId = account.id;
                break;
            }
        }
        QVERIFY(!m_customerId.isEmpty());
    }

    void wrongCodeThenRightCode()
    {
        auto backend = makeBackend();
        Authenticator *auth = backend->authenticator();
        QSignalSpy required(auth, &Authenticator::codeRequired);
        QSignalSpy rejected(auth, &Authenticator::codeRejected);
        QSignalSpy signedIn(auth, &Authenticator::signedIn);
        auth->signIn(m_customerId);
        QCOMPARE(required.count(), 1);
        QCOMPARE(required.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::SignIn);
        QVERIFY(waitForCodeSent(auth));

        auth->submitCode(QStringLiteral("999999"));
        QVERIFY(rejected.wait(5000));
        QVERIFY(!rejected.first().first().toString().isEmpty());
        QVERIFY(!backend->session()->isActive());
        QVERIFY(auth->isWaitingForCode());

        auth->submitCode(QStringLiteral("000 001"));
        QVERIFY(signedIn.wait(5000));
        QVERIFY(backend->session()->isActive());
        QCOMPARE(backend->session()->customerId(), m_customerId);
        QVERIFY(backend->session()->hasScopes(Scopes::signIn()));
        QVERIFY(!backend->session()->hasScopes({Scopes::CardsWrite}));
        QVERIFY(backend->api()->hasBearerToken());
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void resendKeepsOnlyTheNewestVerification()
    {
        // The sandbox invalidates older verifications, so the exchange only succeeds if the
        // service sends the newest one.
        auto backend = makeBackend();
        Authenticator *auth = backend->authenticator();
        QSignalSpy signedIn(auth, &Authenticator::signedIn);
        auth->signIn(m_customerId);
        QVERIFY(waitForCodeSent(auth));
        auth->resendCode(Authenticator::Channel::Call);
        QVERIFY(waitForCodeSent(auth));
        auth->submitCode(QStringLiteral("000001"));
        QVERIFY(signedIn.wait(5000));
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void secondStartRestoresFromTheKeychainWithoutACode()
    {
        {
            auto first = makeBackend();
            QVERIFY(signIn(*first, m_customerId));
            QSignalSpy written(first->tokenStore(), &TokenStore::writeFinished);
            QVERIFY(written.count() == 1 || written.wait(5000));
        }
        auto second = makeBackend();
        QSignalSpy required(second->authenticator(), &Authenticator::codeRequired);
        QSignalSpy restored(second->authenticator(), &Authenticator::restoreFinished);
        second->authenticator()->restore(m_customerId);
        QVERIFY(restored.wait(5000));
        QCOMPARE(restored.first().first().toBool(), true);
        QCOMPARE(required.count(), 0);
        QVERIFY(second->session()->hasScopes(Scopes::signIn()));

        // And the restored token works.
        std::unique_ptr<ApiReply> cards(second->api()->listCards());
        QSignalSpy done(cards.get(), &ApiReply::finished);
        QVERIFY(done.wait(5000));
        QVERIFY2(!cards->hasError(), qPrintable(cards->error().message()));

        // Sign-out removes the entry: the next start has nothing to restore.
        QSignalSpy removed(second->tokenStore(), &TokenStore::removeFinished);
        second->authenticator()->signOut();
        QVERIFY(removed.wait(5000));
        auto third = makeBackend();
        QSignalSpy restoredAgain(third->authenticator(), &Authenticator::restoreFinished);
        third->authenticator()->restore(m_customerId);
        QVERIFY(restoredAgain.wait(5000));
        QCOMPARE(restoredAgain.first().first().toBool(), false);
    }

    void expiredEntryIsRemovedAtStart()
    {
        auto backend = makeBackend();
        StoredToken old;
        old.customerId = m_customerId;
        old.token = QStringLiteral("v2.public.expired");
        old.scopes = Scopes::signIn();
        old.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-5);
        QSignalSpy written(backend->tokenStore(), &TokenStore::writeFinished);
        backend->tokenStore()->write(m_environmentId, old);
        QVERIFY(written.wait(5000));

        QSignalSpy restored(backend->authenticator(), &Authenticator::restoreFinished);
        QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
        backend->authenticator()->restore(m_customerId);
        QVERIFY(restored.wait(5000));
        QCOMPARE(restored.first().first().toBool(), false);
        QVERIFY(removed.count() == 1 || removed.wait(5000));
        QSignalSpy read(backend->tokenStore(), &TokenStore::readFinished);
        backend->tokenStore()->read(m_environmentId, m_customerId);
        QVERIFY(read.wait(5000));
        QCOMPARE(read.first().first().value<TokenStore::Status>(), TokenStore::Status::NotFound);
    }

    void stepUpResumesTheOperation()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        Authenticator *auth = backend->authenticator();
        QSignalSpy required(auth, &Authenticator::codeRequired);

        // The operation: create a virtual card, which needs cards-write.
        CreateCardRequest request;
        request.type = CardType::IndividualVirtualDebitCard;
        request.accountId = m_accountId;
        request.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        std::unique_ptr<ApiReply> created;
        bool cancelled = false;
        auth->requireScopes(
            {Scopes::CardsWrite}, [&] { created.reset(backend->api()->createCard(request)); },
            [&] { cancelled = true; });
        QCOMPARE(required.count(), 1);
        QCOMPARE(required.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::StepUp);
        QVERIFY(!created);
        QVERIFY(waitForCodeSent(auth));
        auth->submitCode(QStringLiteral("000001"));
        QTRY_VERIFY_WITH_TIMEOUT(created != nullptr, 5000);
        QVERIFY(finished(created.get()));
        QVERIFY2(!created->hasError(), qPrintable(created->error().message()));
        QVERIFY(!cancelled);
        // The new token holds the union of scopes.
        QVERIFY(backend->session()->hasScopes(Scopes::signIn()));
        QVERIFY(backend->session()->hasScopes({Scopes::CardsWrite}));

        // Already granted: runs at once, no second code.
        bool ranAgain = false;
        auth->requireScopes({Scopes::CardsWrite}, [&] { ranAgain = true; });
        QVERIFY(ranAgain);
        QCOMPARE(required.count(), 1);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void cancellingStepUpCancelsTheOperation()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        bool proceeded = false;
        bool cancelled = false;
        backend->authenticator()->requireScopes(
            {Scopes::CardsWrite}, [&] { proceeded = true; }, [&] { cancelled = true; });
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->authenticator()->cancel();
        QVERIFY(cancelled);
        QVERIFY(!proceeded);
        // The original sign-in is untouched.
        QVERIFY(backend->session()->hasScopes(Scopes::signIn()));
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void expiryMidSessionAsksForTheCodeAgain()
    {
        auto backend = makeBackend();
        backend->tokenService()->setExpiresIn(2);
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        QVERIFY(signIn(*backend, m_customerId));
        QCOMPARE(required.count(), 1);
        QVERIFY(required.wait(5000));
        QCOMPARE(required.last().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::Renew);
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->tokenService()->setExpiresIn(3600);
        QSignalSpy authenticated(backend->authenticator(), &Authenticator::authenticated);
        backend->authenticator()->submitCode(QStringLiteral("000001"));
        QVERIFY(authenticated.wait(5000));
        QVERIFY(backend->session()->hasScopes(Scopes::signIn()));
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void unauthorizedMidSessionRenewsAndRetries()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        // The server's clock jumps past the token's expiry: the next call gets 401.
        m_sandbox.setClockOffset(90000);
        std::unique_ptr<ApiReply> first(backend->api()->listCards());
        QSignalSpy done(first.get(), &ApiReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(first->error().httpStatus, 401);

        int retries = 0;
        std::unique_ptr<ApiReply> retried;
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        backend->authenticator()->handleUnauthorized([&] {
            ++retries;
            retried.reset(backend->api()->listCards());
        });
        QCOMPARE(required.count(), 1);
        QCOMPARE(required.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::Renew);
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->authenticator()->submitCode(QStringLiteral("000001"));
        QTRY_VERIFY_WITH_TIMEOUT(retried != nullptr, 5000);
        QVERIFY(finished(retried.get()));
        m_sandbox.setClockOffset(0);
        QVERIFY2(!retried->hasError(), qPrintable(retried->error().message()));
        QCOMPARE(retries, 1);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void signInWithJwt()
    {
        auto backend = makeBackend();
        std::unique_ptr<ApiReply> customerReply(backend->tokenApi()->getCustomer(m_customerId));
        QVERIFY(finished(customerReply.get()));
        const QString subject = customerReply->valueAs<Customer>().jwtSubject;
        QVERIFY(!subject.isEmpty());
        auto jwtFor = [](const QString &sub) {
            auto part = [](const QByteArray &json) {
                return json.toBase64(QByteArray::Base64UrlEncoding |
                                     QByteArray::OmitTrailingEquals);
            };
            return QString::fromLatin1(part(R"({"alg":"HS256","typ":"JWT"})") + '.' +
                                       part(R"({"sub":")" + sub.toUtf8() + R"("})") + '.' +
                                       part("signature"));
        };

        Authenticator *auth = backend->authenticator();
        QSignalSpy rejected(auth, &Authenticator::codeRejected);
        QSignalSpy required(auth, &Authenticator::codeRequired);
        auth->signInWithJwt(m_customerId, jwtFor(QStringLiteral("auth0|somebody-else")));
        QVERIFY(rejected.wait(5000));
        QVERIFY(!backend->session()->isActive());

        QSignalSpy signedIn(auth, &Authenticator::signedIn);
        auth->signInWithJwt(m_customerId, jwtFor(subject));
        QVERIFY(signedIn.wait(5000));
        QCOMPARE(required.count(), 0); // no code with a JWT
        QVERIFY(backend->session()->hasScopes(Scopes::signIn()));
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void brokerEnvironmentSignsInWithoutAnOrgToken()
    {
        // A production-like set-up: token calls go to the bank's broker, never with an org
        // token; the app's Backend must not even hold one.
        SandboxServer broker;
        broker.setBrokerMode(true);
        QVERIFY(broker.start() != 0);
        Backend backend(Environment::custom(broker.baseUrl(), broker.baseUrl()),
                        QStringLiteral("an-org-token-that-must-not-be-used"));
        backend.authenticator()->setEnvironmentId(m_environmentId);
        QVERIFY(!backend.tokenApi()->hasBearerToken());
        QVERIFY(signIn(backend, m_customerId));
        QVERIFY(backend.session()->hasScopes(Scopes::signIn()));
        std::unique_ptr<ApiReply> cards(backend.api()->listCards());
        QVERIFY(finished(cards.get()));
        QVERIFY2(!cards->hasError(), qPrintable(cards->error().message()));
        QVERIFY(removeEntry(backend, m_customerId));

        // Without broker mode the same server refuses token calls that carry no org token.
        broker.setBrokerMode(false);
        QSignalSpy failed(backend.authenticator(), &Authenticator::codeSendFailed);
        backend.authenticator()->signIn(m_customerId);
        QVERIFY(failed.wait(5000));
        backend.authenticator()->cancel();
    }

    void noSecretInLogsOrSettings()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("tessera.*=true\nqt.*=false"));
        g_messages.clear();
        QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        auto backend = makeBackend();
        const bool ok = signIn(*backend, m_customerId);
        QSignalSpy written(backend->tokenStore(), &TokenStore::writeFinished);
        if (ok && written.count() == 0)
            written.wait(5000);
        const QString token = backend->session()->token().token;
        bool cancelled = false;
        backend->authenticator()->requireScopes(
            {Scopes::CardsWrite}, [] {}, [&] { cancelled = true; });
        waitForCodeSent(backend->authenticator());
        backend->authenticator()->submitCode(QStringLiteral("000001"));
        QTest::qWait(300);
        const QString steppedUpToken = backend->session()->token().token;
        backend->authenticator()->signOut();
        QTest::qWait(300);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(ok);
        QVERIFY(!token.isEmpty());
        QVERIFY(g_messages.size() > 3); // the flow did log

        QSettings settings;
        settings.sync();
        QFile settingsFile(settings.fileName());
        QByteArray settingsText;
        if (settingsFile.open(QIODevice::ReadOnly))
            settingsText = settingsFile.readAll();

        const QStringList secrets = {token, steppedUpToken, m_sandbox.orgToken()};
        for (const QString &secret : secrets) {
            QVERIFY(!secret.isEmpty());
            for (const QString &line : std::as_const(g_messages))
                QVERIFY2(!line.contains(secret), "a token was logged");
            QVERIFY2(!settingsText.contains(secret.toUtf8()), "a token is in the settings file");
        }
        for (const QString &line : std::as_const(g_messages))
            QVERIFY2(!line.contains(QLatin1String("000001")), qPrintable(line));
        QVERIFY(!settingsText.contains("000001"));
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
