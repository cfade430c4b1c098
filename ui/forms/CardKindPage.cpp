#include "CardKindPage.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    // Indented under its radio button so it reads as that option's explanation.
    label->setContentsMargins(24, 0, 0, 0);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

} // namespace

CardKindPage::CardKindPage(QWidget *parent)
    : QWizardPage(parent)
    , m_physical(new QRadioButton(tr("&Physical debit card"), this))
    , m_virtual(new QRadioButton(tr("&Virtual debit card"), this))
{
    setObjectName(QStringLiteral("cardKindPage"));
    setTitle(tr("Choose a card"));
    setSubTitle(tr("Both kinds draw on one of your deposit accounts."));

    m_physical->setObjectName(QStringLiteral("physicalCardOption"));
    m_virtual->setObjectName(QStringLiteral("virtualCardOption"));
    m_physical->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_physical);
    group->addButton(m_virtual);

    QLabel *physicalText =
        explanation(tr("Mailed to the address you choose; you activate it when it arrives."), this);
    QLabel *virtualText =
        explanation(tr("Ready at once for online and in-app purchases; nothing is mailed."), this);
    m_physical->setAccessibleDescription(physicalText->text());
    m_virtual->setAccessibleDescription(virtualText->text());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_physical);
    layout->addWidget(physicalText);
    layout->addSpacing(12);
    layout->addWidget(m_virtual);
    layout->addWidget(virtualText);
    layout->addStretch();
}

CardType CardKindPage::cardType() const
{
    return m_virtual->isChecked() ? CardType::IndividualVirtualDebitCard
                                  : CardType::IndividualDebitCard;
}

} // namespace tessera::ui
