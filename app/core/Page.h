#pragma once

#include "Account.h"
#include "Card.h"
#include "Customer.h"

#include <optional>
#include <QList>
#include <QMetaType>

namespace tessera {

struct Pagination
{
    int total = 0;
    int limit = 0;
    int offset = 0;
};

// One page of a collection with whatever `include=` brought along.
template <class T> struct Page
{
    QList<T> items;
    std::optional<Pagination> pagination;
    QList<Account> includedAccounts;
    QList<Customer> includedCustomers;
};

using CardPage = Page<Card>;
using AccountPage = Page<Account>;
using CustomerPage = Page<Customer>;

} // namespace tessera

Q_DECLARE_METATYPE(tessera::CardPage)
Q_DECLARE_METATYPE(tessera::AccountPage)
Q_DECLARE_METATYPE(tessera::CustomerPage)
