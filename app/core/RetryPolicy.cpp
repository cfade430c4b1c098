#include "RetryPolicy.h"

#include <algorithm>
#include <QRandomGenerator>

namespace tessera {

RetryPolicy RetryPolicy::none()
{
    RetryPolicy policy;
    policy.maxAttempts = 1;
    return policy;
}

bool RetryPolicy::shouldRetry(int attempt, const ApiError &error) const
{
    return attempt < maxAttempts && error.isRetryable();
}

int RetryPolicy::delayMs(int attempt, std::optional<int> retryAfterSeconds) const
{
    const double exponential =
        std::min<double>(maxDelayMs, double(baseDelayMs) * double(1 << std::min(attempt - 1, 20)));
    const double r = random ? random() : QRandomGenerator::global()->generateDouble();
    // Jitter spreads clients that failed together so they do not come back together.
    double delay = exponential * (1.0 - jitter) + exponential * jitter * r;
    if (retryAfterSeconds && *retryAfterSeconds > 0)
        delay = std::max(delay, std::min<double>(maxRetryAfterMs, *retryAfterSeconds * 1000.0));
    return int(delay);
}

} // namespace tessera
