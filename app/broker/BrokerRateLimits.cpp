#include "BrokerRateLimits.h"

namespace tessera::broker {

namespace {

QByteArray startsByAddress(const QByteArray &address)
{
    return "starts:address:" + address;
}
QByteArray startsByIdentifier(const QByteArray &key)
{
    return "starts:identifier:" + key;
}
QByteArray codeAttemptsByAddress(const QByteArray &address)
{
    return "code-attempts:address:" + address;
}
QByteArray codeAttemptsByIdentifier(const QByteArray &key)
{
    return "code-attempts:identifier:" + key;
}
QByteArray codeAttemptsBySignIn(const QByteArray &signInId)
{
    return "code-attempts:sign-in:" + signInId;
}

} // namespace

BrokerRateLimits::BrokerRateLimits(BrokerStore &store, const BrokerLimits &limits)
    : m_store(store)
    , m_limits(limits)
{}

BrokerRateLimits::Decision BrokerRateLimits::decide(const BrokerStore::Count &count, int limit)
{
    if (count.status != BrokerStore::Status::Ok)
        return {Decision::Outcome::Unavailable, 0};
    if (count.hits > limit)
        return {Decision::Outcome::Limited, count.resetsInSeconds};
    return {};
}

BrokerRateLimits::Decision BrokerRateLimits::admitStart(const QByteArray &clientAddress,
                                                        const QByteArray &identifierKey)
{
    const Decision byAddress =
        decide(m_store.hit(startsByAddress(clientAddress), m_limits.startWindow),
               m_limits.startsPerAddress);
    if (!byAddress.allowed())
        return byAddress;
    return decide(m_store.hit(startsByIdentifier(identifierKey), m_limits.startWindow),
                  m_limits.startsPerIdentifier);
}

BrokerRateLimits::CodeAttempt BrokerRateLimits::admitCodeAttempt(const QByteArray &clientAddress,
                                                                 const QByteArray &identifierKey,
                                                                 const QByteArray &signInId,
                                                                 int signInWindowSeconds)
{
    // One atomic hit per counter, never a read then a write: two attempts cannot both see the
    // count from before the other.
    CodeAttempt attempt;
    attempt.decision =
        decide(m_store.hit(codeAttemptsByAddress(clientAddress), m_limits.wrongCodeWindow),
               m_limits.wrongCodesPerAddress);
    if (!attempt.decision.allowed())
        return attempt;
    attempt.decision =
        decide(m_store.hit(codeAttemptsByIdentifier(identifierKey), m_limits.wrongCodeWindow),
               m_limits.wrongCodesPerIdentifier);
    if (!attempt.decision.allowed())
        return attempt;
    const BrokerStore::Count bySignIn =
        m_store.hit(codeAttemptsBySignIn(signInId), signInWindowSeconds);
    if (bySignIn.status != BrokerStore::Status::Ok) {
        attempt.decision = {Decision::Outcome::Unavailable, 0};
        return attempt;
    }
    attempt.signInUsedUp = bySignIn.hits > m_limits.wrongCodesPerSignIn;
    attempt.attemptsLeft = qMax(0, m_limits.wrongCodesPerSignIn - bySignIn.hits);
    return attempt;
}

} // namespace tessera::broker
