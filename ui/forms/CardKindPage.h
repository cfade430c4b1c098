#pragma once

#include "Card.h"

#include <QWizardPage>

class QRadioButton;

namespace tessera::ui {

// First step of creating a card: a physical debit card that is mailed, or a virtual one that
// works online at once.
class CardKindPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CardKindPage(QWidget *parent = nullptr);

    CardType cardType() const;
    bool isVirtual() const { return isVirtualCardType(cardType()); }

private:
    QRadioButton *m_physical;
    QRadioButton *m_virtual;
};

} // namespace tessera::ui
