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
QByteArray wrongCodesByAddress(const QByteArray &address)
{
    return "wrong-codes:address:" + address;
}
QByteArray wrongCodesByIdentifier(const QByteArray &key)
{
    return "wrong-codes:identifier:" + key;
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

BrokerRateLimits::Decision BrokerRateLimits::admitCode(const QByteArray &clientAddress,
                                                       const QByteArray &identifierKey)
{
    // peek() counts the wrong codes so far: at the limit, the next one would be one too many.
    const Decision byAddress =
        decide(m_store.peek(wrongCodesByAddress(clientAddress)), m_limits.wrongCodesPerAddress - 1);
    if (!byAddress.allowed())
        return byAddress;
    return decide(m_store.peek(wrongCodesByIdentifier(identifierKey)),
                  m_limits.wrongCodesPerIdentifier - 1);
}

BrokerRateLimits::Decision BrokerRateLimits::recordWrongCode(const QByteArray &clientAddress,
                                                             const QByteArray &identifierKey)
{
    const BrokerStore::Count byAddress =
        m_store.hit(wrongCodesByAddress(clientAddress), m_limits.wrongCodeWindow);
    const BrokerStore::Count byIdentifier =
        m_store.hit(wrongCodesByIdentifier(identifierKey), m_limits.wrongCodeWindow);
    if (byAddress.status != BrokerStore::Status::Ok ||
        byIdentifier.status != BrokerStore::Status::Ok)
        return {Decision::Outcome::Unavailable, 0};
    return {};
}

} // namespace tessera::broker
