#include "CardsPage.h"

#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CardActionRunner.h"
#include "CardDelegate.h"
#include "CardDetailsPanel.h"
#include "CardsModel.h"
#include "CustomerState.h"
#include "ElidedLabel.h"
#include "Logging.h"
#include "Session.h"
#include "Style.h"
#include "UserFacingError.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

namespace tessera::ui {

namespace {

// Newest or oldest first, kept across restarts.
const QString SortKey = QStringLiteral("cards/sortOrder");

} // namespace

CardsPage::CardsPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new CardsModel(backend->api(), backend->authenticator(), this))
    , m_actions(nullptr)
    , m_greeting(new ElidedLabel(this))
    , m_statusFilter(new QComboBox(this))
    , m_sort(new QComboBox(this))
    , m_refresh(new QToolButton(this))
    , m_create(new QPushButton(tr("&Create card…"), this))
    , m_states(new QStackedWidget(this))
    , m_list(new QListView(this))
    , m_errorText(new QLabel(this))
    , m_pageLoading(new QProgressBar(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_skippedNotice(new QLabel(this))
    , m_details(new CardDetailsPanel(backend, this))
{
    setObjectName(QStringLiteral("cardsPage"));
    m_actions = new CardActionRunner(backend, m_model, this);
    m_details->setModel(m_model);

    m_greeting->setObjectName(QStringLiteral("greeting"));
    QFont greetingFont = m_greeting->font();
    greetingFont.setPointSizeF(greetingFont.pointSizeF() * 1.5);
    greetingFont.setBold(true);
    m_greeting->setFont(greetingFont);

    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Show cards"));
    m_statusFilter->addItem(tr("All cards"), QVariant());
    const QList<std::pair<QString, QList<CardStatus>>> filters = {
        {tr("Active"), {CardStatus::Active}},
        {tr("Not activated"), {CardStatus::Inactive}},
        {tr("Frozen"), {CardStatus::Frozen}},
        {tr("Lost or stolen"), {CardStatus::Lost, CardStatus::Stolen}},
        {tr("Closed"), {CardStatus::ClosedByCustomer}},
        {tr("Suspected fraud"), {CardStatus::SuspectedFraud}},
    };
    for (const auto &[label, statuses] : filters) {
        QVariantList values;
        for (CardStatus status : statuses)
            values << int(status);
        m_statusFilter->addItem(label, values);
    }
    m_sort->setObjectName(QStringLiteral("sortOrder"));
    m_sort->setAccessibleName(tr("Sort cards"));
    m_sort->addItem(tr("Newest first"), int(CardSort::NewestFirst));
    m_sort->addItem(tr("Oldest first"), int(CardSort::OldestFirst));
    if (QSettings().value(SortKey).toString() == QLatin1String("oldestFirst"))
        m_sort->setCurrentIndex(m_sort->findData(int(CardSort::OldestFirst)));
    m_model->setSort(CardSort(m_sort->currentData().toInt()));

    auto *refreshAction =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("Refresh (F5)"));
    connect(refreshAction, &QAction::triggered, this, &CardsPage::refresh);
    m_refresh->setDefaultAction(refreshAction);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addAction(refreshAction);

    m_create->setObjectName(QStringLiteral("createCardButton"));
    m_create->setShortcut(QKeySequence::New);
    m_create->setToolTip(
        tr("Create a debit card (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_create, &QPushButton::clicked, this, &CardsPage::createCardRequested);

    m_list->setObjectName(QStringLiteral("cardList"));
    m_list->setAccessibleName(tr("Cards"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new CardDelegate(m_list));
    Style::makeRowList(m_list);
    // Details follow the selection, not the current index: a list that gets the focus makes
    // its first row current without selecting it, and that alone should not load a card.
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CardsPage::showSelected);

    m_loading = Style::loadingState(this, "loadingState", tr("Loading your cards…"));

    auto *emptyCreate = new QPushButton(tr("Create card"), this);
    emptyCreate->setObjectName(QStringLiteral("emptyCreateButton"));
    connect(emptyCreate, &QPushButton::clicked, this, &CardsPage::createCardRequested);
    m_showAll = new QPushButton(tr("Show all cards"), this);
    m_showAll->setObjectName(QStringLiteral("showAllCardsButton"));
    connect(m_showAll, &QPushButton::clicked, this, [this] {
        m_statusFilter->setCurrentIndex(0);
        m_focusWhenLoaded = true; // the button goes away: the keyboard goes on with the cards
    });
    auto *emptyLabel = new QLabel(tr("No cards yet"), this);
    emptyLabel->setObjectName(QStringLiteral("emptyText"));
    m_empty = Style::messageState(this, "emptyState", emptyLabel, {emptyCreate, m_showAll});

    auto *retry = new QPushButton(tr("&Try again"), this);
    retry->setObjectName(QStringLiteral("retryButton"));
    connect(retry, &QPushButton::clicked, m_model, &CardsModel::retry);
    m_errorText->setObjectName(QStringLiteral("errorText"));
    m_error = Style::messageState(this, "errorState", m_errorText, {retry});

    m_states->addWidget(m_loading);
    m_states->addWidget(m_list);
    m_states->addWidget(m_empty);
    m_states->addWidget(m_error);

    // The busy sign while cards load and some are on screen (further pages, refresh): thin,
    // above the list, which stays as it is.
    m_pageLoading->setObjectName(QStringLiteral("refreshIndicator"));
    m_pageLoading->setAccessibleName(tr("Loading cards"));
    m_pageLoading->setRange(0, 0);
    m_pageLoading->setMaximumHeight(4);
    m_pageLoading->setTextVisible(false);
    // Its 4 pixels are kept while hidden: the list must not move (nor its scrollbar's range
    // change under a drag) each time a page starts or ends loading.
    QSizePolicy keepSpace = m_pageLoading->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true);
    m_pageLoading->setSizePolicy(keepSpace);
    m_pageLoading->hide();

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_greeting, 1);
    toolbar->addWidget(m_statusFilter);
    toolbar->addWidget(m_sort);
    toolbar->addWidget(m_refresh);
    toolbar->addWidget(m_create);

    m_search->setObjectName(QStringLiteral("cardSearch"));
    m_search->setAccessibleName(tr("Search cards"));
    m_search->setPlaceholderText(tr("Search last 4 digits, nickname or tag"));
    Style::clearButtonOnceTyped(m_search);
    connect(m_search, &QLineEdit::textChanged, m_model, &CardsModel::setSearchText);
    m_count->setObjectName(QStringLiteral("cardCount"));
    m_count->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_count->setFocusPolicy(Qt::NoFocus);
    m_skippedNotice->setObjectName(QStringLiteral("skippedNotice"));
    m_skippedNotice->setForegroundRole(QPalette::PlaceholderText);
    m_skippedNotice->setWordWrap(true);
    m_skippedNotice->setContentsMargins(6, 0, 6, 4);
    m_skippedNotice->hide();
    auto *searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(6, 0, 6, 4);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_skippedNotice);
    leftLayout->addWidget(m_pageLoading);
    leftLayout->addWidget(m_states);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    // Even halves: at 1024 pixels a tile needs far less than 3/5 of the width, and the details
    // with their action buttons need more than 2/5 to show without scrolling sideways.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->addLayout(toolbar);
    layout->addWidget(splitter, 1);

    setTabOrder(m_statusFilter, m_sort);
    setTabOrder(m_sort, m_refresh);
    setTabOrder(m_refresh, m_create);
    setTabOrder(m_create, m_search);
    setTabOrder(m_search, m_list);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        QList<CardStatus> statuses;
        for (const QVariant &v : m_statusFilter->currentData().toList())
            statuses << CardStatus(v.toInt());
        m_details->clear();
        m_model->setStatusFilter(statuses);
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] {
        m_details->clear();
        const auto sort = CardSort(m_sort->currentData().toInt());
        QSettings().setValue(SortKey, sort == CardSort::OldestFirst
                                          ? QStringLiteral("oldestFirst")
                                          : QStringLiteral("newestFirst"));
        m_model->setSort(sort);
    });
    connect(m_model, &CardsModel::stateChanged, this, &CardsPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CardsPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CardsPage::updateState);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &CardsPage::keepSelectionAcrossReset);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CardsPage::restoreSelectionAfterReset);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followToEnd != Follow::No)
            m_list->scrollToBottom(); // the end it was dragged to stays the end while pages come
    });
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const QScrollBar *bar = m_list->verticalScrollBar();
        if (bar->isSliderDown() && value == bar->maximum())
            jumpToEnd(false);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from) {
        if (selectedRow() == from.row())
            showSelected();
    });
    connect(m_model, &CardsModel::customerSeen, m_backend->customerState(), &CustomerState::note);
    connect(m_backend->customerState(), &CustomerState::customerChanged, this, &CardsPage::greet);
    connect(m_model, &CardsModel::stateChanged, this, [this](CardsModel::State state) {
        if (state == CardsModel::State::Loading)
            return;
        focusSettledPage();
        if (state == CardsModel::State::Idle) { // a page arrived
            loadGreeting();
            followToEnd();
        }
        // Once, when a further page fails (the error state says it when there are no rows).
        if (state == CardsModel::State::Error && m_model->rowCount() > 0)
            emit statusMessage((m_model->isRefreshing()
                                    ? tr("Your cards could not be refreshed: %1")
                                    : tr("More cards could not be loaded: %1"))
                                   .arg(UserFacingError(m_model->lastError()).message()));
    });
    connect(m_details, &CardDetailsPanel::actionRequested, m_actions, &CardActionRunner::run);
    connect(m_details, &CardDetailsPanel::replaceRequested, this, &CardsPage::replaceCardRequested);
    connect(m_details, &CardDetailsPanel::activityRequested, this, &CardsPage::activityRequested);
    connect(m_actions, &CardActionRunner::succeeded, this,
            [this](const Card &, const QString &message) { emit statusMessage(message); });
    connect(m_actions, &CardActionRunner::failed, this, &CardsPage::statusMessage);
    connect(m_actions, &CardActionRunner::failed, m_details, &CardDetailsPanel::showActionProblem);
    connect(m_actions, &CardActionRunner::busyChanged, m_details,
            [this](bool busy) { m_details->setActionsEnabled(!busy); });
    updateState();
}

void CardsPage::activate()
{
    m_details->clear();
    m_focusWhenLoaded = true;
    greet();
    m_followToEnd = Follow::No;
    m_model->reload(); // another customer's cards, maybe: nothing of the last list stays
}

void CardsPage::greet()
{
    const std::optional<Customer> &customer = m_backend->customerState()->customer();
    if (customer && customer->id == m_backend->session()->customerId())
        m_greeting->setText(tr("Hello, %1 — your cards").arg(customer->greetingName()));
    else
        m_greeting->setText(tr("Your cards"));
}

// The first page of cards brings the customer along; a request of its own is needed only when
// it did not (no cards to include them with, or a server that ignores include=customer).
void CardsPage::loadGreeting()
{
    m_backend->customerState()->load();
}

void CardsPage::refresh()
{
    m_model->refresh();
}

bool CardsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Paint && m_reportFirstPaint) {
        // tests/bench times start-up to this line, so it comes once the tiles are drawn: the
        // paint goes on to the view, and the queued line runs after it has returned.
        m_reportFirstPaint = false;
        QMetaObject::invokeMethod(
            this,
            [this] { qCInfo(lcUi) << "cards page showing" << m_model->rowCount() << "cards"; },
            Qt::QueuedConnection);
    }
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // The view goes on to the last loaded card; the rest follow in big pages.
        if (key->key() == Qt::Key_End)
            jumpToEnd(true);
    }
    return QWidget::eventFilter(watched, event);
}

void CardsPage::jumpToEnd(bool selectLast)
{
    if (m_model->allLoaded())
        return;
    if (selectLast || m_followToEnd == Follow::No)
        m_followToEnd = selectLast ? Follow::ToLastCard : Follow::ToBottom;
    m_model->loadAll();
}

void CardsPage::followToEnd()
{
    if (m_followToEnd == Follow::No || !m_model->allLoaded())
        return;
    const Follow follow = m_followToEnd;
    m_followToEnd = Follow::No;
    const int last = m_model->rowCount() - 1;
    if (follow == Follow::ToLastCard && last >= 0)
        m_list->setCurrentIndex(m_model->index(last));
    m_list->scrollToBottom();
}

void CardsPage::keepSelectionAcrossReset()
{
    m_keptCardId = m_model->cardIdAt(selectedRow());
    m_keptScroll = m_list->verticalScrollBar()->value();
}

// A model reset clears the selection without a signal: the card shown in the details is
// selected again when it is still listed, else the details go.
void CardsPage::restoreSelectionAfterReset()
{
    const QString cardId = std::exchange(m_keptCardId, QString());
    const int row = cardId.isEmpty() ? -1 : m_model->rowOf(cardId);
    if (row >= 0) {
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row));
        return;
    }
    if (!cardId.isEmpty())
        m_details->clear();
    if (m_model->rowCount() > 0) {
        m_list->doItemsLayout(); // the range is the new rows' before the old place is taken
        m_list->verticalScrollBar()->setValue(m_keptScroll);
    }
}

void CardsPage::updateCount()
{
    const QLocale locale;
    const int total = m_model->totalCount();
    const int loaded = m_model->loadedCount();
    QString text;
    if (!m_model->hasLoadedOnce()) {
        text.clear();
    } else if (m_model->isSearching()) {
        if (!m_model->allLoaded())
            text = tr("Searching…");
        else
            text = tr("%1 of %Ln card(s)", nullptr, total >= 0 ? total : loaded)
                       .arg(locale.toString(m_model->rowCount()));
    } else if (total >= 0) {
        text = tr("%Ln card(s)", nullptr, total);
    } else if (m_model->allLoaded()) {
        text = tr("%Ln card(s)", nullptr, loaded);
    } else { // the server does not say how many: what is known is a lower bound
        text = tr("%Ln+ cards", nullptr, loaded);
    }
    m_count->setText(text);
}

void CardsPage::updateSkippedNotice()
{
    const int skipped = m_model->skippedCount();
    m_skippedNotice->setVisible(skipped > 0);
    if (skipped > 0)
        m_skippedNotice->setText(tr("%Ln card(s) could not be shown.", nullptr, skipped));
}

void CardsPage::addCreatedCard(const Card &card)
{
    noteHasCards(true);
    m_model->insertCard(card);
    const int row = m_model->rowOf(card.id);
    if (row >= 0) {
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row));
    }
}

void CardsPage::refreshCard(const QString &cardId)
{
    ApiClient *api = m_backend->api();
    ApiJob *job = m_backend->startJob([api, cardId] { return api->getCard(cardId); }, this);
    connect(job, &ApiJob::finished, this, [this, job] {
        job->deleteLater();
        if (!job->hasError())
            m_model->updateCard(job->valueAs<Card>());
    });
}

void CardsPage::updateState()
{
    updateCount();
    updateSkippedNotice();
    const CardsModel::State state = m_model->state();
    const bool hasRows = m_model->rowCount() > 0;
    m_pageLoading->setVisible(state == CardsModel::State::Loading && hasRows);
    if (state == CardsModel::State::Error) {
        if (hasRows) {
            m_states->setCurrentWidget(m_list); // keep what is on screen
        } else {
            m_errorText->setText(tr("Your cards could not be loaded.\n%1")
                                     .arg(UserFacingError(m_model->lastError()).message()));
            m_states->setCurrentWidget(m_error);
        }
    } else if (hasRows) {
        noteHasCards(true);
        // Once per load, when the rows replace the loading state: the line "cards page
        // showing" follows the first paint of their tiles (eventFilter).
        if (m_states->currentWidget() != m_list)
            m_reportFirstPaint = true;
        m_states->setCurrentWidget(m_list);
    } else if (m_model->isSearching() && m_model->hasLoadedOnce()) {
        showNoMatch();
    } else if (state == CardsModel::State::Loading || !m_model->hasLoadedOnce())
        m_states->setCurrentWidget(m_loading);
    else
        showEmpty();
}

// A filter that leaves nothing offers to show all cards again, unless the customer has none at
// all: then, as without a filter, it offers to create one.
void CardsPage::showEmpty()
{
    const QString customerId = m_backend->session()->customerId();
    const bool filtered = !m_model->statusFilter().isEmpty();
    if (!filtered)
        noteHasCards(false);
    const bool known = m_cardsKnownFor == customerId;
    if (filtered && !known)
        checkForAnyCard(); // until it answers, neither button
    const bool hasCards = known && m_hasCards;
    m_empty->findChild<QLabel *>(QStringLiteral("emptyText"))
        ->setText(filtered && (hasCards || !known) ? tr("No cards with this status")
                                                   : tr("No cards yet"));
    m_showAll->setVisible(filtered && hasCards);
    m_empty->findChild<QPushButton *>(QStringLiteral("emptyCreateButton"))
        ->setVisible(known && !hasCards);
    m_states->setCurrentWidget(m_empty);
}

// A search that finds nothing (yet): the customer's cards are still there, no button needed.
void CardsPage::showNoMatch()
{
    m_empty->findChild<QLabel *>(QStringLiteral("emptyText"))
        ->setText(m_model->allLoaded() ? tr("No card matches your search")
                                       : tr("Searching your cards…"));
    m_showAll->hide();
    m_empty->findChild<QPushButton *>(QStringLiteral("emptyCreateButton"))->hide();
    m_states->setCurrentWidget(m_empty);
}

void CardsPage::noteHasCards(bool hasCards)
{
    m_cardsKnownFor = m_backend->session()->customerId();
    m_hasCards = hasCards;
}

// Whether the customer has any card at all: one card of the unfiltered list is enough.
void CardsPage::checkForAnyCard()
{
    if (m_anyCardJob)
        return;
    ApiClient *api = m_backend->api();
    const QString customerId = m_backend->session()->customerId();
    CardListQuery query;
    query.limit = 1;
    ApiJob *job = m_backend->startJob([api, query] { return api->listCards(query); }, this);
    m_anyCardJob = job;
    connect(job, &ApiJob::finished, this, [this, job, customerId] {
        job->deleteLater();
        if (job->hasError() || customerId != m_backend->session()->customerId())
            return;
        noteHasCards(!job->valueAs<CardPage>().items.isEmpty());
        updateState();
    });
}

// Once the page has settled after sign-in, keyboard users start on what it shows: the cards, or
// the button of the empty or error state.
void CardsPage::focusSettledPage()
{
    if (!m_focusWhenLoaded)
        return;
    m_focusWhenLoaded = false;
    QWidget *shown = m_states->currentWidget();
    QWidget *target = shown == m_list ? shown : nullptr;
    const QList<QPushButton *> buttons = shown->findChildren<QPushButton *>();
    for (auto it = buttons.cbegin(); !target && it != buttons.cend(); ++it) {
        if (!(*it)->isHidden())
            target = *it;
    }
    if (target)
        target->setFocus();
}

int CardsPage::selectedRow() const
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? -1 : selected.first().row();
}

void CardsPage::showSelected()
{
    const std::optional<Card> card = m_model->cardAt(selectedRow());
    if (!card) {
        m_details->clear();
        return;
    }
    m_details->showCard(*card, m_model->accountName(card->accountId));
}

} // namespace tessera::ui
