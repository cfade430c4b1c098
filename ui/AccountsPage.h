#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace tessera {
class AccountsModel;
class Backend;
class StatementDownload;
class StatementsModel;
struct Account;
} // namespace tessera

namespace tessera::ui {

// The customer's deposit accounts with their available balance, current balance and holds;
// for the selected account, its monthly statements, each saved as a PDF where the customer
// chooses and opened in the system's viewer, and a way to its activity.
class AccountsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AccountsPage(Backend *backend, QWidget *parent = nullptr);

    AccountsModel *model() const { return m_accounts; }
    StatementsModel *statements() const { return m_statements; }
    // Loads the accounts (again).
    void activate();
    void reset();
    // Saves the selected statement to `filePath` (what the save dialog does once a file is
    // chosen) and opens it when saved.
    void saveStatement(const QString &filePath);

signals:
    void activityRequested(const QString &accountId, const QString &title);
    void statusMessage(const QString &message);

private:
    void showSelected();
    void chooseStatementFile();
    void updateStatementState();

    Backend *m_backend;
    AccountsModel *m_accounts;
    StatementsModel *m_statements;
    QListView *m_list;
    QLabel *m_accountsProblem;
    QLabel *m_statementsTitle;
    QListView *m_statementList;
    QLabel *m_statementsNote;
    QPushButton *m_showActivity;
    QPushButton *m_saveStatement;
    QPointer<StatementDownload> m_download;
};

} // namespace tessera::ui
