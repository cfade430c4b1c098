#pragma once

#include "Authenticator.h"
#include "Environment.h"
#include "OtpDialog.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace tessera {
class Backend;
}

namespace tessera::ui {

class SignInPage;
class CardsPage;

// The application window: the sign-in page until a customer is signed in, then their page.
// Owns the one place where the one-time-code dialog opens, for sign-in, step-up and renewal.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Backend *backend, QWidget *parent = nullptr);

    OtpDialog *otpDialog() const { return m_otpDialog; }
    CardsPage *cardsPage() const { return m_cardsPage; }
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
    void openOtpDialog(Authenticator::Purpose purpose, const QString &customerId);
    void updateExpiry();
    void showKeychainProblem(const QString &message);
    void showStatusMessage(const QString &message);

    Backend *m_backend;
    QStackedWidget *m_pages;
    SignInPage *m_signInPage;
    CardsPage *m_cardsPage;
    QLabel *m_badge;
    QLabel *m_expiry;
    QLabel *m_keychainWarning;
    QLabel *m_message;
    QPushButton *m_statusSignOut;
    QAction *m_signOutAction;
    QPointer<OtpDialog> m_otpDialog;
    QTimer m_expiryTicker;
    QTimer m_messageTimer;
};

} // namespace tessera::ui
