#pragma once

#include "StoredToken.h"

#include <QObject>
#include <QTimer>

namespace tessera {

// The signed-in customer: who, with which token and scopes, until when. Warns ahead of expiry
// and ends itself at expiry; a 401 from any call counts as expiry too.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);

    void begin(const StoredToken &token);
    void end();

    // Active: a customer is signed in, even if their token has run out (they can renew it).
    bool isActive() const { return !m_token.token.isEmpty(); }
    bool isExpired() const { return m_expired || m_token.isExpired(); }
    const StoredToken &token() const { return m_token; }
    QString customerId() const { return m_token.customerId; }
    QStringList scopes() const { return m_token.scopes; }
    QDateTime expiresAt() const { return m_token.expiresAt; }
    qint64 secondsLeft() const;
    bool hasScopes(const QStringList &scopes) const;

    // How long before expiry expiringSoon() fires; 5 minutes unless changed.
    void setWarningLead(int seconds) { m_warningLeadSeconds = seconds; }

    // Any call that got 401 reports it here: the token is no longer good.
    void reportUnauthorized();

signals:
    void began();
    void expiringSoon(qint64 secondsLeft);
    void expired();
    void ended();

private:
    void schedule();
    void expireNow();

    StoredToken m_token;
    QTimer m_warningTimer;
    QTimer m_expiryTimer;
    int m_warningLeadSeconds = 300;
    bool m_expired = false;
};

} // namespace tessera
