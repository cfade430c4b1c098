// libFuzzer target for tessera-broker's request reading (SignInRequestParser, no sockets): the
// whole of what an unauthenticated caller controls before the broker talks to Unit.
//
//   byte 0   bits 0-2 method, bits 3-4 Content-Type
//   byte 1   path template (one per route, or raw path bytes from the input)
//   byte 2   length of the raw sign-in id / raw path that follows
//   ...      raw id/path bytes, then the request body (everything left)
//
// Every input must come back either as a typed request whose fields keep the documented
// bounds (a 32-hex id, a code of 4 to 10 digits, an E.164 phone, a lower-case email, expiresIn
// within Unit's 24 h) or as a 4xx whose document is Unit's error shape. A crash, a sanitizer report
// or anything else is a finding (__builtin_trap).

#include "SignInRequestParser.h"

#include <cstddef>
#include <cstdint>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtGlobal>

using namespace tessera::broker;

extern "C" const char *__ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1";
}

namespace {

QByteArray lastRequest;

void check(bool condition, const char *what)
{
    if (!condition) {
        fprintf(stderr, "fuzz_broker: %s\n%s\n", what, lastRequest.constData());
        __builtin_trap();
    }
}

void dropMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg)
        fprintf(stderr, "qFatal: %s\n", qPrintable(message));
}

bool isErrorDocument(const BrokerResponse &response)
{
    const QJsonArray errors = response.document.value(QLatin1String("errors")).toArray();
    if (errors.isEmpty())
        return false;
    for (const QJsonValue &error : errors) {
        const QJsonObject object = error.toObject();
        if (object.value(QLatin1String("status")).toString() != QString::number(response.status) ||
            object.value(QLatin1String("title")).toString().isEmpty())
            return false;
    }
    return true;
}

bool expiresInOk(const std::optional<int> &expiresIn)
{
    return !expiresIn || (*expiresIn >= 1 && *expiresIn <= SignInRequestParser::MaxExpiresIn);
}

void checkParsed(const BrokerRequest &request)
{
    static const QRegularExpression hexId(QStringLiteral("^[0-9a-f]{32}$"));
    static const QRegularExpression codeDigits(QStringLiteral("^[0-9]{4,10}$"));
    if (const auto *response = std::get_if<BrokerResponse>(&request)) {
        check(response->status >= 400 && response->status < 500, "not a 4xx");
        check(isErrorDocument(*response), "not Unit's error shape");
    } else if (const auto *start = std::get_if<StartSignIn>(&request)) {
        check(start->phone.has_value() != !start->email.isEmpty(), "not one of phone or email");
        check(start->email == start->email.toLower(), "email not lower case");
    } else if (const auto *finish = std::get_if<FinishSignIn>(&request)) {
        check(hexId.match(QString::fromLatin1(finish->signInId)).hasMatch(), "bad sign-in id");
        check(codeDigits.match(finish->code).hasMatch(), "bad code");
        check(expiresInOk(finish->expiresIn), "expiresIn out of bounds");
    } else if (const auto *jwt = std::get_if<JwtSignIn>(&request)) {
        check(!jwt->jwtToken.isEmpty(), "empty JWT");
        check(qsizetype(jwt->jwtToken.size()) <= SignInRequestParser::MaxBodyBytes, "huge JWT");
        check(expiresInOk(jwt->expiresIn), "expiresIn out of bounds");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (qInstallMessageHandler(dropMessage), true);
    Q_UNUSED(quiet);
    if (size < 3)
        return 0;
    static const QByteArray methods[] = {"GET",   "POST", "PUT",  "DELETE",
                                         "PATCH", "HEAD", "POST", ""};
    static const QByteArray contentTypes[] = {"application/vnd.api+json", "application/json",
                                              "text/plain", ""};
    const QByteArray method = methods[data[0] & 7];
    const QByteArray contentType = contentTypes[(data[0] >> 3) & 3];
    const size_t rawLength = qMin<size_t>(data[2], size - 3);
    const QByteArray raw(reinterpret_cast<const char *>(data) + 3, qsizetype(rawLength));
    const QByteArray body(reinterpret_cast<const char *>(data) + 3 + rawLength,
                          qsizetype(size - 3 - rawLength));
    QByteArray path;
    switch (data[1] % 6) {
    case 0:
        path = "/v1/sign-ins";
        break;
    case 1:
        path = "/v1/sign-ins/" + raw + "/token";
        break;
    case 2:
        path = "/v1/sign-ins/0123456789abcdef0123456789abcdef/token";
        break;
    case 3:
        path = "/v1/jwt-sign-ins";
        break;
    case 4:
        path = "/healthz";
        break;
    default:
        path = raw;
        break;
    }
    lastRequest = method + ' ' + path + "\nContent-Type: " + contentType + "\n\n" + body.left(2000);
    checkParsed(SignInRequestParser::parse(method, path, contentType, body));
    return 0;
}
