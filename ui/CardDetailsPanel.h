#pragma once

#include "Card.h"
#include "CardLifecycle.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace tessera {
class ApiJob;
class Backend;
} // namespace tessera

namespace tessera::ui {

// Everything non-sensitive about the selected card, its limits and the actions its status
// allows. Card number, CVV, PIN and wallets need Unit's PCI-isolated components, so the panel
// says they are not available here rather than imitating them.
class CardDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CardDetailsPanel(Backend *backend, QWidget *parent = nullptr);

    void showCard(const Card &card, const QString &accountName);
    void clear();
    // Off while an action on the card is on its way, so a second one cannot be sent.
    void setActionsEnabled(bool enabled);
    QPushButton *actionButton(CardAction action) const
    {
        return m_actionButtons.value(int(action));
    }

    static QString actionText(CardAction action);

signals:
    void actionRequested(const tessera::Card &card, tessera::CardAction action);
    void replaceRequested(const tessera::Card &card);

private:
    void loadLimits();
    void addRow(const QString &label, const QString &value, const char *objectName);

    Backend *m_backend;
    Card m_card;
    QLabel *m_title;
    QLabel *m_placeholder;
    QWidget *m_body;
    QFormLayout *m_form;
    QLabel *m_limits;
    QHash<int, QPushButton *> m_actionButtons;
    QPushButton *m_replace;
    QPointer<ApiJob> m_limitsJob;
    QString m_limitsCardId; // whose limits are shown or loading
};

} // namespace tessera::ui
