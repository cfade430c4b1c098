#include "Session.h"

#include "Logging.h"
#include "SecretRedactor.h"

#include <algorithm>
#include <limits>

namespace tessera {

namespace {

// QTimer takes an int of milliseconds; Unit's tokens live at most 24 h, well inside it.
int clampedMs(qint64 ms)
{
    return int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max()));
}

} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
{
    m_warningTimer.setSingleShot(true);
    m_expiryTimer.setSingleShot(true);
    m_warningTimer.setTimerType(Qt::CoarseTimer);
    m_expiryTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_warningTimer, &QTimer::timeout, this, [this] { emit expiringSoon(secondsLeft()); });
    connect(&m_expiryTimer, &QTimer::timeout, this, &Session::expireNow);
}

void Session::begin(const StoredToken &token)
{
    SecretRedactor::forget(m_token.token);
    m_token = token;
    SecretRedactor::remember(token.token);
    m_expired = false;
    qCInfo(lcAuth).noquote() << "session began for customer" << token.customerId << "scopes"
                             << token.scopes.join(QLatin1Char(' ')) << "expires"
                             << token.expiresAt.toString(Qt::ISODate);
    schedule();
    emit began();
}

void Session::end()
{
    if (!isActive())
        return;
    m_warningTimer.stop();
    m_expiryTimer.stop();
    SecretRedactor::forget(m_token.token);
    m_token = {};
    m_expired = false;
    emit ended();
}

qint64 Session::secondsLeft() const
{
    if (!isActive())
        return 0;
    return qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_token.expiresAt));
}

bool Session::hasScopes(const QStringList &scopes) const
{
    if (!isActive() || isExpired())
        return false;
    return std::all_of(scopes.begin(), scopes.end(),
                       [this](const QString &s) { return m_token.scopes.contains(s); });
}

void Session::reportUnauthorized()
{
    if (!isActive())
        return;
    qCInfo(lcAuth) << "the server refused the token (401): session expired";
    expireNow();
}

void Session::schedule()
{
    const qint64 msLeft = QDateTime::currentDateTimeUtc().msecsTo(m_token.expiresAt);
    if (msLeft <= 0) {
        // Leave the caller's began() handling first; expiry follows from the event loop.
        m_expiryTimer.start(0);
        m_warningTimer.stop();
        return;
    }
    m_expiryTimer.start(clampedMs(msLeft));
    const qint64 warnIn = msLeft - qint64(m_warningLeadSeconds) * 1000;
    m_warningTimer.start(clampedMs(warnIn));
}

void Session::expireNow()
{
    m_warningTimer.stop();
    m_expiryTimer.stop();
    if (!isActive() || m_expired)
        return;
    m_expired = true;
    emit expired();
}

} // namespace tessera
