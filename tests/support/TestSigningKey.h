#pragma once

#include <memory>
#include <QByteArray>
#include <QJsonObject>
#include <QString>

struct evp_pkey_st;

namespace tessera::test {

// An identity provider's signing key for tests: a fresh 2048-bit RSA key pair, its public half
// as a JWK Set, and RS256 signing of any claims (valid or not, as a test needs them).
class TestSigningKey
{
public:
    // `kid`: empty picks a random one. Two keys may share a kid (a key swapped under the same
    // name).
    explicit TestSigningKey(const QString &kid = {});
    ~TestSigningKey();
    TestSigningKey(const TestSigningKey &) = delete;
    TestSigningKey &operator=(const TestSigningKey &) = delete;

    QString kid() const { return m_kid; }
    // The public key as a JWK: {kty: RSA, use: sig, alg: RS256, kid, n, e}.
    QJsonObject publicJwk() const;
    // {"keys": [publicJwk()]}
    QByteArray jwksJson() const;
    QByteArray privateKeyPem() const;

    // A compact RS256 JWT: header {alg: RS256, typ: JWT, kid} with `extraHeader` over it (a
    // null value there removes the member, e.g. {"kid": null}).
    QString sign(const QJsonObject &claims, const QJsonObject &extraHeader = {}) const;

    // iss, aud (left out when empty), sub, iat now, exp now + lifetimeSeconds (negative: already
    // expired), nonce (when given). Insert "email" and others as needed.
    static QJsonObject standardClaims(const QString &issuer, const QString &audience,
                                      const QString &subject, int lifetimeSeconds = 3600,
                                      const QString &nonce = {});
    // base64url without padding, as JWS parts are written.
    static QByteArray base64Url(const QByteArray &bytes);

private:
    QString m_kid;
    std::unique_ptr<evp_pkey_st, void (*)(evp_pkey_st *)> m_key;
};

} // namespace tessera::test
