#include "Jwks.h"

#include "Libcrypto.h"
#include "Logging.h"

#include <openssl/core_names.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tessera {

namespace {

// Below this an RSA signature is forgeable with public means (NIST SP 800-131A).
constexpr int MinimumRsaBits = 2048;

// Deleters of OpenSSL's objects, which libcrypto (already loaded by then) frees.
struct BignumFree
{
    void operator()(BIGNUM *bn) const { Libcrypto::get()->BN_free(bn); }
};
struct ParamBuildFree
{
    void operator()(OSSL_PARAM_BLD *bld) const { Libcrypto::get()->OSSL_PARAM_BLD_free(bld); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM *params) const { Libcrypto::get()->OSSL_PARAM_free(params); }
};
struct PkeyContextFree
{
    void operator()(EVP_PKEY_CTX *ctx) const { Libcrypto::get()->EVP_PKEY_CTX_free(ctx); }
};

// RFC 7518 §6.3.1: n and e are unsigned big-endian integers in base64url without padding.
std::unique_ptr<BIGNUM, BignumFree> readBase64UrlInteger(const Libcrypto &crypto,
                                                         const QJsonValue &value)
{
    const QByteArray text = value.toString().toLatin1();
    if (text.isEmpty() || text.contains('='))
        return nullptr;
    const auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return nullptr;
    return std::unique_ptr<BIGNUM, BignumFree>(
        crypto.BN_bin2bn(reinterpret_cast<const unsigned char *>(decoded.decoded.constData()),
                         int(decoded.decoded.size()), nullptr));
}

std::shared_ptr<evp_pkey_st> rsaPublicKey(const Libcrypto &crypto, const QJsonObject &jwk,
                                          QString *why)
{
    const auto n = readBase64UrlInteger(crypto, jwk.value(QLatin1String("n")));
    const auto e = readBase64UrlInteger(crypto, jwk.value(QLatin1String("e")));
    if (!n || !e) {
        *why = QStringLiteral("n or e is not a base64url integer");
        return nullptr;
    }
    std::unique_ptr<OSSL_PARAM_BLD, ParamBuildFree> build(crypto.OSSL_PARAM_BLD_new());
    if (!build || crypto.OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
        crypto.OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
        *why = QStringLiteral("OpenSSL could not take n and e");
        return nullptr;
    }
    std::unique_ptr<OSSL_PARAM, ParamFree> params(crypto.OSSL_PARAM_BLD_to_param(build.get()));
    std::unique_ptr<EVP_PKEY_CTX, PkeyContextFree> context(
        crypto.EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !context || crypto.EVP_PKEY_fromdata_init(context.get()) != 1 ||
        crypto.EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        *why = QStringLiteral("OpenSSL refused n and e as an RSA public key");
        return nullptr;
    }
    std::shared_ptr<evp_pkey_st> shared(key, crypto.EVP_PKEY_free);
    if (crypto.EVP_PKEY_get_bits(key) < MinimumRsaBits) {
        *why = QStringLiteral("the RSA key has %1 bits, fewer than %2")
                   .arg(crypto.EVP_PKEY_get_bits(key))
                   .arg(MinimumRsaBits);
        return nullptr;
    }
    return shared;
}

// Why `jwk` is not an RS256 signing key; empty when it is one.
QString skipReason(const QJsonObject &jwk)
{
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    if (kty != QLatin1String("RSA"))
        return QStringLiteral("kty is \"%1\", not RSA").arg(kty);
    if (jwk.contains(QLatin1String("use")) &&
        jwk.value(QLatin1String("use")).toString() != QLatin1String("sig"))
        return QStringLiteral("use is \"%1\", not sig")
            .arg(jwk.value(QLatin1String("use")).toString());
    if (jwk.contains(QLatin1String("alg")) &&
        jwk.value(QLatin1String("alg")).toString() != QLatin1String("RS256"))
        return QStringLiteral("alg is \"%1\", not RS256")
            .arg(jwk.value(QLatin1String("alg")).toString());
    if (jwk.contains(QLatin1String("kid")) && !jwk.value(QLatin1String("kid")).isString())
        return QStringLiteral("kid is not a string");
    return {};
}

} // namespace

std::optional<Jwks> Jwks::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonValue keys = document.object().value(QLatin1String("keys"));
    if (!document.isObject() || !keys.isArray()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                         ? QStringLiteral("not JSON (%1)").arg(parseError.errorString())
                         : QStringLiteral("not a JWK Set (no \"keys\" array)");
        return std::nullopt;
    }
    QString noCrypto;
    const Libcrypto *crypto = Libcrypto::get(&noCrypto);
    if (!crypto) {
        if (error)
            *error = noCrypto;
        return std::nullopt;
    }
    Jwks set;
    QStringList skipped;
    for (const QJsonValue &entry : keys.toArray()) {
        const QJsonObject jwk = entry.toObject();
        const QString kid = jwk.value(QLatin1String("kid")).toString();
        const QString label = kid.isEmpty() ? QStringLiteral("a key without kid")
                                            : QStringLiteral("key \"%1\"").arg(kid);
        QString why = skipReason(jwk);
        std::shared_ptr<evp_pkey_st> key;
        if (why.isEmpty() && set.m_keys.contains(kid))
            why = QStringLiteral("its kid is already taken by an earlier key");
        if (why.isEmpty())
            key = rsaPublicKey(*crypto, jwk, &why);
        if (!key) {
            skipped << QStringLiteral("%1: %2").arg(label, why);
            continue;
        }
        set.m_keys.insert(kid, key);
    }
    if (!skipped.isEmpty())
        qCInfo(lcAuth).noquote() << "JWK Set: skipped" << skipped.join(QLatin1String("; "));
    if (set.isEmpty()) {
        if (error)
            *error = skipped.isEmpty()
                         ? QStringLiteral("the JWK Set holds no key")
                         : QStringLiteral("the JWK Set holds no RS256 signing key (%1)")
                               .arg(skipped.join(QLatin1String("; ")));
        return std::nullopt;
    }
    return set;
}

QStringList Jwks::keyIds() const
{
    QStringList ids = m_keys.keys();
    ids.sort();
    return ids;
}

evp_pkey_st *Jwks::key(const QString &kid) const
{
    if (kid.isEmpty())
        return m_keys.size() == 1 ? m_keys.cbegin()->get() : nullptr;
    const auto found = m_keys.constFind(kid);
    return found == m_keys.cend() ? nullptr : found->get();
}

} // namespace tessera
