#pragma once

#include "Card.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tessera::ui {

// Sandbox only: what a merchant charges the card in a simulated purchase — the amount and the
// merchant's name. A wrong amount is said under it and what was typed stays.
class SimulatePurchaseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SimulatePurchaseDialog(const Card &card, QWidget *parent = nullptr);

    qint64 amountCents() const { return m_amountCents; }
    QString merchantName() const;

    void accept() override;

private:
    QLineEdit *m_amount;
    QComboBox *m_merchant;
    QLabel *m_problem;
    qint64 m_amountCents = 0;
};

} // namespace tessera::ui
