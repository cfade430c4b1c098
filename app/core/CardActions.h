#pragma once

#include "ApiError.h"
#include "ApiJob.h"
#include "Card.h"
#include "CardLifecycle.h"

#include <QObject>
#include <QPointer>

namespace tessera {

class Backend;
class CardsModel;

// Changes a card's status for the customer: checks that the lifecycle allows the action, sends
// it as an ApiJob (which gets the verified token for that card, with a one-time code, when none
// is held), and updates the card in the model in place. One action at a time; the UI asks for
// confirmation before calling apply(). When the connection drops after the request went out
// (ApiError::Kind::OutcomeUnknown) it does not guess: it loads the card again and reports what
// Unit says, done (succeeded) or not done (failed), never sending the action a second time.
class CardActions : public QObject
{
    Q_OBJECT
public:
    CardActions(Backend *backend, CardsModel *model, QObject *parent = nullptr);

    // False (and nothing sent) when the card's status does not allow `action` or another
    // action is on its way.
    bool apply(const Card &card, CardAction action);
    bool isBusy() const { return m_job != nullptr; }

signals:
    void succeeded(const tessera::Card &card);
    void failed(const tessera::ApiError &error);
    // The customer gave up the code: nothing was changed.
    void cancelled();
    void busyChanged(bool busy);

private:
    void finishJob();
    // After an unknown outcome: GET the card and tell whether `action` took effect.
    void checkOutcome(const QString &cardId, CardStatus before, CardAction action,
                      const ApiError &unknown);

    Backend *m_backend;
    CardsModel *m_model;
    QPointer<ApiJob> m_job;
};

} // namespace tessera
