// SignInRequestParser: every request of the broker's API read into a typed request, and every
// malformed one into the 4xx that answers it, pointing at the attribute at fault.

#include "SignInRequestParser.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace tessera::broker;

namespace {

const QByteArray JsonApi = "application/vnd.api+json";

BrokerRequest post(const QByteArray &path, const QByteArray &body,
                   const QByteArray &contentType = JsonApi)
{
    return SignInRequestParser::parse("POST", path, contentType, body);
}

QByteArray startBody(const QByteArray &attributes)
{
    return R"({"data":{"type":"signIn","attributes":{)" + attributes + "}}}";
}

QByteArray codeBody(const QByteArray &attributes)
{
    return R"({"data":{"type":"signInCode","attributes":{)" + attributes + "}}}";
}

QString pointerOf(const BrokerResponse &response)
{
    return response.document.value(QLatin1String("errors"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("source"))
        .toObject()
        .value(QLatin1String("pointer"))
        .toString();
}

const QByteArray SignInId = "0123456789abcdef0123456789abcdef";

} // namespace

class TestSignInRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void startByPhoneReadsTheE164Parts()
    {
        const BrokerRequest request =
            post("/v1/sign-ins", startBody(R"("phone":{"countryCode":"1","number":"4155550142"})"));
        const auto *start = std::get_if<StartSignIn>(&request);
        QVERIFY(start);
        QVERIFY(start->phone);
        QCOMPARE(start->phone->countryCode, QStringLiteral("1"));
        QCOMPARE(start->phone->number, QStringLiteral("4155550142"));
        QVERIFY(start->email.isEmpty());
        QVERIFY(!start->byCall);
        QVERIFY(start->language.isEmpty());
    }

    void startByEmailReadsItInLowerCaseWithChannelAndLanguage()
    {
        const BrokerRequest request = post(
            "/v1/sign-ins",
            startBody(R"("email":"Maya.Thompson@Example.com","channel":"call","language":"es")"));
        const auto *start = std::get_if<StartSignIn>(&request);
        QVERIFY(start);
        QVERIFY(!start->phone);
        QCOMPARE(start->email, QStringLiteral("maya.thompson@example.com"));
        QVERIFY(start->byCall);
        QCOMPARE(start->language, QStringLiteral("es"));
    }

    void finishReadsTheIdCodeAndLifetime()
    {
        const BrokerRequest request = post("/v1/sign-ins/" + SignInId + "/token",
                                           codeBody(R"("code":"000001","expiresIn":3600)"));
        const auto *finish = std::get_if<FinishSignIn>(&request);
        QVERIFY(finish);
        QCOMPARE(finish->signInId, SignInId);
        QCOMPARE(finish->code, QStringLiteral("000001"));
        QCOMPARE(finish->expiresIn, std::optional<int>(3600));
    }

    void jwtSignInReadsTheToken()
    {
        const BrokerRequest request =
            post("/v1/jwt-sign-ins",
                 R"({"data":{"type":"jwtSignIn","attributes":{"jwtToken":"a.b.c"}}})");
        const auto *jwt = std::get_if<JwtSignIn>(&request);
        QVERIFY(jwt);
        QCOMPARE(jwt->jwtToken, QStringLiteral("a.b.c"));
        QVERIFY(!jwt->expiresIn);
    }

    void healthIsAGet()
    {
        QVERIFY(std::holds_alternative<HealthCheck>(
            SignInRequestParser::parse("GET", "/healthz", {}, {})));
    }

    void malformedRequestsGet4xxPointingAtTheFault_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("pointer");

        const QByteArray start = "/v1/sign-ins";
        const QByteArray finish = "/v1/sign-ins/" + SignInId + "/token";
        const auto row = [](const char *name, const QByteArray &path, const QByteArray &body,
                            int status, const char *pointer) {
            QTest::newRow(name) << QByteArray("POST") << path << JsonApi << body << status
                                << QString::fromLatin1(pointer);
        };
        row("not JSON", start, "{\"data\":", 400, "");
        row("an array", start, "[1,2]", 400, "");
        row("no data", start, "{}", 400, "/data");
        row("wrong type", start, R"({"data":{"type":"signInCode","attributes":{}}})", 400,
            "/data/type");
        row("attributes not an object", start, R"({"data":{"type":"signIn","attributes":7}})", 400,
            "/data/attributes");
        row("neither phone nor email", start, startBody(""), 400, "/data/attributes");
        row("phone and email", start,
            startBody(R"("phone":{"countryCode":"1","number":"4155550142"},"email":"a@b.co")"), 400,
            "/data/attributes");
        row("phone is a string", start, startBody(R"("phone":"+14155550142")"), 400,
            "/data/attributes/phone");
        row("phone with a plus", start,
            startBody(R"("phone":{"countryCode":"+1","number":"4155550142"})"), 400,
            "/data/attributes/phone");
        row("phone with letters", start,
            startBody(R"("phone":{"countryCode":"1","number":"415555O142"})"), 400,
            "/data/attributes/phone");
        row("phone longer than E.164", start,
            startBody(R"("phone":{"countryCode":"44","number":"1234567890123456"})"), 400,
            "/data/attributes/phone");
        row("phone number as a number", start,
            startBody(R"("phone":{"countryCode":"1","number":4155550142})"), 400,
            "/data/attributes/phone");
        row("email without a domain", start, startBody(R"("email":"maya@")"), 400,
            "/data/attributes/email");
        row("email as a number", start, startBody(R"("email":42)"), 400, "/data/attributes/email");
        row("unknown channel", start, startBody(R"("email":"a@b.co","channel":"fax")"), 400,
            "/data/attributes/channel");
        row("unknown language", start, startBody(R"("email":"a@b.co","language":"tlh")"), 400,
            "/data/attributes/language");
        row("asks for a scope", start,
            startBody(R"("email":"a@b.co","scope":"customers cards-write")"), 400,
            "/data/attributes/scope");
        row("code missing", finish, codeBody(""), 400, "/data/attributes/code");
        row("code with letters", finish, codeBody(R"("code":"00000a")"), 400,
            "/data/attributes/code");
        row("code as a number", finish, codeBody(R"("code":1)"), 400, "/data/attributes/code");
        row("expiresIn zero", finish, codeBody(R"("code":"000001","expiresIn":0)"), 400,
            "/data/attributes/expiresIn");
        row("expiresIn beyond a day", finish, codeBody(R"("code":"000001","expiresIn":86401)"), 400,
            "/data/attributes/expiresIn");
        row("expiresIn a fraction", finish, codeBody(R"("code":"000001","expiresIn":1.5)"), 400,
            "/data/attributes/expiresIn");
        row("finish asks for a scope", finish, codeBody(R"("code":"000001","scope":"cards-write")"),
            400, "/data/attributes/scope");
        row("jwt missing", "/v1/jwt-sign-ins", R"({"data":{"type":"jwtSignIn","attributes":{}}})",
            400, "/data/attributes/jwtToken");
        row("jwt a number", "/v1/jwt-sign-ins",
            R"({"data":{"type":"jwtSignIn","attributes":{"jwtToken":5}}})", 400,
            "/data/attributes/jwtToken");
        row("huge body", start, startBody("\"email\":\"" + QByteArray(20000, 'a') + "@b.co\""), 413,
            "");
        row("id not one the broker gives", "/v1/sign-ins/ABC/token", codeBody(R"("code":"1234")"),
            404, "");
        row("unknown path", "/v1/customers", "{}", 404, "");
        QTest::newRow("text/plain") << QByteArray("POST") << start << QByteArray("text/plain")
                                    << startBody(R"("email":"a@b.co")") << 415 << QString();
        QTest::newRow("GET a sign-in")
            << QByteArray("GET") << start << JsonApi << QByteArray() << 405 << QString();
        QTest::newRow("DELETE health") << QByteArray("DELETE") << QByteArray("/healthz") << JsonApi
                                       << QByteArray() << 405 << QString();
    }

    void malformedRequestsGet4xxPointingAtTheFault()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, pointer);
        const BrokerRequest request = SignInRequestParser::parse(method, path, contentType, body);
        const auto *answer = std::get_if<BrokerResponse>(&request);
        QVERIFY(answer);
        QCOMPARE(answer->status, status);
        QCOMPARE(pointerOf(*answer), pointer);
        const QJsonObject error =
            answer->document.value(QLatin1String("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QLatin1String("status")).toString(), QString::number(status));
        QVERIFY(!error.value(QLatin1String("title")).toString().isEmpty());
    }

    void anyBytesGetAnAnswer()
    {
        QRandomGenerator random(12);
        const QByteArray paths[] = {"/v1/sign-ins", "/v1/jwt-sign-ins",
                                    "/v1/sign-ins/" + SignInId + "/token", "/healthz"};
        for (int i = 0; i < 3000; ++i) {
            QByteArray body(int(random.bounded(200)), Qt::Uninitialized);
            for (char &c : body)
                c = char(random.bounded(256));
            if (i % 3 == 0) // mostly well-formed JSON around random values
                body = startBody("\"email\":\"" + body.toPercentEncoding() + "\"");
            const BrokerRequest request =
                SignInRequestParser::parse("POST", paths[i % 4], JsonApi, body);
            if (const auto *answer = std::get_if<BrokerResponse>(&request))
                QVERIFY2(answer->status >= 400 && answer->status < 500, body.toHex().constData());
            else if (const auto *finish = std::get_if<FinishSignIn>(&request))
                QCOMPARE(finish->signInId, SignInId);
        }
    }
};

QTEST_APPLESS_MAIN(TestSignInRequestParser)
#include "tst_signinrequestparser.moc"
