#include "IdentityProvider.h"

#include "Environment.h"

namespace tessera {

bool IdentityProvider::isValid() const
{
    return !Environment::checkUrl(issuer) && !clientId.isEmpty() &&
           scopes.contains(QLatin1String("openid"));
}

} // namespace tessera
