#include "ActivityEndpoints.h"

#include "ActivityCodec.h"
#include "ActivityDocumentWriter.h"
#include "JsonApiCodec.h"
#include "SandboxStore.h"
#include "StatementPdf.h"

#include <algorithm>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <vector>

namespace tessera::sandbox {

namespace {

// filter[type][] takes Unit's transaction types without their "Transaction" suffix,
// capitalised (transaction.json's type enum).
const QStringList &unitTransactionTypes()
{
    static const QStringList types =
        QStringLiteral(
            "OriginatedAch ReceivedAch ReturnedAch ReturnedReceivedAch DishonoredAch Purchase "
            "Book Atm Fee Card Release Wire ReturnedWire InterestShare Interest Adjustment "
            "Dispute CheckDeposit ReturnedCheckDeposit SponsoredInterest PaymentAdvance "
            "RepaidPaymentAdvance Chargeback Reward NegativeBalanceCoverage "
            "AccountLowBalanceClosure BankRepayment CashDeposit CustomerRepayment "
            "CustomerRepaymentReturned CheckPayment ReturnedCheckPayment CardReversal "
            "FeeReversal PushToCard PushToCardReversal PaymentCanceled WriteOff")
            .split(QLatin1Char(' '));
    return types;
}

SandboxResponse invalid(const QString &detail)
{
    return SandboxResponse::badRequest(detail);
}

// An RFC 3339 date-time with its offset ("2026-10-01T00:00:00.000Z"), as Unit's filters take.
std::optional<SandboxResponse> readDateTime(const SandboxQuery &query, const QString &key,
                                            std::optional<qint64> *msecs)
{
    if (!query.has(key))
        return std::nullopt;
    static const QRegularExpression rfc3339(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$)"));
    const QString text = query.value(key);
    const QDateTime value = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!rfc3339.match(text).hasMatch() || !value.isValid())
        return invalid(QStringLiteral("%1 must be an RFC 3339 date-time, e.g. "
                                      "2026-10-01T00:00:00.000Z.")
                           .arg(key));
    *msecs = value.toMSecsSinceEpoch();
    return std::nullopt;
}

std::optional<SandboxResponse> readAmount(const SandboxQuery &query, const QString &key,
                                          std::optional<qint64> *amount)
{
    if (!query.has(key))
        return std::nullopt;
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,15}$"));
    const QString text = query.value(key);
    if (!digits.match(text).hasMatch())
        return invalid(QStringLiteral("%1 must be an amount in cents.").arg(key));
    *amount = text.toLongLong();
    return std::nullopt;
}

std::optional<SandboxResponse> readBoolean(const SandboxQuery &query, const QString &key,
                                           bool *value)
{
    if (!query.has(key))
        return std::nullopt;
    const QString text = query.value(key);
    if (text != QLatin1String("true") && text != QLatin1String("false"))
        return invalid(QStringLiteral("%1 must be true or false.").arg(key));
    *value = text == QLatin1String("true");
    return std::nullopt;
}

// Unit's lists take sort=createdAt (oldest first, the default) or sort=-createdAt.
std::optional<SandboxResponse> readSort(const SandboxQuery &query, const QStringList &keys,
                                        bool *newestFirst)
{
    const QString key = QStringLiteral("sort");
    if (!query.has(key))
        return std::nullopt;
    const QString sort = query.value(key);
    const QString field = sort.startsWith(QLatin1Char('-')) ? sort.mid(1) : sort;
    if (!keys.contains(field))
        return invalid(QStringLiteral("sort must be %1 or -%1.").arg(keys.first()));
    *newestFirst = sort.startsWith(QLatin1Char('-'));
    return std::nullopt;
}

// Where a record falls in a list, for putting several accounts' records in one order: by time,
// then by id (ids grow with time within an account).
struct Hit
{
    qint64 atMs = 0;
    qint64 idNumber = 0;
    AccountActivity *activity = nullptr;
    qsizetype position = 0;
};

bool before(const Hit &a, const Hit &b, bool newestFirst)
{
    if (a.atMs != b.atMs)
        return newestFirst ? a.atMs > b.atMs : a.atMs < b.atMs;
    return newestFirst ? a.idNumber > b.idNumber : a.idNumber < b.idNumber;
}

qint64 idNumber(const AccountActivity &activity, qsizetype position)
{
    return activity.accountId().toLongLong() * AccountActivity::IdFactor + position;
}

// One account's (or card's) transactions between two instants, in time order.
struct Range
{
    AccountActivity *activity = nullptr;
    const QList<qint32> *positions = nullptr; // null: every record of the account
    qsizetype lo = 0;
    qsizetype hi = 0;

    qsizetype recordAt(qsizetype i) const { return positions ? positions->at(i) : i; }
    qint64 atMs(qsizetype i) const { return activity->records().at(recordAt(i)).createdAtMs; }
    Hit hit(qsizetype i) const
    {
        const qsizetype position = recordAt(i);
        return {atMs(i), idNumber(*activity, position), activity, position};
    }
};

// The first index of [0, size) whose time is not below `ms` (or, `after`, above it).
qsizetype boundary(const Range &range, qsizetype size, qint64 ms, bool after)
{
    qsizetype low = 0;
    qsizetype high = size;
    while (low < high) {
        const qsizetype middle = low + (high - low) / 2;
        const qint64 at = range.atMs(middle);
        if (after ? at <= ms : at < ms)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

struct TransactionFilter
{
    QString text;
    std::optional<qint64> fromAmount;
    std::optional<qint64> toAmount;
    QSet<TransactionKind> kinds;
    bool anyKind = true; // no filter[type]
    QList<Direction> directions;
    bool excludeFees = false;
    Tags tags;

    // Whether a record's content must be looked at (not only its place in time).
    bool looksAtRecords() const
    {
        return !text.isEmpty() || fromAmount || toAmount || !anyKind || !directions.isEmpty() ||
               excludeFees || !tags.isEmpty();
    }

    bool matches(const AccountActivity &activity, qsizetype position) const
    {
        const AccountActivity::Record &r = activity.records().at(position);
        if ((fromAmount && r.amount < *fromAmount) || (toAmount && r.amount > *toAmount))
            return false;
        if (!anyKind && !kinds.contains(r.kind))
            return false;
        if (!directions.isEmpty() && !directions.contains(r.direction))
            return false;
        if (excludeFees && r.kind == TransactionKind::Fee)
            return false;
        if (text.isEmpty() && tags.isEmpty())
            return true;
        const Transaction t = activity.transaction(position);
        for (auto it = tags.begin(); it != tags.end(); ++it) {
            if (t.tags.value(it.key()) != it.value())
                return false;
        }
        if (text.isEmpty())
            return true;
        const QStringList fields{t.summary, t.merchant ? t.merchant->name : QString(),
                                 t.counterpartyName, t.description, t.atmName};
        return std::any_of(fields.begin(), fields.end(), [this](const QString &field) {
            return field.contains(text, Qt::CaseInsensitive);
        });
    }
};

std::optional<SandboxResponse> readTransactionFilter(const SandboxQuery &query,
                                                     TransactionFilter *filter)
{
    filter->text = query.value(QStringLiteral("filter[query]")).trimmed();
    if (auto error = readAmount(query, QStringLiteral("filter[fromAmount]"), &filter->fromAmount))
        return error;
    if (auto error = readAmount(query, QStringLiteral("filter[toAmount]"), &filter->toAmount))
        return error;
    const QStringList types = query.indexedValues(QStringLiteral("filter[type]"));
    filter->anyKind = types.isEmpty();
    for (const QString &type : types) {
        if (!unitTransactionTypes().contains(type))
            return invalid(
                QStringLiteral("filter[type]: \"%1\" is not a transaction type.").arg(type));
        // A type the sandbox never makes simply matches nothing.
        if (const std::optional<TransactionKind> kind = transactionKindFromFilterName(type))
            filter->kinds.insert(*kind);
    }
    for (const QString &name : query.indexedValues(QStringLiteral("filter[direction]"))) {
        const std::optional<Direction> direction = directionFromName(name);
        if (!direction)
            return invalid(QStringLiteral("filter[direction] must be Debit or Credit."));
        filter->directions.append(*direction);
    }
    if (auto error =
            readBoolean(query, QStringLiteral("filter[excludeFees]"), &filter->excludeFees))
        return error;
    return query.readTags(&filter->tags);
}

QJsonArray includedFor(SandboxStore &store,
                       const QList<QPair<QString, QString>> &accountAndCustomer,
                       const QStringList &include)
{
    QJsonArray included;
    QSet<QString> seen;
    for (const auto &[accountId, customerId] : accountAndCustomer) {
        if (include.contains(QLatin1String("account")) && !seen.contains(accountId)) {
            seen.insert(accountId);
            if (const Account *account = store.account(accountId))
                included.append(JsonApiCodec::encode(*account));
        }
        const QString customerKey = QStringLiteral("customer ") + customerId;
        if (include.contains(QLatin1String("customer")) && !seen.contains(customerKey)) {
            seen.insert(customerKey);
            if (const Customer *customer = store.customer(customerId))
                included.append(JsonApiCodec::encode(*customer));
        }
    }
    return included;
}

SandboxResponse transactionNotFound(const QString &id)
{
    return SandboxResponse::notFound(
        QStringLiteral("The specified transaction with id %1 was not found.").arg(id));
}

SandboxResponse authorizationNotFound(const QString &id)
{
    return SandboxResponse::notFound(
        QStringLiteral("The specified authorization with id %1 was not found.").arg(id));
}

SandboxResponse statementNotFound(const QString &id)
{
    return SandboxResponse::notFound(
        QStringLiteral("The specified statement with id %1 was not found.").arg(id));
}

} // namespace

ActivityEndpoints::ActivityEndpoints(SandboxStore &store)
    : m_store(store)
{}

QString ActivityEndpoints::accountOf(const QString &id)
{
    bool isNumber = false;
    const qint64 value = id.toLongLong(&isNumber);
    if (!isNumber || value < AccountActivity::IdFactor)
        return {};
    return QString::number(value / AccountActivity::IdFactor);
}

QList<ActivityEndpoints::Target> ActivityEndpoints::targets(const SandboxQuery &query,
                                                            const Caller &caller, bool cardsAllowed)
{
    QList<Target> result;
    const QString accountId = query.value(QStringLiteral("filter[accountId]"));
    const QString customerId = query.value(QStringLiteral("filter[customerId]"));
    const QString cardId = cardsAllowed ? query.value(QStringLiteral("filter[cardId]")) : QString();
    auto slotOf = [](AccountActivity *activity, const Card &card) {
        AccountActivity::CardRef ref;
        ref.id = card.id;
        ref.last4Digits = card.last4Digits;
        ref.issuedAtMs = card.createdAt.toMSecsSinceEpoch();
        return activity->addCard(ref);
    };

    if (!cardId.isEmpty()) {
        const Card *card = m_store.card(cardId);
        const Account *account = card ? m_store.account(card->accountId) : nullptr;
        if (!card || !account || !caller.canSeeCard(*card))
            return result; // another's card: nothing, as an unmatched filter gives
        if ((!accountId.isEmpty() && accountId != account->id) ||
            (!customerId.isEmpty() && customerId != account->customerId))
            return result;
        if (AccountActivity *activity = m_store.activity(account->id))
            result.append({activity, slotOf(activity, *card)});
        return result;
    }

    for (const Account &account : m_store.accounts()) {
        if ((!accountId.isEmpty() && account.id != accountId) ||
            (!customerId.isEmpty() && account.customerId != customerId))
            continue;
        AccountActivity *activity = m_store.activity(account.id);
        if (!activity)
            continue;
        if (caller.canSeeAccount(account)) {
            result.append({activity, -1});
        } else if (cardsAllowed && caller.canSeeCustomer(account.customerId)) {
            // A token narrowed to some cards sees those cards' records.
            for (const Card &card : m_store.cards()) {
                if (card.accountId == account.id && caller.canSeeCard(card))
                    result.append({activity, slotOf(activity, card)});
            }
        }
    }
    return result;
}

SandboxResponse ActivityEndpoints::listTransactions(const SandboxRequest &request,
                                                    const Caller &caller)
{
    const SandboxQuery query(request.query);
    SandboxQuery::PageWindow page;
    if (auto error = query.readPage(&page))
        return *error;
    QStringList include;
    if (auto error =
            query.readInclude({QStringLiteral("customer"), QStringLiteral("account")}, &include))
        return *error;
    std::optional<qint64> since;
    std::optional<qint64> until;
    if (auto error = readDateTime(query, QStringLiteral("filter[since]"), &since))
        return *error;
    if (auto error = readDateTime(query, QStringLiteral("filter[until]"), &until))
        return *error;
    TransactionFilter filter;
    if (auto error = readTransactionFilter(query, &filter))
        return *error;
    bool newestFirst = false;
    if (auto error = readSort(query, {QStringLiteral("createdAt")}, &newestFirst))
        return *error;
    const QList<Target> targets = this->targets(query, caller, true);

    std::vector<Range> ranges;
    for (const Target &target : std::as_const(targets)) {
        AccountActivity *activity = m_store.history(target.activity->accountId());
        Range range;
        range.activity = activity;
        if (target.cardSlot >= 0)
            range.positions = &activity->cardPositions(target.cardSlot);
        const qsizetype size =
            range.positions ? range.positions->size() : activity->records().size();
        range.lo = since ? boundary(range, size, *since, false) : 0;
        range.hi = until ? boundary(range, size, *until, true) : size;
        if (range.lo < range.hi)
            ranges.push_back(range);
    }

    // The page's records, in the requested order.
    std::vector<Hit> window;
    qsizetype total = 0;
    const qsizetype wanted = qsizetype(page.offset) + page.limit;
    if (filter.looksAtRecords()) {
        std::vector<Hit> matching;
        for (const Range &range : ranges) {
            m_store.countVisits(range.hi - range.lo);
            for (qsizetype i = range.lo; i < range.hi; ++i) {
                if (filter.matches(*range.activity, range.recordAt(i)))
                    matching.push_back(range.hit(i));
            }
        }
        total = qsizetype(matching.size());
        const qsizetype end = std::min(total, wanted);
        if (page.offset < end) {
            std::partial_sort(
                matching.begin(), matching.begin() + end, matching.end(),
                [newestFirst](const Hit &a, const Hit &b) { return before(a, b, newestFirst); });
            window.assign(matching.begin() + page.offset, matching.begin() + end);
        }
    } else if (ranges.size() == 1) {
        // One account or card: the page is read at its position.
        const Range &range = ranges.front();
        total = range.hi - range.lo;
        for (qsizetype k = page.offset; k < std::min(total, wanted); ++k)
            window.push_back(range.hit(newestFirst ? range.hi - 1 - k : range.lo + k));
        m_store.countVisits(qsizetype(window.size()));
    } else {
        // Several accounts: merged by walking each one's list from the requested end.
        std::vector<qsizetype> next(ranges.size());
        for (size_t r = 0; r < ranges.size(); ++r) {
            next[r] = newestFirst ? ranges[r].hi - 1 : ranges[r].lo;
            total += ranges[r].hi - ranges[r].lo;
        }
        for (qsizetype k = 0; k < std::min(total, wanted); ++k) {
            std::optional<size_t> best;
            Hit bestHit;
            for (size_t r = 0; r < ranges.size(); ++r) {
                if (next[r] < ranges[r].lo || next[r] >= ranges[r].hi)
                    continue;
                const Hit candidate = ranges[r].hit(next[r]);
                if (!best || before(candidate, bestHit, newestFirst)) {
                    best = r;
                    bestHit = candidate;
                }
            }
            next[*best] += newestFirst ? -1 : 1;
            if (k >= page.offset)
                window.push_back(bestHit);
        }
        m_store.countVisits(std::min(total, wanted));
    }

    QList<Transaction> transactions;
    QList<QPair<QString, QString>> related;
    transactions.reserve(qsizetype(window.size()));
    for (const Hit &hit : window) {
        transactions.append(hit.activity->transaction(hit.position));
        related.append({hit.activity->accountId(), hit.activity->customerId()});
    }
    return SandboxResponse::document(
        200, ActivityDocumentWriter::transactionList(transactions, page.pagination(total),
                                                     includedFor(m_store, related, include)));
}

SandboxResponse ActivityEndpoints::getTransaction(const SandboxRequest &request,
                                                  const Caller &caller, const QString &accountId,
                                                  const QString &transactionId)
{
    QStringList include;
    if (auto error =
            SandboxQuery(request.query)
                .readInclude({QStringLiteral("customer"), QStringLiteral("account")}, &include))
        return *error;
    const Account *account = m_store.account(accountId);
    if (!account || !caller.canSeeCustomer(account->customerId))
        return transactionNotFound(transactionId);
    AccountActivity *activity = m_store.history(accountId);
    const std::optional<qsizetype> position =
        activity ? activity->positionOf(transactionId) : std::nullopt;
    if (!position)
        return transactionNotFound(transactionId);
    const Transaction transaction = activity->transaction(*position);
    const Card *card = m_store.card(transaction.cardId);
    if (!caller.canSeeAccount(*account) && !(card && caller.canSeeCard(*card)))
        return transactionNotFound(transactionId);
    return SandboxResponse::document(
        200, JsonApiCodec::singleDocument(
                 ActivityCodec::encode(transaction),
                 includedFor(m_store, {{account->id, account->customerId}}, include)));
}

SandboxResponse ActivityEndpoints::listAuthorizations(const SandboxRequest &request,
                                                      const Caller &caller)
{
    const SandboxQuery query(request.query);
    SandboxQuery::PageWindow page;
    if (auto error = query.readPage(&page))
        return *error;
    std::optional<qint64> since;
    std::optional<qint64> until;
    std::optional<qint64> fromAmount;
    std::optional<qint64> toAmount;
    if (auto error = readDateTime(query, QStringLiteral("filter[since]"), &since))
        return *error;
    if (auto error = readDateTime(query, QStringLiteral("filter[until]"), &until))
        return *error;
    if (auto error = readAmount(query, QStringLiteral("filter[fromAmount]"), &fromAmount))
        return *error;
    if (auto error = readAmount(query, QStringLiteral("filter[toAmount]"), &toAmount))
        return *error;
    QStringList statuses;
    if (auto error = query.readStatuses({QStringLiteral("Authorized"), QStringLiteral("Completed"),
                                         QStringLiteral("Canceled"), QStringLiteral("Declined")},
                                        &statuses))
        return *error;
    // Unit leaves every authorization that is not Authorized out unless asked.
    bool includeNonAuthorized = false;
    if (auto error = readBoolean(query, QStringLiteral("filter[includeNonAuthorized]"),
                                 &includeNonAuthorized))
        return *error;
    QStringList codes = query.indexedValues(QStringLiteral("filter[merchantCategoryCode]"));
    static const QRegularExpression mcc(QStringLiteral("^[0-9]{4}$"));
    for (const QString &code : std::as_const(codes)) {
        if (!mcc.match(code).hasMatch())
            return invalid(QStringLiteral("filter[merchantCategoryCode] takes 4-digit codes."));
    }
    bool newestFirst = false;
    if (auto error = readSort(query, {QStringLiteral("createdAt")}, &newestFirst))
        return *error;
    const QList<Target> targets = this->targets(query, caller, true);

    // Few per account: looked at one by one.
    std::vector<std::pair<qint64, const Authorization *>> matching;
    for (const Target &target : std::as_const(targets)) {
        const QString cardId =
            target.cardSlot >= 0 ? target.activity->cards().at(target.cardSlot).id : QString();
        const QList<Authorization> &all = target.activity->authorizations();
        m_store.countVisits(all.size());
        for (qsizetype i = 0; i < all.size(); ++i) {
            const Authorization &a = all.at(i);
            const qint64 at = a.createdAt.toMSecsSinceEpoch();
            if ((!cardId.isEmpty() && a.cardId != cardId) || (since && at < *since) ||
                (until && at > *until) || (fromAmount && a.amount < *fromAmount) ||
                (toAmount && a.amount > *toAmount) ||
                (!includeNonAuthorized && a.status != AuthorizationStatus::Authorized) ||
                (!statuses.isEmpty() && !statuses.contains(a.statusName)) ||
                (!codes.isEmpty() &&
                 !codes.contains(
                     QString::number(a.merchant.type).rightJustified(4, QLatin1Char('0')))))
                continue;
            matching.push_back({at, &a});
        }
    }
    std::stable_sort(matching.begin(), matching.end(), [newestFirst](const auto &a, const auto &b) {
        if (a.first != b.first)
            return newestFirst ? a.first > b.first : a.first < b.first;
        return newestFirst ? a.second->id.toLongLong() > b.second->id.toLongLong()
                           : a.second->id.toLongLong() < b.second->id.toLongLong();
    });
    QList<const Authorization *> authorizations;
    for (qsizetype k = page.offset;
         k < std::min(qsizetype(matching.size()), qsizetype(page.offset) + page.limit); ++k)
        authorizations.append(matching.at(size_t(k)).second);
    return SandboxResponse::document(
        200, ActivityDocumentWriter::authorizationList(
                 authorizations, page.pagination(qsizetype(matching.size()))));
}

SandboxResponse ActivityEndpoints::getAuthorization(const SandboxRequest &request,
                                                    const Caller &caller,
                                                    const QString &authorizationId)
{
    const SandboxQuery query(request.query);
    bool includeNonAuthorized = false;
    if (auto error = readBoolean(query, QStringLiteral("filter[includeNonAuthorized]"),
                                 &includeNonAuthorized))
        return *error;
    const Account *account = m_store.account(accountOf(authorizationId));
    AccountActivity *activity = account ? m_store.activity(account->id) : nullptr;
    const Authorization *authorization =
        activity ? activity->authorization(authorizationId) : nullptr;
    if (!authorization ||
        (!includeNonAuthorized && authorization->status != AuthorizationStatus::Authorized))
        return authorizationNotFound(authorizationId);
    const Card *card = m_store.card(authorization->cardId);
    if (!caller.canSeeAccount(*account) && !(card && caller.canSeeCard(*card)))
        return authorizationNotFound(authorizationId);
    return SandboxResponse::document(
        200, JsonApiCodec::singleDocument(ActivityCodec::encode(*authorization)));
}

SandboxResponse ActivityEndpoints::listStatements(const SandboxRequest &request,
                                                  const Caller &caller)
{
    const SandboxQuery query(request.query);
    SandboxQuery::PageWindow page;
    if (auto error = query.readPage(&page))
        return *error;
    const QString period = query.value(QStringLiteral("filter[period]"));
    static const QRegularExpression month(QStringLiteral("^[0-9]{4}-(0[1-9]|1[0-2])$"));
    if (query.has(QStringLiteral("filter[period]")) && !month.match(period).hasMatch())
        return invalid(QStringLiteral("filter[period] must be a month, e.g. 2026-10."));
    bool newestFirst = false;
    if (auto error =
            readSort(query, {QStringLiteral("period"), QStringLiteral("createdAt")}, &newestFirst))
        return *error;
    const QList<Target> targets = this->targets(query, caller, false);
    QList<const Statement *> matching;
    for (const Target &target : std::as_const(targets)) {
        for (const Statement &s : target.activity->statements()) {
            if (period.isEmpty() || s.period == period)
                matching.append(&s);
        }
    }
    std::stable_sort(matching.begin(), matching.end(),
                     [newestFirst](const Statement *a, const Statement *b) {
                         if (a->period != b->period)
                             return newestFirst ? a->period > b->period : a->period < b->period;
                         return newestFirst ? a->id.toLongLong() > b->id.toLongLong()
                                            : a->id.toLongLong() < b->id.toLongLong();
                     });
    QJsonArray resources;
    for (const Statement *s : page.of(matching))
        resources.append(ActivityCodec::encode(*s));
    return SandboxResponse::document(
        200, JsonApiCodec::listDocument(resources, page.pagination(matching.size())));
}

SandboxResponse ActivityEndpoints::statementPdf(const SandboxRequest &, const Caller &caller,
                                                const QString &statementId)
{
    const Account *account = m_store.account(accountOf(statementId));
    if (!account || !caller.canSeeAccount(*account))
        return statementNotFound(statementId);
    AccountActivity *activity = m_store.history(account->id);
    const Statement *statement = activity ? activity->statement(statementId) : nullptr;
    if (!statement)
        return statementNotFound(statementId);

    StatementPdf::Content content;
    content.statement = *statement;
    content.account = *account;
    const QDate month = statement->periodStart();
    Range range;
    range.activity = activity;
    const qsizetype size = activity->records().size();
    const qint64 startMs = QDateTime(month, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 endMs = QDateTime(month.addMonths(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qsizetype first = boundary(range, size, startMs, false);
    const qsizetype last = boundary(range, size, endMs, false);
    const auto &records = activity->records();
    if (first > 0)
        content.openingBalance = records.at(first - 1).balance;
    else if (first < size)
        content.openingBalance =
            records.at(first).balance - (records.at(first).direction == Direction::Debit
                                             ? -records.at(first).amount
                                             : records.at(first).amount);
    else
        content.openingBalance = account->balance;
    content.closingBalance = last > 0 ? records.at(last - 1).balance : content.openingBalance;
    for (qsizetype i = first; i < last; ++i)
        content.transactions.append(activity->transaction(i));
    SandboxResponse response = SandboxResponse::document(200, StatementPdf::render(content));
    response.contentType = QByteArrayLiteral("application/pdf");
    return response;
}

} // namespace tessera::sandbox
