#include "JwtVerifier.h"

#include "Libcrypto.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace tessera {

namespace {

struct DigestContextFree
{
    void operator()(EVP_MD_CTX *ctx) const { Libcrypto::get()->EVP_MD_CTX_free(ctx); }
};

// RFC 7515 §2: base64url without padding; anything else in a part is not a JWS.
std::optional<QByteArray> decodePart(const QString &part)
{
    static const QRegularExpression base64Url(QStringLiteral("^[A-Za-z0-9_-]*$"));
    if (!base64Url.match(part).hasMatch() || part.size() % 4 == 1)
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(
        part.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                             QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::optional<QJsonObject> decodeObject(const QString &part)
{
    const auto bytes = decodePart(part);
    if (!bytes)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

bool signatureHolds(evp_pkey_st *key, const QByteArray &signingInput, const QByteArray &signature)
{
    // A key exists only where libcrypto was loaded (Jwks::fromJson()).
    const Libcrypto *crypto = Libcrypto::get();
    if (!crypto)
        return false;
    std::unique_ptr<EVP_MD_CTX, DigestContextFree> context(crypto->EVP_MD_CTX_new());
    // An RSA key's default padding is PKCS #1 v1.5, which RS256 is (RFC 7518 §3.3).
    return context &&
           crypto->EVP_DigestVerifyInit(context.get(), nullptr, crypto->EVP_sha256(), nullptr,
                                        key) == 1 &&
           crypto->EVP_DigestVerify(
               context.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()),
               reinterpret_cast<const unsigned char *>(signingInput.constData()),
               size_t(signingInput.size())) == 1;
}

// `aud` is one string or an array of strings (RFC 7519 §4.1.3); nullopt for anything else.
std::optional<QStringList> readAudience(const QJsonValue &aud)
{
    if (aud.isUndefined())
        return QStringList();
    if (aud.isString())
        return QStringList{aud.toString()};
    if (!aud.isArray())
        return std::nullopt;
    QStringList audience;
    for (const QJsonValue &entry : aud.toArray()) {
        if (!entry.isString())
            return std::nullopt;
        audience << entry.toString();
    }
    return audience;
}

// Whether each of `names` is absent or of the JSON type `type`.
bool claimsTyped(const QJsonObject &claims, std::initializer_list<const char *> names,
                 QJsonValue::Type type)
{
    for (const char *name : names) {
        const QJsonValue value = claims.value(QLatin1String(name));
        if (!value.isUndefined() && value.type() != type)
            return false;
    }
    return true;
}

} // namespace

JwtVerifier::Result JwtVerifier::verify(const QString &jwt, const Jwks &keys,
                                        const JwtExpectations &expected, JwtClaims *claims)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return Result::Malformed;
    const auto header = decodeObject(parts.at(0));
    const auto payload = decodeObject(parts.at(1));
    const auto signature = decodePart(parts.at(2));
    if (!header || !payload || !signature)
        return Result::Malformed;
    if (!claimsTyped(*payload, {"iss", "sub", "email", "nonce", "azp"}, QJsonValue::String) ||
        !claimsTyped(*payload, {"exp", "nbf", "iat"}, QJsonValue::Double) ||
        !readAudience(payload->value(QLatin1String("aud"))) ||
        !claimsTyped(*header, {"kid"}, QJsonValue::String))
        return Result::Malformed;

    // No critical header extension is understood here, so a token that has any is refused
    // (RFC 7515 §4.1.11).
    if (header->value(QLatin1String("alg")).toString() != QLatin1String("RS256") ||
        header->contains(QLatin1String("crit")))
        return Result::UnsupportedAlgorithm;

    evp_pkey_st *key = keys.key(header->value(QLatin1String("kid")).toString());
    if (!key)
        return Result::UnknownKey;
    if (signature->isEmpty() ||
        !signatureHolds(key, parts.at(0).toLatin1() + '.' + parts.at(1).toLatin1(), *signature))
        return Result::BadSignature;

    const QString issuer = payload->value(QLatin1String("iss")).toString();
    if (expected.issuer.isEmpty() || issuer != expected.issuer)
        return Result::WrongIssuer;

    const QStringList audience = *readAudience(payload->value(QLatin1String("aud")));
    if (!expected.audience.isEmpty()) {
        // An authorized party other than us means the token was issued to another client
        // (OpenID Connect Core §3.1.3.7 item 5).
        const QJsonValue azp = payload->value(QLatin1String("azp"));
        if (!audience.contains(expected.audience) ||
            (azp.isString() && azp.toString() != expected.audience))
            return Result::WrongAudience;
    }

    const double now =
        double((expected.now.isValid() ? expected.now : QDateTime::currentDateTimeUtc())
                   .toSecsSinceEpoch());
    const double leeway = double(expected.leewaySeconds);
    const QJsonValue exp = payload->value(QLatin1String("exp"));
    if (!exp.isDouble() || now >= exp.toDouble() + leeway)
        return Result::Expired;
    for (const char *name : {"nbf", "iat"}) {
        const QJsonValue notBefore = payload->value(QLatin1String(name));
        if (notBefore.isDouble() && notBefore.toDouble() > now + leeway)
            return Result::NotYetValid;
    }

    const QString nonce = payload->value(QLatin1String("nonce")).toString();
    if (!expected.nonce.isEmpty() && nonce != expected.nonce)
        return Result::WrongNonce;

    const QString subject = payload->value(QLatin1String("sub")).toString();
    if (subject.isEmpty())
        return Result::MissingSubject;

    if (claims) {
        claims->subject = subject;
        claims->issuer = issuer;
        claims->audience = audience;
        claims->email = payload->value(QLatin1String("email")).toString();
        claims->nonce = nonce;
        claims->expiresAt =
            QDateTime::fromSecsSinceEpoch(qint64(std::floor(exp.toDouble())), Qt::UTC);
    }
    return Result::Accepted;
}

QString JwtVerifier::name(Result result)
{
    switch (result) {
    case Result::Accepted:
        return QStringLiteral("Accepted");
    case Result::Malformed:
        return QStringLiteral("Malformed");
    case Result::UnsupportedAlgorithm:
        return QStringLiteral("UnsupportedAlgorithm");
    case Result::UnknownKey:
        return QStringLiteral("UnknownKey");
    case Result::BadSignature:
        return QStringLiteral("BadSignature");
    case Result::WrongIssuer:
        return QStringLiteral("WrongIssuer");
    case Result::WrongAudience:
        return QStringLiteral("WrongAudience");
    case Result::Expired:
        return QStringLiteral("Expired");
    case Result::NotYetValid:
        return QStringLiteral("NotYetValid");
    case Result::WrongNonce:
        return QStringLiteral("WrongNonce");
    case Result::MissingSubject:
        return QStringLiteral("MissingSubject");
    }
    return QStringLiteral("Unknown");
}

QString JwtVerifier::describe(Result result)
{
    switch (result) {
    case Result::Accepted:
        return tr("Your bank's sign-in was checked.");
    case Result::Malformed:
        return tr("Your bank's sign-in could not be checked: its answer could not be read.");
    case Result::UnsupportedAlgorithm:
        return tr("Your bank's sign-in could not be checked: it was not signed in a way Tessera "
                  "accepts.");
    case Result::UnknownKey:
        return tr("Your bank's sign-in could not be checked: it was signed with a key your bank "
                  "does not publish.");
    case Result::BadSignature:
        return tr("Your bank's sign-in could not be checked: its signature does not match.");
    case Result::WrongIssuer:
        return tr("Your bank's sign-in could not be checked: it came from another sign-in "
                  "service.");
    case Result::WrongAudience:
        return tr("Your bank's sign-in could not be checked: it was meant for another app.");
    case Result::Expired:
        return tr("Your bank's sign-in has expired. Sign in again, and check that this "
                  "computer's clock is right.");
    case Result::NotYetValid:
        return tr("Your bank's sign-in is not valid yet. Check that this computer's clock is "
                  "right.");
    case Result::WrongNonce:
        return tr("Your bank's sign-in does not belong to this sign-in attempt. Sign in again.");
    case Result::MissingSubject:
        return tr("Your bank's sign-in could not be checked: it does not say who you are.");
    }
    return tr("Your bank's sign-in could not be checked.");
}

} // namespace tessera
