#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace tessera::sandbox {

// Unit's rate limit: so many requests per minute per source IP, counted per environment (the
// sandbox is one environment). A fixed one-minute window per address, opened by the address's
// first request, on the sandbox's clock so tests can move past it without sleeping.
class SandboxRateLimiter
{
public:
    static constexpr int DefaultRequestsPerMinute = 1000;
    static constexpr qint64 WindowSeconds = 60;

    void setRequestsPerMinute(int limit) { m_limit = limit; }
    int requestsPerMinute() const { return m_limit; }

    // Counts the request and says whether it is within the limit. A refused request is not
    // counted, so the window ends when it would have without it.
    bool admit(const QString &address, const QDateTime &now);

private:
    struct Window
    {
        QDateTime start;
        int count = 0;
    };

    QHash<QString, Window> m_windows;
    int m_limit = DefaultRequestsPerMinute;
};

} // namespace tessera::sandbox
