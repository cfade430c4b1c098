#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace tessera {
class Backend;
class CustomerListModel;
} // namespace tessera

namespace tessera::ui {

// Where a customer starts. In the demo it lists the sandbox's customers to pick from; in other
// environments it takes a customer id, or a JWT from the bank's identity provider.
class SignInPage : public QWidget
{
    Q_OBJECT
public:
    explicit SignInPage(Backend *backend, QWidget *parent = nullptr);

    // Reloads the demo's customer list.
    void reload();

protected:
    // The demo's customer list loads when the page is first seen, and not while a saved
    // sign-in is being looked for: a relaunch that restores one makes no request for it.
    void showEvent(QShowEvent *event) override;

private:
    void loadIfNeeded();
    void signInSelected();
    void signInWithCode();
    void signInWithJwt();
    void showStatus(const QString &text, bool isError);
    void updateButtons();

    Backend *m_backend;
    CustomerListModel *m_customers;
    QLabel *m_status;
    QPushButton *m_retry;
    QListView *m_list = nullptr;
    QLineEdit *m_customerId = nullptr;
    QPlainTextEdit *m_jwt = nullptr;
    QPushButton *m_signIn;
    QPushButton *m_signInJwt = nullptr;
    bool m_loading = false;
};

} // namespace tessera::ui
