// libFuzzer target for the sandbox's request -> response layer (SandboxApi::handle, no sockets).
// The input is a small header that picks the request's shape, then free-form bytes:
//
//   byte 0   bits 0-2 method, bits 3-5 Authorization header
//   byte 1   path template (one per route, or the raw path bytes from the input)
//   byte 2   the id put into the template's "{id}" (a seeded id, or bytes from the input)
//   byte 3   Content-Type
//   byte 4   length of the query string that follows
//   byte 5   length of the raw id / raw path that follows the query
//   ...      query bytes, raw id/path bytes, then the request body (everything left)
//
// Every answer must be a JSON:API document with a status below 500: errors as 4xx
// {"errors":[...]} whose statuses match, successes as {"data":...} that Tessera's own decoder
// accepts for the route that answered. Anything else (a crash, a sanitizer report, a 5xx, a body
// that is not JSON) is a finding (__builtin_trap).
// Each input starts from the same freshly seeded state, so findings reproduce on their own.

#include "JsonApiCodec.h"
#include "SandboxApi.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QtGlobal>

using namespace tessera;
using namespace tessera::sandbox;

extern "C" const char *__ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1";
}

namespace {

// The request and answer being checked, printed before a trap so a finding explains itself.
QByteArray lastExchange;

void check(bool condition)
{
    if (!condition) {
        fprintf(stderr, "fuzz_sandbox: unexpected answer\n%s\n", lastExchange.constData());
        __builtin_trap();
    }
}

void dropMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    // qFatal still aborts after the handler returns; say why first.
    if (type == QtFatalMsg)
        fprintf(stderr, "qFatal: %s\n", qPrintable(message));
}

// What a 2xx body of a route must decode as with the client's own decoder.
enum class Expect {
    Nothing,
    Card,
    CardPage,
    Account,
    AccountPage,
    Customer,
    CustomerPage,
    Verification,
    Token,
    Limits
};

const char *const Paths[] = {
    "/cards",
    "/cards/{id}",
    "/cards/{id}/limits",
    "/cards/{id}/freeze",
    "/cards/{id}/unfreeze",
    "/cards/{id}/close",
    "/cards/{id}/report-stolen",
    "/cards/{id}/report-lost",
    "/cards/{id}/replace",
    "/sandbox/cards/{id}/activate",
    "/accounts",
    "/accounts/{id}",
    "/customers",
    "/customers/{id}",
    "/customers/{id}/token/verification",
    "/customers/{id}/token",
    nullptr, // the raw path bytes from the input
};

// Which document a 2xx answer must be, from the route the sandbox will have matched (the same
// segments SandboxApi routes on, so "/cards/" is the list and raw paths are checked as well).
Expect expectFor(const QByteArray &method, const QString &path)
{
    const QStringList s = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    auto is = [&s](qsizetype i, const char *literal) { return s.at(i) == QLatin1String(literal); };
    if (s.size() == 1 && is(0, "cards"))
        return method == "GET" ? Expect::CardPage : Expect::Card;
    if (s.size() == 1 && is(0, "accounts"))
        return Expect::AccountPage;
    if (s.size() == 1 && is(0, "customers"))
        return Expect::CustomerPage;
    if (s.size() == 2 && is(0, "cards"))
        return Expect::Card;
    if (s.size() == 2 && is(0, "accounts"))
        return Expect::Account;
    if (s.size() == 2 && is(0, "customers"))
        return Expect::Customer;
    if (s.size() == 3 && is(0, "cards"))
        return is(2, "limits") ? Expect::Limits : Expect::Card;
    if (s.size() == 3 && is(0, "customers") && is(2, "token"))
        return Expect::Token;
    if (s.size() == 4 && is(0, "customers") && is(2, "token") && is(3, "verification"))
        return Expect::Verification;
    if (s.size() == 4 && is(0, "sandbox") && is(1, "cards") && is(3, "activate"))
        return Expect::Card;
    return Expect::Nothing; // a 2xx here would be odd, but there is no decoder to hold it to
}

const char *const Ids[] = {
    "100001", "100002", "100005", "200001", "200002", "200004", "300001", "300002",
    "300003", "300004", "300005", "300007", "999999", "0",      "-1",     "",
    // the raw id bytes from the input follow as the last choice
};

const char *const Methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "post", "GET "};

const char *const ContentTypes[] = {
    "application/vnd.api+json",
    "application/json",
    "application/vnd.api+json; charset=utf-8",
    "APPLICATION/JSON ; foo=bar",
    "text/plain",
    "",
    "application/x-www-form-urlencoded",
    nullptr, // no header at all
};

struct World
{
    SandboxApi api;
    SandboxStore seededStore;
    TokenAuthority seededTokens{nullptr};
    QByteArray orgToken;
    QByteArray mayaFull;     // customers accounts cards cards-write
    QByteArray mayaReadOnly; // customers accounts cards
    QByteArray danielFull;
};

World *world = nullptr;

QByteArray authorization(int choice)
{
    switch (choice) {
    case 0:
        return "Bearer " + world->orgToken;
    case 1:
        return "Bearer " + world->mayaFull;
    case 2:
        return "Bearer " + world->mayaReadOnly;
    case 3:
        return "Bearer " + world->danielFull;
    case 4:
        return {};
    case 5:
        return "Bearer v2.public.not-a-token";
    case 6:
        return "bearer  " + world->mayaFull + "  ";
    default:
        return "Basic " + world->orgToken;
    }
}

void checkDecodes(Expect expect, const QByteArray &body)
{
    switch (expect) {
    case Expect::Nothing:
        return;
    case Expect::Card:
        check(JsonApiCodec::cardFromDocument(body).ok());
        return;
    case Expect::CardPage:
        check(JsonApiCodec::cardPageFromDocument(body).ok());
        return;
    case Expect::Account:
        check(JsonApiCodec::accountFromDocument(body).ok());
        return;
    case Expect::AccountPage:
        check(JsonApiCodec::accountPageFromDocument(body).ok());
        return;
    case Expect::Customer:
        check(JsonApiCodec::customerFromDocument(body).ok());
        return;
    case Expect::CustomerPage:
        check(JsonApiCodec::customerPageFromDocument(body).ok());
        return;
    case Expect::Verification:
        check(JsonApiCodec::tokenVerificationFromDocument(body).ok());
        return;
    case Expect::Token:
        check(JsonApiCodec::customerTokenFromDocument(body).ok());
        return;
    case Expect::Limits:
        check(JsonApiCodec::cardLimitsFromDocument(body).ok());
        return;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler(dropMessage);
    world = new World;
    // Millions of inputs a minute: the rate limit would answer nearly all of them with 429.
    world->api.rateLimiter().setRequestsPerMinute(std::numeric_limits<int>::max());
    QFile seed(QStringLiteral(":/tessera/seed/demo-seed.json"));
    QString error;
    if (!seed.open(QIODevice::ReadOnly)) {
        fprintf(stderr, "fuzz_sandbox: the built-in demo seed is missing\n");
        abort();
    }
    // The demo seed, but 30 generated cards instead of 5000: pages still split with a small
    // page[limit], and an input that touches a card does not copy 5000 of them (~100x faster).
    QJsonObject root = QJsonDocument::fromJson(seed.readAll()).object();
    QJsonArray generated = root.value(QLatin1String("generatedCards")).toArray();
    for (QJsonValueRef spec : generated) {
        QJsonObject object = spec.toObject();
        object.insert(QStringLiteral("count"), 30);
        spec = object;
    }
    root.insert(QStringLiteral("generatedCards"), generated);
    // Likewise 300 transactions on the bulk account instead of 200 000, histories that end at
    // a fixed moment (the same records every run), made once here rather than per input.
    QJsonArray history = root.value(QLatin1String("generatedHistory")).toArray();
    for (QJsonValueRef spec : history) {
        QJsonObject object = spec.toObject();
        object.insert(QStringLiteral("transactions"), 300);
        spec = object;
    }
    root.insert(QStringLiteral("generatedHistory"), history);
    world->api.store().setHistoryEnd(QDateTime(QDate(2026, 11, 20), QTime(15, 0), Qt::UTC));
    if (!world->api.store().loadSeed(QJsonDocument(root).toJson(), &error)) {
        fprintf(stderr, "fuzz_sandbox: cannot load the demo seed: %s\n", qPrintable(error));
        abort();
    }
    for (const Account &account : world->api.store().accounts())
        world->api.store().history(account.id);
    TokenAuthority &tokens = world->api.tokens();
    const QStringList read{QStringLiteral("customers"), QStringLiteral("accounts"),
                           QStringLiteral("cards")};
    const QStringList full = read + QStringList{QStringLiteral("cards-write")};
    world->orgToken = tokens.orgToken().toLatin1();
    world->mayaFull = tokens.issueCustomerToken(QStringLiteral("100001"), full, 86400).toLatin1();
    world->mayaReadOnly =
        tokens.issueCustomerToken(QStringLiteral("100001"), read, 86400).toLatin1();
    world->danielFull = tokens.issueCustomerToken(QStringLiteral("100002"), full, 86400).toLatin1();
    world->seededStore = world->api.store();
    world->seededTokens = world->api.tokens();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto byte = [&](size_t i) -> uint8_t { return i < size ? data[i] : 0; };
    const auto *chars = reinterpret_cast<const char *>(data);

    // Back to the seeded state (implicitly shared copies: cheap until something changes).
    world->api.store() = world->seededStore;
    world->api.tokens() = world->seededTokens;

    size_t pos = 6;
    auto take = [&](size_t length) {
        const size_t start = std::min(pos, size);
        const size_t end = std::min(start + length, size);
        pos = end;
        return QByteArray(chars + start, qsizetype(end - start));
    };
    const QByteArray query = take(byte(4));
    const QByteArray raw = take(byte(5));
    const QByteArray body = take(size);

    const char *path = Paths[byte(1) % std::size(Paths)];
    const size_t idChoice = byte(2) % (std::size(Ids) + 1);
    const QString id =
        idChoice < std::size(Ids) ? QString::fromLatin1(Ids[idChoice]) : QString::fromUtf8(raw);

    SandboxRequest request;
    request.method = Methods[byte(0) & 0x07];
    request.path = path ? QString::fromLatin1(path).replace(QLatin1String("{id}"), id)
                        : QString::fromUtf8(raw);
    request.query = QUrlQuery(QString::fromUtf8(query));
    const QByteArray auth = authorization((byte(0) >> 3) & 0x07);
    if (!auth.isEmpty())
        request.headers.append({QByteArrayLiteral("Authorization"), auth});
    if (const char *contentType = ContentTypes[byte(3) % std::size(ContentTypes)])
        request.headers.append({QByteArrayLiteral("Content-Type"), QByteArray(contentType)});
    request.body = body;

    const SandboxResponse response = world->api.handle(request);

    lastExchange = request.method + ' ' + request.path.toUtf8() + '?' +
                   request.query.toString(QUrl::FullyEncoded).toUtf8() + " -> " +
                   QByteArray::number(response.status) + ' ' + response.body.left(2000);
    check(response.status >= 200 && response.status < 500);
    // A statement's PDF is the one body that is not JSON:API, and only on success.
    if (response.contentType == "application/pdf") {
        check(response.status == 200 && response.body.startsWith("%PDF-") &&
              response.body.endsWith("%%EOF\n"));
        return 0;
    }
    check(response.contentType == SandboxResponse::ContentType);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    check(parseError.error == QJsonParseError::NoError && document.isObject());
    const QJsonObject object = document.object();
    if (response.status >= 400) {
        const QJsonArray errors = object.value(QLatin1String("errors")).toArray();
        check(!errors.isEmpty());
        for (const QJsonValue &e : errors)
            check(e.toObject().value(QLatin1String("status")).toString() ==
                  QString::number(response.status));
        const ApiError decoded = JsonApiCodec::decodeError(response.status, response.body);
        check(!decoded.title.isEmpty());
    } else {
        check(object.contains(QLatin1String("data")));
        checkDecodes(expectFor(request.method, request.path), response.body);
    }
    return 0;
}
