#include "CustomerEndpoints.h"

#include "JsonApiCodec.h"
#include "SandboxQuery.h"
#include "SandboxStore.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tessera::sandbox {

namespace {

const QStringList &filterableStatuses()
{
    static const QStringList statuses{QStringLiteral("Active"), QStringLiteral("Archived")};
    return statuses;
}

// The people a customer's record names: an individual, or a business with its contact and
// authorized users. Unit's full-text filter[query] searches all of them.
QList<Person> peopleOf(const Customer &customer)
{
    Person own;
    own.firstName = customer.isBusiness() ? customer.name : customer.firstName;
    own.lastName = customer.isBusiness() ? QString() : customer.lastName;
    own.email = customer.email;
    own.phone = customer.phone;
    QList<Person> people{own};
    if (customer.isBusiness())
        people += QList<Person>{customer.contact} + customer.authorizedUsers;
    return people;
}

// filter[query]: words of a name or email, case-insensitive; a query that is a phone number
// ("+1 (415) 555-0142", "4155550142") matches the digits of a phone with or without its
// country code.
bool matchesQuery(const Customer &customer, const QString &query)
{
    static const QRegularExpression phoneLike(QStringLiteral("^[+0-9 ().-]*[0-9][+0-9 ().-]*$"));
    static const QRegularExpression notDigit(QStringLiteral("[^0-9]"));
    const QString text = query.trimmed();
    if (text.isEmpty())
        return true;
    const bool isPhone = phoneLike.match(text).hasMatch();
    const QString digits = QString(text).remove(notDigit);
    for (const Person &person : peopleOf(customer)) {
        if (isPhone && !person.phone.isEmpty() &&
            (person.phone.countryCode + person.phone.number).contains(digits))
            return true;
        if (person.fullName().contains(text, Qt::CaseInsensitive) ||
            person.email.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool hasTags(const Customer &customer, const Tags &wanted)
{
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        if (customer.tags.value(it.key()) != it.value())
            return false;
    }
    return true;
}

} // namespace

CustomerEndpoints::CustomerEndpoints(const SandboxStore &store)
    : m_store(store)
{}

SandboxResponse CustomerEndpoints::list(const SandboxRequest &request, const Caller &caller) const
{
    const SandboxQuery query(request.query);
    SandboxQuery::PageWindow page;
    if (auto error = query.readPage(&page))
        return *error;
    QStringList statuses;
    if (auto error = query.readStatuses(filterableStatuses(), &statuses))
        return *error;
    Tags tags;
    if (auto error = query.readTags(&tags))
        return *error;
    const QString text = query.value(QStringLiteral("filter[query]"));
    const QString email = query.value(QStringLiteral("filter[email]")).trimmed();
    const bool byEmail = query.has(QStringLiteral("filter[email]"));

    QList<const Customer *> matching;
    for (const Customer &customer : m_store.customers()) {
        if (!caller.canSeeCustomer(customer.id))
            continue;
        if (!statuses.isEmpty() && !statuses.contains(customer.status))
            continue;
        if (byEmail && customer.email.compare(email, Qt::CaseInsensitive) != 0)
            continue;
        if (!matchesQuery(customer, text) || !hasTags(customer, tags))
            continue;
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
