#include "UnitCustomerLookup.h"

#include "ApiClient.h"
#include "BrokerLogging.h"
#include "Page.h"

namespace tessera::broker {

namespace {

// More would mean a list query that names half the bank; one page is plenty to find one person.
constexpr int PageLimit = 100;

} // namespace

UnitCustomerLookup::UnitCustomerLookup(ApiClient *unit, QObject *parent)
    : QObject(parent)
    , m_unit(unit)
{}

void UnitCustomerLookup::findByPhone(const Phone &phone, Done done)
{
    // filter[query] is Unit's full-text search: it finds the number among other things, so
    // only exact matches of a phone that gets codes are kept.
    list(
        phone.number, {},
        [phone](const QList<Customer> &customers) {
            Found found{true, {}, {}};
            for (const Customer &customer : customers) {
                if (customer.status != QLatin1String("Active"))
                    continue;
                if (!customer.isBusiness() && customer.phone == phone)
                    return Found{true, customer.id, {}};
                if (customer.isBusiness() && customer.contact.phone == phone)
                    return Found{true, customer.id, {}};
                for (const Person &user : customer.authorizedUsers) {
                    if (customer.isBusiness() && user.phone == phone)
                        return Found{true, customer.id, phone};
                }
            }
            return found;
        },
        std::move(done));
}

void UnitCustomerLookup::findByEmail(const QString &email, Done done)
{
    list(
        {}, email,
        [email](const QList<Customer> &customers) {
            for (const Customer &customer : customers) {
                if (customer.status == QLatin1String("Active") &&
                    customer.email.compare(email, Qt::CaseInsensitive) == 0)
                    return Found{true, customer.id, {}};
            }
            return Found{true, {}, {}};
        },
        std::move(done));
}

void UnitCustomerLookup::findByJwtClaims(const QString &email, const QString &subject, Done done)
{
    list(
        {}, email,
        [subject](const QList<Customer> &customers) {
            for (const Customer &customer : customers) {
                if (customer.status == QLatin1String("Active") && !subject.isEmpty() &&
                    customer.jwtSubject == subject)
                    return Found{true, customer.id, {}};
            }
            return Found{true, {}, {}};
        },
        std::move(done));
}

void UnitCustomerLookup::list(const QString &query, const QString &email,
                              std::function<Found(const QList<Customer> &)> pick, Done done)
{
    CustomerListQuery listQuery;
    listQuery.limit = PageLimit;
    listQuery.query = query;
    listQuery.email = email;
    ApiReply *reply = m_unit->listCustomers(listQuery);
    connect(reply, &ApiReply::finished, this,
            [reply, pick = std::move(pick), done = std::move(done)] {
                reply->deleteLater();
                if (reply->hasError()) {
                    qCWarning(lcBroker).noquote()
                        << "Unit's customer list failed:" << reply->error().message();
                    done(Found{});
                    return;
                }
                done(pick(reply->valueAs<CustomerPage>().items));
            });
}

} // namespace tessera::broker
