#include "CardCreatedPage.h"

#include "CardsModel.h"

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
    QStringList lines;
    lines << tr("%1 ending in %2").arg(CardsModel::kindText(card), card.last4Digits);
    lines << tr("Status: %1").arg(describeStatus(card));
    lines << tr("Expires: %1").arg(CardsModel::expiryText(card));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_summary->setAccessibleName(m_summary->text());
}

// The status in the list's words, with what to do next.
QString CardCreatedPage::describeStatus(const Card &card)
{
    const QString status = CardsModel::statusText(card);
    if (card.status == CardStatus::Inactive && !card.isVirtual())
        return tr("%1 — activate it when it arrives").arg(status);
    if (card.status == CardStatus::Active && card.isVirtual())
        return tr("%1 — ready to use online").arg(status);
    if (card.status == CardStatus::ActiveForOnlineUse)
        return tr("%1 — activate it when it arrives to use it in stores").arg(status);
    return status;
}

} // namespace tessera::ui
