#pragma once

#include "SandboxRequest.h"
#include "SandboxResponse.h"

namespace tessera::sandbox {

class SandboxStore;
class TokenAuthority;

// POST /customers/{id}/token/verification and POST /customers/{id}/token (unit-api-notes §2):
// request validation per Unit's schemas, then TokenAuthority does the bookkeeping.
class TokenEndpoints
{
public:
    TokenEndpoints(const SandboxStore &store, TokenAuthority &tokens);

    SandboxResponse createVerification(const SandboxRequest &request, const QString &customerId);
    SandboxResponse createToken(const SandboxRequest &request, const QString &customerId);

private:
    const SandboxStore &m_store;
    TokenAuthority &m_tokens;
};

} // namespace tessera::sandbox
