#pragma once

#include "Account.h"

#include <optional>
#include <QPointer>
#include <QWizardPage>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace tessera {
class ApiJob;
class Backend;
} // namespace tessera

namespace tessera::ui {

// Picks the deposit account a new card draws on. Every deposit account the customer has is
// listed so that a closed or frozen one is not a mystery, but only open ones can be chosen.
class FundingAccountPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit FundingAccountPage(Backend *backend, QWidget *parent = nullptr);
    ~FundingAccountPage() override;

    void initializePage() override;
    bool isComplete() const override;

    std::optional<Account> selectedAccount() const;
    bool isLoading() const { return !m_job.isNull(); }
    // "Maya Thompson Checking ******0401": how the account reads in summaries.
    static QString describe(const Account &account);

public slots:
    void reload();

private:
    void onLoaded();
    void showAccounts(const QList<Account> &accounts);
    void showProblem(const QString &message, bool retryable);

    Backend *m_backend;
    QLabel *m_status;
    QProgressBar *m_busy;
    QLabel *m_error;
    QPushButton *m_retry;
    QListWidget *m_list;
    QList<Account> m_accounts;
    QPointer<ApiJob> m_job;
    bool m_loaded = false;
};

} // namespace tessera::ui
