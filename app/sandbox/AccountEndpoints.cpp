#include "AccountEndpoints.h"

#include "JsonApiCodec.h"
#include "SandboxQuery.h"
#include "SandboxStore.h"

#include <QJsonArray>
#include <QSet>

namespace tessera::sandbox {

namespace {

QJsonArray includedCustomers(const SandboxStore &store, const QList<const Account *> &accounts,
                             const QStringList &include)
{
    QJsonArray resources;
    if (!include.contains(QLatin1String("customer")))
        return resources;
    QSet<QString> seen;
    for (const Account *account : accounts) {
        if (seen.contains(account->customerId))
            continue;
        seen.insert(account->customerId);
        if (const Customer *customer = store.customer(account->customerId))
            resources.append(JsonApiCodec::encode(*customer));
    }
    return resources;
}

} // namespace

AccountEndpoints::AccountEndpoints(const SandboxStore &store)
    : m_store(store)
{}

SandboxResponse AccountEndpoints::list(const SandboxRequest &request, const Caller &caller) const
{
    const SandboxQuery query(request.query);
    SandboxQuery::PageWindow page;
    if (auto error = query.readPage(&page))
        return *error;
    QStringList include;
    if (auto error = query.readInclude({QStringLiteral("customer")}, &include))
        return *error;
    static const QStringList allowedStatuses = {QStringLiteral("Open"), QStringLiteral("Frozen"),
                                                QStringLiteral("Closed")};
    const QStringList statuses = query.indexedValues(QStringLiteral("filter[status]"));
    for (const QString &status : statuses) {
        if (!allowedStatuses.contains(status))
            return SandboxResponse::badRequest(
                QStringLiteral("filter[status]: \"%1\" is not one of Open, Frozen, Closed.")
                    .arg(status));
    }
    const QString customerId = query.value(QStringLiteral("filter[customerId]"));

    QList<const Account *> matching;
    for (const Account &account : m_store.accounts()) {
        if (!caller.canSeeAccount(account))
            continue;
        if (!customerId.isEmpty() && account.customerId != customerId)
            continue;
        if (!statuses.isEmpty() && !statuses.contains(accountStatusName(account.status)))
            continue;
        matching.append(&account);
    }
    const QList<const Account *> window = page.of(matching);
    QJsonArray resources;
    for (const Account *account : window)
        resources.append(JsonApiCodec::encode(*account));
    return SandboxResponse::document(
        200, JsonApiCodec::listDocument(resources, page.pagination(matching.size()),
                                        includedCustomers(m_store, window, include)));
}

SandboxResponse AccountEndpoints::get(const SandboxRequest &request, const Caller &caller,
                                      const QString &accountId) const
{
    const Account *account = m_store.account(accountId);
    if (!account || !caller.canSeeAccount(*account))
        return SandboxResponse::notFound(
            QStringLiteral("The specified account with id %1 was not found.").arg(accountId));
    QStringList include;
    if (auto error =
            SandboxQuery(request.query).readInclude({QStringLiteral("customer")}, &include))
        return *error;
    return SandboxResponse::document(
        200, JsonApiCodec::singleDocument(JsonApiCodec::encode(*account),
                                          includedCustomers(m_store, {account}, include)));
}

} // namespace tessera::sandbox
