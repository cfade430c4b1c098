#pragma once

#include "BrokerStore.h"

#include <functional>
#include <QHash>

namespace tessera::broker {

// The broker's store on one machine. Expired entries are dropped as they are met and swept on
// every write, and the number of pending sign-ins is capped, so memory stays bounded however
// many sign-ins are started.
class InMemoryBrokerStore : public BrokerStore
{
public:
    static constexpr int DefaultMaxSignIns = 100000;

    // `nowMs`: milliseconds of a monotonic clock; tests pass their own to expire entries.
    explicit InMemoryBrokerStore(std::function<qint64()> nowMs = {},
                                 int maxSignIns = DefaultMaxSignIns);

    Status putSignIn(const PendingSignIn &signIn, int ttlSeconds) override;
    Status updateSignIn(const PendingSignIn &signIn) override;
    Status signIn(const QByteArray &id, PendingSignIn *out) override;
    Status removeSignIn(const QByteArray &id) override;
    Count hit(const QByteArray &key, int windowSeconds) override;
    Count peek(const QByteArray &key) override;

    qsizetype signInCount() const { return m_signIns.size(); }
    qsizetype counterCount() const { return m_counters.size(); }

private:
    struct StoredSignIn
    {
        PendingSignIn signIn;
        qint64 expiresAtMs = 0;
    };
    struct Counter
    {
        int hits = 0;
        qint64 resetsAtMs = 0;
    };

    void sweep(qint64 now);
    static int secondsUntil(qint64 deadlineMs, qint64 now);

    std::function<qint64()> m_nowMs;
    int m_maxSignIns;
    qint64 m_nextSweepMs = 0;
    QHash<QByteArray, StoredSignIn> m_signIns;
    QHash<QByteArray, Counter> m_counters;
};

} // namespace tessera::broker
