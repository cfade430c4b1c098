#pragma once

#include "Authenticator.h"

#include <QDialog>
#include <QTimer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace tessera::ui {

// Asks the customer for the one-time code Unit sent them. Drives an Authenticator: submits the
// code, resends it (SMS or voice call, after a 30-second cooldown) and cancels. A wrong or
// expired code shows inline and the typed code stays for correction.
class OtpDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int ResendCooldownSeconds = 30;

    OtpDialog(Authenticator *authenticator, Authenticator::Purpose purpose,
              const QString &phoneHint, QWidget *parent = nullptr);

    // Demo and sandbox environments send no SMS; the code there is always 000001.
    void setSandboxHint(bool visible);
    // The code went out (the dialog opens only once it has): say how, start the resend wait.
    void showSent(tessera::Authenticator::Channel channel);
    int cooldownRemaining() const { return m_cooldownLeft; }

    // Keeps digits only, at most six: typing, "000 001" and "000-001" pastes all work.
    static QString digitsOnly(const QString &text);

protected:
    void reject() override;

private:
    void submit();
    void resend();
    void startCooldown();
    void tickCooldown();
    void refreshResendButton();
    void setBusy(bool busy);
    void showError(const QString &message);
    void updateVerifyButton();
    Authenticator::Channel channel() const;

    Authenticator *m_authenticator;
    QLabel *m_explanation;
    QLabel *m_sentTo;
    QLabel *m_sandboxHint;
    QLineEdit *m_code;
    QLabel *m_error;
    QRadioButton *m_sms;
    QRadioButton *m_call;
    QPushButton *m_resend;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
    QPushButton *m_verify;
    QTimer m_cooldownTimer;
    int m_cooldownLeft = 0;
    bool m_closing = false;
    bool m_isBusy = false;
    bool m_submitWhenReady = false;
    bool m_verifying = false;
};

} // namespace tessera::ui
