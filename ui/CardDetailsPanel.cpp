#include "CardDetailsPanel.h"

#include "AddressForm.h"
#include "ApiClient.h"
#include "Backend.h"
#include "CardsModel.h"
#include "Money.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
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
    , m_body(new QWidget(this))
    , m_form(new QFormLayout)
    , m_limits(new QLabel(m_body))
    , m_replace(new QPushButton(tr("&Replace…"), m_body))
{
    setObjectName(QStringLiteral("cardDetails"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("cardDetailsTitle"));
    m_title->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *actions = new QGridLayout;
    const QList<CardAction> all = {CardAction::Freeze, CardAction::Unfreeze, CardAction::ReportLost,
                                   CardAction::ReportStolen, CardAction::Close};
    int position = 0;
    for (CardAction action : all) {
        auto *button = new QPushButton(actionText(action), m_body);
        button->setObjectName(QStringLiteral("action-") + CardLifecycle::pathSegment(action));
        connect(button, &QPushButton::clicked, this,
                [this, action] { emit actionRequested(m_card, action); });
        m_actionButtons.insert(int(action), button);
        actions->addWidget(button, position / 3, position % 3);
        ++position;
    }
    m_replace->setObjectName(QStringLiteral("action-replace"));
    connect(m_replace, &QPushButton::clicked, this, [this] { emit replaceRequested(m_card); });
    actions->addWidget(m_replace, position / 3, position % 3);

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
    bodyLayout->addLayout(actions);
    bodyLayout->addSpacing(8);
    bodyLayout->addLayout(m_form);
    bodyLayout->addSpacing(8);
    bodyLayout->addWidget(limitsTitle);
    bodyLayout->addWidget(m_limits);
    bodyLayout->addSpacing(8);
    bodyLayout->addWidget(sensitive);
    bodyLayout->addStretch();

    auto *inner = new QWidget(this);
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->addWidget(m_title);
    innerLayout->addWidget(m_placeholder);
    innerLayout->addWidget(m_body);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    clear();
}

void CardDetailsPanel::clear()
{
    m_card = {};
    m_limitsCardId.clear();
    m_title->clear();
    m_body->hide();
    m_placeholder->show();
}

void CardDetailsPanel::setActionsEnabled(bool enabled)
{
    for (QPushButton *button : std::as_const(m_actionButtons))
        button->setEnabled(enabled);
    m_replace->setEnabled(enabled);
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
    m_card = card;
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
    addRow(tr("Expires:"), CardsModel::expiryText(card), "detailExpiry");
    addRow(tr("Draws on:"),
           accountName.isEmpty() ? tr("Account %1").arg(card.accountId) : accountName,
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

    const QList<CardAction> allowed = CardLifecycle::allowedActions(card.status);
    for (auto it = m_actionButtons.begin(); it != m_actionButtons.end(); ++it) {
        const bool ok = allowed.contains(CardAction(it.key()));
        it.value()->setVisible(ok);
    }
    m_replace->setVisible(CardLifecycle::canReplace(card.status) &&
                          card.status != CardStatus::Unknown);
    // A status change of the card on show keeps its limits; another card, or a retry after
    // they failed, loads them.
    if (m_limitsCardId != card.id)
        loadLimits();
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
            m_limits->setText(tr("Limits could not be loaded: %1").arg(job->error().message()));
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
