#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace tessera {
class Backend;
class CustomerListModel;
} // namespace tessera

namespace tessera::ui {

class BankSignInPanel;

// Where a customer starts.
// - Demo: the sandbox's customers to pick from.
// - Unit's sandbox (a support person's org token): a customer id, or a JWT.
// - Production and custom servers (the bank's token broker): "Sign in with <bank>" in the
//   browser when the bank has an identity provider (BankSignInPanel); the phone number or
//   email of the account, then a code sent to the phone on the account. A support person may also
//   paste an identity token (--support-sign-in). When the broker cannot be reached the page says so
//   with Try again, keeping what was typed; a bank setup that cannot be used is said instead of
//   all.
class SignInPage : public QWidget
{
    Q_OBJECT
public:
    explicit SignInPage(Backend *backend, QWidget *parent = nullptr);

    // The form keeps to this width on a wide window, so a line of it reads at a glance.
    static constexpr int ColumnMaximumWidth = 720;

    // Reloads the demo's customer list.
    void reload();

protected:
    // The demo's customer list loads when the page is first seen, and not while a saved
    // sign-in is being looked for: a relaunch that restores one makes no request for it.
    void showEvent(QShowEvent *event) override;

private:
    void buildDemoList(QVBoxLayout *layout, QLabel *intro);
    void buildCustomerIdForm(QVBoxLayout *layout, QLabel *intro);
    void buildBrokerForm(QVBoxLayout *layout, QLabel *intro);
    void addJwtField();
    void loadIfNeeded();
    void signInSelected();
    void signInWithCode();
    void signInWithJwt();
    void sendCode();
    void showBrokerProblem(const QString &message);
    void showStatus(const QString &text, bool isError);
    void updateButtons();

    Backend *m_backend;
    CustomerListModel *m_customers;
    QLabel *m_status;
    QPushButton *m_retry;
    QListView *m_list = nullptr;
    QLineEdit *m_customerId = nullptr;
    QLineEdit *m_identifier = nullptr;
    QRadioButton *m_byText = nullptr;
    QRadioButton *m_byCall = nullptr;
    QFrame *m_brokerProblem = nullptr;
    QLabel *m_brokerProblemText = nullptr;
    BankSignInPanel *m_bankSignIn = nullptr; // when the bank has an identity provider
    QPlainTextEdit *m_jwt = nullptr;
    QPushButton *m_signIn;
    QPushButton *m_signInJwt = nullptr;
    bool m_loading = false;
    bool m_unusable = false; // the bank's setup cannot be used: nothing to sign in to
};

} // namespace tessera::ui
