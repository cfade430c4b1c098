#include "CardActionRunner.h"

#include "CardActions.h"
#include "CardDetailsPanel.h"
#include "CardsModel.h"
#include "UserFacingError.h"

#include <QMessageBox>
#include <QPushButton>

namespace tessera::ui {

CardActionRunner::CardActionRunner(Backend *backend, CardsModel *model, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_actions(new CardActions(backend, model, this))
    , m_dialogParent(dialogParent)
{
    connect(m_actions, &CardActions::busyChanged, this, &CardActionRunner::busyChanged);
    connect(m_actions, &CardActions::succeeded, this, [this](const Card &updated) {
        emit succeeded(updated,
                       tr("Card •••• %1 is now %2.")
                           .arg(updated.last4Digits, CardsModel::statusText(updated).toLower()));
    });
    connect(m_actions, &CardActions::failed, this, [this](const ApiError &error) {
        UserFacingError::log(error, "card action");
        const UserFacingError plain(error);
        // After a lost answer that could not be checked, "not changed" may be untrue.
        if (error.kind == ApiError::Kind::OutcomeUnknown)
            emit failed(plain.message(), plain.supportId());
        else
            emit failed(tr("The card was not changed. %1").arg(plain.message()), plain.supportId());
    });
    connect(m_actions, &CardActions::cancelled, this,
            [this] { emit failed(tr("The card was not changed: confirmation was cancelled.")); });
}

QString CardActionRunner::question(const Card &card, CardAction action)
{
    const QString name =
        tr("the %1 ending in %2").arg(CardsModel::kindText(card).toLower(), card.last4Digits);
    switch (action) {
    case CardAction::Freeze:
        return tr("Freeze %1? It stops working until you unfreeze it.").arg(name);
    case CardAction::Unfreeze:
        return tr("Unfreeze %1? It works again right away.").arg(name);
    case CardAction::ReportLost:
        return tr("Report %1 as lost? This is final: the card stops working for good. You can "
                  "order a replacement afterwards.")
            .arg(name);
    case CardAction::ReportStolen:
        return tr("Report %1 as stolen? This is final: the card stops working for good. You "
                  "can order a replacement afterwards.")
            .arg(name);
    case CardAction::Close:
        return tr("Close %1? This is final: a closed card cannot be used or reopened.").arg(name);
    }
    return {};
}

void CardActionRunner::run(const Card &card, CardAction action)
{
    if (!CardLifecycle::apply(card.status, action)) {
        emit failed(tr("This card cannot be changed that way."));
        return;
    }
    auto *box = new QMessageBox(m_dialogParent);
    box->setObjectName(QStringLiteral("confirmCardAction"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(CardLifecycle::isFinal(*CardLifecycle::apply(card.status, action))
                     ? QMessageBox::Warning
                     : QMessageBox::Question);
    box->setWindowTitle(tr("Confirm"));
    box->setText(question(card, action));
    QPushButton *confirm = box->addButton(
        CardDetailsPanel::actionText(action).remove(QLatin1Char('&')), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel); // a final action should never be one Enter away
    connect(confirm, &QPushButton::clicked, this,
            [this, card, action] { m_actions->apply(card, action); });
    m_confirmation = box;
    box->open();
}

} // namespace tessera::ui
