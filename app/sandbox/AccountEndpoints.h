#pragma once

#include "SandboxRequest.h"
#include "SandboxResponse.h"
#include "TokenAuthority.h"

namespace tessera::sandbox {

class SandboxStore;

// GET /accounts and GET /accounts/{id} (unit-api-notes §4). A customer token sees only its
// own accounts; another customer's account is "not found".
class AccountEndpoints
{
public:
    using Caller = TokenAuthority::Caller;

    explicit AccountEndpoints(const SandboxStore &store);

    SandboxResponse list(const SandboxRequest &request, const Caller &caller) const;
    SandboxResponse get(const SandboxRequest &request, const Caller &caller,
                        const QString &accountId) const;

private:
    const SandboxStore &m_store;
};

} // namespace tessera::sandbox
