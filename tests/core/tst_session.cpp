#include "Session.h"

#include <QSignalSpy>
#include <QTest>

using namespace tessera;

class TestSession : public QObject
{
    Q_OBJECT

private:
    static StoredToken token(qint64 msFromNow, QStringList scopes = {QStringLiteral("cards")})
    {
        StoredToken t;
        t.customerId = QStringLiteral("10001");
        t.token = QStringLiteral("v2.public.test");
        t.scopes = std::move(scopes);
        t.expiresAt = QDateTime::currentDateTimeUtc().addMSecs(msFromNow);
        return t;
    }

private slots:
    void hasScopes()
    {
        Session session;
        QVERIFY(!session.hasScopes({QStringLiteral("cards")}));
        session.begin(token(60000, {QStringLiteral("customers"), QStringLiteral("cards")}));
        QVERIFY(session.isActive());
        QVERIFY(session.hasScopes({QStringLiteral("cards")}));
        QVERIFY(session.hasScopes({QStringLiteral("cards"), QStringLiteral("customers")}));
        QVERIFY(!session.hasScopes({QStringLiteral("cards-write")}));
        QVERIFY(session.secondsLeft() > 50 && session.secondsLeft() <= 60);
    }

    void warnsThenExpires()
    {
        Session session;
        session.setWarningLead(2); // warn two seconds ahead
        QSignalSpy warning(&session, &Session::expiringSoon);
        QSignalSpy expired(&session, &Session::expired);
        session.begin(token(3500));
        QVERIFY(warning.wait(3000));
        QCOMPARE(expired.count(), 0);
        QVERIFY(expired.wait(4000));
        QCOMPARE(expired.count(), 1);
        QVERIFY(session.isExpired());
        QVERIFY(session.isActive()); // the customer is still known, for renewal
        QVERIFY(!session.hasScopes({QStringLiteral("cards")}));
    }

    void alreadyExpiredTokenExpiresFromTheEventLoop()
    {
        Session session;
        QSignalSpy expired(&session, &Session::expired);
        session.begin(token(-1000));
        QCOMPARE(expired.count(), 0);
        QVERIFY(expired.wait(1000));
    }

    void unauthorizedCountsAsExpiry()
    {
        Session session;
        QSignalSpy expired(&session, &Session::expired);
        session.begin(token(3600 * 1000));
        session.reportUnauthorized();
        QCOMPARE(expired.count(), 1);
        QVERIFY(!session.hasScopes({QStringLiteral("cards")}));
        session.reportUnauthorized(); // once is enough
        QCOMPARE(expired.count(), 1);
        // A new token starts afresh.
        session.begin(token(3600 * 1000));
        QVERIFY(session.hasScopes({QStringLiteral("cards")}));
    }

    void endStopsTimers()
    {
        Session session;
        QSignalSpy expired(&session, &Session::expired);
        QSignalSpy ended(&session, &Session::ended);
        session.begin(token(200));
        session.end();
        QCOMPARE(ended.count(), 1);
        QVERIFY(!session.isActive());
        QTest::qWait(400);
        QCOMPARE(expired.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
