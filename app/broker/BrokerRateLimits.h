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
    // What admitCodeAttempt() decided about one code attempt.
    struct CodeAttempt
    {
        Decision decision;         // the address and identifier limits, or an unusable store
        bool signInUsedUp = false; // the sign-in has tried all the codes it may: end it
        int attemptsLeft = 0;      // the sign-in's further attempts should this code be wrong
    };

    // Counts a code attempt, before the code is tried, for the client address, then (unless
    // the address is over its limit) for the identifier, then (unless that is over its limit)
    // for the sign-in, whose window is `signInWindowSeconds`. Every attempt counts, a right
    // code too (at most one per sign-in: it ends the sign-in): attempts in flight together,
    // on any instance sharing the store, each see their own count, so none slips past a limit.
    CodeAttempt admitCodeAttempt(const QByteArray &clientAddress, const QByteArray &identifierKey,
                                 const QByteArray &signInId, int signInWindowSeconds);

private:
    static Decision decide(const BrokerStore::Count &count, int limit);

    BrokerStore &m_store;
    BrokerLimits m_limits;
};

} // namespace tessera::broker
