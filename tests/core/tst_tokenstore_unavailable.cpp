#include "TokenStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace tessera;

// Runs with DBUS_SESSION_BUS_ADDRESS pointing at nothing (see CMakeLists.txt): the store must
// report a failure with a message, promptly, instead of hanging or falling back to plaintext.
class TestTokenStoreUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void writeFailsWithAMessage()
    {
        TokenStore store;
        store.setWatchdogInterval(5000);
        StoredToken token;
        token.customerId = QStringLiteral("1");
        token.token = QStringLiteral("v2.public.secret");
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(60);
        QSignalSpy spy(&store, &TokenStore::writeFinished);
        store.write(QStringLiteral("demo"), token);
        QVERIFY(spy.wait(10000));
        const auto status = spy.first().first().value<TokenStore::Status>();
        QVERIFY2(status != TokenStore::Status::Ok, "wrote without a Secret Service?");
        QVERIFY(!TokenStore::describe(status).isEmpty());
    }

    void readFailsWithAMessage()
    {
        TokenStore store;
        store.setWatchdogInterval(5000);
        QSignalSpy spy(&store, &TokenStore::readFinished);
        store.read(QStringLiteral("demo"), QStringLiteral("1"));
        QVERIFY(spy.wait(10000));
        const auto status = spy.first().first().value<TokenStore::Status>();
        QVERIFY(status != TokenStore::Status::Ok);
    }
};

QTEST_GUILESS_MAIN(TestTokenStoreUnavailable)
#include "tst_tokenstore_unavailable.moc"
