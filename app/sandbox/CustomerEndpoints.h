#pragma once

#include "SandboxRequest.h"
#include "SandboxResponse.h"
#include "TokenAuthority.h"

namespace tessera::sandbox {

class SandboxStore;

// GET /customers/{id} (unit-api-notes §5): a customer token may read only its own customer.
class CustomerEndpoints
{
public:
    using Caller = TokenAuthority::Caller;

    explicit CustomerEndpoints(const SandboxStore &store);

    SandboxResponse get(const SandboxRequest &request, const Caller &caller,
                        const QString &customerId) const;

private:
    const SandboxStore &m_store;
};

} // namespace tessera::sandbox
