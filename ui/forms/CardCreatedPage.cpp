#include "CardCreatedPage.h"

#include "CardKindPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tessera::ui {

CardCreatedPage::CardCreatedPage(QWidget *parent)
    : QWizardPage(parent)
    , m_heading(new QLabel(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("cardCreatedPage"));
    setTitle(tr("Your card is ready"));
    setSubTitle(tr("Here are the details of your new card."));
    setFinalPage(true);

    m_heading->setObjectName(QStringLiteral("createdCardHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_summary->setObjectName(QStringLiteral("createdCardSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addSpacing(8);
    layout->addWidget(m_summary);
    layout->addStretch();
}

void CardCreatedPage::setCard(const Card &card)
{
    m_heading->setText(card.isVirtual() ? tr("Your virtual card can be used online right away.")
                                        : tr("Your card will be mailed to the address you gave."));
    const QString kind =
        card.type == CardType::Unknown ? card.typeName : CardKindPage::describe(card.type);
    QStringList lines;
    lines << tr("%1 ending in %2").arg(kind, card.last4Digits);
    lines << tr("Status: %1").arg(describeStatus(card));
    lines << tr("Expires: %1").arg(formatExpiry(card.expirationDate));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_summary->setAccessibleName(m_summary->text());
}

QString CardCreatedPage::describeStatus(const Card &card)
{
    switch (card.status) {
    case CardStatus::Inactive:
        return card.isVirtual() ? tr("Inactive") : tr("Inactive — activate it when it arrives");
    case CardStatus::Active:
        return card.isVirtual() ? tr("Active — ready to use online") : tr("Active");
    case CardStatus::ActiveForOnlineUse:
        return tr("Active for online use — activate it when it arrives to use it in stores");
    case CardStatus::Frozen:
        return tr("Frozen");
    default:
        break;
    }
    return card.statusName.isEmpty() ? cardStatusName(card.status) : card.statusName;
}

QString CardCreatedPage::formatExpiry(const QString &expirationDate)
{
    // Unit sends "YYYY-MM"; cards print "MM/YY".
    if (expirationDate.size() == 7 && expirationDate.at(4) == QLatin1Char('-'))
        return expirationDate.mid(5, 2) + QLatin1Char('/') + expirationDate.mid(2, 2);
    return expirationDate;
}

} // namespace tessera::ui
