#include "InMemoryBrokerStore.h"

#include <QElapsedTimer>

namespace tessera::broker {

namespace {

// A full sweep costs a walk of both tables; once a second keeps it off the per-request path.
constexpr qint64 SweepIntervalMs = 1000;

} // namespace

InMemoryBrokerStore::InMemoryBrokerStore(std::function<qint64()> nowMs, int maxSignIns)
    : m_nowMs(std::move(nowMs))
    , m_maxSignIns(maxSignIns)
{
    if (!m_nowMs) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_nowMs = [timer] { return timer->elapsed(); };
    }
}

BrokerStore::Status InMemoryBrokerStore::putSignIn(const PendingSignIn &signIn, int ttlSeconds)
{
    const qint64 now = m_nowMs();
    sweep(now);
    if (!m_signIns.contains(signIn.id) && m_signIns.size() >= m_maxSignIns) {
        m_nextSweepMs = 0; // full: expired ones may still be waiting for the next sweep
        sweep(now);
        if (m_signIns.size() >= m_maxSignIns)
            return Status::Unavailable;
    }
    m_signIns.insert(signIn.id, StoredSignIn{signIn, now + qint64(ttlSeconds) * 1000});
    return Status::Ok;
}

BrokerStore::Status InMemoryBrokerStore::updateSignIn(const PendingSignIn &signIn)
{
    const qint64 now = m_nowMs();
    auto it = m_signIns.find(signIn.id);
    if (it == m_signIns.end())
        return Status::NotFound;
    if (it->expiresAtMs <= now) {
        m_signIns.erase(it);
        return Status::NotFound;
    }
    it->signIn = signIn;
    return Status::Ok;
}

BrokerStore::Status InMemoryBrokerStore::signIn(const QByteArray &id, PendingSignIn *out)
{
    const qint64 now = m_nowMs();
    auto it = m_signIns.find(id);
    if (it == m_signIns.end())
        return Status::NotFound;
    if (it->expiresAtMs <= now) {
        m_signIns.erase(it);
        return Status::NotFound;
    }
    *out = it->signIn;
    return Status::Ok;
}

BrokerStore::Status InMemoryBrokerStore::removeSignIn(const QByteArray &id)
{
    return m_signIns.remove(id) ? Status::Ok : Status::NotFound;
}

BrokerStore::Count InMemoryBrokerStore::hit(const QByteArray &key, int windowSeconds)
{
    const qint64 now = m_nowMs();
    sweep(now);
    Counter &counter = m_counters[key];
    if (counter.resetsAtMs <= now)
        counter = Counter{0, now + qint64(windowSeconds) * 1000};
    ++counter.hits;
    return Count{Status::Ok, counter.hits, secondsUntil(counter.resetsAtMs, now)};
}

BrokerStore::Count InMemoryBrokerStore::peek(const QByteArray &key)
{
    const qint64 now = m_nowMs();
    const auto it = m_counters.constFind(key);
    if (it == m_counters.cend() || it->resetsAtMs <= now)
        return Count{Status::Ok, 0, 0};
    return Count{Status::Ok, it->hits, secondsUntil(it->resetsAtMs, now)};
}

void InMemoryBrokerStore::sweep(qint64 now)
{
    if (now < m_nextSweepMs)
        return;
    m_nextSweepMs = now + SweepIntervalMs;
    m_signIns.removeIf([now](const auto &entry) { return entry.value().expiresAtMs <= now; });
    m_counters.removeIf([now](const auto &entry) { return entry.value().resetsAtMs <= now; });
}

int InMemoryBrokerStore::secondsUntil(qint64 deadlineMs, qint64 now)
{
    // Rounded up: a client told "0" would come straight back into the same window.
    return int((deadlineMs - now + 999) / 1000);
}

} // namespace tessera::broker
