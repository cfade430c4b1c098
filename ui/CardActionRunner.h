#pragma once

#include "Card.h"
#include "CardLifecycle.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>

class QWidget;

namespace tessera {
class Backend;
class CardActions;
class CardsModel;
} // namespace tessera

namespace tessera::ui {

// Runs a status action on a card the way a banking app should: asks for confirmation naming
// the card (and saying so when the action is final), then hands it to CardActions (core), which
// gets the step-up code, calls Unit and updates the model; says how it went in plain words.
class CardActionRunner : public QObject
{
    Q_OBJECT
public:
    CardActionRunner(Backend *backend, CardsModel *model, QWidget *dialogParent);

    void run(const Card &card, CardAction action);
    // The open confirmation, for keyboard users and tests.
    QMessageBox *confirmation() const { return m_confirmation; }

    static QString question(const Card &card, CardAction action);

signals:
    void succeeded(const tessera::Card &card, const QString &message);
    // In plain words; `supportId` is Unit's reference for its support, when it sent one.
    void failed(const QString &message, const QString &supportId = {});
    // True from the confirmation until Unit answered: the card's actions wait meanwhile.
    void busyChanged(bool busy);

private:
    CardActions *m_actions;
    QWidget *m_dialogParent;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace tessera::ui
