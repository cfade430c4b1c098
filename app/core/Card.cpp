#include "Card.h"

#include <array>
#include <QRegularExpression>
#include <utility>

namespace tessera {

namespace {

constexpr std::array<std::pair<CardType, const char *>, 6> CardTypeNames{{
    {CardType::IndividualDebitCard, "individualDebitCard"},
    {CardType::IndividualVirtualDebitCard, "individualVirtualDebitCard"},
    {CardType::BusinessDebitCard, "businessDebitCard"},
    {CardType::BusinessVirtualDebitCard, "businessVirtualDebitCard"},
    {CardType::BusinessCreditCard, "businessCreditCard"},
    {CardType::BusinessVirtualCreditCard, "businessVirtualCreditCard"},
}};

constexpr std::array<std::pair<CardStatus, const char *>, 8> CardStatusNames{{
    {CardStatus::Active, "Active"},
    {CardStatus::Inactive, "Inactive"},
    {CardStatus::Stolen, "Stolen"},
    {CardStatus::Lost, "Lost"},
    {CardStatus::Frozen, "Frozen"},
    {CardStatus::ClosedByCustomer, "ClosedByCustomer"},
    {CardStatus::SuspectedFraud, "SuspectedFraud"},
    {CardStatus::ActiveForOnlineUse, "ActiveForOnlineUse"},
}};

template <class Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QLatin1String(name);
    }
    return QStringLiteral("Unknown");
}

template <class Enum, std::size_t N>
Enum valueOf(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name)
{
    for (const auto &[e, n] : table) {
        if (name == QLatin1String(n))
            return e;
    }
    return Enum::Unknown;
}

} // namespace

QString cardTypeName(CardType type)
{
    return nameOf(CardTypeNames, type);
}

CardType cardTypeFromName(const QString &name)
{
    return valueOf(CardTypeNames, name);
}

QString cardStatusName(CardStatus status)
{
    return nameOf(CardStatusNames, status);
}

CardStatus cardStatusFromName(const QString &name)
{
    return valueOf(CardStatusNames, name);
}

bool isVirtualCardType(CardType type)
{
    return type == CardType::IndividualVirtualDebitCard ||
           type == CardType::BusinessVirtualDebitCard ||
           type == CardType::BusinessVirtualCreditCard;
}

QString Card::replacedById() const
{
    const QString replacement = tags.value(ReplacedByTag);
    return replacement == id ? QString() : replacement; // a card never replaces itself
}

QDate Card::lastValidDay() const
{
    static const QRegularExpression format(QStringLiteral("^([0-9]{4})-([0-9]{2})$"));
    const QRegularExpressionMatch match = format.match(expirationDate);
    if (!match.hasMatch())
        return {};
    const QDate first(match.captured(1).toInt(), match.captured(2).toInt(), 1);
    return first.isValid() ? first.addMonths(1).addDays(-1) : QDate();
}

bool Card::isExpired(QDate today) const
{
    const QDate last = lastValidDay();
    return last.isValid() && today.isValid() && today > last;
}

bool Card::expiresSoon(QDate today) const
{
    const QDate last = lastValidDay();
    // The card stops working the day after `last`.
    return last.isValid() && today.isValid() && today <= last &&
           today.daysTo(last.addDays(1)) <= ExpiresSoonDays;
}

} // namespace tessera
