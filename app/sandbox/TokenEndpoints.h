#pragma once

#include "SandboxRequest.h"
#include "SandboxResponse.h"
#include "TokenAuthority.h"

namespace tessera::sandbox {

class SandboxStore;

// POST /customers/{id}/token/verification and POST /customers/{id}/token (unit-api-notes §2):
// request validation per Unit's schemas and the customer-token rules listed atop
// TokenAuthority.h, then TokenAuthority does the bookkeeping. The caller is the org token or a
// customer token (SandboxApi has checked its customer-token-write scope).
class TokenEndpoints
{
public:
    using Caller = TokenAuthority::Caller;

    TokenEndpoints(const SandboxStore &store, TokenAuthority &tokens);

    SandboxResponse createVerification(const SandboxRequest &request, const Caller &caller,
                                       const QString &customerId);
    SandboxResponse createToken(const SandboxRequest &request, const Caller &caller,
                                const QString &customerId);

private:
    const SandboxStore &m_store;
    TokenAuthority &m_tokens;
};

} // namespace tessera::sandbox
