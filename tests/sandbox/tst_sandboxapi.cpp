// End-to-end tests of the sandbox over real HTTP on an ephemeral loopback port. Request bodies
// are written by hand as raw JSON so the wire format is checked independently of the codec.

#include "MessageCapture.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "TestSigningKey.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <utility>

using tessera::sandbox::SandboxRequest;
using tessera::sandbox::SandboxServer;
using tessera::test::TestSigningKey;

namespace {

const QString MayaId = QStringLiteral("100001"); // 2 open accounts, 4 cards
const QString MayaChecking = QStringLiteral("200001");
const QString DanielId = QStringLiteral("100002"); // owns the closed account 200004
const QString DanielCard = QStringLiteral("300005");
const QString DanielClosedAccount = QStringLiteral("200004");
const QString BulkId = QStringLiteral("100005"); // 5000 generated cards
const QString MayaJwtSubject = QStringLiteral("auth0|64f1c2a9e3b7d10001maya");
const QString NoJwtSubjectId = QStringLiteral("100006"); // Northwind: no jwtSubject
const QString JwtIssuer = QStringLiteral("https://maya-bank.example.auth0.com/");

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QJsonObject json;

    QJsonObject data() const { return json.value(QLatin1String("data")).toObject(); }
    QJsonArray list() const { return json.value(QLatin1String("data")).toArray(); }
    QJsonObject attributes() const { return data().value(QLatin1String("attributes")).toObject(); }
    QJsonObject firstError() const
    {
        return json.value(QLatin1String("errors")).toArray().first().toObject();
    }
    QString errorDetail() const { return firstError().value(QLatin1String("detail")).toString(); }
    QString errorPointer() const
    {
        return firstError()
            .value(QLatin1String("source"))
            .toObject()
            .value(QLatin1String("pointer"))
            .toString();
    }
    QStringList errorPointers() const
    {
        QStringList pointers;
        for (const QJsonValue &e : json.value(QLatin1String("errors")).toArray())
            pointers.append(e.toObject()
                                .value(QLatin1String("source"))
                                .toObject()
                                .value(QLatin1String("pointer"))
                                .toString());
        return pointers;
    }
    int total() const
    {
        return json.value(QLatin1String("meta"))
            .toObject()
            .value(QLatin1String("pagination"))
            .toObject()
            .value(QLatin1String("total"))
            .toInt(-1);
    }
    QStringList ids() const
    {
        QStringList result;
        for (const QJsonValue &item : list())
            result.append(item.toObject().value(QLatin1String("id")).toString());
        return result;
    }
};

QJsonValue at(const QJsonValue &root, const char *path)
{
    QJsonValue value = root;
    for (const QByteArray &part : QByteArray(path).split('/')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(QLatin1String(part));
    }
    return value;
}

QByteArray json(const char *text)
{
    return QByteArray(text);
}

} // namespace

class TestSandboxApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_network;
    TestSigningKey m_jwtKey; // the org's identity provider, where a test sets one up
    // Requests answered with an error `code`, which Unit documents for none of them.
    QStringList m_errorCodes;

    Reply send(const QByteArray &method, const QByteArray &pathAndQuery, const QString &token,
               const QByteArray &body = {},
               const QByteArray &contentType = "application/vnd.api+json")
    {
        const QUrl url =
            QUrl::fromEncoded(m_server->baseUrl().toEncoded() + pathAndQuery, QUrl::StrictMode);
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.contentType = reply->rawHeader("Content-Type");
        result.json = QJsonDocument::fromJson(result.body).object();
        for (const QJsonValue &error : result.json.value(QLatin1String("errors")).toArray()) {
            if (error.toObject().contains(QLatin1String("code")))
                m_errorCodes.append(QString::fromLatin1(method + ' ' + pathAndQuery));
        }
        reply->deleteLater();
        return result;
    }

    Reply get(const QByteArray &pathAndQuery, const QString &token)
    {
        return send("GET", pathAndQuery, token);
    }
    Reply post(const QByteArray &path, const QString &token, const QByteArray &body = {})
    {
        return send("POST", path, token, body);
    }
    QString org() const { return m_server->orgToken(); }

    // POST /customers/{id}/token/verification with `bearer` (the org token when empty).
    Reply verify(const QString &customerId, const QString &bearer = {})
    {
        return post("/customers/" + customerId.toLatin1() + "/token/verification",
                    bearer.isEmpty() ? org() : bearer,
                    json(R"({"data":{"type":"customerTokenVerification",)"
                         R"("attributes":{"channel":"sms"}}})"));
    }

    QString startVerification(const QString &customerId, const QString &bearer = {})
    {
        const Reply reply = verify(customerId, bearer);
        [&] { QCOMPARE(reply.status, 201); }();
        return reply.attributes().value(QLatin1String("verificationToken")).toString();
    }

    // POST /customers/{id}/token with `bearer`; `extra` is more attributes, as raw JSON.
    Reply requestTokenAs(const QString &bearer, const QString &customerId, const QString &scope,
                         const QString &verificationToken = {}, const QString &code = {},
                         const QString &extra = {})
    {
        QString attributes = QStringLiteral("\"scope\":\"%1\"").arg(scope);
        if (!verificationToken.isEmpty())
            attributes += QStringLiteral(",\"verificationToken\":\"%1\"").arg(verificationToken);
        if (!code.isEmpty())
            attributes += QStringLiteral(",\"verificationCode\":\"%1\"").arg(code);
        if (!extra.isEmpty())
            attributes += QLatin1Char(',') + extra;
        const QString body =
            QStringLiteral("{\"data\":{\"type\":\"customerToken\",\"attributes\":{%1}}}")
                .arg(attributes);
        return post("/customers/" + customerId.toLatin1() + "/token", bearer, body.toUtf8());
    }

    Reply requestToken(const QString &customerId, const QString &scope,
                       const QString &verificationToken = {}, const QString &code = {},
                       const QString &extra = {})
    {
        return requestTokenAs(org(), customerId, scope, verificationToken, code, extra);
    }

    static QString tokenOf(const Reply &reply)
    {
        return reply.attributes().value(QLatin1String("token")).toString();
    }

    // A customer token through the full OTP flow, minted by `bearer` (the org token when empty).
    QString customerToken(const QString &customerId,
                          const QString &scope = QStringLiteral("customers accounts cards "
                                                                "cards-write"),
                          const QString &extra = {}, const QString &bearer = {})
    {
        const QString verification = startVerification(customerId, bearer);
        const Reply reply = requestTokenAs(bearer.isEmpty() ? org() : bearer, customerId, scope,
                                           verification, QStringLiteral("000001"), extra);
        [&] { QCOMPARE(reply.status, 201); }();
        return tokenOf(reply);
    }

    // An error answer without what differs between two equally "not found" things: the id it
    // names and its supportId. Two answers must compare equal byte for byte after this.
    static QByteArray withoutId(const Reply &reply, const QString &id)
    {
        QJsonArray errors = reply.json.value(QLatin1String("errors")).toArray();
        for (QJsonValueRef ref : errors) {
            QJsonObject error = ref.toObject();
            error.remove(QStringLiteral("meta"));
            error.insert(
                QStringLiteral("detail"),
                error.value(QLatin1String("detail")).toString().replace(id, QLatin1String("{id}")));
            ref = error;
        }
        return QByteArray::number(reply.status) + ' ' +
               QJsonDocument(QJsonObject{{QStringLiteral("errors"), errors}})
                   .toJson(QJsonDocument::Compact);
    }

    QByteArray createCardBody(const QString &accountId, const QString &idempotencyKey = {},
                              const char *type = "individualDebitCard")
    {
        QString attributes;
        if (!idempotencyKey.isEmpty())
            attributes = QStringLiteral("\"idempotencyKey\":\"%1\"").arg(idempotencyKey);
        return QStringLiteral("{\"data\":{\"type\":\"%1\",\"attributes\":{%2},"
                              "\"relationships\":{\"account\":{\"data\":{\"type\":"
                              "\"depositAccount\",\"id\":\"%3\"}}}}}")
            .arg(QLatin1String(type), attributes, accountId)
            .toUtf8();
    }

    QString createCard(const QString &token, const QString &accountId,
                       const char *type = "individualDebitCard")
    {
        const Reply reply = post("/cards", token, createCardBody(accountId, {}, type));
        [&] { QCOMPARE(reply.status, 201); }();
        return reply.data().value(QLatin1String("id")).toString();
    }

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        QVERIFY(m_server->start() != 0);
        QVERIFY(m_server->cardCount() >= 5013);
    }
    void cleanup()
    {
        m_server.reset();
        const QStringList withCodes = std::exchange(m_errorCodes, {});
        QVERIFY2(withCodes.isEmpty(), qPrintable(withCodes.join(QStringLiteral(", "))));
    }

    void errorsCarryExactlyWhatUnitDocuments()
    {
        const QString maya = customerToken(MayaId, QStringLiteral("customers accounts cards"));
        const QByteArray invalidAddress =
            R"({"data":{"type":"individualDebitCard","attributes":{"shippingAddress":)"
            R"({"street":"","city":"Palo Alto","state":"CA","postalCode":"9430","country":"US"}},)"
            R"("relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})";
        const QList<std::pair<int, Reply>> replies = {
            {401, get("/cards", {})},
            {403, post("/cards", maya, createCardBody(MayaChecking))},
            {404, get("/cards/999999", org())},
            {405, send("DELETE", "/cards", org())},
            {415, send("POST", "/cards", org(), createCardBody(MayaChecking), "text/plain")},
            {400, post("/cards", org(), invalidAddress)},
        };
        const QSet<QString> plain = {QStringLiteral("status"), QStringLiteral("title"),
                                     QStringLiteral("detail"), QStringLiteral("meta")};
        for (const auto &[status, reply] : replies) {
            QCOMPARE(reply.status, status);
            const QJsonArray errors = reply.json.value(QLatin1String("errors")).toArray();
            QVERIFY(!errors.isEmpty());
            for (const QJsonValue &value : errors) {
                const QJsonObject error = value.toObject();
                const QStringList names = error.keys();
                QSet<QString> keys(names.begin(), names.end());
                QCOMPARE(error.value(QLatin1String("status")).toString(), QString::number(status));
                QVERIFY(!error.value(QLatin1String("title")).toString().isEmpty());
                QVERIFY(!error.value(QLatin1String("detail")).toString().isEmpty());
                QVERIFY(!at(error, "meta/supportId").toString().isEmpty());
                if (status == 400) {
                    QVERIFY(at(error, "source/pointer")
                                .toString()
                                .startsWith(QLatin1String("/data/attributes/shippingAddress/")));
                    keys.remove(QStringLiteral("source"));
                }
                QCOMPARE(keys, plain);
            }
        }
        // Both address fields are named at once.
        QCOMPARE(replies.last().second.errorPointers(),
                 (QStringList{QStringLiteral("/data/attributes/shippingAddress/street"),
                              QStringLiteral("/data/attributes/shippingAddress/postalCode")}));
    }

    void accountsAlwaysCarryTagsAndLimitsCarryNoId()
    {
        const Reply accounts = get("/accounts", org());
        QCOMPARE(accounts.status, 200);
        QVERIFY(!accounts.list().isEmpty());
        for (const QJsonValue &account : accounts.list())
            QVERIFY2(at(account, "attributes/tags").isObject(),
                     qPrintable(at(account, "id").toString()));
        const Reply limits = get("/cards/300001/limits", org());
        QCOMPARE(limits.status, 200);
        QCOMPARE(limits.data().keys(),
                 (QStringList{QStringLiteral("attributes"), QStringLiteral("type")}));
    }

    void missingOrUnknownTokenIs401()
    {
        Reply reply = get("/cards", {});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.contentType, QByteArray("application/vnd.api+json; charset=utf-8"));
        const QJsonObject error = reply.firstError();
        QCOMPARE(error.value(QLatin1String("status")).toString(), QStringLiteral("401"));
        QVERIFY(!error.value(QLatin1String("title")).toString().isEmpty());
        QVERIFY(!error.value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("supportId"))
                     .toString()
                     .isEmpty());
        QCOMPARE(get("/cards", QStringLiteral("v2.public.not-a-token")).status, 401);
        QCOMPARE(get("/cards", org()).status, 200);
    }

    // Unit mints customer tokens only for a bearer with customer-token-write; the sandbox has
    // no mode that takes these calls without one (a bank's app signs in through tessera-broker).
    void tokenEndpointsWithoutABearerAre401()
    {
        const QByteArray verification =
            R"({"data":{"type":"customerTokenVerification","attributes":{"channel":"sms"}}})";
        QCOMPARE(post("/customers/100001/token/verification", {}, verification).status, 401);
        const QByteArray token =
            R"({"data":{"type":"customerToken","attributes":{"scope":"customers"}}})";
        QCOMPARE(post("/customers/100001/token", {}, token).status, 401);
        QCOMPARE(post("/customers/100001/token", org(), token).status, 201);
    }

    void orgTokenIsRandomAndReplaceable()
    {
        SandboxServer other;
        QVERIFY(!org().isEmpty());
        QVERIFY(other.orgToken() != org());
        const QString old = org();
        m_server->setOrgToken(QStringLiteral("test-org-token"));
        QCOMPARE(get("/cards?page[limit]=1", old).status, 401);
        QCOMPARE(get("/cards?page[limit]=1", QStringLiteral("test-org-token")).status, 200);
    }

    void otpWrongThenRight()
    {
        const QString verification = startVerification(MayaId);
        QVERIFY(verification.size() >= 32);
        Reply wrong = requestToken(MayaId, QStringLiteral("cards cards-write"), verification,
                                   QStringLiteral("123456"));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorPointer(), QStringLiteral("/data/attributes/verificationCode"));
        Reply right = requestToken(MayaId, QStringLiteral("cards cards-write"), verification,
                                   QStringLiteral("000001"));
        QCOMPARE(right.status, 201);
        QCOMPARE(right.data().value(QLatin1String("type")).toString(),
                 QStringLiteral("customerBearerToken"));
        QCOMPARE(right.attributes().value(QLatin1String("expiresIn")).toInt(), 86400);
        QVERIFY(!right.attributes().value(QLatin1String("token")).toString().isEmpty());
    }

    void verificationExpiresAfterTenMinutes()
    {
        const QString verification = startVerification(MayaId);
        m_server->setClockOffset(601);
        Reply reply = requestToken(MayaId, QStringLiteral("cards-write"), verification,
                                   QStringLiteral("000001"));
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.errorDetail().contains(QLatin1String("expired")),
                 qPrintable(reply.errorDetail()));
    }

    void verificationStillValidJustBeforeExpiry()
    {
        const QString verification = startVerification(MayaId);
        m_server->setClockOffset(590);
        QCOMPARE(requestToken(MayaId, QStringLiteral("cards-write"), verification,
                              QStringLiteral("000001"))
                     .status,
                 201);
    }

    void verificationCannotBeReused()
    {
        const QString verification = startVerification(MayaId);
        QCOMPARE(requestToken(MayaId, QStringLiteral("cards-write"), verification,
                              QStringLiteral("000001"))
                     .status,
                 201);
        Reply again = requestToken(MayaId, QStringLiteral("cards-write"), verification,
                                   QStringLiteral("000001"));
        QCOMPARE(again.status, 400);
        QVERIFY2(again.errorDetail().contains(QLatin1String("already used")),
                 qPrintable(again.errorDetail()));
    }

    void sixthAttemptAfterFiveWrongCodesIsRefused()
    {
        const QString verification = startVerification(MayaId);
        for (int i = 0; i < 5; ++i) {
            Reply wrong = requestToken(MayaId, QStringLiteral("cards-write"), verification,
                                       QStringLiteral("99999%1").arg(i));
            QCOMPARE(wrong.status, 400);
            QCOMPARE(wrong.errorPointer(), QStringLiteral("/data/attributes/verificationCode"));
        }
        Reply sixth = requestToken(MayaId, QStringLiteral("cards-write"), verification,
                                   QStringLiteral("000001"));
        QCOMPARE(sixth.status, 400);
        QVERIFY2(sixth.errorDetail().contains(QLatin1String("Too many wrong codes")),
                 qPrintable(sixth.errorDetail()));
    }

    void newerVerificationInvalidatesOlder()
    {
        const QString older = startVerification(MayaId);
        const QString newer = startVerification(MayaId);
        QVERIFY(older != newer);
        Reply stale =
            requestToken(MayaId, QStringLiteral("cards-write"), older, QStringLiteral("000001"));
        QCOMPARE(stale.status, 400);
        QVERIFY2(stale.errorDetail().contains(QLatin1String("newer verification")),
                 qPrintable(stale.errorDetail()));
        QCOMPARE(
            requestToken(MayaId, QStringLiteral("cards-write"), newer, QStringLiteral("000001"))
                .status,
            201);
    }

    void verificationBelongsToItsCustomer()
    {
        const QString mayas = startVerification(MayaId);
        Reply reply =
            requestToken(DanielId, QStringLiteral("cards-write"), mayas, QStringLiteral("000001"));
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.errorDetail().contains(QLatin1String("unknown or belongs")),
                 qPrintable(reply.errorDetail()));
    }

    void verificationRequestValidation()
    {
        auto verify = [this](const QByteArray &attributes, const QString &customer = MayaId) {
            return post("/customers/" + customer.toLatin1() + "/token/verification", org(),
                        R"({"data":{"type":"customerTokenVerification","attributes":)" +
                            attributes + "}}");
        };
        QCOMPARE(verify(R"({"channel":"call","language":"de"})").status, 201);
        QCOMPARE(verify(R"({"channel":"sms","appHash":"AbCdEfGhIjK"})").status, 201);
        Reply unknown = verify(R"({"channel":"sms","carrier":"x"})");
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.errorPointer(), QStringLiteral("/data/attributes/carrier"));
        QCOMPARE(verify(R"({})").status, 400);
        QCOMPARE(verify(R"({"channel":"email"})").status, 400);
        QCOMPARE(verify(R"({"channel":"sms","appHash":"short"})").status, 400);
        const Reply unknownLanguage = verify(R"({"channel":"sms","language":"xx"})");
        QCOMPARE(unknownLanguage.status, 400);
        QCOMPARE(unknownLanguage.errorPointer(), QStringLiteral("/data/attributes/language"));
        QCOMPARE(verify(R"({"channel":"sms","language":"es"})").status, 201);
        // An individual customer gets the code on their own phone: naming one is refused.
        const Reply individualPhone =
            verify(R"({"channel":"sms","phone":{"countryCode":"1","number":"5555555555"}})");
        QCOMPARE(individualPhone.status, 400);
        QCOMPARE(individualPhone.errorPointer(), QStringLiteral("/data/attributes/phone"));
        QCOMPARE(verify(R"({"channel":"sms"})", QStringLiteral("999999")).status, 404);
        const QString customer = customerToken(MayaId, QStringLiteral("customers"));
        QCOMPARE(
            post("/customers/100001/token/verification", customer,
                 R"({"data":{"type":"customerTokenVerification","attributes":{"channel":"sms"}}})")
                .status,
            403);
    }

    void aBusinessGetsTheCodeOnItsContactsOrANamedAuthorizedUsersPhone()
    {
        const QString business = tessera::test::seed::northwindCoffee;
        Reply customer = get("/customers/" + business.toLatin1(), org());
        QCOMPARE(customer.status, 200);
        QCOMPARE(at(customer.data(), "type").toString(), QStringLiteral("businessCustomer"));
        QCOMPARE(at(customer.attributes(), "contact/fullName/first").toString(),
                 QStringLiteral("Elena"));
        QCOMPARE(at(customer.attributes(), "contact/phone/number").toString(),
                 QStringLiteral("5035550161"));
        const QJsonArray users =
            customer.attributes().value(QLatin1String("authorizedUsers")).toArray();
        QCOMPARE(users.size(), 2);
        QCOMPARE(users.at(0).toObject().value(QLatin1String("email")).toString(),
                 QStringLiteral("marcus.lee@example.com"));

        auto verify = [this, &business](const QByteArray &phone) {
            const QByteArray attributes = phone.isEmpty()
                                              ? QByteArray(R"({"channel":"sms"})")
                                              : R"({"channel":"sms","phone":)" + phone + "}";
            return post("/customers/" + business.toLatin1() + "/token/verification", org(),
                        R"({"data":{"type":"customerTokenVerification","attributes":)" +
                            attributes + "}}");
        };
        QLoggingCategory::setFilterRules(QStringLiteral("tessera.sandbox.info=true"));
        tessera::test::MessageCapture capture;
        const Reply toContact = verify({});
        const Reply toUser = verify(R"({"countryCode":"1","number":"5035550174"})");
        // Not an authorized user's phone: the contact's, the business's own, a user's number
        // under another country code.
        const Reply contactNamed = verify(R"({"countryCode":"1","number":"5035550161"})");
        const Reply businessPhone = verify(R"({"countryCode":"1","number":"5035550150"})");
        const Reply wrongCountry = verify(R"({"countryCode":"44","number":"5035550174"})");
        capture.stop();
        QLoggingCategory::setFilterRules(QString());

        QCOMPARE(toContact.status, 201);
        QCOMPARE(toUser.status, 201);
        for (const Reply *refused : {&contactNamed, &businessPhone, &wrongCountry}) {
            QCOMPARE(refused->status, 400);
            QCOMPARE(refused->errorPointer(), QStringLiteral("/data/attributes/phone"));
            QVERIFY2(refused->errorDetail().contains(QLatin1String("authorized user")),
                     qPrintable(refused->errorDetail()));
            QVERIFY(!refused->firstError().contains(QLatin1String("code")));
        }
        // The log says where each code went, masked, and never the code.
        QStringList started;
        for (const QString &line : capture.messages()) {
            if (line.contains(QLatin1String("verification started")))
                started << line;
            QVERIFY2(!line.contains(QLatin1String("000001")), qPrintable(line));
        }
        QCOMPARE(started.size(), 2);
        QVERIFY2(started.at(0).contains(QLatin1String("the business contact +1 ******0161")),
                 qPrintable(started.at(0)));
        QVERIFY2(started.at(1).contains(QLatin1String("an authorized user +1 ******0174")),
                 qPrintable(started.at(1)));
        for (const QString &line : std::as_const(started))
            QVERIFY2(!line.contains(QLatin1String("5035550")), qPrintable(line));
    }

    void tokenRequestValidation()
    {
        Reply unknownScope = requestToken(MayaId, QStringLiteral("cards teleport"));
        QCOMPARE(unknownScope.status, 400);
        QVERIFY2(unknownScope.errorDetail().contains(QLatin1String("is not a Unit scope")),
                 qPrintable(unknownScope.errorDetail()));
        QCOMPARE(
            requestToken(MayaId, QStringLiteral("cards"), {}, {}, QStringLiteral("\"expiresIn\":0"))
                .status,
            400);
        QCOMPARE(requestToken(MayaId, QStringLiteral("cards"), {}, {},
                              QStringLiteral("\"expiresIn\":86401"))
                     .status,
                 400);
        QCOMPARE(requestToken(MayaId, QStringLiteral("cards"), {}, {},
                              QStringLiteral("\"expiresIn\":\"60\""))
                     .status,
                 400);
        QCOMPARE(requestToken(MayaId, QString()).status, 400);
        QCOMPARE(requestToken(MayaId, QStringLiteral("cards"), {}, {},
                              QStringLiteral("\"colour\":\"blue\""))
                     .status,
                 400);
        // resources/upgradableScope are accepted (and enforced: see the tests below).
        QCOMPARE(
            requestToken(MayaId, QStringLiteral("cards customer-token-write"), {}, {},
                         QStringLiteral("\"upgradableScope\":\"cards-write\","
                                        "\"resources\":[{\"type\":\"card\",\"ids\":[\"300001\"]}]"))
                .status,
            201);
        QCOMPARE(requestToken(QStringLiteral("999999"), QStringLiteral("cards")).status, 404);
    }

    void scopesAreEnforced()
    {
        Reply readOnly = requestToken(MayaId, QStringLiteral("customers accounts cards"));
        QCOMPARE(readOnly.status, 201); // no 2FA needed for read scopes
        const QString token = readOnly.attributes().value(QLatin1String("token")).toString();
        QCOMPARE(get("/cards", token).status, 200);
        Reply denied = post("/cards", token, createCardBody(MayaChecking));
        QCOMPARE(denied.status, 403);
        QVERIFY2(denied.errorDetail().contains(QLatin1String("lacks the")),
                 qPrintable(denied.errorDetail()));
        QCOMPARE(post("/cards/300001/freeze", token).status, 403);

        Reply twoFactor = requestToken(MayaId, QStringLiteral("cards cards-write"));
        QCOMPARE(twoFactor.status, 400);
        QVERIFY2(twoFactor.errorDetail().contains(QLatin1String("two-factor")),
                 qPrintable(twoFactor.errorDetail()));

        const QString customersOnly = customerToken(MayaId, QStringLiteral("customers"));
        QCOMPARE(get("/cards", customersOnly).status, 403);
        QCOMPARE(get("/accounts", customersOnly).status, 403);
        QCOMPARE(get("/customers/100001", customersOnly).status, 200);
        const QString cardsOnly = customerToken(MayaId, QStringLiteral("cards"));
        QCOMPARE(get("/customers/100001", cardsOnly).status, 403);
    }

    void twoFactorScopesAreConfigurable()
    {
        m_server->setTwoFactorScopes({QStringLiteral("accounts")});
        QCOMPARE(requestToken(MayaId, QStringLiteral("cards cards-write")).status, 201);
        QCOMPARE(requestToken(MayaId, QStringLiteral("accounts")).status, 400);
    }

    // The org's identity provider: m_jwtKey's JWK Set and JwtIssuer.
    void configureIdentityProvider()
    {
        m_server->setIdentityProvider(*tessera::Jwks::fromJson(m_jwtKey.jwksJson(), nullptr),
                                      JwtIssuer);
    }
    QString mayaJwt(int lifetimeSeconds = 3600) const
    {
        return m_jwtKey.sign(
            TestSigningKey::standardClaims(JwtIssuer, {}, MayaJwtSubject, lifetimeSeconds));
    }
    Reply tokenWithJwt(const QString &jwt)
    {
        return requestToken(MayaId, QStringLiteral("cards cards-write"), {}, {},
                            QStringLiteral("\"jwtToken\":\"%1\"").arg(jwt));
    }

    void aJwtSignedByTheOrgsIdentityProviderReplacesTheCode()
    {
        configureIdentityProvider();
        Reply ok = tokenWithJwt(mayaJwt());
        QCOMPARE(ok.status, 201);
        const QString token = ok.attributes().value(QLatin1String("token")).toString();
        QCOMPARE(post("/cards", token, createCardBody(MayaChecking)).status, 201);
    }

    void aRefusedJwtIsA400AtJwtToken_data()
    {
        QTest::addColumn<QString>("jwt");
        QTest::addColumn<QString>("title");
        const TestSigningKey otherKey;
        QTest::newRow("another key")
            << otherKey.sign(TestSigningKey::standardClaims(JwtIssuer, {}, MayaJwtSubject))
            << QStringLiteral("The JWT is signed with a key the identity provider does not "
                              "publish.");
        QTest::newRow("another key under the provider's kid")
            << TestSigningKey(m_jwtKey.kid())
                   .sign(TestSigningKey::standardClaims(JwtIssuer, {}, MayaJwtSubject))
            << QStringLiteral("The JWT signature is invalid.");
        QTest::newRow("expired") << mayaJwt(-1)
                                 << QStringLiteral("The JWT has expired or has no \"exp\" claim.");
        QTest::newRow("another issuer")
            << m_jwtKey.sign(TestSigningKey::standardClaims(
                   QStringLiteral("https://elsewhere.example/"), {}, MayaJwtSubject))
            << QStringLiteral("The JWT issuer does not match the identity provider.");
        const auto part = [](const QByteArray &json) { return TestSigningKey::base64Url(json); };
        const QStringList signedParts = mayaJwt().split(QLatin1Char('.'));
        QTest::newRow("alg none") << QString::fromLatin1(part(R"({"alg":"none","typ":"JWT"})")) +
                                         QLatin1Char('.') + signedParts.at(1) + QLatin1Char('.')
                                  << QStringLiteral("The JWT must be signed with RS256.");
        QTest::newRow("another customer's subject")
            << m_jwtKey.sign(TestSigningKey::standardClaims(
                   JwtIssuer, {}, QStringLiteral("auth0|64f1c2a9e3b7d10002dani")))
            << QStringLiteral("The JWT subject does not match the customer's jwtSubject.");
        QTest::newRow("not a JWT") << QStringLiteral("not.a.jwt")
                                   << QStringLiteral("jwtToken must be a JWT "
                                                     "(header.payload.signature, base64url).");
    }
    void aRefusedJwtIsA400AtJwtToken()
    {
        QFETCH(QString, jwt);
        QFETCH(QString, title);
        configureIdentityProvider();
        const Reply refused = tokenWithJwt(jwt);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorDetail(), title);
        QCOMPARE(refused.errorPointer(), QStringLiteral("/data/attributes/jwtToken"));
    }

    void everyJwtIsRefusedWhenTheOrgHasNoIdentityProvider()
    {
        const Reply refused = tokenWithJwt(mayaJwt());
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorPointer(), QStringLiteral("/data/attributes/jwtToken"));
        QVERIFY2(refused.errorDetail().contains(QLatin1String("no identity provider")),
                 qPrintable(refused.errorDetail()));
    }

    void aCustomerWithoutJwtSubjectCannotSignInWithAJwt()
    {
        configureIdentityProvider();
        const QString jwt = m_jwtKey.sign(
            TestSigningKey::standardClaims(JwtIssuer, {}, QStringLiteral("auth0|northwind")));
        const Reply refused = requestToken(NoJwtSubjectId, QStringLiteral("cards"), {}, {},
                                           QStringLiteral("\"jwtToken\":\"%1\"").arg(jwt));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorPointer(), QStringLiteral("/data/attributes/jwtToken"));
        QCOMPARE(refused.errorDetail(),
                 QStringLiteral("The customer has no jwtSubject, so a JWT cannot authenticate "
                                "them."));
    }

    void customerTokenExpires()
    {
        Reply reply = requestToken(MayaId, QStringLiteral("cards"), {}, {},
                                   QStringLiteral("\"expiresIn\":60"));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.attributes().value(QLatin1String("expiresIn")).toInt(), 60);
        const QString token = reply.attributes().value(QLatin1String("token")).toString();
        m_server->setClockOffset(59);
        QCOMPARE(get("/cards", token).status, 200);
        m_server->setClockOffset(61);
        QCOMPARE(get("/cards", token).status, 401);
    }

    void customersAreIsolated()
    {
        const QString maya = customerToken(MayaId);
        Reply foreignCard = get("/cards/" + DanielCard.toLatin1(), maya);
        QCOMPARE(foreignCard.status, 404);
        QVERIFY(!foreignCard.body.contains("6612")); // never the card's data
        QCOMPARE(get("/cards/300001", maya).status, 200);
        QCOMPARE(get("/accounts/200003", maya).status, 404);
        QCOMPARE(get("/customers/100002", maya).status, 404);
        QCOMPARE(get("/cards/" + DanielCard.toLatin1() + "/limits", maya).status, 404);
        QCOMPARE(post("/cards/" + DanielCard.toLatin1() + "/freeze", maya).status, 404);
        QCOMPARE(post("/cards/" + DanielCard.toLatin1() + "/replace", maya).status, 404);
        QCOMPARE(post("/sandbox/cards/" + DanielCard.toLatin1() + "/activate", maya).status, 404);
        QCOMPARE(post("/cards", maya, createCardBody(QStringLiteral("200003"))).status, 404);

        Reply cards = get("/cards", maya);
        QCOMPARE(cards.status, 200);
        QCOMPARE(cards.total(), 4);
        for (const QJsonValue &card : cards.list())
            QCOMPARE(at(card.toObject(), "relationships/customer/data/id").toString(), MayaId);
        QCOMPARE(get("/cards?filter[customerId]=100002", maya).total(), 0);
        Reply accounts = get("/accounts", maya);
        QCOMPARE(accounts.total(), 2);
        QCOMPARE(accounts.ids(), (QStringList{MayaChecking, QStringLiteral("200002")}));
    }

    // --- customer tokens minting tokens (TokenAuthority.h lists the rules) -------------------

    void customerTokenWithCustomerTokenWriteMintsForItself()
    {
        const QString parent =
            tokenOf(requestToken(MayaId, QStringLiteral("customers cards customer-token-write")));
        QVERIFY(!parent.isEmpty());
        QCOMPARE(verify(MayaId, parent).status, 201);
        const Reply child = requestTokenAs(parent, MayaId, QStringLiteral("cards"));
        QCOMPARE(child.status, 201);
        QCOMPARE(child.data().value(QLatin1String("type")).toString(),
                 QStringLiteral("customerBearerToken"));
        const QString token = tokenOf(child);
        QVERIFY(!token.isEmpty() && token != parent);
        QCOMPARE(get("/cards", token).total(), 4);
        QCOMPARE(get("/customers/100001", token).status, 403); // only what it asked for
    }

    void customerTokenWithoutCustomerTokenWriteCannotMint()
    {
        const QString parent = tokenOf(requestToken(MayaId, QStringLiteral("customers cards")));
        QVERIFY(!parent.isEmpty());
        const Reply verification = verify(MayaId, parent);
        QCOMPARE(verification.status, 403);
        QVERIFY2(verification.errorDetail().contains(QLatin1String("lacks the")),
                 qPrintable(verification.errorDetail()));
        const Reply token = requestTokenAs(parent, MayaId, QStringLiteral("cards"));
        QCOMPARE(token.status, 403);
        QVERIFY2(token.errorDetail().contains(QLatin1String("lacks the")),
                 qPrintable(token.errorDetail()));
        QVERIFY(at(token.firstError(), "detail")
                    .toString()
                    .contains(QLatin1String("customer-token-write")));
    }

    void customerTokenCannotMintForAnotherCustomer()
    {
        const QString maya =
            tokenOf(requestToken(MayaId, QStringLiteral("customers cards customer-token-write")));
        QVERIFY(!maya.isEmpty());
        const QString unknown = QStringLiteral("999999");
        const Reply otherVerification = verify(DanielId, maya);
        QCOMPARE(otherVerification.status, 404);
        QCOMPARE(withoutId(otherVerification, DanielId), withoutId(verify(unknown, maya), unknown));
        const Reply otherToken = requestTokenAs(maya, DanielId, QStringLiteral("cards"));
        QCOMPARE(otherToken.status, 404);
        QCOMPARE(withoutId(otherToken, DanielId),
                 withoutId(requestTokenAs(maya, unknown, QStringLiteral("cards")), unknown));
        // ... and exactly what the org token gets for an unknown customer.
        QCOMPARE(withoutId(otherToken, DanielId),
                 withoutId(requestToken(unknown, QStringLiteral("cards")), unknown));
    }

    void customerTokenMintsOnlyWithinScopeAndUpgradableScope()
    {
        const QString parent =
            tokenOf(requestToken(MayaId, QStringLiteral("customers cards customer-token-write"), {},
                                 {}, QStringLiteral("\"upgradableScope\":\"cards-write\"")));
        QVERIFY(!parent.isEmpty());
        const Reply outside = requestTokenAs(parent, MayaId, QStringLiteral("cards accounts"));
        QCOMPARE(outside.status, 403);
        QVERIFY2(outside.errorDetail().contains(QLatin1String("cannot grant")),
                 qPrintable(outside.errorDetail()));
        QVERIFY(at(outside.firstError(), "detail").toString().contains(QLatin1String("accounts")));
        QCOMPARE(outside.errorPointer(), QStringLiteral("/data/attributes/scope"));
        // A 2FA scope outside both is refused before any code is asked for or used.
        const QString verification = startVerification(MayaId, parent);
        const Reply sensitive = requestTokenAs(parent, MayaId, QStringLiteral("cards-sensitive"),
                                               verification, QStringLiteral("000001"));
        QCOMPARE(sensitive.status, 403);
        QVERIFY(at(sensitive.firstError(), "detail")
                    .toString()
                    .contains(QLatin1String("cards-sensitive")));
        QCOMPARE(requestTokenAs(parent, MayaId, QStringLiteral("cards cards-write"), verification,
                                QStringLiteral("000001"))
                     .status,
                 201); // the refusal did not use the code up
        QCOMPARE(requestTokenAs(parent, MayaId, QStringLiteral("customers cards")).status, 201);
        // The child's upgradableScope must be within the parent's scope and upgradableScope.
        const Reply widerUpgrade = requestTokenAs(
            parent, MayaId, QStringLiteral("cards customer-token-write"), {}, {},
            QStringLiteral("\"upgradableScope\":\"cards-write cards-sensitive-write\""));
        QCOMPARE(widerUpgrade.status, 403);
        QCOMPARE(widerUpgrade.errorPointer(), QStringLiteral("/data/attributes/upgradableScope"));
        QVERIFY(at(widerUpgrade.firstError(), "detail")
                    .toString()
                    .contains(QLatin1String("cards-sensitive-write")));
        QCOMPARE(requestTokenAs(parent, MayaId, QStringLiteral("cards customer-token-write"), {},
                                {}, QStringLiteral("\"upgradableScope\":\"cards-write\""))
                     .status,
                 201);
    }

    void upgradableTwoFactorScopeStillNeedsACode()
    {
        // Unit's docs example.
        const QString parent = tokenOf(requestToken(
            MayaId, QStringLiteral("customers cards customer-token-write"), {}, {},
            QStringLiteral("\"upgradableScope\":\"cards-sensitive-write cards-write\"")));
        QVERIFY(!parent.isEmpty());
        QCOMPARE(post("/cards", parent, createCardBody(MayaChecking)).status, 403);
        const Reply noCode = requestTokenAs(parent, MayaId, QStringLiteral("cards cards-write"));
        QCOMPARE(noCode.status, 400);
        QVERIFY2(noCode.errorDetail().contains(QLatin1String("two-factor")),
                 qPrintable(noCode.errorDetail()));
        const QString verification = startVerification(MayaId, parent);
        const Reply wrong = requestTokenAs(parent, MayaId, QStringLiteral("cards cards-write"),
                                           verification, QStringLiteral("123456"));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorPointer(), QStringLiteral("/data/attributes/verificationCode"));
        const Reply upgraded = requestTokenAs(parent, MayaId, QStringLiteral("cards cards-write"),
                                              verification, QStringLiteral("000001"));
        QCOMPARE(upgraded.status, 201);
        QCOMPARE(post("/cards", tokenOf(upgraded), createCardBody(MayaChecking)).status, 201);
    }

    void upgradableScopeNeedsCustomerTokenWrite()
    {
        const Reply without = requestToken(MayaId, QStringLiteral("customers cards"), {}, {},
                                           QStringLiteral("\"upgradableScope\":\"cards-write\""));
        QCOMPARE(without.status, 400);
        QCOMPARE(without.errorPointer(), QStringLiteral("/data/attributes/upgradableScope"));
        const Reply unknown =
            requestToken(MayaId, QStringLiteral("cards customer-token-write"), {}, {},
                         QStringLiteral("\"upgradableScope\":\"cards-write teleport\""));
        QCOMPARE(unknown.status, 400);
        QVERIFY2(unknown.errorDetail().contains(QLatin1String("is not a Unit scope")),
                 qPrintable(unknown.errorDetail()));
        QCOMPARE(unknown.errorPointer(), QStringLiteral("/data/attributes/upgradableScope"));
        QCOMPARE(requestToken(MayaId, QStringLiteral("cards customer-token-write"), {}, {},
                              QStringLiteral("\"upgradableScope\":\"\""))
                     .status,
                 400);
        QCOMPARE(requestToken(MayaId, QStringLiteral("cards customer-token-write"), {}, {},
                              QStringLiteral("\"upgradableScope\":\"cards-write\""))
                     .status,
                 201);
    }

    void orgOnlyScopesAreRefusedInCustomerTokens_data()
    {
        QTest::addColumn<QString>("scope");
        for (const char *scope :
             {"applications", "applications-write", "customer-token", "webhooks", "webhooks-write",
              "authorization-requests", "authorization-requests-write", "batch-releases",
              "batch-releases-write", "received-payments", "received-payments-write", "chargebacks",
              "chargebacks-write", "rewards", "rewards-write"})
            QTest::newRow(scope) << QString::fromLatin1(scope);
    }

    void orgOnlyScopesAreRefusedInCustomerTokens()
    {
        QFETCH(QString, scope);
        const Reply inScope = requestToken(MayaId, QStringLiteral("cards ") + scope);
        QCOMPARE(inScope.status, 400);
        QCOMPARE(inScope.errorPointer(), QStringLiteral("/data/attributes/scope"));
        QCOMPARE(inScope.errorPointer(), QStringLiteral("/data/attributes/scope"));
        const Reply inUpgradable =
            requestToken(MayaId, QStringLiteral("cards customer-token-write"), {}, {},
                         QStringLiteral("\"upgradableScope\":\"%1\"").arg(scope));
        QCOMPARE(inUpgradable.status, 400);
        QCOMPARE(inUpgradable.errorPointer(), QStringLiteral("/data/attributes/upgradableScope"));
        QCOMPARE(inUpgradable.errorPointer(), QStringLiteral("/data/attributes/upgradableScope"));
        // The same whoever mints.
        const QString parent =
            tokenOf(requestToken(MayaId, QStringLiteral("cards customer-token-write")));
        const Reply byCustomer = requestTokenAs(parent, MayaId, QStringLiteral("cards ") + scope);
        QCOMPARE(byCustomer.status, 400);
        QCOMPARE(byCustomer.errorPointer(), QStringLiteral("/data/attributes/scope"));
    }

    void resourcesShapeIsValidated_data()
    {
        QTest::addColumn<QString>("resources");
        QTest::addColumn<QString>("pointer");
        const QString r = QStringLiteral("/data/attributes/resources");
        QTest::newRow("not an array") << QStringLiteral(R"({"type":"card","ids":["300001"]})") << r;
        QTest::newRow("empty") << QStringLiteral("[]") << r;
        QTest::newRow("null") << QStringLiteral("null") << r;
        QTest::newRow("item not an object")
            << QStringLiteral(R"(["300001"])") << r + QLatin1String("/0");
        QTest::newRow("no type") << QStringLiteral(R"([{"ids":["300001"]}])")
                                 << r + QLatin1String("/0/type");
        QTest::newRow("other type") << QStringLiteral(R"([{"type":"customer","ids":["100001"]}])")
                                    << r + QLatin1String("/0/type");
        QTest::newRow("no ids") << QStringLiteral(R"([{"type":"card"}])")
                                << r + QLatin1String("/0/ids");
        QTest::newRow("empty ids")
            << QStringLiteral(R"([{"type":"card","ids":[]}])") << r + QLatin1String("/0/ids");
        QTest::newRow("ids not an array")
            << QStringLiteral(R"([{"type":"card","ids":"300001"}])") << r + QLatin1String("/0/ids");
        QTest::newRow("number id") << QStringLiteral(R"([{"type":"card","ids":["300001",300002]}])")
                                   << r + QLatin1String("/0/ids/1");
        QTest::newRow("not an identifier")
            << QStringLiteral(
                   R"([{"type":"card","ids":["300001"]},{"type":"account","ids":["0"]}])")
            << r + QLatin1String("/1/ids/0");
        QTest::newRow("unknown key")
            << QStringLiteral(R"([{"type":"card","ids":["300001"],"all":true}])")
            << r + QLatin1String("/0/all");
    }

    void resourcesShapeIsValidated()
    {
        QFETCH(QString, resources);
        QFETCH(QString, pointer);
        const Reply reply = requestToken(MayaId, QStringLiteral("cards"), {}, {},
                                         QStringLiteral("\"resources\":") + resources);
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.errorPointers().contains(pointer), reply.body.constData());
    }

    void resourcesNamingAnotherCustomersCardOrAccountAreUnknown()
    {
        auto restricted = [this](const char *type, const QString &id) {
            return requestToken(MayaId, QStringLiteral("cards"), {}, {},
                                QStringLiteral("\"resources\":[{\"type\":\"%1\",\"ids\":[\"%2\"]}]")
                                    .arg(QLatin1String(type), id));
        };
        const QString unknown = QStringLiteral("999999");
        const Reply foreignCard = restricted("card", DanielCard);
        QCOMPARE(foreignCard.status, 404);
        QCOMPARE(foreignCard.errorPointer(), QStringLiteral("/data/attributes/resources/0/ids/0"));
        QCOMPARE(withoutId(foreignCard, DanielCard),
                 withoutId(restricted("card", unknown), unknown));
        const Reply foreignAccount = restricted("account", QStringLiteral("200003"));
        QCOMPARE(foreignAccount.status, 404);
        QCOMPARE(withoutId(foreignAccount, QStringLiteral("200003")),
                 withoutId(restricted("account", unknown), unknown));
        QCOMPARE(restricted("card", QStringLiteral("300001")).status, 201);
    }

    void cardRestrictedTokenSeesOnlyItsCards()
    {
        const QString token =
            customerToken(MayaId, QStringLiteral("customers accounts cards cards-write"),
                          QStringLiteral(R"("resources":[{"type":"card","ids":["300001"]}])"));
        const Reply list = get("/cards?include=account,customer", token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.ids(), QStringList{QStringLiteral("300001")});
        QCOMPARE(list.total(), 1);
        // Its account is not among its resources: not even through include.
        for (const QJsonValue &resource : at(list.json, "included").toArray())
            QVERIFY(at(resource, "type").toString() != QLatin1String("depositAccount"));
        QCOMPARE(get("/cards/300001", token).status, 200);
        QCOMPARE(post("/cards/300001/freeze", token).status, 200);

        // Maya's other card answers exactly like Daniel's.
        const QString sibling = QStringLiteral("300002");
        QCOMPARE(withoutId(get("/cards/" + sibling.toLatin1(), token), sibling),
                 withoutId(get("/cards/" + DanielCard.toLatin1(), token), DanielCard));
        QCOMPARE(get("/cards/" + sibling.toLatin1(), token).status, 404);
        QCOMPARE(withoutId(post("/cards/" + sibling.toLatin1() + "/freeze", token), sibling),
                 withoutId(post("/cards/" + DanielCard.toLatin1() + "/freeze", token), DanielCard));
        QCOMPARE(get("/cards/" + sibling.toLatin1() + "/limits", token).status, 404);
        QCOMPARE(post("/cards/" + sibling.toLatin1() + "/replace", token).status, 404);
        QCOMPARE(at(get("/cards/300002", org()).attributes(), "status").toString(),
                 QStringLiteral("Active")); // the refused freeze changed nothing

        // A token narrowed to cards sees no account, so it cannot create a card either.
        QCOMPARE(get("/accounts", token).total(), 0);
        QCOMPARE(withoutId(get("/accounts/200001", token), QStringLiteral("200001")),
                 withoutId(get("/accounts/200003", token), QStringLiteral("200003")));
        QCOMPARE(withoutId(post("/cards", token, createCardBody(MayaChecking)), MayaChecking),
                 withoutId(post("/cards", token, createCardBody(QStringLiteral("200003"))),
                           QStringLiteral("200003")));
        QCOMPARE(get("/customers/100001", token).status, 200); // the customer is still seen
    }

    void accountRestrictedTokenSeesOnlyItsAccountsAndTheirCards()
    {
        const QString savings = QStringLiteral("200002");
        const QString token =
            customerToken(MayaId, QStringLiteral("customers accounts cards cards-write"),
                          QStringLiteral(R"("resources":[{"type":"account","ids":["200002"]}])"));
        QCOMPARE(get("/accounts", token).ids(), QStringList{savings});
        QCOMPARE(get("/accounts/200002", token).status, 200);
        QCOMPARE(withoutId(get("/accounts/200001", token), MayaChecking),
                 withoutId(get("/accounts/200003", token), QStringLiteral("200003")));
        QCOMPARE(get("/cards", token).ids(), QStringList{QStringLiteral("300003")});
        QCOMPARE(get("/cards/300001", token).status, 404);

        // Creating a card on an account outside the resources: as on another customer's.
        const Reply outside = post("/cards", token, createCardBody(MayaChecking));
        QCOMPARE(outside.status, 404);
        QCOMPARE(withoutId(outside, MayaChecking),
                 withoutId(post("/cards", token, createCardBody(QStringLiteral("200003"))),
                           QStringLiteral("200003")));
        const QString created = createCard(token, savings);
        QVERIFY(get("/cards", token).ids().contains(created));
        QCOMPARE(get("/cards/" + created.toLatin1(), token).status, 200);
    }

    void restrictedTokenCannotMintAWiderToken()
    {
        const QString parent = tokenOf(
            requestToken(MayaId, QStringLiteral("customers cards customer-token-write"), {}, {},
                         QStringLiteral(R"("resources":[{"type":"card","ids":["300001"]}])")));
        QVERIFY(!parent.isEmpty());
        const Reply unrestricted = requestTokenAs(parent, MayaId, QStringLiteral("cards"));
        QCOMPARE(unrestricted.status, 403);
        QCOMPARE(unrestricted.errorPointer(), QStringLiteral("/data/attributes/resources"));
        // Resources the parent does not see are unknown to it.
        auto narrowedTo = [&](const char *type, const QString &id) {
            return requestTokenAs(
                parent, MayaId, QStringLiteral("cards"), {}, {},
                QStringLiteral("\"resources\":[{\"type\":\"%1\",\"ids\":[\"%2\"]}]")
                    .arg(QLatin1String(type), id));
        };
        const Reply sibling = narrowedTo("card", QStringLiteral("300002"));
        QCOMPARE(sibling.status, 404);
        QCOMPARE(withoutId(sibling, QStringLiteral("300002")),
                 withoutId(narrowedTo("card", QStringLiteral("999999")), QStringLiteral("999999")));
        QCOMPARE(narrowedTo("account", MayaChecking).status, 404); // the card's account: wider
        const Reply same = narrowedTo("card", QStringLiteral("300001"));
        QCOMPARE(same.status, 201);
        QCOMPARE(get("/cards", tokenOf(same)).ids(), QStringList{QStringLiteral("300001")});

        // Narrowed to an account, a token may narrow further to a card on it.
        const QString accountParent = tokenOf(
            requestToken(MayaId, QStringLiteral("customers cards customer-token-write"), {}, {},
                         QStringLiteral(R"("resources":[{"type":"account","ids":["200001"]}])")));
        const Reply card =
            requestTokenAs(accountParent, MayaId, QStringLiteral("cards"), {}, {},
                           QStringLiteral(R"("resources":[{"type":"card","ids":["300002"]}])"));
        QCOMPARE(card.status, 201);
        QCOMPARE(get("/cards", tokenOf(card)).ids(), QStringList{QStringLiteral("300002")});
        QCOMPARE(requestTokenAs(accountParent, MayaId, QStringLiteral("cards"), {}, {},
                                QStringLiteral(R"("resources":[{"type":"card","ids":["300003"]}])"))
                     .status,
                 404); // on Maya's other account
    }

    void bulkPagination()
    {
        Reply first = get("/cards?filter[customerId]=100005&page[limit]=1000", org());
        QCOMPARE(first.status, 200);
        QCOMPARE(first.total(), 5000);
        QCOMPARE(first.list().size(), 1000);
        const QJsonObject pagination = at(first.json, "meta/pagination").toObject();
        QCOMPARE(pagination.value(QLatin1String("limit")).toInt(), 1000);
        QCOMPARE(pagination.value(QLatin1String("offset")).toInt(), 0);

        QSet<QString> seen;
        for (int offset = 0; offset < 5000; offset += 1000) {
            Reply page = get("/cards?filter[customerId]=100005&page[limit]=1000&page[offset]=" +
                                 QByteArray::number(offset),
                             org());
            QCOMPARE(page.list().size(), 1000);
            for (const QString &id : page.ids())
                seen.insert(id);
        }
        QCOMPARE(seen.size(), 5000); // no overlap, nothing skipped
        QCOMPARE(get("/cards?filter[customerId]=100005&page[offset]=4990", org()).list().size(),
                 10);
        QCOMPARE(get("/cards?filter[customerId]=100005&page[offset]=6000", org()).list().size(), 0);
        QCOMPARE(get("/cards?filter[customerId]=100005", org()).list().size(), 100); // default
        QVERIFY(get("/cards?page[limit]=1", org()).total() >= 5013);

        const QByteArray badPages[] = {"page[limit]=1001", "page[limit]=0",   "page[limit]=abc",
                                       "page[limit]=10x",  "page[offset]=-1", "page[offset]=x"};
        for (const QByteArray &bad : badPages) {
            Reply reply = get("/cards?" + bad, org());
            QVERIFY2(reply.status == 400, bad.constData());
            QVERIFY2(reply.errorDetail().contains(QLatin1String("page[")),
                     qPrintable(reply.errorDetail()));
        }
    }

    void statusFilter()
    {
        const QString maya = customerToken(MayaId);
        Reply frozenOrLost = get("/cards?filter[status][0]=Frozen&filter[status][1]=Lost", maya);
        QCOMPARE(frozenOrLost.status, 200);
        QStringList ids = frozenOrLost.ids();
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("300003"), QStringLiteral("300004")}));
        QCOMPARE(get("/cards?filter[status][0]=Active", maya).total(), 2);
        QCOMPARE(get("/cards?filter[status][0]=Unknown", maya).status, 400);
        QCOMPARE(get("/cards?filter[status][0]=ActiveForOnlineUse", maya).status, 400);
        QCOMPARE(get("/cards?filter[accountId]=200002", maya).ids(),
                 QStringList{QStringLiteral("300003")});
    }

    void percentEncodedQueryKeys()
    {
        const QString maya = customerToken(MayaId);
        Reply raw = get("/cards?filter[status][0]=Frozen&page[limit]=5", maya);
        Reply encoded = get("/cards?filter%5Bstatus%5D%5B0%5D=Frozen&page%5Blimit%5D=5", maya);
        QCOMPARE(encoded.status, 200);
        QCOMPARE(encoded.ids(), raw.ids());
        QCOMPARE(encoded.ids(), QStringList{QStringLiteral("300003")});
        QCOMPARE(at(encoded.json, "meta/pagination/limit").toInt(), 5);
        QCOMPARE(get("/cards?page%5Blimit%5D=1001", maya).status, 400);
    }

    void sortOrder()
    {
        const QString maya = customerToken(MayaId);
        const QStringList newestFirst = {QStringLiteral("300003"), QStringLiteral("300002"),
                                         QStringLiteral("300001"), QStringLiteral("300004")};
        QCOMPARE(get("/cards", maya).ids(), newestFirst);
        QCOMPARE(get("/cards?sort=-createdAt", maya).ids(), newestFirst);
        QStringList oldestFirst = newestFirst;
        std::reverse(oldestFirst.begin(), oldestFirst.end());
        QCOMPARE(get("/cards?sort=createdAt", maya).ids(), oldestFirst);
        QCOMPARE(get("/cards?sort=status", maya).status, 400);
    }

    void includeRelatedResources()
    {
        const QString maya = customerToken(MayaId);
        Reply reply = get("/cards?include=customer,account", maya);
        QCOMPARE(reply.status, 200);
        QSet<QString> included;
        for (const QJsonValue &resource : at(reply.json, "included").toArray())
            included.insert(at(resource, "type").toString() + QLatin1Char('/') +
                            at(resource, "id").toString());
        QCOMPARE(included, (QSet<QString>{QStringLiteral("individualCustomer/100001"),
                                          QStringLiteral("depositAccount/200001"),
                                          QStringLiteral("depositAccount/200002")}));
        QVERIFY(!get("/cards", maya).json.contains(QLatin1String("included")));
        Reply single = get("/cards/300003?include=account", maya);
        QCOMPARE(at(single.json, "included").toArray().size(), 1);
        QCOMPARE(at(single.json, "included/0/id").toString(), QStringLiteral("200002"));
        QCOMPARE(get("/cards?include=transactions", maya).status, 400);
    }

    void idempotencyKeyReplaysFirstCard()
    {
        const QString maya = customerToken(MayaId);
        const int before = m_server->cardCount();
        Reply first = post("/cards", maya, createCardBody(MayaChecking, QStringLiteral("key-1")));
        QCOMPARE(first.status, 201);
        Reply replay = post("/cards", maya, createCardBody(MayaChecking, QStringLiteral("key-1")));
        QCOMPARE(replay.status, 201);
        QCOMPARE(at(replay.data(), "id").toString(), at(first.data(), "id").toString());
        QCOMPARE(m_server->cardCount(), before + 1);
        Reply other = post("/cards", maya, createCardBody(MayaChecking, QStringLiteral("key-2")));
        QCOMPARE(other.status, 201);
        QVERIFY(at(other.data(), "id").toString() != at(first.data(), "id").toString());
        QCOMPARE(m_server->cardCount(), before + 2);
        // Keys are per customer: Daniel's "key-1" is a different card.
        const QString daniel = customerToken(DanielId);
        Reply danielCard = post("/cards", daniel,
                                createCardBody(QStringLiteral("200003"), QStringLiteral("key-1")));
        QCOMPARE(danielCard.status, 201);
        QVERIFY(at(danielCard.data(), "id").toString() != at(first.data(), "id").toString());
    }

    void createPhysicalAndVirtualCards()
    {
        const QString maya = customerToken(MayaId);
        Reply physical = post("/cards", maya, createCardBody(MayaChecking));
        QCOMPARE(physical.status, 201);
        QCOMPARE(at(physical.data(), "type").toString(), QStringLiteral("individualDebitCard"));
        const QJsonObject a = physical.attributes();
        QCOMPARE(at(a, "status").toString(), QStringLiteral("Inactive"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9]{4}$"))
                    .match(at(a, "last4Digits").toString())
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9]{9}$"))
                    .match(at(a, "bin").toString())
                    .hasMatch());
        QCOMPARE(at(a, "expirationDate").toString(),
                 QDate::currentDate().addYears(4).toString(QStringLiteral("yyyy-MM")));
        QVERIFY(QDateTime::fromString(at(a, "createdAt").toString(), Qt::ISODateWithMs).isValid());
        // Defaults to the customer's address.
        QCOMPARE(at(a, "shippingAddress/street").toString(), QStringLiteral("742 Valencia St"));
        QCOMPARE(at(physical.data(), "relationships/account/data/id").toString(), MayaChecking);
        QCOMPARE(at(physical.data(), "relationships/customer/data/id").toString(), MayaId);

        Reply virtualCard =
            post("/cards", maya, createCardBody(MayaChecking, {}, "individualVirtualDebitCard"));
        QCOMPARE(virtualCard.status, 201);
        QCOMPARE(at(virtualCard.attributes(), "status").toString(), QStringLiteral("Active"));
        QVERIFY(!virtualCard.attributes().contains(QLatin1String("shippingAddress")));

        Reply full = post(
            "/cards", maya,
            R"({"data":{"type":"individualDebitCard","attributes":{"shippingAddress":{"street":"5230 Newell Rd","city":"Palo Alto","state":"CA","postalCode":"94303-1234","country":"US"},"design":"midnight","tags":{"origin":"desktop"},"limits":{"dailyWithdrawal":50000,"dailyPurchase":60000,"monthlyWithdrawal":500000,"monthlyPurchase":700000}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200002"}}}}})");
        QCOMPARE(full.status, 201);
        QCOMPARE(at(full.attributes(), "shippingAddress/postalCode").toString(),
                 QStringLiteral("94303-1234"));
        QCOMPARE(at(full.attributes(), "design").toString(), QStringLiteral("midnight"));
        QCOMPARE(at(full.attributes(), "tags/origin").toString(), QStringLiteral("desktop"));
        Reply limits =
            get("/cards/" + at(full.data(), "id").toString().toLatin1() + "/limits", maya);
        QCOMPARE(limits.status, 200);
        QCOMPARE(at(limits.attributes(), "limits/dailyPurchase").toInt(), 60000);

        // The org token may create on any customer's account.
        QCOMPARE(post("/cards", org(), createCardBody(QStringLiteral("200003"))).status, 201);
    }

    void createValidation()
    {
        const QString maya = customerToken(MayaId);
        Reply badAddress = post(
            "/cards", maya,
            R"({"data":{"type":"individualDebitCard","attributes":{"shippingAddress":{"street":"1 Main St","city":"Springfield","state":"XX","postalCode":"123","country":"US"}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})");
        QCOMPARE(badAddress.status, 400);
        QVERIFY(badAddress.errorPointers().contains(
            QStringLiteral("/data/attributes/shippingAddress/state")));
        QVERIFY(badAddress.errorPointers().contains(
            QStringLiteral("/data/attributes/shippingAddress/postalCode")));

        const QString daniel = customerToken(DanielId);
        Reply closed = post("/cards", daniel, createCardBody(DanielClosedAccount));
        QCOMPARE(closed.status, 400);
        QVERIFY2(closed.errorDetail().contains(QLatin1String("can only be issued on an Open")),
                 qPrintable(closed.errorDetail()));
        QVERIFY(at(closed.firstError(), "detail").toString().contains(QLatin1String("Closed")));

        struct Case
        {
            const char *body;
            const char *pointer;
        };
        const Case cases[] = {
            {R"({"data":{"type":"individualDebitCard","attributes":{"nickname":"x"},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/nickname"},
            {R"({"data":{"type":"individualVirtualDebitCard","attributes":{"shippingAddress":{"street":"1 Main St","city":"Austin","state":"TX","postalCode":"78701"}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/shippingAddress"},
            {R"({"data":{"type":"individualDebitCard","attributes":{"idempotencyKey":""},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/idempotencyKey"},
            {R"({"data":{"type":"individualDebitCard","attributes":{"limits":{"dailyPurchase":-1}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/limits/dailyPurchase"},
            {R"({"data":{"type":"individualDebitCard","attributes":{"limits":{"dailyPurchase":1.5}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/limits/dailyPurchase"},
            {R"({"data":{"type":"individualDebitCard","attributes":{"tags":{"a":""}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/tags/a"},
            {R"({"data":{"type":"individualDebitCard","attributes":{"tags":{"1":"a","2":"a","3":"a","4":"a","5":"a","6":"a","7":"a","8":"a","9":"a","10":"a","11":"a","12":"a","13":"a","14":"a","15":"a","16":"a"}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/tags"},
            {R"({"data":{"type":"businessDebitCard","attributes":{},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/type"},
            {R"({"data":{"type":"individualDebitCard","attributes":{}}})", "/data/relationships"},
            {R"({"data":{"type":"individualDebitCard","attributes":{},"relationships":{}}})",
             "/data/relationships/account"},
            {R"({"data":{"type":"individualDebitCard","attributes":{},"relationships":{"account":{"data":{"type":"creditAccount","id":"200001"}}}}})",
             "/data/relationships/account/data/type"},
            {R"({"data":{"type":"individualDebitCard","attributes":{"shippingAddress":{"street":"1 Main St","city":"Austin","state":"TX","postalCode":"78701","country":"CA"}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/shippingAddress/country"},
            {R"({"data":{"type":"individualDebitCard","attributes":{"shippingAddress":{"city":"Austin","state":"TX","postalCode":"78701"}},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/shippingAddress/street"},
            {R"({"data":{"type":"individualDebitCard","attributes":{"expiryDate":"2020-01"},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/attributes/expiryDate"},
            {R"({"data":{"type":"individualDebitCard","id":"5","attributes":{},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}})",
             "/data/id"},
            {R"({"nodata":true})", "/data"},
        };
        const int before = m_server->cardCount();
        for (const Case &c : cases) {
            Reply reply = post("/cards", maya, QByteArray(c.body));
            QVERIFY2(reply.status == 400, c.body);
            if (c.pointer)
                QVERIFY2(reply.errorPointers().contains(QLatin1String(c.pointer)),
                         reply.body.constData());
        }
        QCOMPARE(m_server->cardCount(), before);
        QCOMPARE(post("/cards", maya, createCardBody(QStringLiteral("999999"))).status, 404);
    }

    void statusTransitions()
    {
        const QString maya = customerToken(MayaId);
        const QByteArray id = createCard(maya, MayaChecking).toLatin1();
        auto statusAfter = [&](const QByteArray &path) {
            Reply reply = post(path, maya);
            return std::make_pair(reply.status, at(reply.attributes(), "status").toString());
        };
        QCOMPARE(statusAfter("/sandbox/cards/" + id + "/activate"),
                 std::make_pair(201, QStringLiteral("Active")));
        QCOMPARE(post("/sandbox/cards/" + id + "/activate", maya).status, 400);
        QCOMPARE(statusAfter("/cards/" + id + "/freeze"),
                 std::make_pair(200, QStringLiteral("Frozen")));
        QCOMPARE(post("/cards/" + id + "/freeze", maya).status, 400);
        QCOMPARE(statusAfter("/cards/" + id + "/unfreeze"),
                 std::make_pair(200, QStringLiteral("Active")));
        QCOMPARE(statusAfter("/cards/" + id + "/close"),
                 std::make_pair(200, QStringLiteral("ClosedByCustomer")));
        Reply unfreezeClosed = post("/cards/" + id + "/unfreeze", maya);
        QCOMPARE(unfreezeClosed.status, 400);
        QVERIFY2(unfreezeClosed.errorDetail().contains(QLatin1String("cannot be")),
                 qPrintable(unfreezeClosed.errorDetail()));
        QVERIFY(at(unfreezeClosed.firstError(), "detail")
                    .toString()
                    .contains(QLatin1String("ClosedByCustomer")));
        QCOMPARE(at(get("/cards/" + id, maya).attributes(), "status").toString(),
                 QStringLiteral("ClosedByCustomer"));

        const QByteArray other = createCard(maya, MayaChecking).toLatin1();
        QCOMPARE(statusAfter("/cards/" + other + "/report-lost"),
                 std::make_pair(200, QStringLiteral("Lost")));
        for (const char *action : {"freeze", "unfreeze", "close", "report-stolen", "report-lost"})
            QCOMPARE(post("/cards/" + other + '/' + action, maya).status, 400);
        const QByteArray third = createCard(maya, MayaChecking).toLatin1();
        QCOMPARE(statusAfter("/cards/" + third + "/report-stolen"),
                 std::make_pair(200, QStringLiteral("Stolen")));
        // Seeded frozen card keeps its reason until unfrozen.
        QVERIFY(!at(get("/cards/300003", maya).attributes(), "freezeReason").toString().isEmpty());
        QCOMPARE(statusAfter("/cards/300003/unfreeze"),
                 std::make_pair(200, QStringLiteral("Active")));
        QVERIFY(!get("/cards/300003", maya).attributes().contains(QLatin1String("freezeReason")));
        QCOMPARE(post("/cards/424242/freeze", maya).status, 404);
    }

    void unfreezingACardFrozenBeforeActivationLeavesItInactive()
    {
        const QString maya = customerToken(MayaId);
        const QByteArray id = createCard(maya, MayaChecking).toLatin1();
        auto statusOf = [&](const Reply &reply) {
            return std::make_pair(reply.status, at(reply.attributes(), "status").toString());
        };
        QCOMPARE(statusOf(get("/cards/" + id, maya)),
                 std::make_pair(200, QStringLiteral("Inactive")));
        QCOMPARE(statusOf(post("/cards/" + id + "/freeze", maya)),
                 std::make_pair(200, QStringLiteral("Frozen")));
        QCOMPARE(statusOf(post("/cards/" + id + "/unfreeze", maya)),
                 std::make_pair(200, QStringLiteral("Inactive")));
        // Still waiting for activation, and a second round trip does not activate it either.
        QCOMPARE(statusOf(post("/cards/" + id + "/freeze", maya)),
                 std::make_pair(200, QStringLiteral("Frozen")));
        QCOMPARE(statusOf(post("/cards/" + id + "/unfreeze", maya)),
                 std::make_pair(200, QStringLiteral("Inactive")));
        QCOMPARE(statusOf(post("/sandbox/cards/" + id + "/activate", maya)),
                 std::make_pair(201, QStringLiteral("Active")));
    }

    void noSeededCardIsActivePastItsExpiry()
    {
        // Unit has no Expired status, and renews cards before they expire: a seeded card that
        // reads Active past its expiry month is one Unit would never report. The seed's dates
        // are fixed, so this holds at the date they were last renewed (2026-11-30), not for
        // ever: a run on a later date must not fail because the calendar moved on. Keeping the
        // demo fresh as time passes needs seed dates relative to the day it starts.
        const QDate today(2026, 11, 30);
        QStringList stale;
        for (const tessera::Card &card : m_server->api().store().cards()) {
            QVERIFY2(card.lastValidDay().isValid(), qPrintable(card.id));
            if ((card.status == tessera::CardStatus::Active ||
                 card.status == tessera::CardStatus::ActiveForOnlineUse) &&
                card.isExpired(today))
                stale.append(card.id + QLatin1Char(' ') + card.expirationDate);
        }
        QVERIFY2(stale.isEmpty(),
                 qPrintable(
                     QStringLiteral("%1 cards, first: %2").arg(stale.size()).arg(stale.value(0))));
    }

    void replaceCard()
    {
        const QString maya = customerToken(MayaId);
        Reply replaced = post(
            "/cards/300001/replace", maya,
            R"({"data":{"type":"replaceCard","attributes":{"shippingAddress":{"street":"5230 Newell Rd","city":"Palo Alto","state":"CA","postalCode":"94303","country":"US"}}}})");
        QCOMPARE(replaced.status, 200);
        const QString newId = at(replaced.data(), "id").toString();
        QVERIFY(newId != QLatin1String("300001"));
        QCOMPARE(at(replaced.data(), "type").toString(), QStringLiteral("individualDebitCard"));
        QCOMPARE(at(replaced.attributes(), "status").toString(), QStringLiteral("Inactive"));
        QCOMPARE(at(replaced.attributes(), "shippingAddress/city").toString(),
                 QStringLiteral("Palo Alto"));
        QCOMPARE(at(replaced.data(), "relationships/account/data/id").toString(), MayaChecking);
        QCOMPARE(at(get("/cards/300001", maya).attributes(), "status").toString(),
                 QStringLiteral("ClosedByCustomer"));
        const Reply newLimits = get("/cards/" + newId.toLatin1() + "/limits", maya);
        QCOMPARE(at(newLimits.attributes(), "limits/dailyWithdrawal").toInt(),
                 50000); // limits carried over

        // Lost stays Lost; no body keeps the old shipping address.
        Reply fromLost = post("/cards/300004/replace", maya);
        QCOMPARE(fromLost.status, 200);
        QCOMPARE(at(get("/cards/300004", maya).attributes(), "status").toString(),
                 QStringLiteral("Lost"));
        QCOMPARE(post("/cards/300001/replace", maya).status, 400); // closed now
        Reply badAddress = post(
            "/cards/300003/replace", maya,
            R"({"data":{"type":"replaceCard","attributes":{"shippingAddress":{"street":"1 Main St","city":"Austin","state":"TX","postalCode":"7870"}}}})");
        QCOMPARE(badAddress.status, 400);
        QCOMPARE(badAddress.errorPointer(),
                 QStringLiteral("/data/attributes/shippingAddress/postalCode"));
        QCOMPARE(at(get("/cards/300003", maya).attributes(), "status").toString(),
                 QStringLiteral("Frozen")); // a refused replacement changes nothing
    }

    // PATCH /cards/{id} with tags: merged into the card's tags (null deletes a key), Lost and
    // Stolen cards included, Unit's tag rules enforced after the merge, cards-write needed.
    void updateCardTagsMergesThem()
    {
        const QString maya = customerToken(MayaId);
        const auto patchTags = [this, &maya](const QByteArray &cardId, const QByteArray &type,
                                             const QByteArray &tags, const QString &token = {}) {
            const QByteArray body =
                "{\"data\":{\"type\":\"" + type + "\",\"attributes\":{\"tags\":" + tags + "}}}";
            return send("PATCH", "/cards/" + cardId, token.isEmpty() ? maya : token, body);
        };
        Reply lost = patchTags("300004", "individualDebitCard", R"({"replacedBy":"300099"})");
        QCOMPARE(lost.status, 200);
        QCOMPARE(at(lost.attributes(), "status").toString(), QStringLiteral("Lost"));
        QCOMPARE(at(lost.attributes(), "tags/replacedBy").toString(), QStringLiteral("300099"));
        Reply more = patchTags("300004", "individualDebitCard", R"({"note":"kept"})");
        QCOMPARE(more.status, 200);
        QCOMPARE(at(get("/cards/300004", maya).attributes(), "tags/replacedBy").toString(),
                 QStringLiteral("300099")); // merged, not replaced
        Reply removed = patchTags("300004", "individualDebitCard", R"({"note":null})");
        QCOMPARE(removed.status, 200);
        QVERIFY(!at(removed.attributes(), "tags").toObject().contains(QLatin1String("note")));

        QCOMPARE(patchTags("300004", "individualDebitCard", R"({"empty":""})").status, 400);
        QCOMPARE(patchTags("300004", "individualVirtualDebitCard", R"({"a":"b"})").status, 400);
        QByteArray sixteen = "{";
        for (int i = 0; i < 15; ++i)
            sixteen += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":\"v\"";
        sixteen += "}";
        Reply tooMany = patchTags("300004", "individualDebitCard", sixteen); // 15 + replacedBy
        QCOMPARE(tooMany.status, 400);
        QCOMPARE(tooMany.errorPointer(), QStringLiteral("/data/attributes/tags"));
        const QString readOnly = customerToken(MayaId, QStringLiteral("customers accounts cards"));
        QCOMPARE(patchTags("300004", "individualDebitCard", R"({"a":"b"})", readOnly).status, 403);
        QCOMPARE(at(get("/cards/300004", maya).attributes(), "tags").toObject().size(), 1);
    }

    void cardLimits()
    {
        const QString maya = customerToken(MayaId);
        Reply reply = get("/cards/300001/limits", maya);
        QCOMPARE(reply.status, 200);
        QCOMPARE(at(reply.data(), "type").toString(), QStringLiteral("limits"));
        QCOMPARE(at(reply.attributes(), "limits/dailyWithdrawal").toInt(), 50000);
        QCOMPARE(at(reply.attributes(), "dailyTotals/purchases").toInt(-1), 0);
        const QString james = customerToken(QStringLiteral("100004"));
        QCOMPARE(
            at(get("/cards/300012/limits", james).attributes(), "monthlyTotals/deposits").toInt(),
            50000);
    }

    void customersList()
    {
        Reply all = get("/customers?page[limit]=2", org());
        QCOMPARE(all.status, 200);
        QCOMPARE(all.total(), 6); // five individuals and a business
        QCOMPARE(all.list().size(), 2);
        QCOMPARE(at(all.list().first(), "type").toString(), QStringLiteral("individualCustomer"));
        const Reply last = get("/customers?page[offset]=5", org());
        QCOMPARE(last.list().size(), 1);
        QCOMPARE(at(last.list().first(), "type").toString(), QStringLiteral("businessCustomer"));
        // A customer token lists only its own customer.
        Reply own = get("/customers", customerToken(MayaId));
        QCOMPARE(own.ids(), QStringList{MayaId});
        QCOMPARE(get("/customers?page[limit]=0", org()).status, 400);
    }

    void accountsAndCustomers()
    {
        const QString maya = customerToken(MayaId);
        Reply accounts = get("/accounts?include=customer", maya);
        QCOMPARE(accounts.status, 200);
        QCOMPARE(accounts.total(), 2);
        QCOMPARE(at(accounts.list().first(), "type").toString(), QStringLiteral("depositAccount"));
        QCOMPARE(at(accounts.list().first(), "attributes/balance").toInteger(), 1254312);
        QCOMPARE(at(accounts.json, "included").toArray().size(), 1);
        QCOMPARE(at(get("/accounts/200001", maya).attributes(), "status").toString(),
                 QStringLiteral("Open"));
        QCOMPARE(
            at(get("/accounts/200001?include=customer", maya).json, "included/0/id").toString(),
            MayaId);

        Reply closed = get("/accounts?filter[customerId]=100002&filter[status][0]=Closed", org());
        QCOMPARE(closed.ids(), QStringList{DanielClosedAccount});
        QCOMPARE(get("/accounts?filter%5Bstatus%5D%5B0%5D=Closed", org()).ids(),
                 QStringList{DanielClosedAccount});
        QCOMPARE(get("/accounts?filter[status][0]=Gone", org()).status, 400);
        QCOMPARE(get("/accounts?page[limit]=2&page[offset]=1", org()).list().size(), 2);
        QCOMPARE(get("/accounts?page[limit]=2", org()).total(), 9); // the business has one
        QCOMPARE(get("/accounts/999999", org()).status, 404);

        Reply customer = get("/customers/100001", maya);
        QCOMPARE(customer.status, 200);
        QCOMPARE(at(customer.data(), "type").toString(), QStringLiteral("individualCustomer"));
        QCOMPARE(at(customer.attributes(), "fullName/first").toString(), QStringLiteral("Maya"));
        QCOMPARE(at(customer.attributes(), "phone/number").toString().size(), 10);
        QCOMPARE(get("/customers/100003", org()).status, 200);
        QCOMPARE(get("/customers/999999", org()).status, 404);
    }

    void overAThousandRequestsAMinuteFromOneAddressIs429UntilTheMinuteIsOver()
    {
        QCOMPARE(m_server->api().rateLimiter().requestsPerMinute(), 1000);
        const QString token = org();
        for (int i = 0; i < 1000; ++i) {
            const Reply reply = get("/cards/300001", token);
            if (reply.status != 200)
                QFAIL(qPrintable(
                    QStringLiteral("request %1 answered %2").arg(i + 1).arg(reply.status)));
        }
        const Reply over = get("/cards/300001", token);
        QCOMPARE(over.status, 429);
        QCOMPARE(over.contentType, QByteArray("application/vnd.api+json; charset=utf-8"));
        const QJsonObject error = over.firstError();
        QCOMPARE(error.value(QLatin1String("status")).toString(), QStringLiteral("429"));
        QCOMPARE(error.value(QLatin1String("title")).toString(),
                 QStringLiteral("Too Many Requests"));
        QVERIFY(!error.value(QLatin1String("detail")).toString().isEmpty());
        QVERIFY(!error.contains(QLatin1String("code")));
        // Another source address has a count of its own.
        SandboxRequest elsewhere;
        elsewhere.method = "GET";
        elsewhere.path = QStringLiteral("/cards/300001");
        elsewhere.headers = {{"Authorization", "Bearer " + token.toUtf8()}};
        elsewhere.clientAddress = QStringLiteral("192.0.2.7");
        QCOMPARE(m_server->api().handle(elsewhere).status, 200);
        // A minute later the first address may send again.
        m_server->setClockOffset(61);
        QCOMPARE(get("/cards/300001", token).status, 200);
    }

    void bodyErrors()
    {
        const QString maya = customerToken(MayaId);
        Reply wrongType = send("POST", "/cards", maya, createCardBody(MayaChecking), "text/plain");
        QCOMPARE(wrongType.status, 415);
        QVERIFY2(wrongType.errorDetail().contains(QLatin1String("application/vnd.api+json")),
                 qPrintable(wrongType.errorDetail()));
        QCOMPARE(
            send("POST", "/cards", maya, createCardBody(MayaChecking), "application/json").status,
            201);
        Reply malformed = post("/cards", maya, "{\"data\":");
        QCOMPARE(malformed.status, 400);
        QVERIFY2(malformed.errorDetail().contains(QLatin1String("not valid JSON")),
                 qPrintable(malformed.errorDetail()));
        QCOMPARE(post("/cards", maya, "[1,2]").status, 400);
        QCOMPARE(post("/cards", maya, {}).status, 400);
        QByteArray huge =
            "{\"data\":{\"type\":\"individualDebitCard\",\"attributes\":{\"design\":\"";
        huge += QByteArray(1024 * 1024, 'x') + "\"}}}";
        Reply tooLarge = post("/cards", maya, huge);
        QCOMPARE(tooLarge.status, 413);
        QVERIFY2(tooLarge.errorDetail().contains(QLatin1String("limited to")),
                 qPrintable(tooLarge.errorDetail()));
        QCOMPARE(post("/customers/100001/token", org(), "not json").status, 400);
    }

    void hostileInputGetsA4xxNeverA500()
    {
        const QString token = customerToken(MayaId);
        auto addressBody = [](const QString &street, const QString &zip) {
            QJsonObject address{{QStringLiteral("street"), street},
                                {QStringLiteral("city"), QStringLiteral("Palo Alto")},
                                {QStringLiteral("state"), QStringLiteral("CA")},
                                {QStringLiteral("postalCode"), zip},
                                {QStringLiteral("country"), QStringLiteral("US")}};
            QJsonObject data{
                {QStringLiteral("type"), QStringLiteral("individualDebitCard")},
                {QStringLiteral("attributes"),
                 QJsonObject{{QStringLiteral("shippingAddress"), address}}},
                {QStringLiteral("relationships"),
                 QJsonObject{{QStringLiteral("account"),
                              QJsonObject{{QStringLiteral("data"),
                                           QJsonObject{{QStringLiteral("type"),
                                                        QStringLiteral("depositAccount")},
                                                       {QStringLiteral("id"), MayaChecking}}}}}}}};
            return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson();
        };
        const QList<std::pair<const char *, QByteArray>> bodies = {
            {"SQL-ish ZIP",
             addressBody(QStringLiteral("1 Main St"), QStringLiteral("94303' OR 1=1--"))},
            {"control characters",
             addressBody(QStringLiteral("1 Main\u0000St\u001b[2J"), QStringLiteral("94303"))},
            {"huge street", addressBody(QString(5000, QLatin1Char('x')), QStringLiteral("94303"))},
            {"deep nesting", QByteArray(5000, '[') + QByteArray(5000, ']')},
            {"deep object",
             QByteArray("{\"data\":") + QByteArray(3000, '[') + QByteArray(3000, ']') + "}"},
            {"unknown type", R"({"data":{"type":"goldBar","attributes":{}}})"},
            {"array root", "[]"},
            {"null data", R"({"data":null})"},
            {"binary", QByteArray("\x00\xff\xfe{\"data\"", 10)},
        };
        for (const auto &[what, body] : bodies) {
            const Reply reply = post("/cards", token, body);
            QVERIFY2(reply.status >= 400 && reply.status < 500, what);
            QVERIFY2(!reply.firstError().value(QLatin1String("detail")).toString().isEmpty(), what);
        }
        for (const char *query : {"/cards?page[limit]=-1", "/cards?page[limit]=99999999999999",
                                  "/cards?page[offset]=-5", "/cards?page[limit]=abc",
                                  "/cards?sort=%27;DROP%20TABLE", "/cards?filter[status][0]=%00"}) {
            const Reply reply = get(query, token);
            QVERIFY2(reply.status == 400, query);
        }
        QCOMPARE(get("/cards/1%27%20OR%20%271%27=%271", token).status, 404);
    }

    void unknownRoutesAndMethods()
    {
        Reply missing = get("/payments", org());
        QCOMPARE(missing.status, 404);
        QCOMPARE(at(missing.firstError(), "status").toString(), QStringLiteral("404"));
        QCOMPARE(get("/cards/300001/pin", org()).status, 404);
        Reply method = send("DELETE", "/cards/300001", org());
        QCOMPARE(method.status, 405);
        QCOMPARE(get("/cards/not-a-number", org()).status, 404);
    }

    void customerListFilterQueryFindsANameEmailOrPhoneNumber()
    {
        QCOMPARE(get("/customers", org()).total(), 6);
        QCOMPARE(get("/customers?filter[query]=thompson", org()).ids(), QStringList{MayaId});
        QCOMPARE(get("/customers?filter[query]=maya.thompson%40example.com", org()).ids(),
                 QStringList{MayaId});
        QCOMPARE(get("/customers?filter[query]=4155550142", org()).ids(), QStringList{MayaId});
        QCOMPARE(get("/customers?filter[query]=%2B1%20(415)%20555-0142", org()).ids(),
                 QStringList{MayaId});
        // A business is found by its contact's and its authorized users' names, emails, phones.
        const QStringList business{QStringLiteral("100006")};
        QCOMPARE(get("/customers?filter[query]=Northwind", org()).ids(), business);
        QCOMPARE(get("/customers?filter[query]=elena.vasquez", org()).ids(), business);
        QCOMPARE(get("/customers?filter[query]=Aisha%20Rahman", org()).ids(), business);
        QCOMPARE(get("/customers?filter[query]=5035550174", org()).ids(), business);
        QCOMPARE(get("/customers?filter[query]=9995550100", org()).total(), 0);
        QCOMPARE(get("/customers?filter[query]=nobody", org()).total(), 0);
        // A customer token still sees only its own customer.
        QCOMPARE(get("/customers?filter[query]=5125550178", customerToken(MayaId)).total(), 0);
    }

    void customerListFilterEmailIsExact()
    {
        QCOMPARE(get("/customers?filter[email]=daniel.okafor%40example.com", org()).ids(),
                 QStringList{DanielId});
        QCOMPARE(get("/customers?filter[email]=Daniel.Okafor%40Example.com", org()).ids(),
                 QStringList{DanielId});
        QCOMPARE(get("/customers?filter[email]=daniel.okafor", org()).total(), 0);
        QCOMPARE(get("/customers?filter[email]=okafor%40example.com", org()).total(), 0);
    }

    void customerListFiltersStatusAndTags()
    {
        QFile file(QStringLiteral(":/tessera/seed/demo-seed.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject seed = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray customers = seed.value(QLatin1String("customers")).toArray();
        QJsonObject daniel = customers.at(1).toObject();
        QJsonObject attributes = daniel.value(QLatin1String("attributes")).toObject();
        attributes.insert(QStringLiteral("status"), QStringLiteral("Archived"));
        attributes.insert(QStringLiteral("tags"),
                          QJsonObject{{QStringLiteral("branch"), QStringLiteral("austin")}});
        daniel.insert(QStringLiteral("attributes"), attributes);
        customers.replace(1, daniel);
        seed.insert(QStringLiteral("customers"), customers);
        QString error;
        QVERIFY2(m_server->loadSeed(QJsonDocument(seed).toJson(), &error), qPrintable(error));

        QCOMPARE(get("/customers?filter[status][0]=Archived", org()).ids(), QStringList{DanielId});
        QCOMPARE(get("/customers?filter[status][0]=Active", org()).total(), 5);
        QCOMPARE(
            get("/customers?filter[status][0]=Active&filter[status][1]=Archived", org()).total(),
            6);
        QCOMPARE(get("/customers?filter[status][0]=Closed", org()).status, 400);
        QCOMPARE(get("/customers?filter[tags]=%7B%22branch%22%3A%22austin%22%7D", org()).ids(),
                 QStringList{DanielId});
        QCOMPARE(get("/customers?filter[tags]=%7B%22branch%22%3A%22portland%22%7D", org()).total(),
                 0);
        QCOMPARE(get("/customers?filter[tags]=branch", org()).status, 400);
    }

    void loadSeedReplacesData()
    {
        const QByteArray seed =
            R"({"customers":[{"type":"individualCustomer","id":"7","attributes":{"fullName":{"first":"Solo","last":"Person"}}}],
            "accounts":[{"type":"depositAccount","id":"8","attributes":{"createdAt":"2024-01-01T00:00:00Z","name":"Solo","status":"Open"},"relationships":{"customer":{"data":{"type":"customer","id":"7"}}}}],
            "cards":[],"generatedCards":[{"customerId":"7","accountId":"8","count":3}]})";
        QString error;
        QVERIFY2(m_server->loadSeed(seed, &error), qPrintable(error));
        QCOMPARE(m_server->cardCount(), 3);
        QCOMPARE(get("/cards", org()).total(), 3);
        QCOMPARE(get("/cards/300001", org()).status, 404);
        QVERIFY(!m_server->loadSeed("{\"cards\":[{\"type\":\"individualDebitCard\"}]}", &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(m_server->cardCount(), 3); // unchanged by a bad seed
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandboxapi.moc"
