#pragma once

#include "ActivityEntry.h"
#include "ActivityFilter.h"
#include "ActivityScope.h"
#include "ApiError.h"

#include <optional>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace tessera {

class ApiClient;
class ApiJob;
class Authenticator;

// A card's or an account's activity, newest first, as one stream merged from two paged server
// lists: GET /transactions and (when the filter allows) GET /authorizations (pending and
// declined). An entry is handed out only once no entry of the other list that is not in yet
// can be newer, so what was handed out never needs reordering: the next entries always come
// after it. Each list is read in pages of its own (the lists' page offsets move on
// separately); a record already seen (a list that grew at its top between two pages) is not
// handed out twice. Requests go through ApiJob: a renewed sign-in is waited for there.
// ActivityModel shows it, ActivityExport writes it to a file.
class ActivityStream : public QObject
{
    Q_OBJECT
public:
    ActivityStream(ApiClient *api, Authenticator *authenticator, QObject *parent = nullptr);
    ~ActivityStream() override;

    // Forgets what was read and asks for the first entries (entriesReady() or failed()).
    void start(const ActivityScope &scope, const ActivityFilter &filter, int pageSize);
    // Asks for the next entries; nothing while a request is out or when everything was read.
    // After failed(), asks again for what failed.
    void fetchMore();
    // Drops the requests under way; nothing more is emitted for them.
    void cancel();

    bool isBusy() const;
    // Every entry of both lists has been handed out.
    bool atEnd() const;
    // meta.pagination.total of GET /transactions; -1 until a page says.
    int totalTransactions() const { return m_lists[Transactions].total; }
    // Entries of both lists together; -1 while either is unknown.
    int totalEntries() const;
    // Records of the pages read that could not be decoded and so are left out.
    int skipped() const { return m_skipped; }

signals:
    // The next entries, newest first, each newer than none handed out before. May be empty
    // only when nothing at all matches.
    void entriesReady(const QList<tessera::ActivityEntry> &entries);
    void failed(const tessera::ApiError &error);

private:
    enum ListIndex { Transactions = 0, Authorizations = 1 };
    // How far the stream has come through one server list.
    struct List
    {
        bool used = false;
        bool loadedOnce = false;
        int serverOffset = 0; // records taken (decoded or not), for page[offset]
        int total = -1;
        bool lastPageShort = false;
        QList<ActivityEntry> waiting; // read, not handed out yet, newest first
        QSet<QString> seen;
        QPointer<ApiJob> job;

        bool exhausted() const;
        int knownTotal() const;
    };

    void requestWhatIsMissing();
    void request(ListIndex index);
    void take(ListIndex index, QList<ActivityEntry> entries, int taken, int skipped, int limit,
              const std::optional<int> &total);
    void handOut();
    // The list whose first waiting entry is next, or -1 when one list must be read on first.
    int nextList() const;

    ApiClient *m_api;
    Authenticator *m_authenticator;
    ActivityScope m_scope;
    ActivityFilter m_filter;
    int m_pageSize = 50;
    List m_lists[2];
    int m_skipped = 0;
};

} // namespace tessera
