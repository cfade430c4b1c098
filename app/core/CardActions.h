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
// confirmation before calling apply().
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
    Backend *m_backend;
    CardsModel *m_model;
    QPointer<ApiJob> m_job;
};

} // namespace tessera
