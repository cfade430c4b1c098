#include "ApiClient.h"
#include "ApiJob.h"
#include "Authenticator.h"
#include "Backend.h"
#include "Credentials.h"
#include "DemoBackend.h"
#include "DemoSignIn.h"
#include "FaultInjector.h"
#include "MessageCapture.h"
#include "ReplyWaiting.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "Scopes.h"
#include "SeedIds.h"
#include "Session.h"
#include "SuiteSetup.h"
#include "TestSigningKey.h"
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

// The sign-in flow end to end: Backend + Authenticator against the in-process sandbox and the
// real Secret Service (./dev test runs this inside a throwaway gnome-keyring).
class TestAuthenticator : public QObject
{
    Q_OBJECT

private:
    SandboxServer m_sandbox;
    QString m_customerId;
    QString m_accountId;
    QStringList m_cardIds; // two active virtual cards of the customer

    std::unique_ptr<Backend> makeBackend()
    {
        auto backend = test::makeDemoBackend(m_sandbox);
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

    // Signs in and waits until the keychain holds the sign-in token, as the next start finds it.
    static bool signInRemembered(Backend &backend, const QString &customerId)
    {
        QSignalSpy written(backend.tokenStore(), &TokenStore::writeFinished);
        return signIn(backend, customerId) && (written.count() == 1 || written.wait(5000));
    }

    static bool removeEntry(Backend &backend, const QString &customerId)
    {
        QSignalSpy removed(backend.tokenStore(), &TokenStore::removeFinished);
        backend.tokenStore()->remove(backend.authenticator()->environmentId(), customerId);
        return removed.wait(5000);
    }

    static bool finished(ApiReply *reply) { return test::waitForFinished(reply); }

    QString m_environmentId;

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_authenticator")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
        m_environmentId = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::Id128);

        ApiClient org(new QNetworkAccessManager(this));
        org.setBaseUrl(m_sandbox.baseUrl());
        org.setBearerToken(m_sandbox.orgToken());
        std::unique_ptr<ApiReply> reply(org.listAccounts());
        QVERIFY(test::waitForFinished(reply.get()));
        QVERIFY(!reply->hasError());
        for (const Account &account : reply->valueAs<AccountPage>().items) {
            if (account.status == AccountStatus::Open && account.isDeposit()) {
                m_customerId = account.customerId;
                m_accountId = account.id;
                break;
            }
        }
        QVERIFY(!m_customerId.isEmpty());
        for (int i = 0; i < 2; ++i) {
            CreateCardRequest create;
            create.type = CardType::IndividualVirtualDebitCard;
            create.accountId = m_accountId;
            std::unique_ptr<ApiReply> card(org.createCard(create));
            QVERIFY(test::waitForFinished(card.get()));
            QVERIFY2(!card->hasError(), qPrintable(card->error().message()));
            m_cardIds << card->valueAs<Card>().id;
        }
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
        QCOMPARE(rejected.first().first().toString(),
                 QStringLiteral("That code is not right. Check it and try again."));
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
            QVERIFY(signInRemembered(*first, m_customerId));
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
        QVERIFY(test::waitForFinished(cards.get()));
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

    // A 2FA action as the UI runs it: an ApiJob that freezes or unfreezes a card.
    static std::unique_ptr<ApiJob> startCardAction(Backend &backend, const QString &cardId,
                                                   CardAction action)
    {
        ApiClient *api = backend.api();
        return std::unique_ptr<ApiJob>(backend.startJob(
            [api, cardId, action] { return api->applyCardAction(cardId, action); }, nullptr));
    }

    static bool finished(ApiJob *job) { return test::waitForFinished(job); }

    // Reads this customer's keychain entry as the next start would.
    std::optional<StoredToken> keychainEntry(Backend &backend)
    {
        QSignalSpy read(backend.tokenStore(), &TokenStore::readFinished);
        backend.tokenStore()->read(m_environmentId, m_customerId);
        if (!read.wait(5000) ||
            read.first().first().value<TokenStore::Status>() != TokenStore::Status::Ok)
            return std::nullopt;
        return read.first().at(1).value<StoredToken>();
    }

    // Gets a verified token for a new card on `accountId` (what the wizard's step-up asks
    // for), entering the code; true once it is there.
    static bool stepUpOnAccount(Backend &backend, const QString &accountId)
    {
        Authenticator *auth = backend.authenticator();
        QSignalSpy sent(auth, &Authenticator::codeSent);
        bool ready = false;
        QObject context;
        auth->authorize(
            {{Scopes::CardsWrite}, TokenResource::account(accountId)}, &context,
            [&ready] { ready = true; }, [](const ApiError &) {});
        if (!sent.wait(5000))
            return false;
        auth->submitCode(QStringLiteral("000001"));
        return QTest::qWaitFor([&ready] { return ready; }, 5000);
    }

    // Freezes (or unfreezes) `cardId`, entering the code when one is asked for; returns how
    // many codes were asked.
    int toggleCard(Backend &backend, const QString &cardId, CardAction action)
    {
        Authenticator *auth = backend.authenticator();
        QSignalSpy required(auth, &Authenticator::codeRequired);
        QSignalSpy sent(auth, &Authenticator::codeSent);
        auto job = startCardAction(backend, cardId, action);
        QTest::qWait(50);
        if (required.count() > 0) {
            if (!(sent.count() > 0 || sent.wait(5000)))
                return -1;
            auth->submitCode(QStringLiteral("000001"));
        }
        if (!finished(job.get()) || job->hasError()) {
            qWarning() << "card action failed:" << job->error().message();
            return -1;
        }
        return int(required.count());
    }

    void signInTokenCarriesNoTwoFactorScopeButMayUpgrade()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        QCOMPARE(backend->session()->scopes(), Scopes::signIn());
        QVERIFY(!Scopes::anyNeedsTwoFactor(backend->session()->scopes()));
        QVERIFY(backend->session()->hasScopes({Scopes::CustomerTokenWrite}));
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void stepUpMintsAVerifiedTokenThatNeverReachesTheKeychain()
    {
        auto backend = makeBackend();
        QVERIFY(signInRemembered(*backend, m_customerId));
        const std::optional<StoredToken> before = keychainEntry(*backend);
        QVERIFY(before);

        Authenticator *auth = backend->authenticator();
        QSignalSpy required(auth, &Authenticator::codeRequired);
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze), 1);
        QCOMPARE(required.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::StepUp);
        QCOMPARE(backend->credentials()->verifiedCount(), 1);

        // The keychain still holds the sign-in token alone: no 2FA scope, the same expiry.
        QTest::qWait(200);
        const std::optional<StoredToken> after = keychainEntry(*backend);
        QVERIFY(after);
        QVERIFY(!Scopes::anyNeedsTwoFactor(after->scopes));
        QCOMPARE(after->expiresAt, before->expiresAt);
        QVERIFY(after->token == before->token);
        QCOMPARE(backend->session()->scopes(), Scopes::signIn());

        // The same card again within the verified token's life: no second code.
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Unfreeze), 0);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void anotherCardAsksForItsOwnCode()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze), 1);
        QCOMPARE(toggleCard(*backend, m_cardIds.at(1), CardAction::Freeze), 1);
        QCOMPARE(backend->credentials()->verifiedCount(), 2);
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Unfreeze), 0);
        QCOMPARE(toggleCard(*backend, m_cardIds.at(1), CardAction::Unfreeze), 0);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void verifiedTokenIsRestrictedToItsCardAtTheServer()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze), 1);
        const QString verified = backend->credentials()->bearerFor(
            {{Scopes::CardsWrite}, TokenResource::card(m_cardIds.at(0))});
        QVERIFY(!verified.isEmpty());
        QVERIFY(backend->credentials()
                    ->bearerFor({{Scopes::CardsWrite}, TokenResource::card(m_cardIds.at(1))})
                    .isEmpty());

        // Sent straight to the server for another card, Unit's resources restriction refuses.
        ApiClient direct(new QNetworkAccessManager(this));
        direct.setBaseUrl(m_sandbox.baseUrl());
        direct.setBearerToken(verified);
        std::unique_ptr<ApiReply> other(
            direct.applyCardAction(m_cardIds.at(1), CardAction::Freeze));
        QVERIFY(finished(other.get()));
        QVERIFY(other->hasError());
        QCOMPARE(other->error().httpStatus, 404);
        std::unique_ptr<ApiReply> own(
            direct.applyCardAction(m_cardIds.at(0), CardAction::Unfreeze));
        QVERIFY(finished(own.get()));
        QVERIFY2(!own->hasError(), qPrintable(own->error().message()));
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void verifiedTokenExpiresAndTheNextActionAsksAgain()
    {
        auto backend = makeBackend();
        backend->authenticator()->setVerifiedLifetime(2);
        QVERIFY(signIn(*backend, m_customerId));
        QSignalSpy changed(backend->credentials(), &Credentials::verifiedTokensChanged);
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze), 1);
        QCOMPARE(backend->credentials()->verifiedCount(), 1);
        // Dropped by its own timer at expiry, not only when looked at.
        QTRY_COMPARE_WITH_TIMEOUT(backend->credentials()->verifiedCount(), 0, 5000);
        QCOMPARE(changed.last().first().toInt(), 0);
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Unfreeze), 1);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void relaunchedSignInAsksForACodeBeforeAFreeze()
    {
        {
            auto first = makeBackend();
            QVERIFY(signInRemembered(*first, m_customerId));
            QCOMPARE(toggleCard(*first, m_cardIds.at(0), CardAction::Freeze), 1);
        }
        auto second = makeBackend();
        QSignalSpy restored(second->authenticator(), &Authenticator::restoreFinished);
        second->authenticator()->restore(m_customerId);
        QVERIFY(restored.wait(5000));
        QCOMPARE(restored.first().first().toBool(), true);
        QCOMPARE(toggleCard(*second, m_cardIds.at(0), CardAction::Unfreeze), 1);
        QVERIFY(removeEntry(*second, m_customerId));
    }

    void storedTokenWithATwoFactorScopeIsNotRestored()
    {
        // Written by an earlier Tessera that kept cards-write in the keychain for 24 hours.
        auto backend = makeBackend();
        StoredToken old;
        old.customerId = m_customerId;
        old.token = QStringLiteral("v2.public.old-model");
        old.scopes = Scopes::merged(Scopes::signIn(), {Scopes::CardsWrite});
        old.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        QSignalSpy written(backend->tokenStore(), &TokenStore::writeFinished);
        backend->tokenStore()->write(m_environmentId, old);
        QVERIFY(written.wait(5000));

        QSignalSpy restored(backend->authenticator(), &Authenticator::restoreFinished);
        QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
        backend->authenticator()->restore(m_customerId);
        QVERIFY(restored.wait(5000));
        QCOMPARE(restored.first().first().toBool(), false);
        QVERIFY(!backend->session()->isActive());
        QVERIFY(removed.count() == 1 || removed.wait(5000));
    }

    void stepUpNeedsNoOrgTokenAndNoBroker()
    {
        // In production the token client is the bank's broker; a step-up must not use it.
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        backend->tokenApi()->setBearerToken(QString());
        backend->tokenApi()->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/unreachable")));
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze), 1);
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Unfreeze), 0);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void aCodeThatCannotBeSentEndsTheStepUpWithTheReason()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        Authenticator *auth = backend->authenticator();
        const auto rule = sandbox::FaultInjector::parseRule(
            QStringLiteral("POST /customers/*/token/verification 503 n=1"));
        QVERIFY(rule);
        m_sandbox.faults().addRule(*rule);
        QSignalSpy sent(auth, &Authenticator::codeSent);
        QSignalSpy notSent(auth, &Authenticator::codeNotSent);
        QSignalSpy resendFailed(auth, &Authenticator::codeSendFailed);
        auto job = startCardAction(*backend, m_cardIds.at(0), CardAction::Freeze);
        QVERIFY(finished(job.get()));
        m_sandbox.faults().clear();
        // Not Cancelled: the customer gave nothing up; the reason is the send that failed.
        QVERIFY(job->hasError());
        QVERIFY(!job->isCancelled());
        QVERIFY2(job->error().message().contains(QLatin1String("could not be sent")),
                 qPrintable(job->error().message()));
        QCOMPARE(job->error().httpStatus, 503);
        QCOMPARE(notSent.count(), 1);
        QCOMPARE(notSent.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::StepUp);
        QCOMPARE(sent.count(), 0);
        QCOMPARE(resendFailed.count(), 0);
        QVERIFY(!auth->isWaitingForCode());
        QVERIFY(!auth->isBusy());
        // The next try asks again, and works.
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze), 1);
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Unfreeze), 0);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void cancellingStepUpCancelsTheOperation()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        auto job = startCardAction(*backend, m_cardIds.at(0), CardAction::Freeze);
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->authenticator()->cancel();
        QVERIFY(finished(job.get()));
        QVERIFY(job->isCancelled());
        QCOMPARE(backend->credentials()->verifiedCount(), 0);
        // The original sign-in is untouched.
        QCOMPARE(backend->session()->scopes(), Scopes::signIn());
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void signOutForgetsVerifiedTokens()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        QCOMPARE(toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze), 1);
        QCOMPARE(backend->credentials()->verifiedCount(), 1);
        QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
        backend->authenticator()->signOut();
        QCOMPARE(backend->credentials()->verifiedCount(), 0);
        QVERIFY(removed.wait(5000));
        QVERIFY(!keychainEntry(*backend));
        // Put the card back for the other tests, as a fresh sign-in.
        auto again = makeBackend();
        QVERIFY(signIn(*again, m_customerId));
        QCOMPARE(toggleCard(*again, m_cardIds.at(0), CardAction::Unfreeze), 1);
        QVERIFY(removeEntry(*again, m_customerId));
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
        // Renewal asks for the sign-in scopes only.
        QCOMPARE(backend->session()->scopes(), Scopes::signIn());
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void unauthorizedMidSessionRenewsAndRetries()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        const QString before = backend->session()->token().token;
        // The server's clock jumps past the token's expiry: the next call gets 401.
        m_sandbox.setClockOffset(90000);
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        ApiClient *api = backend->api();
        std::unique_ptr<ApiJob> job(backend->startJob([api] { return api->listCards(); }, nullptr));
        QVERIFY(required.wait(5000));
        QCOMPARE(required.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::Renew);
        QVERIFY(!job->isFinished());
        m_sandbox.setClockOffset(0);
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->authenticator()->submitCode(QStringLiteral("000001"));
        QVERIFY(finished(job.get()));
        QVERIFY2(!job->hasError(), qPrintable(job->error().message()));
        // Re-sent with the renewed token, not the refused one.
        QVERIFY(backend->session()->token().token != before);
        QCOMPARE(backend->session()->scopes(), Scopes::signIn());
        QCOMPARE(required.count(), 1);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void missingScopeStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("403") << 403;
        QTest::newRow("401") << 401;
    }

    // Whether Unit answers a token without the scope with 401 or 403 is unverified: either way
    // one code renews the token and the call goes out again, once.
    void aMissingScopeIsRecoveredWithOneCodeAndOneResend_data() { missingScopeStatus_data(); }
    void aMissingScopeIsRecoveredWithOneCodeAndOneResend()
    {
        QFETCH(int, status);
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        m_sandbox.api().setMissingScopeStatus(status);
        const int injectedBefore = m_sandbox.faults().injectedCount();
        const auto rule =
            sandbox::FaultInjector::parseRule(QStringLiteral("GET /cards missing-scope n=1"));
        QVERIFY(rule);
        m_sandbox.faults().addRule(*rule);
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        ApiClient *api = backend->api();
        std::unique_ptr<ApiJob> job(backend->startJob([api] { return api->listCards(); }, nullptr));
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->authenticator()->submitCode(QStringLiteral("000001"));
        QVERIFY(finished(job.get()));
        const int injected = m_sandbox.faults().injectedCount() - injectedBefore;
        m_sandbox.faults().clear();
        m_sandbox.api().setMissingScopeStatus(403);
        QVERIFY2(!job->hasError(), qPrintable(job->error().message()));
        QCOMPARE(required.count(), 1);
        QCOMPARE(injected, 1);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void aMissingScopeThatOutlastsTheNewTokenEndsInAPlainErrorWithoutASecondCode_data()
    {
        missingScopeStatus_data();
    }
    void aMissingScopeThatOutlastsTheNewTokenEndsInAPlainErrorWithoutASecondCode()
    {
        QFETCH(int, status);
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        m_sandbox.api().setMissingScopeStatus(status);
        const auto rule =
            sandbox::FaultInjector::parseRule(QStringLiteral("GET /cards missing-scope"));
        QVERIFY(rule);
        m_sandbox.faults().addRule(*rule);
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        ApiClient *api = backend->api();
        std::unique_ptr<ApiJob> job(backend->startJob([api] { return api->listCards(); }, nullptr));
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->authenticator()->submitCode(QStringLiteral("000001"));
        QVERIFY(finished(job.get()));
        m_sandbox.faults().clear();
        m_sandbox.api().setMissingScopeStatus(403);
        QVERIFY(job->hasError());
        QCOMPARE(job->error().httpStatus, status);
        QCOMPARE(required.count(), 1);
        QVERIFY(!backend->authenticator()->isWaitingForCode());
        // Plain words, not the server's note about scopes.
        QCOMPARE(job->error().message(),
                 QStringLiteral("The bank did not accept your sign-in for this. Sign in again and "
                                "try once more."));
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    // A sign-in token as an earlier Tessera kept it: before issue 14 it did not read
    // transactions, authorizations or statements.
    static std::optional<StoredToken> earlierSignInToken(Backend &backend,
                                                         const QString &customerId)
    {
        CustomerTokenService *tokens = backend.tokenService();
        QSignalSpy sent(tokens, &CustomerTokenService::verificationSent);
        QSignalSpy created(tokens, &CustomerTokenService::tokenCreated);
        tokens->requestVerification(customerId);
        if (!sent.wait(5000))
            return std::nullopt;
        CreateTokenRequest request = Authenticator::signInRequest();
        request.scopes = {Scopes::Customers, Scopes::Accounts, Scopes::Cards,
                          Scopes::CustomerTokenWrite};
        tokens->createToken(customerId, request, QStringLiteral("000001"));
        if (!created.wait(5000))
            return std::nullopt;
        return created.first().first().value<StoredToken>();
    }

    void aSignInFromAnEarlierTesseraIsRenewedOnceForWhatItDoesNotRead()
    {
        auto backend = makeBackend();
        const std::optional<StoredToken> earlier = earlierSignInToken(*backend, m_customerId);
        QVERIFY(earlier);
        backend->session()->begin(*earlier);
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        ApiClient *api = backend->api();
        TransactionListQuery query;
        query.accountId = m_accountId;
        std::unique_ptr<ApiJob> job(
            backend->startJob([api, query] { return api->listTransactions(query); }, nullptr));
        QVERIFY(waitForCodeSent(backend->authenticator()));
        QCOMPARE(required.first().first().value<Authenticator::Purpose>(),
                 Authenticator::Purpose::Renew);
        QVERIFY(backend->authenticator()->renewsForMoreAccess());
        backend->authenticator()->submitCode(QStringLiteral("000001"));
        QVERIFY(finished(job.get()));
        QVERIFY2(!job->hasError(), qPrintable(job->error().message()));
        QCOMPARE(backend->session()->scopes(), Scopes::signIn());
        QVERIFY(!backend->authenticator()->renewsForMoreAccess());
        QCOMPARE(required.count(), 1);
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void decliningToRenewForMoreAccessKeepsTheSession()
    {
        auto backend = makeBackend();
        const std::optional<StoredToken> earlier = earlierSignInToken(*backend, m_customerId);
        QVERIFY(earlier);
        backend->session()->begin(*earlier);
        ApiClient *api = backend->api();
        std::unique_ptr<ApiJob> job(
            backend->startJob([api] { return api->listStatements({}); }, nullptr));
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->authenticator()->cancel();
        QVERIFY(finished(job.get()));
        QVERIFY(job->isCancelled());
        QVERIFY(backend->session()->isActive());
        // Cards, which the earlier token reads, still work with it, and ask for no code.
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        std::unique_ptr<ApiJob> cards(
            backend->startJob([api] { return api->listCards(); }, nullptr));
        QVERIFY(finished(cards.get()));
        QVERIFY(!cards->hasError());
        QCOMPARE(required.count(), 0);
        // And the renewal is not asked for again in this session: the next need fails plainly.
        std::unique_ptr<ApiJob> again(
            backend->startJob([api] { return api->listStatements({}); }, nullptr));
        QVERIFY(finished(again.get()));
        QVERIFY(again->hasError());
        QCOMPARE(again->error().message(),
                 QStringLiteral("The bank did not accept your sign-in for this. Sign in again and "
                                "try once more."));
        QCOMPARE(required.count(), 0);
        backend->authenticator()->signOut();
    }

    void aTokenRefusedTwiceEndsInAnErrorNotALoop()
    {
        auto backend = makeBackend();
        QVERIFY(signIn(*backend, m_customerId));
        // Customer calls go to another sandbox, which knows none of the tokens the first one
        // mints: every token, renewed or not, is refused.
        SandboxServer stranger;
        QVERIFY(stranger.start() != 0);
        backend->api()->setBaseUrl(stranger.baseUrl());
        QSignalSpy required(backend->authenticator(), &Authenticator::codeRequired);
        ApiClient *api = backend->api();
        std::unique_ptr<ApiJob> job(backend->startJob([api] { return api->listCards(); }, nullptr));
        QVERIFY(waitForCodeSent(backend->authenticator()));
        backend->authenticator()->submitCode(QStringLiteral("000001"));
        QVERIFY(finished(job.get()));
        QVERIFY(job->hasError());
        QCOMPARE(job->error().httpStatus, 401);
        QCOMPARE(required.count(), 1);
        backend->authenticator()->cancel();
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    void signInWithJwt()
    {
        // The org's identity provider signs the customer's JWT; the sandbox checks it as Unit.
        const test::TestSigningKey identityProvider;
        const QString issuer = QStringLiteral("https://id.bank.example/");
        m_sandbox.setIdentityProvider(*Jwks::fromJson(identityProvider.jwksJson(), nullptr),
                                      issuer);
        auto backend = makeBackend();
        std::unique_ptr<ApiReply> customerReply(backend->tokenApi()->getCustomer(m_customerId));
        QVERIFY(finished(customerReply.get()));
        const QString subject = customerReply->valueAs<Customer>().jwtSubject;
        QVERIFY(!subject.isEmpty());
        auto jwtFor = [&](const QString &sub) {
            return identityProvider.sign(test::TestSigningKey::standardClaims(issuer, {}, sub));
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

    void aSpanishUserInterfaceGetsItsCodesInSpanish()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("tessera.sandbox.info=true"));
        test::MessageCapture capture;
        auto backend = makeBackend();
        backend->setUiLanguage(QStringLiteral("es"));
        const bool signedIn = signIn(*backend, m_customerId);
        const int codes = toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze);
        toggleCard(*backend, m_cardIds.at(0), CardAction::Unfreeze);
        capture.stop();
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(signedIn);
        QCOMPARE(codes, 1);
        // The sign-in code and the step-up code both went out with "language":"es".
        QStringList started;
        for (const QString &line : capture.messages()) {
            if (line.contains(QLatin1String("verification started")))
                started << line;
        }
        QCOMPARE(started.size(), 2);
        for (const QString &line : std::as_const(started))
            QVERIFY2(line.contains(QLatin1String(" in es ")), qPrintable(line));
        QVERIFY(removeEntry(*backend, m_customerId));
    }

    // A business signed in as one of its authorized users: that user's phone goes in the
    // sign-in's verification request and in every later one of the session, a restored one too.
    void anAuthorizedUsersPhoneIsNamedForTheSignInAndEveryStepUp()
    {
        const QString business = test::seed::northwindCoffee;
        const Phone marcus{QStringLiteral("1"), QStringLiteral("5035550174")}; // in the seed
        QLoggingCategory::setFilterRules(QStringLiteral("tessera.sandbox.info=true"));
        test::MessageCapture capture;
        bool signedIn = false;
        bool steppedUp = false;
        bool restoredStepUp = false;
        Phone afterSignIn;
        Phone afterRestore;
        {
            auto backend = makeBackend();
            Authenticator *auth = backend->authenticator();
            QSignalSpy sent(auth, &Authenticator::codeSent);
            QSignalSpy done(auth, &Authenticator::signedIn);
            QSignalSpy written(backend->tokenStore(), &TokenStore::writeFinished);
            auth->signIn(business, Authenticator::Channel::Sms, marcus);
            if (sent.wait(5000)) {
                auth->submitCode(QStringLiteral("000001"));
                signedIn = (done.count() == 1 || done.wait(5000)) &&
                           (written.count() == 1 || written.wait(5000));
            }
            afterSignIn = auth->codeRecipient(business);
            steppedUp = signedIn && stepUpOnAccount(*backend, test::seed::northwindChecking);
        }
        {
            // The next start restores the session from the keychain, recipient included.
            auto backend = makeBackend();
            QSignalSpy restored(backend->authenticator(), &Authenticator::restoreFinished);
            backend->authenticator()->restore(business);
            if (restored.wait(5000) && restored.first().first().toBool()) {
                afterRestore = backend->authenticator()->codeRecipient(business);
                restoredStepUp = stepUpOnAccount(*backend, test::seed::northwindChecking);
            }
            QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
            backend->authenticator()->signOut();
            removed.wait(5000);
        }
        capture.stop();
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(signedIn);
        QCOMPARE(afterSignIn, marcus);
        QVERIFY(steppedUp);
        QCOMPARE(afterRestore, marcus);
        QVERIFY(restoredStepUp);
        QStringList started;
        for (const QString &line : capture.messages()) {
            if (line.contains(QLatin1String("verification started")))
                started << line;
        }
        QCOMPARE(started.size(), 3); // sign-in, step-up, step-up after the restart
        for (const QString &line : std::as_const(started))
            QVERIFY2(line.contains(QLatin1String("an authorized user +1 ******0174")),
                     qPrintable(line));
    }

    void noSecretInLogsOrSettings()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("tessera.*=true\nqt.*=false"));
        test::MessageCapture capture;
        auto backend = makeBackend();
        const bool ok = signIn(*backend, m_customerId);
        QSignalSpy written(backend->tokenStore(), &TokenStore::writeFinished);
        if (ok && written.count() == 0)
            written.wait(5000);
        const QString token = backend->session()->token().token;
        const int codes = toggleCard(*backend, m_cardIds.at(0), CardAction::Freeze);
        const QString steppedUpToken = backend->credentials()->bearerFor(
            {{Scopes::CardsWrite}, TokenResource::card(m_cardIds.at(0))});
        toggleCard(*backend, m_cardIds.at(0), CardAction::Unfreeze);
        backend->authenticator()->signOut();
        QTest::qWait(300);
        capture.stop();
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(ok);
        QCOMPARE(codes, 1);
        QVERIFY(!token.isEmpty());
        QVERIFY(capture.messages().size() > 3); // the flow did log

        QSettings settings;
        settings.sync();
        QFile settingsFile(settings.fileName());
        QByteArray settingsText;
        if (settingsFile.open(QIODevice::ReadOnly))
            settingsText = settingsFile.readAll();

        const QStringList secrets = {token, steppedUpToken, m_sandbox.orgToken()};
        for (const QString &secret : secrets) {
            QVERIFY(!secret.isEmpty());
            for (const QString &line : capture.messages())
                QVERIFY2(!line.contains(secret), "a token was logged");
            QVERIFY2(!settingsText.contains(secret.toUtf8()), "a token is in the settings file");
        }
        for (const QString &line : capture.messages())
            QVERIFY2(!line.contains(QLatin1String("000001")), qPrintable(line));
        QVERIFY(!settingsText.contains("000001"));
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
