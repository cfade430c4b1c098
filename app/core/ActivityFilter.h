#pragma once

#include "ActivityScope.h"
#include "Requests.h"
#include "Transaction.h"

#include <optional>
#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

namespace tessera {

// What the customer narrowed an activity list to. Unit does every part of it on the server
// (GET /transactions and GET /authorizations filters): this only turns it into the two queries.
struct ActivityFilter
{
    QString text; // Unit's full-text search (filter[query]); transactions only
    QDate from;   // inclusive, the customer's local date; invalid: no lower bound
    QDate until;  // inclusive, local; invalid: no upper bound
    std::optional<qint64> minAmount; // cents
    std::optional<qint64> maxAmount; // cents
    // Empty: all. Other has no name Unit filters on (it stands for every type Tessera does not
    // know), so it narrows nothing; the kinds Unit names still do.
    QList<TransactionKind> kinds;
    std::optional<Direction> direction;

    bool isEmpty() const;

    // GET /transactions of the scope, newest first.
    TransactionListQuery transactionQuery(const ActivityScope &scope, int limit, int offset) const;
    // GET /authorizations of the scope, newest first: the Authorized (pending) and Declined
    // ones — Completed and Canceled ones are already among the transactions or took no money.
    // Nothing when no authorization can match: a text search (Unit's GET /authorizations has
    // none), credits only (an authorization always takes money), or only kinds that are never
    // a card payment.
    std::optional<AuthorizationListQuery> authorizationQuery(const ActivityScope &scope, int limit,
                                                             int offset) const;

    // The first and the last instant of the date range as UTC, as Unit's filter[since] and
    // filter[until] take them: local midnight of `from`, the last millisecond of `until`.
    QDateTime sinceUtc() const;
    QDateTime untilUtc() const;

    friend bool operator==(const ActivityFilter &a, const ActivityFilter &b)
    {
        return a.text == b.text && a.from == b.from && a.until == b.until &&
               a.minAmount == b.minAmount && a.maxAmount == b.maxAmount && a.kinds == b.kinds &&
               a.direction == b.direction;
    }
    friend bool operator!=(const ActivityFilter &a, const ActivityFilter &b) { return !(a == b); }
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::ActivityFilter)
