#pragma once

#include "BrokerRequest.h"

#include <QByteArray>
#include <QString>

namespace tessera::broker {

// Reads one request of the broker's API — method, path, Content-Type and body, as they came off
// the socket — into a typed request, or into the 4xx that answers it (with a pointer to the
// attribute at fault). Pure: no network, no store, no event loop, and any bytes are safe to
// pass (a libFuzzer target calls it).
class SignInRequestParser
{
public:
    static constexpr qsizetype MaxBodyBytes = 16 * 1024; // a JWT is the largest thing sent
    static constexpr int MaxExpiresIn = 86400;           // Unit's own bound

    static BrokerRequest parse(const QByteArray &method, const QByteArray &path,
                               const QByteArray &contentType, const QByteArray &body);

    // The 404 for a sign-in that is unknown, expired or ended by wrong codes: all alike.
    static BrokerResponse signInEnded();
};

} // namespace tessera::broker
