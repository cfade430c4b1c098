#include "CardDetailsPanel.h"

#include "AddressForm.h"
#include "ApiClient.h"
#include "Backend.h"
#include "CardsModel.h"
#include "Money.h"
#include "Style.h"
#include "UserFacingError.h"

#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace tessera::ui {

QString CardDetailsPanel::actionText(CardAction action)
{
    switch (action) {
    case CardAction::Freeze:
        return tr("&Freeze");
    case CardAction::Unfreeze:
        return tr("&Unfreeze");
    case CardAction::ReportLost:
        return tr("Report &lost");
    case CardAction::ReportStolen:
        return tr("Report &stolen");
    case CardAction::Close:
        return tr("&Close card");
    }
    return {};
}

CardDetailsPanel::CardDetailsPanel(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_title(new QLabel(this))
    , m_placeholder(new QLabel(tr("Select a card to see its details."), this))
{
    setObjectName(QStringLiteral("cardDetails"));
    m_title->setObjectName(QStringLiteral("cardDetailsTitle"));
    m_title->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *inner = new QWidget(this);
    m_innerLayout = new QVBoxLayout(inner);
    m_innerLayout->addWidget(m_title);
    m_innerLayout->addWidget(m_placeholder);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("cardDetailsScroll"));
    // Everything wraps to the panel's width: the panel only ever scrolls down.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    clear();
}

// The card's fields, actions and limits, built when the first card is shown: until then the
// panel is only its placeholder, and the cards page opens without them.
void CardDetailsPanel::buildBody()
{
    if (m_body)
        return;
    // The title's font with it: a font of its own is loaded when first used, and until a card
    // is shown the title is empty.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_body = new QWidget(this);
    m_problem = new QFrame(m_body);
    m_problemText = new QLabel(m_problem);
    m_problemReference = new QLabel(m_problem);
    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_activationNote = new QLabel(m_body);
    m_simulateArrival = new QPushButton(tr("Simulate card &arrival"), m_body);
    m_limits = new QLabel(m_body);
    m_replace = new QPushButton(tr("&Replace…"), m_body);
    m_activity = new QPushButton(tr("Activit&y"), m_body);

    // Two columns, one place per action: Freeze and Unfreeze (never both allowed) share one,
    // and a hidden button keeps its place, so the others never move when the status changes.
    auto *actions = new QGridLayout;
    const QList<std::pair<CardAction, int>> places = {
        {CardAction::Freeze, 0},       {CardAction::Unfreeze, 0}, {CardAction::ReportLost, 1},
        {CardAction::ReportStolen, 2}, {CardAction::Close, 3},
    };
    auto keepPlace = [](QPushButton *button) {
        QSizePolicy policy = button->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        policy.setHorizontalPolicy(QSizePolicy::Expanding);
        button->setSizePolicy(policy);
    };
    for (const auto &[action, place] : places) {
        auto *button = new QPushButton(actionText(action), m_body);
        button->setObjectName(QStringLiteral("action-") + CardLifecycle::pathSegment(action));
        connect(button, &QPushButton::clicked, this,
                [this, action] { emit actionRequested(m_card, action); });
        m_actionButtons.insert(int(action), button);
        keepPlace(button);
        actions->addWidget(button, place / 2, place % 2);
    }
    m_replace->setObjectName(QStringLiteral("action-replace"));
    keepPlace(m_replace);
    connect(m_replace, &QPushButton::clicked, this, [this] { emit replaceRequested(m_card); });
    actions->addWidget(m_replace, 2, 0);
    m_activity->setObjectName(QStringLiteral("showCardActivityButton"));
    keepPlace(m_activity);
    m_activity->setToolTip(tr("Purchases, withdrawals and pending payments of this card"));
    connect(m_activity, &QPushButton::clicked, this, [this] { emit activityRequested(m_card); });
    actions->addWidget(m_activity, 2, 1);

    // A failed action stays in view, in plain words, until dismissed.
    m_problem->setObjectName(QStringLiteral("actionProblem"));
    m_problem->setFrameShape(QFrame::StyledPanel);
    m_problemText->setObjectName(QStringLiteral("actionProblemText"));
    m_problemText->setWordWrap(true);
    m_problemText->setTextFormat(Qt::PlainText);
    m_problemText->setAccessibleName(tr("Problem"));
    Style::markAsError(m_problemText);
    m_problemReference->setObjectName(QStringLiteral("actionProblemReference"));
    m_problemReference->setWordWrap(true);
    m_problemReference->setTextFormat(Qt::PlainText);
    m_problemReference->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                                Qt::TextSelectableByKeyboard);
    auto *dismiss = new QToolButton(m_problem);
    dismiss->setObjectName(QStringLiteral("actionProblemClose"));
    dismiss->setText(tr("✕"));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss the problem"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, m_problem, &QWidget::hide);
    auto *problemLayout = new QGridLayout(m_problem);
    problemLayout->addWidget(m_problemText, 0, 0);
    problemLayout->addWidget(dismiss, 0, 1, Qt::AlignTop);
    problemLayout->addWidget(m_problemReference, 1, 0, 1, 2);
    problemLayout->setColumnStretch(0, 1);
    m_problem->hide();

    m_activationNote->setObjectName(QStringLiteral("activationNote"));
    m_activationNote->setWordWrap(true);
    m_activationNote->setText(
        tr("This card is not activated yet. When it arrives, activate it by calling the "
           "toll-free number on the card or in your bank's app. Until then it cannot be used."));
    m_simulateArrival->setObjectName(QStringLiteral("simulateArrival"));
    m_simulateArrival->setToolTip(
        tr("Demo only: acts as if the card arrived and you activated it."));
    connect(m_simulateArrival, &QPushButton::clicked, this, &CardDetailsPanel::simulateArrival);

    m_limits->setObjectName(QStringLiteral("cardLimits"));
    m_limits->setWordWrap(true);
    m_limits->setTextFormat(Qt::PlainText);

    auto *sensitive = new QLabel(
        tr("Card number, CVV, PIN and adding the card to a wallet need Unit's PCI-compliant "
           "components, which are not available in the desktop client. Use your bank's mobile "
           "app for those."),
        m_body);
    sensitive->setObjectName(QStringLiteral("sensitiveDataNote"));
    sensitive->setWordWrap(true);
    QFont small = sensitive->font();
    small.setItalic(true);
    sensitive->setFont(small);

    auto *limitsTitle = new QLabel(tr("Limits"), m_body);
    QFont sectionFont = limitsTitle->font();
    sectionFont.setBold(true);
    limitsTitle->setFont(sectionFont);

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_problem);
    bodyLayout->addLayout(actions);
    bodyLayout->addSpacing(8);
    bodyLayout->addWidget(m_activationNote);
    bodyLayout->addWidget(m_simulateArrival, 0, Qt::AlignLeft);
    bodyLayout->addLayout(m_form);
    bodyLayout->addSpacing(8);
    bodyLayout->addWidget(limitsTitle);
    bodyLayout->addWidget(m_limits);
    bodyLayout->addSpacing(8);
    bodyLayout->addWidget(sensitive);
    bodyLayout->addStretch();

    m_innerLayout->addWidget(m_body);
    m_body->hide();
}

void CardDetailsPanel::setModel(CardsModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::dataChanged, this, &CardDetailsPanel::followModel);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CardDetailsPanel::followModel);
    connect(model, &QAbstractItemModel::layoutChanged, this, &CardDetailsPanel::followModel);
    // A reload forgets every row and the list's selection with them.
    connect(model, &QAbstractItemModel::modelReset, this, &CardDetailsPanel::clear);
}

// The shown card as the model now has it, or nothing when the model no longer has it.
void CardDetailsPanel::followModel()
{
    if (!m_model || m_card.id.isEmpty())
        return;
    const std::optional<Card> current = m_model->cardAt(m_model->rowOf(m_card.id));
    if (!current) {
        clear();
        return;
    }
    showCard(*current, m_model->accountName(current->accountId));
}

void CardDetailsPanel::clear()
{
    m_card = {};
    m_limitsCardId.clear();
    m_title->clear();
    delete m_arrivalJob;
    if (m_body) {
        m_problem->hide();
        m_body->hide();
    }
    m_placeholder->show();
}

void CardDetailsPanel::setActionsEnabled(bool enabled)
{
    m_actionsEnabled = enabled;
    updateActions();
}

void CardDetailsPanel::updateActions()
{
    if (!m_body)
        return; // no card shown yet
    const QList<CardAction> allowed = CardLifecycle::allowedActions(m_card.status);
    for (auto it = m_actionButtons.begin(); it != m_actionButtons.end(); ++it) {
        it.value()->setVisible(allowed.contains(CardAction(it.key())));
        it.value()->setEnabled(m_actionsEnabled);
    }
    m_replace->setVisible(CardLifecycle::offersReplacement(m_card));
    m_replace->setEnabled(m_actionsEnabled);
    const bool waitsForActivation = m_card.status == CardStatus::Inactive && !m_card.isVirtual();
    m_activationNote->setVisible(waitsForActivation);
    m_simulateArrival->setVisible(waitsForActivation &&
                                  m_backend->environment().simulatesCardArrival());
    m_simulateArrival->setEnabled(m_actionsEnabled && !m_arrivalJob);
}

void CardDetailsPanel::showActionProblem(const QString &message, const QString &supportId)
{
    buildBody();
    m_problemText->setText(message);
    m_problemReference->setText(
        supportId.isEmpty() ? QString() : tr("Reference for support: %1").arg(supportId));
    m_problemReference->setVisible(!supportId.isEmpty());
    m_problem->show();
}

void CardDetailsPanel::showProblem(const ApiError &error, const char *context)
{
    UserFacingError::log(error, context);
    const UserFacingError plain(error);
    showActionProblem(plain.message(), plain.supportId());
}

void CardDetailsPanel::addRow(const QString &label, const QString &value, const char *objectName)
{
    if (value.isEmpty())
        return;
    auto *field = new QLabel(value, m_body);
    field->setObjectName(QLatin1String(objectName));
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    field->setWordWrap(true);
    m_form->addRow(label, field);
}

void CardDetailsPanel::showCard(const Card &card, const QString &accountName)
{
    buildBody();
    if (card.id != m_card.id) {
        m_problem->hide(); // a problem belongs to the card it happened to
        delete m_arrivalJob;
    }
    m_card = card;
    m_accountName = accountName;
    m_placeholder->hide();
    m_body->show();
    m_title->setText(tr("%1 •••• %2").arg(CardsModel::kindText(card), card.last4Digits));

    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const QLocale locale;
    addRow(tr("Status:"),
           card.freezeReason.isEmpty() || card.status != CardStatus::Frozen
               ? CardsModel::statusText(card)
               : tr("%1 (%2)").arg(CardsModel::statusText(card), card.freezeReason),
           "detailStatus");
    if (!card.replacedById().isEmpty())
        addRow(tr("Replaced:"), replacedByText(card.replacedById()), "detailReplacedBy");
    addRow(tr("Expires:"), CardsModel::expiryText(card), "detailExpiry");
    const QString available = m_model ? m_model->accountAvailable(card.accountId) : QString();
    const QString account =
        accountName.isEmpty() ? tr("Account %1").arg(card.accountId) : accountName;
    addRow(tr("Draws on:"),
           available.isEmpty() ? account : tr("%1\n%2 available").arg(account, available),
           "detailAccount");
    addRow(tr("Design:"), card.design, "detailDesign");
    QStringList tags;
    for (auto it = card.tags.begin(); it != card.tags.end(); ++it)
        tags << QStringLiteral("%1: %2").arg(it.key(), it.value());
    addRow(tr("Tags:"), tags.join(QLatin1Char('\n')), "detailTags");
    if (card.shippingAddress)
        addRow(tr("Ships to:"), AddressForm::displayText(*card.shippingAddress),
               "detailShippingAddress");
    // Unit keeps no status history for clients; creation and the last change are what is known.
    addRow(tr("Created:"), locale.toString(card.createdAt.toLocalTime(), QLocale::ShortFormat),
           "detailCreated");
    if (card.updatedAt.isValid() && card.updatedAt != card.createdAt)
        addRow(tr("Last changed:"),
               tr("%1 (now %2)")
                   .arg(locale.toString(card.updatedAt.toLocalTime(), QLocale::ShortFormat),
                        CardsModel::statusText(card)),
               "detailUpdated");
    addRow(tr("Card ID:"), card.id, "detailId");
    updateActions();
    // A status change of the card on show keeps its limits; another card, or a retry after
    // they failed, loads them.
    if (m_limitsCardId != card.id)
        loadLimits();
}

QString CardDetailsPanel::replacedByText(const QString &replacementId)
{
    QString last4 = m_replacementLast4.value(replacementId);
    if (last4.isEmpty() && m_model) {
        if (const std::optional<Card> replacement = m_model->cardAt(m_model->rowOf(replacementId)))
            last4 = replacement->last4Digits;
    }
    if (last4.isEmpty()) {
        loadReplacement(replacementId);
        return tr("Replaced by a new card");
    }
    return tr("Replaced by •••• %1").arg(last4);
}

// The replacement is not in the list (another filter, a later page): ask for it once.
void CardDetailsPanel::loadReplacement(const QString &replacementId)
{
    if (m_replacementJob)
        return;
    ApiClient *api = m_backend->api();
    ApiJob *job =
        m_backend->startJob([api, replacementId] { return api->getCard(replacementId); }, this);
    m_replacementJob = job;
    connect(job, &ApiJob::finished, this, [this, job, replacementId] {
        job->deleteLater();
        if (job->hasError()) {
            UserFacingError::log(job->error(), "loading the replacement card");
            return;
        }
        m_replacementLast4.insert(replacementId, job->valueAs<Card>().last4Digits);
        if (m_card.replacedById() == replacementId)
            showCard(m_card, m_accountName);
    });
}

void CardDetailsPanel::simulateArrival()
{
    if (m_arrivalJob)
        return;
    ApiClient *api = m_backend->api();
    const QString cardId = m_card.id;
    ApiJob *job =
        m_backend->startJob([api, cardId] { return api->simulateCardActivation(cardId); }, this);
    m_arrivalJob = job;
    updateActions();
    connect(job, &ApiJob::finished, this, [this, job, cardId] {
        job->deleteLater();
        m_arrivalJob = nullptr;
        updateActions();
        if (cardId != m_card.id || job->isCancelled())
            return;
        if (job->hasError()) {
            showProblem(job->error(), "simulating the card's arrival");
            return;
        }
        const Card activated = job->valueAs<Card>();
        if (m_model && m_model->rowOf(activated.id) >= 0)
            m_model->updateCard(activated); // the panel follows the model
        else
            showCard(activated, m_accountName);
    });
}

void CardDetailsPanel::loadLimits()
{
    delete m_limitsJob; // the limits of the card shown before
    m_limits->setText(tr("Loading limits…"));
    m_limitsCardId = m_card.id;
    const QString cardId = m_card.id;
    ApiClient *api = m_backend->api();
    ApiJob *job = m_backend->startJob([api, cardId] { return api->getCardLimits(cardId); }, this);
    m_limitsJob = job;
    connect(job, &ApiJob::finished, this, [this, job, cardId] {
        job->deleteLater();
        if (cardId != m_card.id)
            return;
        if (job->hasError()) {
            m_limitsCardId.clear();
            UserFacingError::log(job->error(), "loading the card's limits");
            m_limits->setText(
                tr("Limits could not be loaded: %1").arg(UserFacingError(job->error()).message()));
            return;
        }
        const CardLimits limits = job->valueAs<CardLimits>();
        auto limitLine = [](const QString &what, const std::optional<qint64> &limit, qint64 used) {
            return limit ? tr("%1: %2 of %3 used")
                               .arg(what, Money::format(used), Money::format(*limit))
                         : tr("%1: %2 used, account limit applies").arg(what, Money::format(used));
        };
        const QStringList lines = {
            limitLine(tr("Daily purchases"), limits.limits.dailyPurchase,
                      limits.dailyTotals.purchases),
            limitLine(tr("Daily withdrawals"), limits.limits.dailyWithdrawal,
                      limits.dailyTotals.withdrawals),
            limitLine(tr("Monthly purchases"), limits.limits.monthlyPurchase,
                      limits.monthlyTotals.purchases),
            limitLine(tr("Monthly withdrawals"), limits.limits.monthlyWithdrawal,
                      limits.monthlyTotals.withdrawals),
        };
        m_limits->setText(lines.join(QLatin1Char('\n')));
    });
}

} // namespace tessera::ui
