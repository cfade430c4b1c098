#pragma once

#include "Card.h"

#include <QWizardPage>

class QLabel;

namespace tessera::ui {

// What the server created: the kind of card, its last four digits, its status and what to do
// about it, and its expiry.
class CardCreatedPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CardCreatedPage(QWidget *parent = nullptr);

    void setCard(const Card &card);

    // "Not activated — activate it when it arrives" and the like.
    static QString describeStatus(const Card &card);

private:
    QLabel *m_heading;
    QLabel *m_summary;
};

} // namespace tessera::ui
