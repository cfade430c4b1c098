#pragma once

#include <QByteArray>
#include <QString>

namespace tessera::broker {

// Where the broker keeps what outlives one request: pending sign-ins and rate-limit counters.
// InMemoryBrokerStore serves one machine; RedisBrokerStore lets several brokers behind a load
// balancer share both, so a limit is one limit whichever instance a request reaches.
//
// Calls are synchronous and short (a loopback Redis answers well under a millisecond). A store
// that cannot be used answers Unavailable and the broker refuses the request with 503 rather
// than skipping a limit.
class BrokerStore
{
public:
    enum class Status { Ok, NotFound, Unavailable };

    struct PendingSignIn
    {
        QByteArray id;             // random, 128 bits as hex: all the app holds
        QString customerId;        // empty: no customer has this phone or email (answered alike)
        QString verificationToken; // Unit's, once its verification call answered
        QByteArray identifierKey;  // keyed hash of the normalized phone or email, for limits
    };

    struct Count
    {
        Status status = Status::Ok;
        int hits = 0;
        int resetsInSeconds = 0; // until the window that holds these hits ends
    };

    virtual ~BrokerStore() = default;

    // Keeps `signIn` for `ttlSeconds`, replacing one with the same id.
    virtual Status putSignIn(const PendingSignIn &signIn, int ttlSeconds) = 0;
    // Replaces a stored sign-in and keeps its expiry; NotFound once it expired or was removed.
    virtual Status updateSignIn(const PendingSignIn &signIn) = 0;
    virtual Status signIn(const QByteArray &id, PendingSignIn *out) = 0;
    virtual Status removeSignIn(const QByteArray &id) = 0;

    // Fixed-window counter: adds one hit to `key` and returns the hits of the current window
    // (which starts with its first hit and lasts `windowSeconds`).
    virtual Count hit(const QByteArray &key, int windowSeconds) = 0;
    // The current window's hits without adding one (0 hits when no window is open).
    virtual Count peek(const QByteArray &key) = 0;
};

} // namespace tessera::broker
