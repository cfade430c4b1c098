#pragma once

#include <memory>
#include <optional>
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

// OpenSSL's EVP_PKEY, forward-declared so that <openssl/...> stays out of every includer.
struct evp_pkey_st;

namespace tessera {

// The RSA signing keys of a JWK Set (RFC 7517), as an identity provider publishes them at its
// jwks_uri: keys with kty "RSA" and n/e in base64url. A key whose "use" is not "sig" (an
// encryption key) or whose "alg" is not "RS256" is skipped, as is any other kty, an RSA key
// shorter than 2048 bits, and a second key with a kid already seen (which of the two a token
// means could not be told). Copies share the keys.
class Jwks
{
public:
    // Error (plain technical words, for the log) when `json` is not a JWK Set or holds no
    // usable key.
    static std::optional<Jwks> fromJson(const QByteArray &json, QString *error);

    bool isEmpty() const { return m_keys.isEmpty(); }
    QStringList keyIds() const;
    // A token's kid names its key; a token without kid (empty) can only mean the one key of a
    // set that has exactly one.
    bool hasKey(const QString &kid) const { return key(kid) != nullptr; }
    // The key hasKey(kid) finds, owned by this set (and its copies); nullptr when none.
    evp_pkey_st *key(const QString &kid) const;

private:
    QHash<QString, std::shared_ptr<evp_pkey_st>> m_keys; // by kid ("" for a key without one)
};

} // namespace tessera
