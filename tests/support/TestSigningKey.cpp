#include "TestSigningKey.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace tessera::test {

namespace {

QByteArray bignumParam(evp_pkey_st *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        qFatal("TestSigningKey: no %s in the RSA key", name);
    QByteArray bytes(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return bytes;
}

} // namespace

TestSigningKey::TestSigningKey(const QString &kid)
    : m_kid(kid)
    , m_key(EVP_RSA_gen(2048), EVP_PKEY_free)
{
    if (!m_key)
        qFatal("TestSigningKey: OpenSSL could not generate an RSA key");
    if (m_kid.isEmpty())
        m_kid = QStringLiteral("test-key-%1")
                    .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

TestSigningKey::~TestSigningKey() = default;

QByteArray TestSigningKey::base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject TestSigningKey::publicJwk() const
{
    return {
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("use"), QStringLiteral("sig")},
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("kid"), m_kid},
        {QStringLiteral("n"),
         QString::fromLatin1(base64Url(bignumParam(m_key.get(), OSSL_PKEY_PARAM_RSA_N)))},
        {QStringLiteral("e"),
         QString::fromLatin1(base64Url(bignumParam(m_key.get(), OSSL_PKEY_PARAM_RSA_E)))},
    };
}

QByteArray TestSigningKey::jwksJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{publicJwk()}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray TestSigningKey::privateKeyPem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray pem;
    if (bio && PEM_write_bio_PrivateKey(bio, m_key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        pem = QByteArray(data, qsizetype(size));
    }
    BIO_free(bio);
    return pem;
}

QString TestSigningKey::sign(const QJsonObject &claims, const QJsonObject &extraHeader) const
{
    QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                       {QStringLiteral("typ"), QStringLiteral("JWT")},
                       {QStringLiteral("kid"), m_kid}};
    for (auto it = extraHeader.begin(); it != extraHeader.end(); ++it) {
        if (it.value().isNull())
            header.remove(it.key());
        else
            header.insert(it.key(), it.value());
    }
    const QByteArray signingInput =
        base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
        base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));

    EVP_MD_CTX *context = EVP_MD_CTX_new();
    size_t length = 0;
    QByteArray signature;
    if (context && EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, m_key.get()) == 1 &&
        EVP_DigestSign(context, nullptr, &length,
                       reinterpret_cast<const unsigned char *>(signingInput.constData()),
                       size_t(signingInput.size())) == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length,
                           reinterpret_cast<const unsigned char *>(signingInput.constData()),
                           size_t(signingInput.size())) != 1)
            signature.clear();
        signature.resize(qsizetype(length));
    }
    EVP_MD_CTX_free(context);
    if (signature.isEmpty())
        qFatal("TestSigningKey: OpenSSL could not sign");
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

QJsonObject TestSigningKey::standardClaims(const QString &issuer, const QString &audience,
                                           const QString &subject, int lifetimeSeconds,
                                           const QString &nonce)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims{{QStringLiteral("iss"), issuer},
                       {QStringLiteral("sub"), subject},
                       {QStringLiteral("iat"), double(now)},
                       {QStringLiteral("exp"), double(now + lifetimeSeconds)}};
    if (!audience.isEmpty())
        claims.insert(QStringLiteral("aud"), audience);
    if (!nonce.isEmpty())
        claims.insert(QStringLiteral("nonce"), nonce);
    return claims;
}

} // namespace tessera::test
