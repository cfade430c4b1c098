#pragma once

#include "Card.h"
#include "CardLifecycle.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QFrame;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace tessera {
class ApiJob;
class Backend;
class CardsModel;
struct ApiError;
} // namespace tessera

namespace tessera::ui {

// Everything non-sensitive about the selected card, its limits and the actions its status
// allows. Card number, CVV, PIN and wallets need Unit's PCI-isolated components, so the panel
// says they are not available here rather than imitating them.
//
// With a model (setModel) the panel follows the card it shows there: a change of that row
// shows at once, and a reload or the card leaving the list clears the panel, so it never shows
// a state, or offers actions, the list no longer has. Action buttons keep fixed places whatever
// the status: an action the status does not allow leaves its place empty.
class CardDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CardDetailsPanel(Backend *backend, QWidget *parent = nullptr);

    void setModel(CardsModel *model);
    void showCard(const Card &card, const QString &accountName);
    void clear();
    // Off while an action on the card is on its way, so a second one cannot be sent.
    void setActionsEnabled(bool enabled);
    QPushButton *actionButton(CardAction action) const
    {
        return m_actionButtons.value(int(action));
    }
    // Shows why an action on the shown card failed until the customer dismisses it (or another
    // card is shown); `supportId` is Unit's reference for its support, when it sent one.
    void showActionProblem(const QString &message, const QString &supportId);

    static QString actionText(CardAction action);

signals:
    void actionRequested(const tessera::Card &card, tessera::CardAction action);
    void replaceRequested(const tessera::Card &card);
    void activityRequested(const tessera::Card &card);

private:
    void buildBody();
    void loadLimits();
    void addRow(const QString &label, const QString &value, const char *objectName);
    void followModel();
    void updateActions();
    QString replacedByText(const QString &replacementId);
    void loadReplacement(const QString &replacementId);
    void simulateArrival();
    void showProblem(const ApiError &error, const char *context);

    Backend *m_backend;
    QPointer<CardsModel> m_model;
    Card m_card;
    QString m_accountName;
    bool m_actionsEnabled = true;
    QLabel *m_title;
    QLabel *m_placeholder;
    QVBoxLayout *m_innerLayout = nullptr;
    QWidget *m_body = nullptr;
    QFrame *m_problem = nullptr;
    QLabel *m_problemText = nullptr;
    QLabel *m_problemReference = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_activationNote = nullptr;
    QPushButton *m_simulateArrival = nullptr;
    QLabel *m_limits = nullptr;
    QHash<int, QPushButton *> m_actionButtons;
    QPushButton *m_replace = nullptr;
    QPushButton *m_activity = nullptr;
    QPointer<ApiJob> m_limitsJob;
    QPointer<ApiJob> m_replacementJob;
    QPointer<ApiJob> m_arrivalJob;
    QString m_limitsCardId;                     // whose limits are shown or loading
    QHash<QString, QString> m_replacementLast4; // replacement card id -> its last four digits
};

} // namespace tessera::ui
