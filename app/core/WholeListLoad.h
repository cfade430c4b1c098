#pragma once

#include "ApiError.h"
#include "ApiJob.h"
#include "Page.h"

#include <functional>
#include <QList>
#include <QObject>
#include <QPointer>
#include <utility>

namespace tessera {

class ApiReply;
class Authenticator;

// Every page of a short list (a customer's accounts, an account's statements) through ApiJob,
// one request after the other, until the last: then done() with all its items, or failed()
// with the first error. A page's skipped records count as taken, so an odd record never makes
// it ask for the same page again. A new start() or cancel() drops the load under way; the
// owner (`context`) outlives it, so the callbacks may use the owner freely.
template <class T> class WholeListLoad
{
public:
    using Request = std::function<ApiReply *(int limit, int offset)>;
    using Done = std::function<void(QList<T> items)>;
    using Failed = std::function<void(const ApiError &error)>;

    WholeListLoad(Authenticator *authenticator, QObject *context, int pageSize)
        : m_authenticator(authenticator)
        , m_context(context)
        , m_pageSize(pageSize)
    {}
    WholeListLoad(const WholeListLoad &) = delete;
    WholeListLoad &operator=(const WholeListLoad &) = delete;
    ~WholeListLoad() { cancel(); }

    void start(Request request, Done done, Failed failed)
    {
        cancel();
        m_request = std::move(request);
        m_done = std::move(done);
        m_failed = std::move(failed);
        requestPage();
    }
    void cancel()
    {
        delete m_job;
        m_items.clear();
        m_offset = 0;
    }
    bool isActive() const { return m_job != nullptr; }

private:
    void requestPage()
    {
        const Request request = m_request;
        const int limit = m_pageSize;
        const int offset = m_offset;
        auto *job = new ApiJob(
            m_authenticator, [request, limit, offset] { return request(limit, offset); },
            m_context);
        m_job = job;
        QObject::connect(job, &ApiJob::finished, m_context, [this, job] {
            job->deleteLater();
            m_job = nullptr;
            if (job->hasError()) {
                m_items.clear();
                m_failed(job->error());
                return;
            }
            const Page<T> page = job->valueAs<Page<T>>();
            const int taken = int(page.items.size()) + page.skipped;
            m_offset += taken;
            m_items.append(page.items);
            const bool more =
                page.pagination ? m_offset < page.pagination->total : taken == m_pageSize;
            if (more && taken > 0) {
                requestPage();
                return;
            }
            m_offset = 0;
            m_done(std::exchange(m_items, {}));
        });
        job->start();
    }

    Authenticator *m_authenticator;
    QObject *m_context;
    int m_pageSize;
    Request m_request;
    Done m_done;
    Failed m_failed;
    QList<T> m_items; // the pages in so far
    int m_offset = 0; // records taken from the server (decoded or not), for page[offset]
    QPointer<ApiJob> m_job;
};

} // namespace tessera
