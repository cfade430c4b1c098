#pragma once

#include "IdentityProvider.h"

#include <QFrame>
#include <QUrl>

class QLabel;
class QPushButton;

namespace tessera {
class Backend;
class OidcSignIn;
} // namespace tessera

namespace tessera::ui {

// "Sign in with <bank>": the sign-in at the bank's identity provider, in the system browser
// (RFC 8252: never a web view inside the app, so the customer types their password only where
// their bank and browser protect it). While the browser is out, the panel says to continue
// there, offers to open the page again and to cancel; then what came of it, in plain words.
class BankSignInPanel : public QFrame
{
    Q_OBJECT
public:
    BankSignInPanel(Backend *backend, const IdentityProvider &provider, QWidget *parent = nullptr);

    // From the click until the broker answered: the rest of the page waits.
    bool isActive() const { return m_active; }
    void setBusy(bool busy);

signals:
    void activeChanged(bool active);

private:
    void start();
    void cancel();
    void openBrowser(const QUrl &url);
    void showWaiting(bool waiting);
    void showProblem(const QString &message);
    void setActive(bool active);

    Backend *m_backend;
    OidcSignIn *m_signIn;
    QPushButton *m_button;
    QFrame *m_waiting;
    QLabel *m_waitingText;
    QLabel *m_address;
    QPushButton *m_reopen;
    QLabel *m_status;
    QUrl m_authorizationUrl;
    bool m_active = false;
    bool m_exchanging = false; // the ID token went to the broker
};

} // namespace tessera::ui
