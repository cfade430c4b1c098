// The real tessera-broker process against an in-process sandbox as "Unit" (a tessera-sandbox
// process where start answers are timed): sign-in by phone, email and identity token; nothing
// tells a customer from nobody; limits; malformed requests; secrets kept out of the log and the
// process list.

#include "BrokerCall.h"
#include "BrokerProcess.h"
#include "ClosedPort.h"
#include "FaultInjector.h"
#include "JwksServer.h"
#include "SandboxProcess.h"
#include "SandboxServer.h"
#include "Scopes.h"
#include "TestSigningKey.h"

#include <algorithm>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using tessera::sandbox::SandboxServer;
using tessera::test::BrokerProcess;
using tessera::test::TestSigningKey;

namespace {

const QByteArray MayaPhone = R"({"countryCode":"1","number":"4155550142"})";
const QByteArray NobodysPhone = R"({"countryCode":"1","number":"5555550100"})";
const QByteArray MayaEmail = "maya.thompson@example.com";
const QByteArray NobodysEmail = "nobody.here@example.com";
const QString MayaId = QStringLiteral("100001");
const QString MayaJwtSubject = QStringLiteral("auth0|64f1c2a9e3b7d10001maya");
const QString RightCode = QStringLiteral("000001");
const QString WrongCode = QStringLiteral("000002");
const QString CodeNotRight = QStringLiteral("That code is not right.");
const QString SignInEnded = QStringLiteral("This sign-in has ended. Ask for a new code.");

using Reply = tessera::test::BrokerCall;

const QString JwtIssuer = QStringLiteral("https://id.bank.example/");
const QString TesseraClientId = QStringLiteral("tessera-desktop");
const QString SignInRefused = QStringLiteral("The sign-in was refused.");

// [identityProvider] for the broker, with its JWK Set at `jwks` (a file or a URL).
QStringList identityProviderConfig(const QString &jwks)
{
    return {QStringLiteral("[identityProvider]"), QStringLiteral("jwks=") + jwks,
            QStringLiteral("issuer=") + JwtIssuer, QStringLiteral("audience=") + TesseraClientId};
}

QByteArray jwksOf(const QList<const TestSigningKey *> &keys)
{
    QJsonArray jwks;
    for (const TestSigningKey *key : keys)
        jwks.append(key->publicJwk());
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), jwks}}).toJson();
}

// Timings are compared by median with a generous tolerance, max(10 ms, half the slower): a
// shared, loaded machine adds a few ms of noise (up to 6 ms between medians of 15 seen in CI),
// while what is looked for (an answer that waits for Unit's code or token call, 30 ms here)
// stands far outside it.
qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

class TestBrokerSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_unit;
    std::unique_ptr<BrokerProcess> m_broker;
    QNetworkAccessManager m_network;
    TestSigningKey m_identityProvider; // the bank's, which "Unit" knows for the org too
    QTemporaryDir m_dir;

    // The identity provider's ID token for Tessera, for the customer with `email` and `subject`.
    static QJsonObject idTokenClaims(const QString &email, const QString &subject,
                                     int lifetimeSeconds = 3600)
    {
        QJsonObject claims =
            TestSigningKey::standardClaims(JwtIssuer, TesseraClientId, subject, lifetimeSeconds);
        claims.insert(QStringLiteral("email"), email);
        return claims;
    }
    QString jwtFor(const QString &email, const QString &subject) const
    {
        return m_identityProvider.sign(idTokenClaims(email, subject));
    }
    QString mayaJwt(const TestSigningKey &key) const
    {
        return key.sign(idTokenClaims(QString::fromLatin1(MayaEmail), MayaJwtSubject));
    }
    // A broker that takes the identity provider's ID tokens, its keys in a file.
    bool startBrokerWithIdentityProvider()
    {
        const QString path = m_dir.filePath(QStringLiteral("jwks.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(m_identityProvider.jwksJson()) < 0)
            return false;
        file.close();
        return startBroker(identityProviderConfig(path));
    }

    bool startBroker(const QStringList &extraConfig = {})
    {
        return startBrokerFor(m_unit->baseUrl(), m_unit->orgToken(), extraConfig);
    }
    bool startBrokerFor(const QUrl &unit, const QString &orgToken, const QStringList &extraConfig)
    {
        m_broker = std::make_unique<BrokerProcess>(unit, orgToken, extraConfig);
        QString error;
        const bool started = m_broker->start(&error);
        if (!started)
            qWarning().noquote() << error;
        return started;
    }

    Reply send(const QByteArray &method, const QUrl &base, const QByteArray &path,
               const QByteArray &body = {}, const QString &bearer = {},
               const QByteArray &contentType = "application/vnd.api+json")
    {
        return Reply::send(m_network, method, base, path, body, bearer, contentType);
    }

    Reply post(const QByteArray &path, const QByteArray &body)
    {
        return send("POST", m_broker->baseUrl(), path, body);
    }
    Reply start(const char *key, const QByteArray &value)
    {
        return post("/v1/sign-ins", Reply::startBody(key, value));
    }
    // A start as a reverse proxy forwards it, with X-Forwarded-For.
    Reply startFrom(const QByteArray &forwardedFor, const QByteArray &phone)
    {
        QNetworkRequest request(
            QUrl(m_broker->baseUrl().toString() + QStringLiteral("/v1/sign-ins")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/vnd.api+json"));
        request.setRawHeader("X-Forwarded-For", forwardedFor);
        QNetworkReply *reply = m_network.post(request, Reply::startBody("phone", phone));
        // An unfinished reply has status 0, which fails the checks that follow.
        (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return result;
    }
    Reply enterCode(const QString &signInId, const QString &code)
    {
        return post("/v1/sign-ins/" + signInId.toLatin1() + "/token", Reply::codeBody(code));
    }
    // The broker asks Unit for the code after it answered, and keeps Unit's verification when
    // Unit answered: wait until its log says so `count` times.
    bool waitForCodesSent(int count)
    {
        return QTest::qWaitFor(
            [&] { return m_broker->log().count(QLatin1String("code sent to customer")) >= count; },
            10000);
    }

private slots:
    void init()
    {
        m_unit = std::make_unique<SandboxServer>();
        m_unit->setIdentityProvider(
            *tessera::Jwks::fromJson(m_identityProvider.jwksJson(), nullptr), JwtIssuer);
        QVERIFY(m_unit->start() != 0);
    }

    void cleanup()
    {
        m_broker.reset();
        m_unit.reset();
    }

    void healthzAnswersOk()
    {
        QVERIFY(startBroker());
        const Reply health = send("GET", m_broker->baseUrl(), "/healthz");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body, QByteArray(R"({"status":"ok"})"));
    }

    void signInByPhoneWrongCodeThenRightCodeGivesATokenWithTheConfiguredScopes()
    {
        QVERIFY(startBroker());
        const Reply started = start("phone", MayaPhone);
        QCOMPARE(started.status, 201);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(started.id()).hasMatch(),
            qPrintable(started.id()));
        QCOMPARE(started.withoutId(),
                 QByteArray(R"(201  {"data":{"attributes":{"channel":"sms","expiresIn":600},)"
                            R"("id":"{id}","type":"signIn"}})"));
        QVERIFY(waitForCodesSent(1));

        const Reply wrong = enterCode(started.id(), WrongCode);
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.title(), CodeNotRight);
        QCOMPARE(wrong.pointer(), QStringLiteral("/data/attributes/code"));
        QCOMPARE(wrong.attemptsLeft(), 4);

        const Reply signedIn = enterCode(started.id(), RightCode);
        QCOMPARE(signedIn.status, 201);
        const QString token = signedIn.attributes().value(QLatin1String("token")).toString();
        QVERIFY(!token.isEmpty());
        QJsonObject expected{
            {QStringLiteral("type"), QStringLiteral("customerBearerToken")},
            {QStringLiteral("attributes"),
             QJsonObject{
                 {QStringLiteral("token"), token},
                 {QStringLiteral("expiresIn"), 86400},
                 {QStringLiteral("customerId"), MayaId},
                 {QStringLiteral("scope"), tessera::Scopes::signIn().join(QLatin1Char(' '))},
                 {QStringLiteral("upgradableScope"), QStringLiteral("cards-write")}}}};
        QCOMPARE(signedIn.json, (QJsonObject{{QStringLiteral("data"), expected}}));

        // The token is Unit's, for Maya, with the sign-in scopes and no 2FA scope.
        const QUrl unit = m_unit->baseUrl();
        QCOMPARE(send("GET", unit, "/cards", {}, token).status, 200);
        QCOMPARE(send("GET", unit, "/accounts", {}, token).status, 200);
        QCOMPARE(send("GET", unit, "/customers/100001", {}, token).status, 200);
        QCOMPARE(send("GET", unit, "/customers/100002", {}, token).status, 404);
        QCOMPARE(send("POST", unit, "/cards/300001/freeze",
                      R"({"data":{"type":"cardFreeze","attributes":{}}})", token)
                     .status,
                 403);
        // A finished sign-in cannot be used again.
        QCOMPARE(enterCode(started.id(), RightCode).title(), SignInEnded);
    }

    void signInByEmailGivesAToken()
    {
        QVERIFY(startBroker());
        const Reply started = start("email", "Maya.Thompson@Example.com");
        QCOMPARE(started.status, 201);
        QVERIFY(waitForCodesSent(1));
        const Reply signedIn = enterCode(started.id(), RightCode);
        QCOMPARE(signedIn.status, 201);
        QCOMPARE(signedIn.attributes().value(QLatin1String("customerId")).toString(), MayaId);
    }

    void aBusinessAuthorizedUserGetsTheCodeOnTheirOwnPhone()
    {
        QVERIFY(startBroker());
        const Reply started = start("phone", R"({"countryCode":"1","number":"5035550174"})");
        QCOMPARE(started.status, 201);
        QVERIFY(waitForCodesSent(1));
        const Reply signedIn = enterCode(started.id(), RightCode);
        QCOMPARE(signedIn.status, 201);
        QCOMPARE(signedIn.attributes().value(QLatin1String("customerId")).toString(),
                 QStringLiteral("100006"));
    }

    void knownAndUnknownPhoneOrEmailAnswerAlikeInStatusBodyAndTime()
    {
        // "Unit" in a process of its own: in this one, its work on the code the broker asks
        // for a customer (and only for a customer) would be timed with the broker's answer,
        // which an attacker's clock does not see. It takes 30 ms to send a code, so an answer
        // that waited for it would stand out.
        tessera::test::SandboxProcess unit(
            {QStringLiteral("--fault"),
             QStringLiteral("POST /customers/*/token/verification delay delay=30")});
        QString error;
        QVERIFY2(unit.start(&error), qPrintable(error));
        QVERIFY(startBrokerFor(unit.baseUrl(), unit.orgToken(),
                               {QStringLiteral("[limits]"), QStringLiteral("startsPerAddress=1000"),
                                QStringLiteral("startsPerIdentifier=1000")}));
        const QList<QPair<const char *, QPair<QByteArray, QByteArray>>> pairs{
            {"phone", {MayaPhone, NobodysPhone}}, {"email", {MayaEmail, NobodysEmail}}};
        for (const auto &pair : pairs) {
            QList<qint64> known;
            QList<qint64> unknown;
            // Measured one at a time: what the broker does after an answer is over before the
            // next request goes out.
            const auto measure = [&](const QByteArray &identifier) {
                const Reply reply = start(pair.first, identifier);
                QTest::qWait(50);
                return reply;
            };
            measure(pair.second.first); // warm up the connections
            measure(pair.second.second);
            for (int i = 0; i < 15; ++i) {
                const Reply a = measure(pair.second.first);
                const Reply b = measure(pair.second.second);
                QCOMPARE(a.status, 201);
                QCOMPARE(b.withoutId(), a.withoutId());
                QVERIFY(a.id() != b.id());
                known.append(a.elapsedUs);
                unknown.append(b.elapsedUs);
            }
            const qint64 knownMedian = median(known);
            const qint64 unknownMedian = median(unknown);
            const qint64 tolerance = qMax<qint64>(10000, qMax(knownMedian, unknownMedian) / 2);
            qInfo("%s: known %lld us, unknown %lld us (medians of 15)", pair.first, knownMedian,
                  unknownMedian);
            QVERIFY2(qAbs(knownMedian - unknownMedian) <= tolerance,
                     qPrintable(QStringLiteral("%1: known %2 us, unknown %3 us")
                                    .arg(QLatin1String(pair.first))
                                    .arg(knownMedian)
                                    .arg(unknownMedian)));
        }
    }

    void anUnknownSignInsWrongCodesLookLikeARealOnes()
    {
        QVERIFY(startBroker());
        const Reply real = start("phone", MayaPhone);
        const Reply nobody = start("phone", NobodysPhone);
        QVERIFY(waitForCodesSent(1));
        for (int attemptsLeft = 4; attemptsLeft >= 0; --attemptsLeft) {
            const Reply a = enterCode(real.id(), WrongCode);
            const Reply b = enterCode(nobody.id(), WrongCode);
            QCOMPARE(a.status, 400);
            QCOMPARE(a.attemptsLeft(), attemptsLeft);
            QCOMPARE(b.withoutId(), a.withoutId());
        }
        // Five wrong codes end both alike; the right one comes too late.
        const Reply a = enterCode(real.id(), RightCode);
        const Reply b = enterCode(nobody.id(), RightCode);
        QCOMPARE(a.status, 404);
        QCOMPARE(a.title(), SignInEnded);
        QCOMPARE(b.withoutId(), a.withoutId());
        QCOMPARE(
            enterCode(QStringLiteral("0123456789abcdef0123456789abcdef"), RightCode).withoutId(),
            a.withoutId());
    }

    void anUnknownSignInsWrongCodesTakeAsLongAsARealOnes()
    {
        QVERIFY(startBroker({QStringLiteral("[limits]"), QStringLiteral("startsPerIdentifier=100"),
                             QStringLiteral("wrongCodesPerAddress=100"),
                             QStringLiteral("wrongCodesPerIdentifier=100")}));
        // Unit takes a while to check a code, as it does for real.
        const auto slowCheck = tessera::sandbox::FaultInjector::parseRule(
            QStringLiteral("POST /customers/*/token delay delay=30"));
        QVERIFY(slowCheck);
        m_unit->faults().addRule(*slowCheck);
        QList<qint64> real;
        QList<qint64> nobody;
        for (int round = 0; round < 3; ++round) {
            const Reply a = start("phone", MayaPhone);
            const Reply b = start("phone", NobodysPhone);
            QVERIFY(waitForCodesSent(round + 1));
            for (int i = 0; i < 5; ++i) {
                const Reply wrongA = enterCode(a.id(), WrongCode);
                const Reply wrongB = enterCode(b.id(), WrongCode);
                QCOMPARE(wrongB.withoutId(), wrongA.withoutId());
                real.append(wrongA.elapsedUs);
                nobody.append(wrongB.elapsedUs);
            }
        }
        const qint64 realMedian = median(real);
        const qint64 nobodyMedian = median(nobody);
        const qint64 tolerance = qMax<qint64>(10000, qMax(realMedian, nobodyMedian) / 2);
        qInfo("real %lld us, nobody %lld us (medians of 15)", realMedian, nobodyMedian);
        QVERIFY2(qAbs(realMedian - nobodyMedian) <= tolerance,
                 qPrintable(
                     QStringLiteral("real %1 us, nobody %2 us").arg(realMedian).arg(nobodyMedian)));
    }

    void codesSentAtOnceAreEachCountedBeforeTheyAreTried()
    {
        QVERIFY(startBroker());
        // Unit takes a while to check a code, as it does for real: the attempts overlap there.
        const auto slowCheck = tessera::sandbox::FaultInjector::parseRule(
            QStringLiteral("POST /customers/*/token delay delay=30"));
        QVERIFY(slowCheck);
        m_unit->faults().addRule(*slowCheck);
        const Reply started = start("phone", MayaPhone);
        QCOMPARE(started.status, 201);
        QVERIFY(waitForCodesSent(1));

        // Twelve wrong codes all in flight before the first is answered (two managers, six
        // connections each).
        QNetworkAccessManager otherClient;
        QNetworkRequest request(QUrl(m_broker->baseUrl().toString() +
                                     QStringLiteral("/v1/sign-ins/") + started.id() +
                                     QStringLiteral("/token")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/vnd.api+json"));
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 12; ++i)
            replies.append(
                (i % 2 == 0 ? m_network : otherClient).post(request, Reply::codeBody(WrongCode)));
        const bool allAnswered = QTest::qWaitFor(
            [&] {
                return std::all_of(replies.cbegin(), replies.cend(),
                                   [](const QNetworkReply *reply) { return reply->isFinished(); });
            },
            20000);
        QMap<int, int> statuses;
        QList<int> attemptsLeft;
        for (QNetworkReply *reply : replies) {
            const Reply answer = Reply::answerOf(reply);
            reply->deleteLater();
            ++statuses[answer.status];
            if (answer.status == 400) {
                QCOMPARE(answer.title(), CodeNotRight);
                attemptsLeft.append(answer.attemptsLeft());
            }
        }
        QVERIFY(allAnswered);
        QString seen;
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
            seen += QStringLiteral("%1 x%2; ").arg(it.key()).arg(it.value());
        // No more wrong codes tried than one sign-in allows, each with its own count.
        QVERIFY2(statuses.value(400) <= 5 && statuses.value(201) == 0, qPrintable(seen));
        std::sort(attemptsLeft.begin(), attemptsLeft.end());
        QVERIFY2(std::adjacent_find(attemptsLeft.cbegin(), attemptsLeft.cend()) ==
                     attemptsLeft.cend(),
                 qPrintable(seen));
        // The sign-in has used up its attempts: the right code comes too late.
        const Reply right = enterCode(started.id(), RightCode);
        QCOMPARE(right.status, 404);
        QCOMPARE(right.title(), SignInEnded);
    }

    void askingForMoreScopeIsRefused()
    {
        QVERIFY(startBroker());
        const Reply start = post(
            "/v1/sign-ins",
            R"({"data":{"type":"signIn","attributes":{"email":"maya.thompson@example.com","scope":"customers cards-write payments-write"}}})");
        QCOMPARE(start.status, 400);
        QCOMPARE(start.pointer(), QStringLiteral("/data/attributes/scope"));
        const Reply started = this->start("email", MayaEmail);
        QVERIFY(waitForCodesSent(1));
        const Reply finish = post(
            "/v1/sign-ins/" + started.id().toLatin1() + "/token",
            R"({"data":{"type":"signInCode","attributes":{"code":"000001","scope":"cards-write"}}})");
        QCOMPARE(finish.status, 400);
        QCOMPARE(finish.pointer(), QStringLiteral("/data/attributes/scope"));
        // A longer life than configured is cut to the configured one.
        QVERIFY(startBroker({QStringLiteral("[tokens]"), QStringLiteral("maxExpiresIn=3600")}));
        const Reply again = this->start("email", MayaEmail);
        QVERIFY(waitForCodesSent(1));
        const Reply signedIn = post(
            "/v1/sign-ins/" + again.id().toLatin1() + "/token",
            R"({"data":{"type":"signInCode","attributes":{"code":"000001","expiresIn":86400}}})");
        QCOMPARE(signedIn.status, 201);
        QCOMPARE(signedIn.attributes().value(QLatin1String("expiresIn")).toInt(), 3600);
    }

    void orgOnlyOrTwoFactorSignInScopesAreRefusedAtStart_data()
    {
        QTest::addColumn<QString>("scopes");
        QTest::addColumn<QString>("named");
        QTest::newRow("2FA") << QStringLiteral("customers cards cards-write")
                             << QStringLiteral("cards-write");
        QTest::newRow("org only") << QStringLiteral("customers webhooks-write")
                                  << QStringLiteral("webhooks-write");
        QTest::newRow("customer-token")
            << QStringLiteral("customers customer-token") << QStringLiteral("customer-token");
    }

    void orgOnlyOrTwoFactorSignInScopesAreRefusedAtStart()
    {
        QFETCH(QString, scopes);
        QFETCH(QString, named);
        BrokerProcess broker(m_unit->baseUrl(), m_unit->orgToken(),
                             {QStringLiteral("[tokens]"), QStringLiteral("signInScopes=") + scopes,
                              QStringLiteral("upgradableScopes=")});
        const int exitCode = broker.waitForExit();
        QVERIFY2(exitCode > 0, qPrintable(broker.log()));
        QVERIFY2(broker.log().contains(QLatin1Char('"') + named + QLatin1Char('"')),
                 qPrintable(broker.log()));
    }

    void startLimitsAnswer429WithRetryAfterAndRecover()
    {
        QVERIFY(startBroker({QStringLiteral("[limits]"), QStringLiteral("startsPerAddress=2"),
                             QStringLiteral("startWindow=2")}));
        QCOMPARE(start("phone", MayaPhone).status, 201);
        QCOMPARE(start("phone", NobodysPhone).status, 201);
        const Reply limited = start("email", NobodysEmail);
        QCOMPARE(limited.status, 429);
        QVERIFY2(limited.retryAfter == "1" || limited.retryAfter == "2", limited.retryAfter);
        QTest::qWait(2100);
        QCOMPARE(start("email", NobodysEmail).status, 201);
    }

    void wrongCodeLimitsAnswer429WithRetryAfterAndRecover()
    {
        QVERIFY(startBroker({QStringLiteral("[limits]"), QStringLiteral("wrongCodesPerAddress=2"),
                             QStringLiteral("wrongCodeWindow=2")}));
        const Reply started = start("phone", NobodysPhone);
        QCOMPARE(enterCode(started.id(), WrongCode).attemptsLeft(), 4);
        QCOMPARE(enterCode(started.id(), WrongCode).attemptsLeft(), 3);
        const Reply limited = enterCode(started.id(), WrongCode);
        QCOMPARE(limited.status, 429);
        QVERIFY2(limited.retryAfter == "1" || limited.retryAfter == "2", limited.retryAfter);
        QTest::qWait(2100);
        QCOMPARE(enterCode(started.id(), WrongCode).attemptsLeft(), 2);
    }

    void perPhoneLimitHoldsWhateverTheAddress()
    {
        QVERIFY(startBroker({QStringLiteral("[listen]"), QStringLiteral("behindProxy=true")}));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(startFrom("198.51.100." + QByteArray::number(i), NobodysPhone).status, 201);
        QCOMPARE(start("phone", NobodysPhone).status, 429);
        QCOMPARE(start("phone", MayaPhone).status, 201);
    }

    void behindAProxyTheClientIsTheLastForwardedAddress()
    {
        QVERIFY(startBroker({QStringLiteral("[listen]"), QStringLiteral("behindProxy=true"),
                             QStringLiteral("[limits]"), QStringLiteral("startsPerAddress=1")}));
        QCOMPARE(startFrom("198.51.100.1", MayaPhone).status, 201);
        QCOMPARE(startFrom("198.51.100.2", MayaPhone).status, 201);
        // The proxy appends the address it saw; what the client wrote before it is not trusted.
        QCOMPARE(startFrom("198.51.100.3, 198.51.100.1", MayaPhone).status, 429);
        QCOMPARE(startFrom("198.51.100.1, 198.51.100.4", MayaPhone).status, 201);
    }

    void withoutAProxyForwardedAddressesAreIgnored()
    {
        QVERIFY(startBroker({QStringLiteral("[limits]"), QStringLiteral("startsPerAddress=1")}));
        QCOMPARE(startFrom("198.51.100.1", MayaPhone).status, 201);
        QCOMPARE(startFrom("198.51.100.2", MayaPhone).status, 429);
    }

    void malformedRequestsGet4xx()
    {
        QVERIFY(startBrokerWithIdentityProvider());
        const struct
        {
            QByteArray method;
            QByteArray path;
            QByteArray body;
            int status;
        } cases[] = {
            {"POST", "/v1/sign-ins", "{not json", 400},
            {"POST", "/v1/sign-ins", R"({"data":{"type":"signIn","attributes":{"email":7}}})", 400},
            {"POST", "/v1/sign-ins", R"({"data":{"type":"signIn","attributes":{}}})", 400},
            {"POST", "/v1/sign-ins",
             Reply::startBody("phone", R"({"countryCode":"1","number":"12ab"})"), 400},
            {"POST", "/v1/sign-ins", Reply::startBody("email", QByteArray(100000, 'a')), 413},
            {"POST", "/v1/jwt-sign-ins", R"({"data":{"type":"jwtSignIn","attributes":{}}})", 400},
            {"POST", "/v1/nothing", "{}", 404},
            {"GET", "/v1/sign-ins", {}, 405},
            {"DELETE", "/healthz", {}, 405},
        };
        for (const auto &c : cases) {
            const Reply reply = send(c.method, m_broker->baseUrl(), c.path, c.body);
            QVERIFY2(reply.status == c.status,
                     qPrintable(QStringLiteral("%1 %2: %3 %4")
                                    .arg(QString::fromLatin1(c.method), QString::fromLatin1(c.path))
                                    .arg(reply.status)
                                    .arg(QString::fromUtf8(reply.body))));
            QCOMPARE(reply.error().value(QLatin1String("status")).toString(),
                     QString::number(c.status));
        }
        QCOMPARE(send("GET", m_broker->baseUrl(), "/healthz").status, 200); // still serving
    }

    void unreachableUnitGives503ForKnownAndUnknownAlike()
    {
        const int unitPort = m_unit->baseUrl().port();
        m_unit.reset(); // nothing listens there now
        QUrl unit;
        unit.setScheme(QStringLiteral("http"));
        unit.setHost(QStringLiteral("127.0.0.1"));
        unit.setPort(unitPort);
        m_broker = std::make_unique<BrokerProcess>(unit, QStringLiteral("org-token-for-nobody"));
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
        const Reply known = start("phone", MayaPhone);
        const Reply unknown = start("phone", NobodysPhone);
        QCOMPARE(known.status, 503);
        QCOMPARE(unknown.withoutId(), known.withoutId());
    }

    void unitFailingGives503AndLogsNoPhoneNumberOrEmail_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("500") << QStringLiteral("500");
        QTest::newRow("dropped") << QStringLiteral("drop-before-response");
    }

    void unitFailingGives503AndLogsNoPhoneNumberOrEmail()
    {
        QFETCH(QString, fault);
        const auto rule =
            tessera::sandbox::FaultInjector::parseRule(QStringLiteral("GET /customers ") + fault);
        QVERIFY(rule);
        m_unit->faults().addRule(*rule);
        QVERIFY(startBroker());
        const Reply byPhone = start("phone", MayaPhone);
        const Reply byEmail = start("email", MayaEmail);
        QCOMPARE(byPhone.status, 503);
        QCOMPARE(byEmail.withoutId(), byPhone.withoutId());
        QVERIFY(QTest::qWaitFor(
            [&] { return m_broker->log().count(QLatin1String("customer list failed")) >= 2; },
            5000));
        const QString log = m_broker->log();
        QVERIFY2(!log.contains(QLatin1String("4155550142")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("maya.thompson")), qPrintable(log));
    }

    void secretsAppearNeitherInTheLogNorInTheProcessList()
    {
        QVERIFY(startBroker());
        const Reply started = start("phone", MayaPhone);
        QVERIFY(waitForCodesSent(1));
        enterCode(started.id(), WrongCode);
        const Reply signedIn = enterCode(started.id(), RightCode);
        QCOMPARE(signedIn.status, 201);
        const QString token = signedIn.attributes().value(QLatin1String("token")).toString();
        QVERIFY(QTest::qWaitFor(
            [&] { return m_broker->log().contains(QLatin1String("signed in")); }, 5000));
        start("email", MayaEmail);
        QVERIFY(waitForCodesSent(2));

        const QString log = m_broker->log();
        QVERIFY2(log.contains(QStringLiteral("+1 \u2022\u2022\u2022\u2022 0142")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("m\u2022\u2022\u2022@example.com")), qPrintable(log));
        const QStringList secrets{m_unit->orgToken(),
                                  token,
                                  RightCode,
                                  WrongCode,
                                  QStringLiteral("4155550142"),
                                  QString::fromLatin1(MayaEmail)};
        for (const QString &secret : secrets)
            QVERIFY2(!log.contains(secret), "a secret or an unmasked identifier is in the log");
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_broker->processId()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray arguments = cmdline.readAll();
        QVERIFY(arguments.contains("--config"));
        QVERIFY(!arguments.contains(m_unit->orgToken().toUtf8()));
    }

    void jwtSignInGivesATokenAndRefusesUnknownEmailAndWrongSubjectAlike()
    {
        QVERIFY(startBrokerWithIdentityProvider());
        const Reply signedIn =
            post("/v1/jwt-sign-ins",
                 Reply::jwtBody(jwtFor(QString::fromLatin1(MayaEmail), MayaJwtSubject)));
        QCOMPARE(signedIn.status, 201);
        QCOMPARE(signedIn.attributes().value(QLatin1String("customerId")).toString(), MayaId);
        QCOMPARE(signedIn.attributes().value(QLatin1String("scope")).toString(),
                 tessera::Scopes::signIn().join(QLatin1Char(' ')));
        const QString token = signedIn.attributes().value(QLatin1String("token")).toString();
        QCOMPARE(send("GET", m_unit->baseUrl(), "/cards", {}, token).status, 200);

        const Reply unknownEmail =
            post("/v1/jwt-sign-ins",
                 Reply::jwtBody(jwtFor(QString::fromLatin1(NobodysEmail), MayaJwtSubject)));
        const Reply wrongSubject =
            post("/v1/jwt-sign-ins", Reply::jwtBody(jwtFor(QString::fromLatin1(MayaEmail),
                                                           QStringLiteral("auth0|somebody-else"))));
        const Reply notAJwt = post("/v1/jwt-sign-ins", Reply::jwtBody(QStringLiteral("not-a-jwt")));
        QCOMPARE(unknownEmail.status, 401);
        QCOMPARE(unknownEmail.title(), SignInRefused);
        QCOMPARE(wrongSubject.withoutId(), unknownEmail.withoutId());
        QCOMPARE(notAJwt.withoutId(), unknownEmail.withoutId());
        QVERIFY(!m_broker->log().contains(token));
    }

    void anIdTokenFailingAnyCheckIsRefusedAlikeBeforeUnitIsAsked()
    {
        QVERIFY(startBrokerWithIdentityProvider());
        const QString maya = QString::fromLatin1(MayaEmail);
        QCOMPARE(post("/v1/jwt-sign-ins", Reply::jwtBody(mayaJwt(m_identityProvider))).status, 201);
        const Reply reference =
            post("/v1/jwt-sign-ins",
                 Reply::jwtBody(jwtFor(QString::fromLatin1(NobodysEmail), MayaJwtSubject)));
        QCOMPARE(reference.status, 401);

        QJsonObject otherIssuer = idTokenClaims(maya, MayaJwtSubject);
        otherIssuer.insert(QStringLiteral("iss"), QStringLiteral("https://elsewhere.example/"));
        QJsonObject otherAudience = idTokenClaims(maya, MayaJwtSubject);
        otherAudience.insert(QStringLiteral("aud"), QStringLiteral("another-app"));
        const auto part = [](const QJsonObject &object) {
            return TestSigningKey::base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
        };
        const QString algNone =
            QString::fromLatin1(part({{QStringLiteral("alg"), QStringLiteral("none")},
                                      {QStringLiteral("kid"), m_identityProvider.kid()}}) +
                                '.' + part(idTokenClaims(maya, MayaJwtSubject)) + '.');
        const QList<QPair<QString, QString>> refusals = {
            {QStringLiteral("UnknownKey"), mayaJwt(TestSigningKey())},
            {QStringLiteral("BadSignature"), mayaJwt(TestSigningKey(m_identityProvider.kid()))},
            {QStringLiteral("Expired"),
             m_identityProvider.sign(idTokenClaims(maya, MayaJwtSubject, -120))},
            {QStringLiteral("WrongIssuer"), m_identityProvider.sign(otherIssuer)},
            {QStringLiteral("WrongAudience"), m_identityProvider.sign(otherAudience)},
            {QStringLiteral("UnsupportedAlgorithm"), algNone},
        };
        int unitRequests = 0;
        connect(m_unit.get(), &SandboxServer::requestReceived, this, [&] { ++unitRequests; });
        for (const auto &[reason, jwt] : refusals) {
            const Reply refused = post("/v1/jwt-sign-ins", Reply::jwtBody(jwt));
            QVERIFY2(refused.withoutId() == reference.withoutId(), qPrintable(reason));
            QVERIFY2(m_broker->log().contains(QStringLiteral("refused: ") + reason),
                     qPrintable(m_broker->log()));
            QVERIFY2(!m_broker->log().contains(jwt.section(QLatin1Char('.'), 1, 1)),
                     "the ID token is in the log");
        }
        QCOMPARE(unitRequests, 0); // nobody was looked up for a token that failed its checks
    }

    void anUnknownKeyFetchesTheKeysOnceAndIsTakenAfterARotation()
    {
        const TestSigningKey rotated;
        // "Unit" knows both keys of the bank's identity provider.
        m_unit->setIdentityProvider(
            *tessera::Jwks::fromJson(jwksOf({&m_identityProvider, &rotated}), nullptr), JwtIssuer);
        tessera::test::JwksServer provider;
        provider.setJwks(m_identityProvider.jwksJson());
        QVERIFY(startBroker(identityProviderConfig(provider.url().toString())));
        QCOMPARE(provider.requests(), 1);
        QCOMPARE(post("/v1/jwt-sign-ins", Reply::jwtBody(mayaJwt(m_identityProvider))).status, 201);
        QCOMPARE(provider.requests(), 1);

        provider.setJwks(rotated.jwksJson());
        const Reply afterRotation = post("/v1/jwt-sign-ins", Reply::jwtBody(mayaJwt(rotated)));
        QCOMPARE(afterRotation.status, 201);
        QCOMPARE(afterRotation.attributes().value(QLatin1String("customerId")).toString(), MayaId);
        QCOMPARE(provider.requests(), 2);

        // A made-up kid right after does not make the broker fetch again.
        const Reply madeUp = post("/v1/jwt-sign-ins", Reply::jwtBody(mayaJwt(TestSigningKey())));
        QCOMPARE(madeUp.status, 401);
        QCOMPARE(provider.requests(), 2);
    }

    void withoutIdentityProviderJwtSignInIsNotThere()
    {
        QVERIFY(startBroker());
        const Reply answer = post("/v1/jwt-sign-ins", Reply::jwtBody(mayaJwt(m_identityProvider)));
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.title(),
                 QStringLiteral("Signing in with an identity token is not set up on this server."));
        QCOMPARE(post("/v1/jwt-sign-ins", "{}").status, 404);
    }

    void aBadIdentityProviderConfigurationStopsTheBroker_data()
    {
        QTest::addColumn<QStringList>("config");
        QTest::addColumn<QString>("message");
        const QString together = QStringLiteral("needs jwks, issuer and audience");
        QTest::newRow("jwks alone") << QStringList{QStringLiteral("[identityProvider]"),
                                                   QStringLiteral("jwks=/etc/jwks.json")}
                                    << together;
        QTest::newRow("no audience") << QStringList{QStringLiteral("[identityProvider]"),
                                                    QStringLiteral("jwks=/etc/jwks.json"),
                                                    QStringLiteral("issuer=") + JwtIssuer}
                                     << together;
        QTest::newRow("issuer alone") << QStringList{QStringLiteral("[identityProvider]"),
                                                     QStringLiteral("issuer=") + JwtIssuer}
                                      << together;
        QTest::newRow("plain http off this computer")
            << identityProviderConfig(QStringLiteral("http://id.bank.example/jwks"))
            << QStringLiteral("over https");
        QTest::newRow("no such file")
            << identityProviderConfig(QStringLiteral("/nonexistent/jwks.json"))
            << QStringLiteral("could not be loaded");
        QTest::newRow("nothing listens at the address")
            << identityProviderConfig(tessera::test::closedLoopbackUrl().toString() +
                                      QStringLiteral("/jwks.json"))
            << QStringLiteral("could not be loaded");
    }
    void aBadIdentityProviderConfigurationStopsTheBroker()
    {
        QFETCH(QStringList, config);
        QFETCH(QString, message);
        BrokerProcess broker(m_unit->baseUrl(), m_unit->orgToken(), config);
        const int exitCode = broker.waitForExit();
        QVERIFY2(exitCode > 0, qPrintable(broker.log()));
        QVERIFY2(broker.log().contains(message), qPrintable(broker.log()));
    }

    void aProviderThatRedirectsItsKeysStopsTheBroker()
    {
        tessera::test::JwksServer elsewhere;
        elsewhere.setJwks(m_identityProvider.jwksJson());
        tessera::test::JwksServer provider;
        provider.setRedirect(elsewhere.url());
        BrokerProcess broker(m_unit->baseUrl(), m_unit->orgToken(),
                             identityProviderConfig(provider.url().toString()));
        QVERIFY2(broker.waitForExit() > 0, qPrintable(broker.log()));
        QVERIFY2(broker.log().contains(QLatin1String("redirect")), qPrintable(broker.log()));
        QCOMPARE(elsewhere.requests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBrokerSignIn)
#include "tst_brokersignin.moc"
