#include "AccountsPage.h"

#include "AccountDelegate.h"
#include "AccountsModel.h"
#include "Backend.h"
#include "StatementDownload.h"
#include "StatementsModel.h"
#include "Style.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace tessera::ui {

AccountsPage::AccountsPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_accounts(new AccountsModel(backend->api(), backend->authenticator(), this))
    , m_statements(new StatementsModel(backend->api(), backend->authenticator(), this))
    , m_list(new QListView(this))
    , m_accountsProblem(new QLabel(this))
    , m_statementsTitle(new QLabel(tr("Statements"), this))
    , m_statementList(new QListView(this))
    , m_statementsNote(new QLabel(this))
    , m_showActivity(new QPushButton(tr("Show &activity"), this))
    , m_saveStatement(new QPushButton(tr("&Save as PDF…"), this))
{
    setObjectName(QStringLiteral("accountsPage"));

    auto *title = new QLabel(tr("Your accounts"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setModel(m_accounts);
    m_list->setItemDelegate(new AccountDelegate(m_list));
    Style::makeRowList(m_list, false);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::showSelected);
    connect(m_list, &QListView::activated, m_showActivity, &QPushButton::click);
    m_accountsProblem->setObjectName(QStringLiteral("accountsProblem"));
    m_accountsProblem->setWordWrap(true);
    Style::markAsError(m_accountsProblem);
    m_accountsProblem->hide();

    m_showActivity->setObjectName(QStringLiteral("showAccountActivityButton"));
    m_showActivity->setEnabled(false);
    connect(m_showActivity, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_list->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        emit activityRequested(rows.first().data(AccountsModel::AccountRole).value<Account>().id,
                               rows.first().data(AccountsModel::NameRole).toString());
    });

    QFont sectionFont = m_statementsTitle->font();
    sectionFont.setBold(true);
    m_statementsTitle->setFont(sectionFont);
    m_statementList->setObjectName(QStringLiteral("statementList"));
    m_statementList->setAccessibleName(tr("Statements"));
    m_statementList->setModel(m_statements);
    m_statementList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_statementList->setSpacing(3);
    connect(m_statementList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::updateStatementState);
    connect(m_statementList, &QListView::activated, this, &AccountsPage::chooseStatementFile);
    m_statementsNote->setObjectName(QStringLiteral("statementsNote"));
    m_statementsNote->setWordWrap(true);
    m_saveStatement->setObjectName(QStringLiteral("saveStatementButton"));
    m_saveStatement->setToolTip(tr("Save the selected statement as a PDF file and open it"));
    connect(m_saveStatement, &QPushButton::clicked, this, &AccountsPage::chooseStatementFile);
    connect(m_statements, &StatementsModel::loaded, this, &AccountsPage::updateStatementState);
    connect(m_statements, &StatementsModel::failed, this, [this](const QString &message) {
        Style::markAsError(m_statementsNote);
        m_statementsNote->setText(message);
    });
    connect(m_accounts, &AccountsModel::loaded, this, [this] {
        m_accountsProblem->hide();
        if (!m_list->selectionModel()->hasSelection() && m_accounts->rowCount() > 0)
            m_list->setCurrentIndex(m_accounts->index(0));
    });
    connect(m_accounts, &AccountsModel::failed, this, [this](const QString &message) {
        m_accountsProblem->setText(message);
        m_accountsProblem->show();
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_accountsProblem);
    leftLayout->addWidget(m_list, 1);
    auto *activityRow = new QHBoxLayout;
    activityRow->addStretch();
    activityRow->addWidget(m_showActivity);
    leftLayout->addLayout(activityRow);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    rightLayout->addWidget(m_statementsTitle);
    rightLayout->addWidget(m_statementList, 1);
    rightLayout->addWidget(m_statementsNote);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_saveStatement);
    rightLayout->addLayout(saveRow);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->addWidget(title);
    layout->addWidget(splitter, 1);
    updateStatementState();
}

void AccountsPage::activate()
{
    m_accounts->reload();
}

void AccountsPage::reset()
{
    if (m_download)
        m_download->cancel();
    m_statements->setAccountId({});
    m_accounts->reload();
}

void AccountsPage::showSelected()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    m_showActivity->setEnabled(!rows.isEmpty());
    if (rows.isEmpty())
        return;
    const Account account = rows.first().data(AccountsModel::AccountRole).value<Account>();
    m_statementsTitle->setText(
        tr("Statements of %1").arg(rows.first().data(AccountsModel::NameRole).toString()));
    m_statements->setAccountId(account.id);
    m_statements->reload();
    updateStatementState();
}

void AccountsPage::updateStatementState()
{
    const bool selected = m_statementList->selectionModel()->hasSelection();
    m_saveStatement->setEnabled(selected && !m_download);
    Style::markAsError(m_statementsNote, false);
    if (m_download)
        m_statementsNote->setText(tr("Saving the statement…"));
    else if (m_statements->rowCount() == 0)
        m_statementsNote->setText(tr("No statements yet: one comes at the end of each month."));
    else
        m_statementsNote->setText(
            tr("Statements are saved only where you choose, readable by you alone."));
}

void AccountsPage::chooseStatementFile()
{
    const QModelIndexList rows = m_statementList->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_download)
        return;
    const Statement *statement = m_statements->statementAt(rows.first().row());
    if (!statement)
        return;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(documents).filePath(QStringLiteral("statement-%1.pdf").arg(statement->period));
    auto *dialog = new QFileDialog(this, tr("Save statement"), suggested, tr("PDF files (*.pdf)"));
    dialog->setObjectName(QStringLiteral("statementFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->selectFile(suggested);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &AccountsPage::saveStatement);
    dialog->open();
}

void AccountsPage::saveStatement(const QString &filePath)
{
    const QModelIndexList rows = m_statementList->selectionModel()->selectedRows();
    const Statement *statement =
        rows.isEmpty() ? nullptr : m_statements->statementAt(rows.first().row());
    if (!statement || m_download)
        return;
    auto *download = new StatementDownload(m_backend->api(), m_backend->authenticator(), this);
    m_download = download;
    connect(download, &StatementDownload::finished, this, [this, download](const QString &path) {
        download->deleteLater();
        m_download.clear();
        updateStatementState();
        m_statementsNote->setText(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
        emit statusMessage(tr("Statement saved to %1.").arg(QFileInfo(path).fileName()));
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    connect(download, &StatementDownload::failed, this, [this, download](const QString &message) {
        download->deleteLater();
        m_download.clear();
        updateStatementState();
        Style::markAsError(m_statementsNote);
        m_statementsNote->setText(message);
    });
    download->start(*statement, filePath);
    updateStatementState();
}

} // namespace tessera::ui
