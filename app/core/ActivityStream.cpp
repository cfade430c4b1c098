#include "ActivityStream.h"

#include "ApiClient.h"
#include "ApiJob.h"
#include "Logging.h"

namespace tessera {

ActivityStream::ActivityStream(ApiClient *api, Authenticator *authenticator, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_authenticator(authenticator)
{}

ActivityStream::~ActivityStream()
{
    cancel();
}

bool ActivityStream::List::exhausted() const
{
    if (!used)
        return true;
    if (!loadedOnce)
        return false;
    if (total >= 0)
        return serverOffset >= total;
    return lastPageShort; // no meta.pagination: read while pages come back full
}

int ActivityStream::List::knownTotal() const
{
    if (!used)
        return 0;
    if (total >= 0)
        return total;
    return loadedOnce && lastPageShort ? serverOffset : -1;
}

void ActivityStream::start(const ActivityScope &scope, const ActivityFilter &filter, int pageSize)
{
    cancel();
    m_scope = scope;
    m_filter = filter;
    m_pageSize = pageSize;
    m_skipped = 0;
    for (List &list : m_lists)
        list = {};
    m_lists[Transactions].used = true;
    m_lists[Authorizations].used = filter.authorizationQuery(scope, pageSize, 0).has_value();
    fetchMore();
}

void ActivityStream::cancel()
{
    for (List &list : m_lists)
        delete list.job; // ~ApiJob drops its request without a word
}

bool ActivityStream::isBusy() const
{
    return m_lists[Transactions].job || m_lists[Authorizations].job;
}

bool ActivityStream::atEnd() const
{
    for (const List &list : m_lists) {
        if (!list.exhausted() || !list.waiting.isEmpty())
            return false;
    }
    return true;
}

int ActivityStream::totalEntries() const
{
    const int transactions = m_lists[Transactions].knownTotal();
    const int authorizations = m_lists[Authorizations].knownTotal();
    return transactions < 0 || authorizations < 0 ? -1 : transactions + authorizations;
}

void ActivityStream::fetchMore()
{
    if (isBusy() || atEnd() || m_scope.isEmpty())
        return;
    requestWhatIsMissing();
    // Both lists have entries waiting (never the case after a hand-out, which stops when one
    // runs dry): hand out at once.
    if (!isBusy())
        handOut();
}

// Each list with nothing waiting and more on the server is read on: the next entry may be its.
void ActivityStream::requestWhatIsMissing()
{
    for (ListIndex index : {Transactions, Authorizations}) {
        const List &list = m_lists[index];
        if (list.waiting.isEmpty() && !list.exhausted() && !list.job)
            request(index);
    }
}

void ActivityStream::request(ListIndex index)
{
    const int offset = m_lists[index].serverOffset;
    const int limit = m_pageSize;
    ApiClient *api = m_api;
    ApiJob::Request call;
    if (index == Transactions) {
        const TransactionListQuery query = m_filter.transactionQuery(m_scope, limit, offset);
        call = [api, query] { return api->listTransactions(query); };
    } else {
        const AuthorizationListQuery query = *m_filter.authorizationQuery(m_scope, limit, offset);
        call = [api, query] { return api->listAuthorizations(query); };
    }
    auto *job = new ApiJob(m_authenticator, std::move(call), this);
    m_lists[index].job = job;
    connect(job, &ApiJob::finished, this, [this, job, index, limit] {
        job->deleteLater();
        m_lists[index].job = nullptr;
        if (job->hasError()) {
            // The other list's page is dropped too: a retry asks again for whatever is missing.
            cancel();
            emit failed(job->error());
            return;
        }
        QList<ActivityEntry> entries;
        if (index == Transactions) {
            const TransactionPage page = job->valueAs<TransactionPage>();
            entries.reserve(page.items.size());
            for (const Transaction &t : page.items)
                entries.append(ActivityEntry{t});
            take(index, std::move(entries), int(page.items.size()) + page.skipped, page.skipped,
                 limit,
                 page.pagination ? std::optional<int>(page.pagination->total) : std::nullopt);
        } else {
            const AuthorizationPage page = job->valueAs<AuthorizationPage>();
            entries.reserve(page.items.size());
            for (const Authorization &a : page.items)
                entries.append(ActivityEntry{a});
            take(index, std::move(entries), int(page.items.size()) + page.skipped, page.skipped,
                 limit,
                 page.pagination ? std::optional<int>(page.pagination->total) : std::nullopt);
        }
        if (!isBusy())
            handOut();
    });
    job->start();
}

void ActivityStream::take(ListIndex index, QList<ActivityEntry> entries, int taken, int skipped,
                          int limit, const std::optional<int> &total)
{
    List &list = m_lists[index];
    if (skipped > 0)
        qCInfo(lcApi) << (index == Transactions ? "transactions" : "authorizations")
                      << "page at offset" << list.serverOffset << "left out" << skipped
                      << "records it could not decode";
    m_skipped += skipped;
    list.loadedOnce = true;
    list.serverOffset += taken;
    list.lastPageShort = taken < limit;
    if (total)
        list.total = *total;
    for (ActivityEntry &entry : entries) {
        // A record that came before: the list grew at its top since the last page.
        if (list.seen.contains(entry.id()))
            continue;
        list.seen.insert(entry.id());
        list.waiting.append(std::move(entry));
    }
}

int ActivityStream::nextList() const
{
    const List &transactions = m_lists[Transactions];
    const List &authorizations = m_lists[Authorizations];
    if (!transactions.waiting.isEmpty() && !authorizations.waiting.isEmpty()) {
        // The same instant: the transaction first, so the order never depends on timing.
        return authorizations.waiting.constFirst().createdAt() >
                       transactions.waiting.constFirst().createdAt()
                   ? Authorizations
                   : Transactions;
    }
    if (!transactions.waiting.isEmpty() && authorizations.exhausted())
        return Transactions;
    if (!authorizations.waiting.isEmpty() && transactions.exhausted())
        return Authorizations;
    return -1;
}

void ActivityStream::handOut()
{
    QList<ActivityEntry> ready;
    for (int next = nextList(); next >= 0; next = nextList())
        ready.append(m_lists[next].waiting.takeFirst());
    // Pages of records seen before or left out: nothing to show yet, so read on.
    if (ready.isEmpty() && !atEnd()) {
        requestWhatIsMissing();
        if (isBusy())
            return;
    }
    emit entriesReady(ready);
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_ActivityStream.cpp"
