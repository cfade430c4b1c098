#pragma once

#include "SandboxRequest.h"
#include "SandboxResponse.h"
#include "TokenAuthority.h"

namespace tessera::sandbox {

class SandboxClock;
class SandboxStore;

// Unit's card simulations (sandbox only, "Simulations" in Unit's docs):
// POST /sandbox/authorizations asks for a card authorization as a merchant would: Authorized
// (the amount is held), or Declined when asked or when the available balance is too small
// ("InsufficientFunds"). POST /sandbox/purchases settles a card purchase; one that names an
// Authorized authorization completes it (no longer held) and the purchase takes the money.
class SimulationEndpoints
{
public:
    using Caller = TokenAuthority::Caller;

    SimulationEndpoints(SandboxStore &store, const SandboxClock &clock);

    SandboxResponse createAuthorization(const SandboxRequest &request, const Caller &caller);
    SandboxResponse createPurchase(const SandboxRequest &request, const Caller &caller);

private:
    SandboxStore &m_store;
    const SandboxClock &m_clock;
};

} // namespace tessera::sandbox
