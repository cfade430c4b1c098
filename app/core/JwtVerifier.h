#pragma once

#include "Jwks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tessera {

// What a JWT must say to be taken.
struct JwtExpectations
{
    QString issuer;         // required: `iss` must be exactly this (an empty one accepts no token)
    QString audience;       // empty: not checked; else it must be in `aud` (a string or an array)
    QString nonce;          // empty: not checked; else `nonce` must be exactly this
    QDateTime now;          // invalid: the current time
    int leewaySeconds = 60; // clock skew forgiven on exp, nbf and iat
};

// The claims of an accepted JWT.
struct JwtClaims
{
    QString subject;
    QString issuer;
    QStringList audience;
    QString email;
    QString nonce;
    QDateTime expiresAt; // UTC
};

// Verifies a compact JWS-signed JWT (RFC 7519) the way an OpenID Connect relying party verifies
// an ID token (OpenID Connect Core §3.1.3.7): RS256 only, signature against a key of the
// provider's JWK Set, then iss, aud, exp (required), nbf/iat, nonce and a non-empty sub.
// The checks run in that order and the first failure is the result: a token whose signature
// does not hold is never read further.
class JwtVerifier
{
    Q_DECLARE_TR_FUNCTIONS(JwtVerifier)
public:
    enum class Result {
        Accepted,
        Malformed, // not three base64url parts of JSON objects, or a claim of the wrong type
        UnsupportedAlgorithm, // alg is not RS256 (also "none" and HS256), or a crit header
        UnknownKey,           // no key of the set has the token's kid
        BadSignature,
        WrongIssuer,
        WrongAudience,
        Expired,     // also: no exp at all
        NotYetValid, // nbf or iat in the future beyond the leeway
        WrongNonce,
        MissingSubject,
    };

    // `claims` is filled only when the token is Accepted.
    static Result verify(const QString &jwt, const Jwks &keys, const JwtExpectations &expected,
                         JwtClaims *claims = nullptr);
    // The enumerator's name, for logs: "WrongAudience".
    static QString name(Result result);
    // Plain words for the customer (translated).
    static QString describe(Result result);
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::JwtClaims)
