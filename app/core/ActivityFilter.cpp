#include "ActivityFilter.h"

#include <algorithm>

namespace tessera {

namespace {

// The transaction kinds an authorization turns into once the card payment settles.
bool isCardPaymentKind(TransactionKind kind)
{
    return kind == TransactionKind::Purchase || kind == TransactionKind::Atm ||
           kind == TransactionKind::Card;
}

} // namespace

bool ActivityFilter::isEmpty() const
{
    return text.trimmed().isEmpty() && !from.isValid() && !until.isValid() && !minAmount &&
           !maxAmount && kinds.isEmpty() && !direction;
}

QDateTime ActivityFilter::sinceUtc() const
{
    if (!from.isValid())
        return {};
    return from.startOfDay().toUTC();
}

QDateTime ActivityFilter::untilUtc() const
{
    if (!until.isValid())
        return {};
    // The day's last millisecond, not the next midnight: Unit does not say whether
    // filter[until] includes its instant, and this is right either way.
    return until.addDays(1).startOfDay().addMSecs(-1).toUTC();
}

TransactionListQuery ActivityFilter::transactionQuery(const ActivityScope &scope, int limit,
                                                      int offset) const
{
    TransactionListQuery query;
    query.limit = limit;
    query.offset = offset;
    if (scope.kind == ActivityScope::Kind::Card)
        query.cardId = scope.id;
    else
        query.accountId = scope.id;
    query.text = text.trimmed();
    query.since = sinceUtc();
    query.until = untilUtc();
    query.fromAmount = minAmount;
    query.toAmount = maxAmount;
    for (TransactionKind kind : kinds) {
        if (kind != TransactionKind::Other && !query.types.contains(kind))
            query.types.append(kind);
    }
    if (direction)
        query.directions = {*direction};
    return query;
}

std::optional<AuthorizationListQuery>
ActivityFilter::authorizationQuery(const ActivityScope &scope, int limit, int offset) const
{
    if (!text.trimmed().isEmpty() || direction == Direction::Credit)
        return std::nullopt;
    if (!kinds.isEmpty() && std::none_of(kinds.cbegin(), kinds.cend(), isCardPaymentKind))
        return std::nullopt;
    AuthorizationListQuery query;
    query.limit = limit;
    query.offset = offset;
    if (scope.kind == ActivityScope::Kind::Card)
        query.cardId = scope.id;
    else
        query.accountId = scope.id;
    query.since = sinceUtc();
    query.until = untilUtc();
    query.fromAmount = minAmount;
    query.toAmount = maxAmount;
    query.statuses = {AuthorizationStatus::Authorized, AuthorizationStatus::Declined};
    query.includeNonAuthorized = true;
    return query;
}

} // namespace tessera
