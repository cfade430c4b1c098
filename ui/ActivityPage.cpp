#include "ActivityPage.h"

#include "ActivityDelegate.h"
#include "ActivityDetailsPanel.h"
#include "ActivityExport.h"
#include "ActivityFilterBar.h"
#include "ActivityModel.h"
#include "Backend.h"
#include "Environment.h"
#include "Money.h"
#include "PurchaseSimulation.h"
#include "SimulatePurchaseDialog.h"
#include "Style.h"
#include "UserFacingError.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace tessera::ui {

ActivityPage::ActivityPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ActivityModel(backend->api(), backend->authenticator(), this))
    , m_title(new QLabel(this))
    , m_count(new QLabel(this))
    , m_filters(new ActivityFilterBar(this))
    , m_states(new QStackedWidget(this))
    , m_list(new QListView(this))
    , m_emptyText(new QLabel(this))
    , m_errorText(new QLabel(this))
    , m_pageLoading(new QProgressBar(this))
    , m_details(new ActivityDetailsPanel(this))
    , m_export(new QPushButton(tr("E&xport CSV…"), this))
    , m_simulate(new QPushButton(tr("Simulate a &purchase…"), this))
    , m_simulationStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("activityPage"));

    m_title->setObjectName(QStringLiteral("activityTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_count->setObjectName(QStringLiteral("activityCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    m_export->setToolTip(tr("Save the activity the filters show as a spreadsheet file (CSV)"));
    connect(m_export, &QPushButton::clicked, this, &ActivityPage::exportCsv);
    m_simulate->setObjectName(QStringLiteral("simulatePurchaseButton"));
    m_simulate->setToolTip(tr("Sandbox only: a merchant charges this card, as in a shop"));
    connect(m_simulate, &QPushButton::clicked, this, &ActivityPage::simulatePurchase);
    m_simulate->hide();
    m_simulationStatus->setObjectName(QStringLiteral("simulationStatus"));
    m_simulationStatus->setWordWrap(true);
    m_simulationStatus->hide();

    auto *refreshAction =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &ActivityPage::refresh);
    addAction(refreshAction);

    m_list->setObjectName(QStringLiteral("activityList"));
    m_list->setAccessibleName(tr("Activity"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ActivityDelegate(m_list));
    Style::makeRowList(m_list);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ActivityPage::showSelected);

    m_loading = Style::loadingState(this, "activityLoading", tr("Loading activity…"));

    m_emptyText->setObjectName(QStringLiteral("activityEmptyText"));
    m_empty = Style::messageState(this, "activityEmpty", m_emptyText);
    auto *retry = new QPushButton(tr("&Try again"), this);
    retry->setObjectName(QStringLiteral("activityRetryButton"));
    connect(retry, &QPushButton::clicked, m_model, &ActivityModel::retry);
    m_errorText->setObjectName(QStringLiteral("activityErrorText"));
    m_error = Style::messageState(this, "activityError", m_errorText, {retry});
    auto *noScopeText = new QLabel(tr("Choose a card or an account to see its activity."), this);
    m_noScope = Style::messageState(this, "activityNoScope", noScopeText);

    m_states->addWidget(m_noScope);
    m_states->addWidget(m_loading);
    m_states->addWidget(m_list);
    m_states->addWidget(m_empty);
    m_states->addWidget(m_error);

    m_pageLoading->setObjectName(QStringLiteral("activityPageLoading"));
    Style::makeBusyBar(m_pageLoading);
    QSizePolicy keepSpace = m_pageLoading->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_pageLoading->setSizePolicy(keepSpace);
    m_pageLoading->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_count);
    header->addWidget(m_simulate);
    header->addWidget(m_export);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(2);
    leftLayout->addWidget(m_simulationStatus);
    leftLayout->addWidget(m_pageLoading);
    leftLayout->addWidget(m_states, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->addLayout(header);
    layout->addWidget(m_filters);
    layout->addWidget(splitter, 1);

    connect(m_filters, &ActivityFilterBar::filterChanged, this,
            [this](const ActivityFilter &filter) {
                m_details->clear();
                m_model->setFilter(filter);
            });
    connect(m_model, &ActivityModel::stateChanged, this, &ActivityPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPage::updateState);
    updateState();
}

ActivityScope ActivityPage::scope() const
{
    return m_model->scope();
}

void ActivityPage::showCard(const Card &card, const QString &title)
{
    m_card = card;
    show(ActivityScope::forCard(card), title);
}

void ActivityPage::showAccount(const QString &accountId, const QString &title)
{
    m_card.reset();
    show(ActivityScope::forAccount(accountId), title);
}

void ActivityPage::show(const ActivityScope &scope, const QString &title)
{
    m_title->setText(title);
    // Simulations need the environment's org token: Unit's sandbox and the demo, never a bank.
    m_simulate->setVisible(m_card && m_backend->environment().usesOrgToken());
    const bool sameScope = m_hasScope && m_model->scope() == scope;
    m_hasScope = true;
    if (sameScope)
        return;
    m_details->clear();
    m_simulationStatus->hide();
    m_model->setScope(scope);
    if (!m_model->hasLoadedOnce() && m_model->state() == ActivityModel::State::Idle)
        m_model->reload();
    updateState();
}

void ActivityPage::refresh()
{
    if (!m_hasScope)
        return;
    m_details->clear();
    m_model->reload();
}

void ActivityPage::reset()
{
    m_hasScope = false;
    m_card.reset();
    m_title->clear();
    m_details->clear();
    m_simulationStatus->hide();
    m_filters->clear();
    if (m_exportJob)
        m_exportJob->cancel();
    delete m_simulation;
    m_model->setScope({});
    updateState();
}

void ActivityPage::updateState()
{
    const ActivityModel::State state = m_model->state();
    const bool hasRows = m_model->rowCount() > 0;
    m_pageLoading->setVisible(state == ActivityModel::State::Loading && hasRows);
    m_export->setEnabled(m_hasScope && hasRows);
    if (!m_hasScope) {
        m_states->setCurrentWidget(m_noScope);
    } else if (hasRows) {
        m_states->setCurrentWidget(m_list);
    } else if (state == ActivityModel::State::Error) {
        const UserFacingError error(m_model->lastError());
        m_errorText->setText(error.message());
        m_states->setCurrentWidget(m_error);
    } else if (state == ActivityModel::State::Loading || !m_model->hasLoadedOnce()) {
        m_states->setCurrentWidget(m_loading);
    } else {
        m_emptyText->setText(m_model->filter().isEmpty()
                                 ? tr("No activity yet.")
                                 : tr("Nothing matches these filters. Clear them to see all "
                                      "activity."));
        m_states->setCurrentWidget(m_empty);
    }
    updateCount();
}

void ActivityPage::updateCount()
{
    const int total = m_model->totalTransactions();
    m_count->setText(m_hasScope && total >= 0 ? tr("%n transaction(s)", nullptr, total)
                                              : QString());
}

void ActivityPage::showSelected()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    const ActivityEntry *entry = rows.isEmpty() ? nullptr : m_model->entryAt(rows.first().row());
    if (entry)
        m_details->showEntry(*entry);
    else
        m_details->clear();
}

void ActivityPage::exportCsv()
{
    if (m_exportJob)
        return;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(documents).filePath(
        QStringLiteral("activity-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    auto *dialog = new QFileDialog(this, tr("Export activity"), suggested, tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(suggested);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ActivityPage::startExport);
    dialog->open();
}

void ActivityPage::startExport(const QString &filePath)
{
    auto *job = new ActivityExport(m_backend->api(), m_backend->authenticator(), this);
    m_exportJob = job;
    auto *progress = new QProgressDialog(tr("Exporting activity…"), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export activity"));
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, job, &ActivityExport::cancel);
    connect(job, &ActivityExport::progress, progress, [progress](int written, int total) {
        if (total > 0) {
            progress->setMaximum(total);
            progress->setValue(qMin(written, total));
        }
        progress->setLabelText(tr("Exporting activity… %L1 rows").arg(written));
    });
    const QString fileName = QFileInfo(filePath).fileName();
    const auto done = [this, job, progress] {
        progress->close();
        job->deleteLater();
    };
    connect(job, &ActivityExport::finished, this, [this, done, fileName](int rows) {
        done();
        emit statusMessage(tr("Exported %n row(s) to %1.", nullptr, rows).arg(fileName));
    });
    connect(job, &ActivityExport::cancelled, this, [this, done] {
        done();
        emit statusMessage(tr("Export cancelled; no file was written."));
    });
    connect(job, &ActivityExport::failed, this, [this, done](const QString &message) {
        done();
        QMessageBox box(QMessageBox::Warning, tr("Export activity"),
                        tr("The activity could not be exported."), QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("exportFailedMessage"));
        box.setInformativeText(message);
        box.exec();
    });
    job->start(m_model->scope(), m_model->filter(), filePath);
}

void ActivityPage::simulatePurchase()
{
    if (!m_card || m_simulation)
        return;
    SimulatePurchaseDialog dialog(*m_card, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto *simulation = new PurchaseSimulation(m_backend->tokenApi(), this);
    m_simulation = simulation;
    const QString merchant = dialog.merchantName();
    const QString amount = Money::format(dialog.amountCents());
    m_simulate->setEnabled(false);
    m_simulationStatus->show();
    Style::markAsError(m_simulationStatus, false);
    m_simulationStatus->setText(tr("Asking the card network for %1 at %2…").arg(amount, merchant));
    connect(simulation, &PurchaseSimulation::authorized, this, [this, merchant, amount] {
        m_simulationStatus->setText(
            tr("%1 at %2 is pending: the money is held until the merchant settles it.")
                .arg(amount, merchant));
        refresh();
    });
    const auto finish = [this, simulation] {
        simulation->deleteLater();
        m_simulate->setEnabled(true);
    };
    connect(simulation, &PurchaseSimulation::settled, this, [this, merchant, amount, finish] {
        finish();
        m_simulationStatus->setText(tr("%1 at %2 has settled.").arg(amount, merchant));
        refresh();
    });
    connect(simulation, &PurchaseSimulation::failed, this, [this, finish](const QString &message) {
        finish();
        Style::markAsError(m_simulationStatus);
        m_simulationStatus->setText(message);
        refresh();
    });
    simulation->start(*m_card, m_card->accountId, dialog.amountCents(), merchant);
}

} // namespace tessera::ui
