#include "KeychainThread.h"
#include "TokenStore.h"

#include <atomic>
#include <memory>
#include <QDeadlineTimer>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <qt6keychain/keychain.h>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace tessera;

// Runs against the real Secret Service: `./dev test` starts every suite inside
// dbus-run-session with an unlocked throwaway gnome-keyring.
class TestTokenStore : public QObject
{
    Q_OBJECT

private:
    QString m_environment;

    static StoredToken sampleToken(const QString &customerId, int secondsFromNow)
    {
        StoredToken token;
        token.customerId = customerId;
        token.token = QStringLiteral("v2.public.") + QUuid::createUuid().toString(QUuid::Id128);
        token.scopes = {QStringLiteral("customers"), QStringLiteral("cards")};
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(secondsFromNow);
        return token;
    }

    static TokenStore::Status write(TokenStore &store, const QString &env, const StoredToken &t)
    {
        QSignalSpy spy(&store, &TokenStore::writeFinished);
        store.write(env, t);
        if (!spy.wait(10000))
            return TokenStore::Status::TimedOut;
        return spy.first().first().value<TokenStore::Status>();
    }

    static std::pair<TokenStore::Status, StoredToken> read(TokenStore &store, const QString &env,
                                                           const QString &customerId)
    {
        QSignalSpy spy(&store, &TokenStore::readFinished);
        store.read(env, customerId);
        if (!spy.wait(10000))
            return {TokenStore::Status::TimedOut, {}};
        return {spy.first().at(0).value<TokenStore::Status>(),
                spy.first().at(1).value<StoredToken>()};
    }

    static TokenStore::Status remove(TokenStore &store, const QString &env, const QString &id)
    {
        QSignalSpy spy(&store, &TokenStore::removeFinished);
        store.remove(env, id);
        if (!spy.wait(10000))
            return TokenStore::Status::TimedOut;
        return spy.first().first().value<TokenStore::Status>();
    }

private slots:
    // A sign-in through the bank's broker keeps the phone or email it was made with, so a
    // renewal asks only for a code; entries written before read as they always did.
    void theSignInIdentifierIsKeptAndOldEntriesStillRead()
    {
        StoredToken token = sampleToken(QStringLiteral("100001"), 3600);
        token.signInIdentifier =
            SignInIdentifier::phone(Phone{QStringLiteral("1"), QStringLiteral("5555550100")});
        QCOMPARE(StoredToken::fromJson(token.toJson())->signInIdentifier, token.signInIdentifier);
        token.signInIdentifier = SignInIdentifier::email(QStringLiteral("maya@example.com"));
        QCOMPARE(StoredToken::fromJson(token.toJson())->signInIdentifier, token.signInIdentifier);

        const std::optional<StoredToken> old = StoredToken::fromJson(
            R"({"customerId":"100001","token":"v2.public.x","scopes":["customers"],)"
            R"("expiresAt":"2030-01-01T00:00:00Z"})");
        QVERIFY(old);
        QCOMPARE(old->customerId, QStringLiteral("100001"));
        QVERIFY(old->signInIdentifier.isEmpty());
    }

    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        // A fresh environment id per run keeps runs independent even on a shared keyring.
        m_environment = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::Id128);
    }

    void writeReadRemove()
    {
        TokenStore store;
        const StoredToken token = sampleToken(QStringLiteral("10001"), 3600);
        QCOMPARE(write(store, m_environment, token), TokenStore::Status::Ok);

        auto [status, readBack] = read(store, m_environment, token.customerId);
        QCOMPARE(status, TokenStore::Status::Ok);
        QCOMPARE(readBack.token, token.token);
        QCOMPARE(readBack.scopes, token.scopes);
        QCOMPARE(readBack.customerId, token.customerId);
        QCOMPARE(readBack.expiresAt.toSecsSinceEpoch(), token.expiresAt.toSecsSinceEpoch());
        QVERIFY(!readBack.isExpired());

        QCOMPARE(remove(store, m_environment, token.customerId), TokenStore::Status::Ok);
        QCOMPARE(read(store, m_environment, token.customerId).first, TokenStore::Status::NotFound);
        // Removing again is not an error: the keychain is as the caller wants it.
        QCOMPARE(remove(store, m_environment, token.customerId), TokenStore::Status::Ok);
    }

    void aNewStoreObjectFindsTheToken()
    {
        const StoredToken token = sampleToken(QStringLiteral("10002"), 3600);
        {
            TokenStore first;
            QCOMPARE(write(first, m_environment, token), TokenStore::Status::Ok);
        }
        TokenStore second;
        auto [status, readBack] = read(second, m_environment, token.customerId);
        QCOMPARE(status, TokenStore::Status::Ok);
        QCOMPARE(readBack.token, token.token);
        QCOMPARE(remove(second, m_environment, token.customerId), TokenStore::Status::Ok);
    }

    void entriesAreSeparatedByEnvironmentAndCustomer()
    {
        TokenStore store;
        const StoredToken a = sampleToken(QStringLiteral("10003"), 3600);
        QCOMPARE(write(store, m_environment, a), TokenStore::Status::Ok);
        QCOMPARE(read(store, m_environment + QStringLiteral("-other"), a.customerId).first,
                 TokenStore::Status::NotFound);
        QCOMPARE(read(store, m_environment, QStringLiteral("10004")).first,
                 TokenStore::Status::NotFound);
        QCOMPARE(remove(store, m_environment, a.customerId), TokenStore::Status::Ok);
    }

    // Tokens are kept as text (found by the first of QtKeychain's two searches); one an
    // earlier Tessera kept as binary is still read, a newer one written over it wins, and a
    // removal takes both.
    void anEntryKeptAsBinaryByAnEarlierTesseraIsStillRead()
    {
        TokenStore store;
        const StoredToken earlier = sampleToken(QStringLiteral("10006"), 3600);
        // Written as an earlier Tessera did, on the keychain thread that every job shares.
        const QString service = store.serviceName();
        const QString key = TokenStore::entryKey(m_environment, earlier.customerId);
        const QByteArray binary = earlier.toJson();
        std::atomic<int> error{-1};
        QMetaObject::invokeMethod(KeychainThread::context(), [service, key, binary, &error] {
            auto *job = new QKeychain::WritePasswordJob(service);
            job->setKey(key);
            job->setBinaryData(binary);
            QObject::connect(job, &QKeychain::Job::finished, job,
                             [&error](QKeychain::Job *j) { error = int(j->error()); });
            job->start();
        });
        QTRY_VERIFY_WITH_TIMEOUT(error != -1, 10000);
        QCOMPARE(error, int(QKeychain::NoError));

        auto [status, readBack] = read(store, m_environment, earlier.customerId);
        QCOMPARE(status, TokenStore::Status::Ok);
        QCOMPARE(readBack.token, earlier.token);

        const StoredToken newer = sampleToken(earlier.customerId, 7200);
        QCOMPARE(write(store, m_environment, newer), TokenStore::Status::Ok);
        QCOMPARE(read(store, m_environment, newer.customerId).second.token, newer.token);

        QCOMPARE(remove(store, m_environment, newer.customerId), TokenStore::Status::Ok);
        QCOMPARE(read(store, m_environment, newer.customerId).first, TokenStore::Status::NotFound);
    }

    // A job that outlives its watchdog: the caller had its TimedOut, and the job's answer,
    // when it comes, neither reaches the caller a second time nor touches the watchdog (gone
    // with the timeout; ./dev sanitize catches a use after free).
    void anAnswerAfterTheWatchdogFiredIsIgnored()
    {
        TokenStore store;
        QSignalSpy reads(&store, &TokenStore::readFinished);
        // The keychain thread is held busy until the watchdog has fired.
        QSemaphore busy;
        QMetaObject::invokeMethod(KeychainThread::context(), [&busy] { busy.acquire(); });
        bool released = false;
        const auto release = [&] {
            if (!std::exchange(released, true))
                busy.release();
        };
        const auto releaseOnFailure = qScopeGuard(release);
        store.setWatchdogInterval(50);
        store.read(m_environment, QStringLiteral("10007"));
        QVERIFY(reads.wait(10000));
        QCOMPARE(reads.constLast().at(0).value<TokenStore::Status>(), TokenStore::Status::TimedOut);
        release();

        // QtKeychain runs one job at a time, in order, so when the second read has answered the
        // first one's late answer has come back too.
        store.setWatchdogInterval(10000);
        store.read(m_environment, QStringLiteral("10007"));
        QTRY_COMPARE_WITH_TIMEOUT(reads.count(), 2, 10000);
        QCOMPARE(reads.constLast().at(0).value<TokenStore::Status>(), TokenStore::Status::NotFound);
        QTest::qWait(50);
        QCOMPARE(reads.count(), 2);
    }

    // Every job runs on the one keychain thread, whichever thread asks: the caller's event loop
    // is not needed for the keychain to make progress.
    void theKeychainWorksWhileTheCallersThreadIsBusy()
    {
        TokenStore store;
        const StoredToken token = sampleToken(QStringLiteral("10008"), 3600);
        QCOMPARE(write(store, m_environment, token), TokenStore::Status::Ok);
        QSignalSpy reads(&store, &TokenStore::readFinished);
        store.read(m_environment, token.customerId);
        // Busy, as the GUI thread is while it builds the window: it sleeps and only takes the
        // events posted to it, never the D-Bus replies or timers its event loop would dispatch.
        QDeadlineTimer deadline(10000);
        while (reads.isEmpty() && !deadline.hasExpired()) {
            QThread::msleep(5);
            QCoreApplication::sendPostedEvents();
        }
        QCOMPARE(reads.count(), 1);
        QCOMPARE(reads.first().at(0).value<TokenStore::Status>(), TokenStore::Status::Ok);
        QCOMPARE(remove(store, m_environment, token.customerId), TokenStore::Status::Ok);
    }

    void expiredEntryReadsAsExpired()
    {
        TokenStore store;
        const StoredToken old = sampleToken(QStringLiteral("10005"), -10);
        QCOMPARE(write(store, m_environment, old), TokenStore::Status::Ok);
        auto [status, readBack] = read(store, m_environment, old.customerId);
        QCOMPARE(status, TokenStore::Status::Ok);
        QVERIFY(readBack.isExpired());
        QCOMPARE(remove(store, m_environment, old.customerId), TokenStore::Status::Ok);
    }

    void storedTokenJson()
    {
        const StoredToken token = sampleToken(QStringLiteral("1"), 60);
        const auto parsed = StoredToken::fromJson(token.toJson());
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->token, token.token);
        QVERIFY(!StoredToken::fromJson("not json").has_value());
        QVERIFY(!StoredToken::fromJson(R"({"customerId":"1","token":""})").has_value());
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
