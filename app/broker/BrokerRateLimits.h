#pragma once

#include "BrokerConfig.h"
#include "BrokerStore.h"

#include <QByteArray>

namespace tessera::broker {

// The broker's limits (BrokerLimits) over the store's counters, so every instance sharing a
// store enforces one limit. Applied alike whether or not a customer is behind a phone number
// or email, so a limit never tells them apart.
class BrokerRateLimits
{
public:
    struct Decision
    {
        enum class Outcome { Allowed, Limited, Unavailable };
        Outcome outcome = Outcome::Allowed;
        int retryAfterSeconds = 0; // when Limited

        bool allowed() const { return outcome == Outcome::Allowed; }
    };

    BrokerRateLimits(BrokerStore &store, const BrokerLimits &limits);

    // Counts a sign-in start (each sends a code) for the client address and, unless the
    // address is already over its limit, for the identifier.
    Decision admitStart(const QByteArray &clientAddress, const QByteArray &identifierKey);
    // Whether a code may be tried now: neither the address nor the identifier is over its
    // wrong-code limit. Counts nothing.
    Decision admitCode(const QByteArray &clientAddress, const QByteArray &identifierKey);
    // Counts a wrong code for the address and the identifier.
    Decision recordWrongCode(const QByteArray &clientAddress, const QByteArray &identifierKey);

private:
    static Decision decide(const BrokerStore::Count &count, int limit);

    BrokerStore &m_store;
    BrokerLimits m_limits;
};

} // namespace tessera::broker
