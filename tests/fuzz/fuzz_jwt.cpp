// libFuzzer target for what an identity provider's side sends that Tessera, the broker and the
// sandbox read without trusting it: an ID token (JwtVerifier) and a JWK Set (Jwks).
//
//   byte 0   even: the rest is a JWT, verified against the fixed key set below
//            odd:  the rest is a JWK Set document, read with Jwks::fromJson
//
// A JWT is accepted only with a signature by the fixed key (the corpus holds one, made with its
// private key, which is not committed) and then its claims must be the expected ones; a key set
// read must hold at least one key. A crash, a sanitizer report or a broken rule is a finding.

#include "Jwks.h"
#include "JwtVerifier.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <QDateTime>
#include <QtGlobal>

using namespace tessera;

extern "C" const char *__ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1";
}

namespace {

// The public half of a 2048-bit RSA key made for this target (kid "fuzz-key").
const char FuzzKeySet[] =
    "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"fuzz-key\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":"
    "\"rEk4gT2dmG_h9mlMln"
    "ey7WJ6-LdR_qhto3Ro3__5gzqGy3cBQK2HjhCoTTmhM3S2bdRQ9ooJTBXGE34avOljRmvHtLR3q07VuF0qPN4Sw-"
    "llmgXlcCHvZvs2X-2bA8pPGV3W02mNfSGq2std2lUpqiwddfSqUlTWY0iz2JCcIlMArrHKexxr6P2yRVFOOq11Fi"
    "XpZE9Y0WnXF_IfbpxUfq9EeNWxrfevUTwNNOzr1y13XEuxwvX5ABVb-sh0uSwSyaghyxv57Lxs7fFoU-WQm6-v9X"
    "_gWiHnnh1uK4icBKCqO9LAAFmqbQyYF6jbK8r7Zet7zDQsbsGIu3WB2xXR4w\",\"e\":\"AQAB\"}]}";

void check(bool condition, const char *what)
{
    if (!condition) {
        fprintf(stderr, "fuzz_jwt: %s\n", what);
        __builtin_trap();
    }
}

void dropMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg)
        fprintf(stderr, "qFatal: %s\n", qPrintable(message));
}

const Jwks &fuzzKeys()
{
    static const Jwks keys = [] {
        QString error;
        std::optional<Jwks> read = Jwks::fromJson(QByteArray(FuzzKeySet), &error);
        check(read.has_value(), "the fixed key set does not read");
        return *read;
    }();
    return keys;
}

JwtExpectations expectations()
{
    JwtExpectations expected;
    expected.issuer = QStringLiteral("https://login.bank.example");
    expected.audience = QStringLiteral("tessera-desktop");
    expected.nonce = QStringLiteral("fuzz-nonce");
    expected.now = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC); // 2027-01-15
    return expected;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (qInstallMessageHandler(dropMessage), true);
    Q_UNUSED(quiet);
    if (size < 1)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if ((data[0] & 1) == 0) {
        const JwtExpectations expected = expectations();
        JwtClaims claims;
        const JwtVerifier::Result result =
            JwtVerifier::verify(QString::fromUtf8(rest), fuzzKeys(), expected, &claims);
        check(!JwtVerifier::name(result).isEmpty(), "a result without a name");
        check(!JwtVerifier::describe(result).isEmpty(), "a result without words");
        if (result == JwtVerifier::Result::Accepted) {
            check(!claims.subject.isEmpty(), "accepted without a subject");
            check(claims.issuer == expected.issuer, "accepted from another issuer");
            check(claims.audience.contains(expected.audience), "accepted for another app");
            check(claims.nonce == expected.nonce, "accepted with another nonce");
            check(claims.expiresAt.addSecs(expected.leewaySeconds) > expected.now,
                  "accepted after it expired");
        }
        return 0;
    }
    QString error;
    const std::optional<Jwks> keys = Jwks::fromJson(rest, &error);
    if (keys)
        check(!keys->isEmpty() && !keys->keyIds().isEmpty(), "a key set read without a key");
    else
        check(!error.isEmpty(), "a key set refused without a reason");
    return 0;
}
