#include "Credentials.h"

#include "Logging.h"
#include "SecretRedactor.h"
#include "Session.h"

#include <algorithm>
#include <limits>

namespace tessera {

Credentials::Credentials(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &Credentials::dropExpired);
    // A verified token belongs to one sign-in: it never outlives it.
    connect(m_session, &Session::ended, this, &Credentials::forgetVerified);
}

Credentials::~Credentials()
{
    for (const Verified &verified : std::as_const(m_verified))
        SecretRedactor::forget(verified.token.token);
}

QString Credentials::bearerFor(const RequiredAccess &access) const
{
    if (m_session->isActive() && !m_session->isExpired() && m_session->hasScopes(access.scopes))
        return m_session->token().token;
    if (const Verified *verified = findVerified(access))
        return verified->token.token;
    return {};
}

const Credentials::Verified *Credentials::findVerified(const RequiredAccess &access) const
{
    if (access.scopes.isEmpty())
        return nullptr;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Verified &verified : m_verified) {
        if (verified.token.isExpired(now))
            continue;
        const bool hasScopes =
            std::all_of(access.scopes.begin(), access.scopes.end(), [&](const QString &scope) {
                return verified.token.scopes.contains(scope);
            });
        // A token restricted to one card does nothing for another card, or for a call on no
        // single card.
        const bool resourceFits =
            !verified.resource.isValid() || verified.resource == access.resource;
        if (hasScopes && resourceFits)
            return &verified;
    }
    return nullptr;
}

void Credentials::addVerified(const StoredToken &token, const TokenResource &resource)
{
    SecretRedactor::remember(token.token);
    m_verified.append({token, resource});
    qCInfo(lcAuth).noquote() << "verified token held in memory for"
                             << token.scopes.join(QLatin1Char(' '))
                             << (resource.isValid()
                                     ? resource.typeName() + QLatin1Char(' ') + resource.id
                                     : QStringLiteral("any resource"))
                             << "until" << token.expiresAt.toString(Qt::ISODate);
    scheduleExpiry();
    emit verifiedTokensChanged(verifiedCount());
}

void Credentials::reject(const RequiredAccess &access)
{
    if (m_session->isActive() && !m_session->isExpired() && m_session->hasScopes(access.scopes)) {
        m_session->reportUnauthorized();
        return;
    }
    const Verified *verified = findVerified(access);
    if (!verified)
        return;
    qCInfo(lcAuth) << "the server refused a verified token: dropping it";
    SecretRedactor::forget(verified->token.token);
    m_verified.removeAt(verified - m_verified.constData());
    scheduleExpiry();
    emit verifiedTokensChanged(verifiedCount());
}

void Credentials::forgetVerified()
{
    if (m_verified.isEmpty())
        return;
    for (const Verified &verified : std::as_const(m_verified))
        SecretRedactor::forget(verified.token.token);
    m_verified.clear();
    m_expiryTimer.stop();
    qCInfo(lcAuth) << "verified tokens forgotten";
    emit verifiedTokensChanged(0);
}

void Credentials::dropExpired()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto expired = [&](const Verified &v) {
        if (!v.token.isExpired(now))
            return false;
        SecretRedactor::forget(v.token.token);
        return true;
    };
    const qsizetype removed = m_verified.removeIf(expired);
    scheduleExpiry();
    if (removed > 0) {
        qCInfo(lcAuth) << removed << "verified token(s) expired";
        emit verifiedTokensChanged(verifiedCount());
    }
}

void Credentials::scheduleExpiry()
{
    if (m_verified.isEmpty()) {
        m_expiryTimer.stop();
        return;
    }
    QDateTime first = m_verified.first().token.expiresAt;
    for (const Verified &verified : std::as_const(m_verified))
        first = std::min(first, verified.token.expiresAt);
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(first);
    m_expiryTimer.start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
}

} // namespace tessera
