#include "SimulatePurchaseDialog.h"

#include "Money.h"
#include "Style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

// The largest purchase the dialog lets a demo make: $10,000.
constexpr qint64 MaxAmountCents = 1000000;

} // namespace

SimulatePurchaseDialog::SimulatePurchaseDialog(const Card &card, QWidget *parent)
    : QDialog(parent)
    , m_amount(new QLineEdit(this))
    , m_merchant(new QComboBox(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("simulatePurchaseDialog"));
    setWindowTitle(tr("Simulate a purchase"));

    auto *intro = new QLabel(
        tr("A merchant charges card •••• %1, as in a shop. The payment shows as pending at once "
           "and settles a few seconds later. Sandbox only: no real money moves.")
            .arg(card.last4Digits),
        this);
    intro->setWordWrap(true);

    m_amount->setObjectName(QStringLiteral("simulatedAmount"));
    m_amount->setPlaceholderText(QLocale().toString(12.5, 'f', 2));
    m_amount->setText(QLocale().toString(12.5, 'f', 2));
    m_merchant->setObjectName(QStringLiteral("simulatedMerchant"));
    m_merchant->setEditable(true);
    m_merchant->addItems({QStringLiteral("Blue Bottle Coffee"),
                          QStringLiteral("Whole Foods Market"), QStringLiteral("Shell"),
                          QStringLiteral("Amazon.com"), QStringLiteral("Walgreens")});
    m_problem->setObjectName(QStringLiteral("simulationProblem"));
    m_problem->setWordWrap(true);
    Style::markAsError(m_problem);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Amount ($):"), m_amount);
    form->addRow(tr("&Merchant:"), m_merchant);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Simulate"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("simulateButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SimulatePurchaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SimulatePurchaseDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_amount->selectAll();
    m_amount->setFocus();
}

QString SimulatePurchaseDialog::merchantName() const
{
    return m_merchant->currentText().trimmed();
}

void SimulatePurchaseDialog::accept()
{
    const std::optional<qint64> cents = Money::parse(m_amount->text());
    QString problem;
    if (!cents || *cents <= 0)
        problem =
            tr("Type an amount of dollars, such as %1.").arg(QLocale().toString(12.5, 'f', 2));
    else if (*cents > MaxAmountCents)
        problem = tr("A simulated purchase is at most %1.").arg(Money::format(MaxAmountCents));
    else if (merchantName().isEmpty())
        problem = tr("Type the merchant's name.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    m_amountCents = *cents;
    QDialog::accept();
}

} // namespace tessera::ui
