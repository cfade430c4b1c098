#include "ReplyWaiting.h"

#include "ApiJob.h"
#include "ApiReply.h"

#include <QDebug>
#include <QSignalSpy>

namespace tessera::test {

namespace {

template <class Operation> bool waitFor(Operation *operation, int timeoutMs, const char *what)
{
    if (operation->isFinished())
        return true;
    QSignalSpy finished(operation, &Operation::finished);
    if (finished.wait(timeoutMs) || operation->isFinished())
        return true;
    qWarning("%s did not finish within %d ms", what, timeoutMs);
    return false;
}

} // namespace

bool waitForFinished(ApiReply *reply, int timeoutMs)
{
    return waitFor(reply, timeoutMs, "the API reply");
}

bool waitForFinished(ApiJob *job, int timeoutMs)
{
    return waitFor(job, timeoutMs, "the API job");
}

} // namespace tessera::test
