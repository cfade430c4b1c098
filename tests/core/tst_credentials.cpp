#include "Credentials.h"
#include "Scopes.h"
#include "Session.h"

#include <QSignalSpy>
#include <QTest>

using namespace tessera;

namespace {

StoredToken token(const QString &secret, const QStringList &scopes, int secondsLeft)
{
    StoredToken t;
    t.customerId = QStringLiteral("1001");
    t.token = secret;
    t.scopes = scopes;
    t.expiresAt = QDateTime::currentDateTimeUtc().addSecs(secondsLeft);
    return t;
}

const QString SignInSecret = QStringLiteral("v2.public.sign-in");
const QString CardASecret = QStringLiteral("v2.public.verified-card-a");

RequiredAccess cardsWriteOn(const QString &cardId)
{
    return {{Scopes::CardsWrite}, TokenResource::card(cardId)};
}

} // namespace

// Which bearer a call gets: the sign-in token for what it covers, a verified token restricted
// to the card acted on for a 2FA call, nothing otherwise.
class TestCredentials : public QObject
{
    Q_OBJECT

private slots:
    void readCallsUseTheSignInToken()
    {
        Session session;
        Credentials credentials(&session);
        session.begin(token(SignInSecret, Scopes::signIn(), 3600));
        QVERIFY(credentials.bearerFor(
                    {{Scopes::Cards}, TokenResource::card(QStringLiteral("A"))}) == SignInSecret);
        QVERIFY(credentials.bearerFor({}) == SignInSecret);
    }

    void aTwoFactorCallWithoutAVerifiedTokenHasNoBearer()
    {
        Session session;
        Credentials credentials(&session);
        session.begin(token(SignInSecret, Scopes::signIn(), 3600));
        QVERIFY(credentials.bearerFor(cardsWriteOn(QStringLiteral("A"))).isEmpty());
        QVERIFY(!credentials.covers(cardsWriteOn(QStringLiteral("A"))));
    }

    void aVerifiedTokenServesOnlyItsCard()
    {
        Session session;
        Credentials credentials(&session);
        session.begin(token(SignInSecret, Scopes::signIn(), 3600));
        credentials.addVerified(token(CardASecret, {Scopes::CardsWrite}, 300),
                                TokenResource::card(QStringLiteral("A")));
        QVERIFY(credentials.bearerFor(cardsWriteOn(QStringLiteral("A"))) == CardASecret);
        QVERIFY(credentials.bearerFor(cardsWriteOn(QStringLiteral("B"))).isEmpty());
        // Not for an account either, nor for a call on no single card.
        QVERIFY(credentials
                    .bearerFor({{Scopes::CardsWrite}, TokenResource::account(QStringLiteral("A"))})
                    .isEmpty());
        QVERIFY(credentials.bearerFor({{Scopes::CardsWrite}, {}}).isEmpty());
        // Reads still go with the sign-in token.
        QVERIFY(credentials.bearerFor(
                    {{Scopes::Cards}, TokenResource::card(QStringLiteral("A"))}) == SignInSecret);
    }

    void anExpiredVerifiedTokenIsDroppedByItsTimer()
    {
        Session session;
        Credentials credentials(&session);
        session.begin(token(SignInSecret, Scopes::signIn(), 3600));
        QSignalSpy changed(&credentials, &Credentials::verifiedTokensChanged);
        credentials.addVerified(token(CardASecret, {Scopes::CardsWrite}, 1),
                                TokenResource::card(QStringLiteral("A")));
        QCOMPARE(credentials.verifiedCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(credentials.verifiedCount(), 0, 3000);
        QCOMPARE(changed.last().first().toInt(), 0);
        QVERIFY(credentials.bearerFor(cardsWriteOn(QStringLiteral("A"))).isEmpty());
    }

    void aRefusedVerifiedTokenIsForgottenAndTheSessionKept()
    {
        Session session;
        Credentials credentials(&session);
        session.begin(token(SignInSecret, Scopes::signIn(), 3600));
        credentials.addVerified(token(CardASecret, {Scopes::CardsWrite}, 300),
                                TokenResource::card(QStringLiteral("A")));
        credentials.reject(cardsWriteOn(QStringLiteral("A")));
        QCOMPARE(credentials.verifiedCount(), 0);
        QVERIFY(!session.isExpired());
    }

    void aRefusedSignInTokenExpiresTheSession()
    {
        Session session;
        Credentials credentials(&session);
        session.begin(token(SignInSecret, Scopes::signIn(), 3600));
        QSignalSpy expired(&session, &Session::expired);
        credentials.reject({{Scopes::Cards}, {}});
        QCOMPARE(expired.count(), 1);
        QVERIFY(credentials.bearerFor({{Scopes::Cards}, {}}).isEmpty());
    }

    void endingTheSessionForgetsEveryVerifiedToken()
    {
        Session session;
        Credentials credentials(&session);
        session.begin(token(SignInSecret, Scopes::signIn(), 3600));
        credentials.addVerified(token(CardASecret, {Scopes::CardsWrite}, 300),
                                TokenResource::card(QStringLiteral("A")));
        session.end();
        QCOMPARE(credentials.verifiedCount(), 0);
        QVERIFY(credentials.bearerFor(cardsWriteOn(QStringLiteral("A"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
