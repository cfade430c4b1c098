#pragma once

#include "Authenticator.h"
#include "Environment.h"
#include "OtpDialog.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace tessera {
class AppLock;
class Backend;
} // namespace tessera

namespace tessera::ui {

class AccountsPage;
class ActivityPage;
class CardsPage;
class LockView;
class SignInPage;

// The application window: the sign-in page until a customer is signed in, then their page.
// Owns the one place where the one-time-code dialog opens, for sign-in, step-up, renewal and
// unlocking. While the app is locked (AppLock) the lock view replaces every page and the
// windows that show the customer's data are hidden until a code unlocks it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Backend *backend, QWidget *parent = nullptr);

    OtpDialog *otpDialog() const { return m_otpDialog; }
    CardsPage *cardsPage() const { return m_cardsPage; }
    // The Accounts and Activity pages are built the first time they show (or are asked for
    // here), not with the window: the first screen is the cards.
    AccountsPage *accountsPage();
    ActivityPage *activityPage();
    // Whether the page was built yet (for the tests of building on first show).
    bool hasAccountsPage() const { return m_accountsPage; }
    bool hasActivityPage() const { return m_activityPage; }
    // What the window shows: the sign-in page, the lock view, or the customer's page in view
    // (Cards, Accounts or Activity).
    QWidget *currentPage() const;
    // The signed-in customer's pages: Cards, Accounts, Activity.
    QTabWidget *customerTabs() const { return m_customerTabs; }
    // Shows the card's activity in the Activity tab.
    void openCardActivity(const tessera::Card &card);
    Backend *backend() const { return m_backend; }
    AppLock *appLock() const { return m_lock; }
    void openSettings();
    void openCreateCardWizard();
    void openReplaceCardDialog(const tessera::Card &card);

signals:
    // The user saved another environment; the application restarts into it.
    void environmentChanged(const tessera::Environment &environment);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showSignedIn();
    void showSignIn();
    // The page the state calls for: sign-in, lock view or the customer's cards (loaded the
    // first time they show after a sign-in, so a sign-in that starts locked loads nothing).
    void showCurrentPage();
    // Built when first shown: a relaunch that finds its sign-in in the keychain never shows it.
    SignInPage *signInPage();
    // Whether the restoring page stays up a moment longer: the cards are on their way.
    bool waitsForCards(QWidget *page) const;
    void applyLock(bool locked);
    void hideCustomerWindows();
    void restoreCustomerWindows();
    QString lockKey() const;
    // Opens once the code has gone out, never before: a code that could not be sent is said
    // where the customer is looking instead (codeNotSent).
    void openOtpDialog(Authenticator::Purpose purpose, const QString &customerId,
                       Authenticator::Channel channel);
    void showCodeNotSent(Authenticator::Purpose purpose, const QString &message);
    void updateExpiry();
    void showKeychainProblem(const QString &message);
    void showStatusMessage(const QString &message);
    void showCustomerTab(QWidget *tab);
    // Puts the page built on first show in the place of its tab's placeholder.
    void replaceTab(int index, QWidget *page);

    Backend *m_backend;
    QStackedWidget *m_pages;
    SignInPage *m_signInPage = nullptr;
    // While the keychain is asked for the saved sign-in (it may ask for the keyring's password).
    QWidget *m_restoringPage;
    QTabWidget *m_customerTabs;
    CardsPage *m_cardsPage;
    AccountsPage *m_accountsPage = nullptr;
    ActivityPage *m_activityPage = nullptr;
    LockView *m_lockView;
    AppLock *m_lock;
    QLabel *m_badge;
    QLabel *m_expiry;
    QLabel *m_keychainWarning;
    QLabel *m_message;
    QPushButton *m_statusSignOut;
    QAction *m_signOutAction;
    QAction *m_lockAction;
    QPointer<OtpDialog> m_otpDialog;
    QTimer m_expiryTicker;
    QTimer m_messageTimer;
    // A relaunch goes from "Opening your saved sign-in…" to the cards once they are in, not
    // through their loading state, unless they take longer than this timer.
    QTimer m_cardsWait;
    // Dialogs hidden by the lock, shown again when it is unlocked.
    QList<QPointer<QWidget>> m_hiddenWindows;
    // A status message that came while locked (it may name a card): shown after unlocking.
    QString m_heldMessage;
    bool m_cardsActive = false;
    bool m_accountsActive = false;
    bool m_freshSignIn = false;
    bool m_locking = false;
};

} // namespace tessera::ui
