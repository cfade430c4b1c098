#pragma once

#include "RequiredAccess.h"
#include "StoredToken.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace tessera {

class Session;

// Which bearer token a call gets. The sign-in token (Session; kept in the keychain) serves
// every call its scopes cover. A 2FA call needs a verified token: minted with a one-time code
// for minutes, restricted to the card or account acted on, and held here in memory only —
// never written anywhere. A verified token is dropped when it expires, on lock, on sign-out and
// on quit.
class Credentials : public QObject
{
    Q_OBJECT
public:
    explicit Credentials(Session *session, QObject *parent = nullptr);
    ~Credentials() override;

    // The token for a call that needs `access`, picked when the request goes out: the sign-in
    // token when its scopes cover it; else an unexpired verified token with those scopes,
    // restricted to the call's resource (or to none). Empty when neither will do.
    QString bearerFor(const RequiredAccess &access) const;
    bool covers(const RequiredAccess &access) const { return !bearerFor(access).isEmpty(); }

    void addVerified(const StoredToken &token, const TokenResource &resource);
    // How many verified tokens are held (for tests and the lock).
    int verifiedCount() const { return int(m_verified.size()); }
    // Unit refused the token a call with this access used (401): forget it. For the sign-in
    // token that ends the session's validity (it is renewed with the sign-in scopes only).
    void reject(const RequiredAccess &access);
    // Lock, sign-out, quit: every verified token goes.
    void forgetVerified();

signals:
    void verifiedTokensChanged(int count);

private:
    struct Verified
    {
        StoredToken token;
        TokenResource resource;
    };
    const Verified *findVerified(const RequiredAccess &access) const;
    void dropExpired();
    void scheduleExpiry();

    Session *m_session;
    QList<Verified> m_verified;
    QTimer m_expiryTimer;
};

} // namespace tessera
