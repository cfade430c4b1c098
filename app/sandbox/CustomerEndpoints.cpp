#include "CustomerEndpoints.h"

#include "JsonApiCodec.h"
#include "SandboxQuery.h"
#include "SandboxStore.h"

#include <QJsonArray>

namespace tessera::sandbox {

CustomerEndpoints::CustomerEndpoints(const SandboxStore &store)
    : m_store(store)
{}

SandboxResponse CustomerEndpoints::list(const SandboxRequest &request, const Caller &caller) const
{
    SandboxQuery::PageWindow page;
    if (auto error = SandboxQuery(request.query).readPage(&page))
        return *error;
    QList<const Customer *> matching;
    for (const Customer &customer : m_store.customers()) {
        if (caller.canSeeCustomer(customer.id))
            matching.append(&customer);
    }
    QJsonArray resources;
    for (const Customer *customer : page.of(matching))
        resources.append(JsonApiCodec::encode(*customer));
    return SandboxResponse::document(
        200, JsonApiCodec::listDocument(resources, page.pagination(matching.size())));
}

SandboxResponse CustomerEndpoints::get(const SandboxRequest &, const Caller &caller,
                                       const QString &customerId) const
{
    const Customer *customer = m_store.customer(customerId);
    if (!customer || !caller.canSeeCustomer(customer->id))
        return SandboxResponse::notFound(
            QStringLiteral("The specified customer with id %1 was not found.").arg(customerId));
    return SandboxResponse::document(200,
                                     JsonApiCodec::singleDocument(JsonApiCodec::encode(*customer)));
}

} // namespace tessera::sandbox
