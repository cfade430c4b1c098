#pragma once

#include "Environment.h"
#include "Provisioning.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tessera {
class TokenStore;
}

namespace tessera::ui {

// Chooses the environment: the demo, Unit's sandbox (with a support person's org token, kept
// in the keychain), production or a custom server (both through the bank's token broker).
// Addresses must be https, except on this computer. Also: after how many idle minutes the app
// locks itself, and how long a two-factor confirmation lasts.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const Environment &current, TokenStore *tokenStore, QWidget *parent = nullptr);

    Environment environment() const;
    // A bank set the environment and its broker (Provisioning): both show, read-only.
    void setProvisioning(const Provisioning &provisioning);
    bool isProvisioned() const { return m_provisioned; }
    // Minutes without input before Tessera locks (AppLock); the caller saves it on accept.
    void setIdleLockMinutes(int minutes);
    int idleLockMinutes() const;
    // Minutes a two-factor confirmation (verified token) lasts; the caller saves it on accept.
    void setConfirmationMinutes(int minutes);
    int confirmationMinutes() const;

    void accept() override;

private:
    void updateFields();
    void showError(const QString &message);

    TokenStore *m_tokenStore;
    QComboBox *m_kind;
    QLineEdit *m_apiUrl;
    QLineEdit *m_brokerUrl;
    QLineEdit *m_orgToken;
    QSpinBox *m_idleLock;
    QSpinBox *m_confirmation;
    QLabel *m_apiUrlLabel;
    QLabel *m_brokerUrlLabel;
    QLabel *m_orgTokenLabel;
    QLabel *m_orgTokenNote;
    QLabel *m_error;
    QLabel *m_provisionedNote;
    QDialogButtonBox *m_buttons;
    QString m_customApiUrl;
    bool m_provisioned = false;
};

} // namespace tessera::ui
