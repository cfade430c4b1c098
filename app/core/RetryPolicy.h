#pragma once

#include "ApiError.h"

#include <functional>
#include <optional>

namespace tessera {

// Unit's documented retry rule: retry only 5xx, 408 and 429 (and dropped connections), with
// exponential backoff and jitter, a bounded number of times, honouring Retry-After; a create
// only when it carries an idempotencyKey; never the verification call (it texts the customer).
struct RetryPolicy
{
    int maxAttempts = 4;   // the first try included
    int baseDelayMs = 300; // before the second try
    int maxDelayMs = 8000; // cap for the exponential part
    int maxRetryAfterMs = 30000;
    double jitter = 0.5; // share of the delay that is randomised
    // Returns [0, 1); replaceable so tests are repeatable.
    std::function<double()> random;

    static RetryPolicy none();

    // Whether attempt number `attempt` (1-based) that failed with `error` is tried again.
    bool shouldRetry(int attempt, const ApiError &error) const;
    // Milliseconds to wait before attempt `attempt + 1`.
    int delayMs(int attempt, std::optional<int> retryAfterSeconds) const;
};

} // namespace tessera
