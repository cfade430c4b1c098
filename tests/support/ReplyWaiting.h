#pragma once

namespace tessera {
class ApiJob;
class ApiReply;
} // namespace tessera

namespace tessera::test {

// Waits until the reply (or job) has finished, at most timeoutMs. False, with a warning that
// says what did not finish and how long it was given, when it did not: use as
// QVERIFY(test::waitForFinished(reply.get())).
[[nodiscard]] bool waitForFinished(ApiReply *reply, int timeoutMs = 5000);
[[nodiscard]] bool waitForFinished(ApiJob *job, int timeoutMs = 5000);

} // namespace tessera::test
