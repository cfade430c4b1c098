#pragma once

#include "SandboxRequest.h"
#include "SandboxResponse.h"
#include "TokenAuthority.h"

namespace tessera::sandbox {

class SandboxStore;

// GET /customers and /customers/{id} (unit-api-notes §5): a customer token sees only its own
// customer; an org token sees all (the demo's sign-in page lists them this way).
class CustomerEndpoints
{
public:
    using Caller = TokenAuthority::Caller;

    explicit CustomerEndpoints(const SandboxStore &store);

    SandboxResponse list(const SandboxRequest &request, const Caller &caller) const;
    SandboxResponse get(const SandboxRequest &request, const Caller &caller,
                        const QString &customerId) const;

private:
    const SandboxStore &m_store;
};

} // namespace tessera::sandbox
