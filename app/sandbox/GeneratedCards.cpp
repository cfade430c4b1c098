#include "GeneratedCards.h"

namespace tessera::sandbox {

Card GeneratedCards::card(qint64 index)
{
    static const CardStatus statusCycle[] = {
        CardStatus::Active, CardStatus::Active, CardStatus::Active, CardStatus::Inactive,
        CardStatus::Active, CardStatus::Frozen, CardStatus::Active, CardStatus::ClosedByCustomer,
        CardStatus::Active, CardStatus::Lost,
    };
    static const QDateTime origin(QDate(2022, 1, 3), QTime(9, 0), Qt::UTC);
    static const QString freezeReason = QStringLiteral("Bulk demo freeze");
    static const QString bin = QStringLiteral("423456789");
    Card card;
    card.type =
        index % 3 == 2 ? CardType::IndividualVirtualDebitCard : CardType::IndividualDebitCard;
    card.typeName = cardTypeName(card.type);
    card.status = statusCycle[index % 10];
    card.statusName = cardStatusName(card.status);
    if (card.status == CardStatus::Frozen)
        card.freezeReason = freezeReason;
    card.createdAt = origin.addSecs(index * 3547); // roughly one per hour, never colliding
    card.last4Digits = fourDigits((index * 7919 + 1234) % 10000);
    card.bin = bin;
    // Issued for 4 years in 2022 and renewed once since, as Unit renews a card before it
    // expires: a usable demo card is never past its expiry.
    card.expirationDate = expiry(card.createdAt.date().addYears(8));
    if (!card.isVirtual())
        card.shippingAddress = m_customer.address;
    card.tags = batchTags(index / 500 + 1);
    card.accountId = m_account.id;
    card.accountType = m_account.type;
    card.customerId = m_customer.id;
    card.customerType = m_customer.type;
    return card;
}

QString GeneratedCards::fourDigits(qint64 number)
{
    QString text(4, Qt::Uninitialized);
    for (int i = 3; i >= 0; --i, number /= 10)
        text[i] = QLatin1Char(char('0' + number % 10));
    return text;
}

QString GeneratedCards::expiry(QDate date)
{
    const int month = date.year() * 12 + date.month();
    if (month != m_expiryMonth) {
        m_expiryMonth = month;
        m_expiry = fourDigits(date.year()) + QLatin1Char('-') + fourDigits(date.month()).mid(2);
    }
    return m_expiry;
}

Tags GeneratedCards::batchTags(qint64 batch)
{
    if (batch != m_batch) {
        m_batch = batch;
        m_tags = Tags{{QStringLiteral("batch"), QString::number(batch)}};
    }
    return m_tags;
}

} // namespace tessera::sandbox
