#include "FundingAccountPage.h"

#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "Money.h"
#include "Style.h"
#include "UserFacingError.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int AccountIdRole = Qt::UserRole;

QString unavailableReason(const Account &account)
{
    switch (account.status) {
    case AccountStatus::Closed:
        return FundingAccountPage::tr("Closed — cards can only draw on open accounts");
    case AccountStatus::Frozen:
        return FundingAccountPage::tr("Frozen — cards can only draw on open accounts");
    case AccountStatus::Open:
        return {};
    case AccountStatus::Unknown:
        break;
    }
    return FundingAccountPage::tr("%1 — cards can only draw on open accounts")
        .arg(account.statusName.isEmpty() ? FundingAccountPage::tr("Unavailable")
                                          : account.statusName);
}

} // namespace

FundingAccountPage::FundingAccountPage(Backend *backend, QWidget *parent)
    : QWizardPage(parent)
    , m_backend(backend)
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_error(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("fundingAccountPage"));
    setTitle(tr("Choose the account"));
    setSubTitle(tr("Purchases and withdrawals with the card are paid from this account."));

    m_status->setObjectName(QStringLiteral("accountsStatus"));
    m_status->setWordWrap(true);
    m_busy->setObjectName(QStringLiteral("accountsLoading"));
    Style::makeBusyBar(m_busy);
    m_busy->setAccessibleName(tr("Loading accounts"));
    m_busy->hide();

    m_error->setObjectName(QStringLiteral("accountsError"));
    m_error->setWordWrap(true);
    Style::markAsError(m_error);
    m_error->hide();
    m_retry->setObjectName(QStringLiteral("accountsRetry"));
    m_retry->setAccessibleName(tr("Retry loading accounts"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &FundingAccountPage::reload);

    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setWordWrap(true);
    m_list->setSpacing(3);
    // A click makes the row current before it selects it; follow both.
    connect(m_list, &QListWidget::currentRowChanged, this, &QWizardPage::completeChanged);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &QWizardPage::completeChanged);

    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_retry, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addLayout(errorRow);
    layout->addWidget(m_list, 1);
}

FundingAccountPage::~FundingAccountPage()
{
    // ~ApiReply stops the request without reporting to this half-destroyed object.
    delete m_job;
}

void FundingAccountPage::initializePage()
{
    // Coming back to this page keeps the list and the choice; only a first visit loads.
    if (!m_loaded && !isLoading())
        reload();
}

bool FundingAccountPage::isComplete() const
{
    return selectedAccount().has_value();
}

std::optional<Account> FundingAccountPage::selectedAccount() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !item->isSelected() || !(item->flags() & Qt::ItemIsEnabled))
        return std::nullopt;
    const QString id = item->data(AccountIdRole).toString();
    for (const Account &account : m_accounts) {
        if (account.id == id && account.status == AccountStatus::Open)
            return account;
    }
    return std::nullopt;
}

QString FundingAccountPage::describe(const Account &account)
{
    return tr("%1 %2").arg(account.name, account.maskedAccountNumber());
}

void FundingAccountPage::reload()
{
    if (isLoading())
        return;
    m_error->hide();
    m_retry->hide();
    m_status->setText(tr("Loading your accounts…"));
    m_status->show();
    m_busy->show();
    ApiClient *api = m_backend->api();
    m_job = m_backend->startJob([api] { return api->listAccounts(); }, this);
    connect(m_job, &ApiJob::finished, this, &FundingAccountPage::onLoaded);
}

void FundingAccountPage::onLoaded()
{
    ApiJob *job = m_job;
    m_job = nullptr;
    job->deleteLater();
    m_busy->hide();
    if (!job->hasError()) {
        m_loaded = true;
        showAccounts(job->valueAs<AccountPage>().items);
        return;
    }
    if (job->isCancelled()) {
        showProblem(tr("Your accounts could not be loaded because the sign-in was not renewed."),
                    true);
        return;
    }
    showProblem(
        tr("Your accounts could not be loaded: %1").arg(UserFacingError(job->error()).message()),
        true);
}

void FundingAccountPage::showAccounts(const QList<Account> &accounts)
{
    m_accounts.clear();
    for (const Account &account : accounts) {
        if (account.isDeposit())
            m_accounts.append(account);
    }
    // Open accounts first: they are the ones to choose from.
    std::stable_sort(m_accounts.begin(), m_accounts.end(), [](const Account &a, const Account &b) {
        return (a.status == AccountStatus::Open) > (b.status == AccountStatus::Open);
    });

    m_list->clear();
    int openCount = 0;
    int openRow = -1;
    for (const Account &account : std::as_const(m_accounts)) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(AccountIdRole, account.id);
        const QString name =
            account.name.isEmpty() ? tr("Account %1").arg(account.id) : account.name;
        if (account.status == AccountStatus::Open) {
            item->setText(
                tr("%1\n%2 · %3 available")
                    .arg(name, account.maskedAccountNumber(), Money::format(account.available)));
            ++openCount;
            openRow = m_list->row(item);
        } else {
            item->setText(
                tr("%1\n%2 · %3")
                    .arg(name, account.maskedAccountNumber(), unavailableReason(account)));
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        }
        item->setToolTip(item->text());
    }

    if (openCount == 0) {
        showProblem(m_accounts.isEmpty()
                        ? tr("You have no deposit account a card could draw on.")
                        : tr("None of your accounts is open, so no card can be created."),
                    false);
        m_status->hide();
    } else {
        m_status->setText(tr("Choose one of your open accounts."));
        if (openCount == 1)
            m_list->setCurrentRow(openRow);
    }
    emit completeChanged();
}

void FundingAccountPage::showProblem(const QString &message, bool retryable)
{
    m_status->hide();
    m_error->setText(message);
    m_error->show();
    m_retry->setVisible(retryable);
    emit completeChanged();
}

} // namespace tessera::ui
