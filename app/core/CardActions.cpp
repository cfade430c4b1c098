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
    ApiJob *job = m_backend->startJob(
        [api, cardId, action] { return api->applyCardAction(cardId, action); }, this);
    m_job = job;
    emit busyChanged(true);
    connect(job, &ApiJob::finished, this, [this, job] {
        job->deleteLater();
        m_job = nullptr;
        emit busyChanged(false);
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

} // namespace tessera
