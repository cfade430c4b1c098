#include "CardActionRunner.h"

#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CardDetailsPanel.h"
#include "CardsModel.h"
#include "Scopes.h"

#include <QMessageBox>
#include <QPushButton>

namespace tessera::ui {

CardActionRunner::CardActionRunner(Backend *backend, CardsModel *model, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_backend(backend)
    , m_model(model)
    , m_dialogParent(dialogParent)
{}

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
    connect(confirm, &QPushButton::clicked, this, [this, card, action] { perform(card, action); });
    m_confirmation = box;
    box->open();
}

void CardActionRunner::perform(const Card &card, CardAction action)
{
    emit busyChanged(true);
    m_backend->authenticator()->requireScopes(
        {Scopes::CardsWrite}, [this, card, action] { send(card, action); },
        [this] { finishWith(tr("The card was not changed: confirmation was cancelled.")); });
}

void CardActionRunner::send(const Card &card, CardAction action)
{
    ApiReply *reply = m_backend->api()->applyCardAction(card.id, action);
    connect(reply, &ApiReply::finished, this, [this, reply, card, action] {
        reply->deleteLater();
        if (reply->hasError()) {
            if (reply->error().httpStatus == 401) {
                m_backend->authenticator()->handleUnauthorized(
                    [this, card, action] { send(card, action); },
                    [this] { finishWith(tr("The card was not changed: sign-in was cancelled.")); });
                return;
            }
            finishWith(tr("The card was not changed: %1").arg(reply->error().message()));
            return;
        }
        const Card updated = reply->valueAs<Card>();
        m_model->updateCard(updated);
        emit busyChanged(false);
        emit succeeded(updated,
                       tr("Card •••• %1 is now %2.")
                           .arg(updated.last4Digits, CardsModel::statusText(updated).toLower()));
    });
}

void CardActionRunner::finishWith(const QString &failure)
{
    emit busyChanged(false);
    emit failed(failure);
}

} // namespace tessera::ui
