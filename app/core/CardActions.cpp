#include "CardActions.h"

#include "ApiClient.h"
#include "ApiJob.h"
#include "Backend.h"
#include "CardsModel.h"
#include "Logging.h"

namespace tessera {

CardActions::CardActions(Backend *backend, CardsModel *model, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_model(model)
{}

bool CardActions::apply(const Card &card, CardAction action)
{
    if (m_job || !CardLifecycle::apply(card.status, action))
        return false;
    ApiClient *api = m_backend->api();
    const QString cardId = card.id;
    const CardStatus before = card.status;
    ApiJob *job = m_backend->startJob(
        [api, cardId, action] { return api->applyCardAction(cardId, action); }, this);
    m_job = job;
    emit busyChanged(true);
    connect(job, &ApiJob::finished, this, [this, job, cardId, before, action] {
        job->deleteLater();
        if (job->error().kind == ApiError::Kind::OutcomeUnknown) {
            checkOutcome(cardId, before, action, job->error());
            return;
        }
        finishJob();
        if (job->isCancelled()) {
            emit cancelled();
            return;
        }
        if (job->hasError()) {
            emit failed(job->error());
            return;
        }
        const Card updated = job->valueAs<Card>();
        m_model->updateCard(updated);
        emit succeeded(updated);
    });
    return true;
}

void CardActions::finishJob()
{
    m_job = nullptr;
    emit busyChanged(false);
}

void CardActions::checkOutcome(const QString &cardId, CardStatus before, CardAction action,
                               const ApiError &unknown)
{
    qCInfo(lcApi).noquote() << "card action" << CardLifecycle::pathSegment(action)
                            << "got no answer; loading the card to see whether it was done";
    ApiClient *api = m_backend->api();
    ApiJob *job = m_backend->startJob([api, cardId] { return api->getCard(cardId); }, this);
    m_job = job;
    connect(job, &ApiJob::finished, this, [this, job, before, action, unknown] {
        job->deleteLater();
        finishJob();
        if (job->hasError()) {
            // Still unknown: say so rather than guess either way.
            emit failed(unknown);
            return;
        }
        const Card card = job->valueAs<Card>();
        m_model->updateCard(card);
        // Done when the card has the status the action leads to. An unfreeze leads back to
        // the status before the freeze, which only the card now shows, so that is passed.
        if (CardLifecycle::apply(before, action, card.status) == card.status) {
            qCInfo(lcApi).noquote() << "the card shows the action was done";
            emit succeeded(card);
            return;
        }
        qCInfo(lcApi).noquote() << "the card shows the action was not done";
        emit failed(ApiError::network(
            tr("The connection dropped before the bank answered, and the card shows no change: "
               "it was not done. You can try again.")));
    });
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_CardActions.cpp"
