#pragma once

#include "Account.h"
#include "Authorization.h"
#include "Card.h"
#include "Customer.h"
#include "Statement.h"
#include "Transaction.h"

#include <optional>
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace tessera {

struct Pagination
{
    int total = 0;
    int limit = 0;
    int offset = 0;
};

// One page of a collection with whatever `include=` brought along. A record that cannot be
// decoded is left out rather than failing the page, so one odd record never hides the others;
// `skipped` says how many of `data` were left out so a view can say so quietly.
template <class T> struct Page
{
    QList<T> items;
    std::optional<Pagination> pagination;
    QList<Account> includedAccounts;
    QList<Customer> includedCustomers;
    // Records of "data" that could not be decoded (not in `items`).
    int skipped = 0;
    // One technical note (English, for logs and support) per record left out, of "data" or of
    // "included": where it was, its type and id, and what was wrong. Never an attribute value.
    QStringList skippedNotes;
};

using CardPage = Page<Card>;
using AccountPage = Page<Account>;
using CustomerPage = Page<Customer>;
using TransactionPage = Page<Transaction>;
using AuthorizationPage = Page<Authorization>;
using StatementPage = Page<Statement>;

} // namespace tessera

Q_DECLARE_METATYPE(tessera::CardPage)
Q_DECLARE_METATYPE(tessera::AccountPage)
Q_DECLARE_METATYPE(tessera::CustomerPage)
Q_DECLARE_METATYPE(tessera::TransactionPage)
Q_DECLARE_METATYPE(tessera::AuthorizationPage)
Q_DECLARE_METATYPE(tessera::StatementPage)
