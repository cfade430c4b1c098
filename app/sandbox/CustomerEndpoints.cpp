#include "CustomerEndpoints.h"

#include "JsonApiCodec.h"
#include "SandboxStore.h"

namespace tessera::sandbox {

CustomerEndpoints::CustomerEndpoints(const SandboxStore &store)
    : m_store(store)
{}

SandboxResponse CustomerEndpoints::get(const SandboxRequest &, const Caller &caller,
                                       const QString &customerId) const
{
    const Customer *customer = m_store.customer(customerId);
    if (!customer || !caller.canSee(customer->id))
        return SandboxResponse::notFound(
            QStringLiteral("The specified customer with id %1 was not found.").arg(customerId));
    return SandboxResponse::document(200,
                                     JsonApiCodec::singleDocument(JsonApiCodec::encode(*customer)));
}

} // namespace tessera::sandbox
