#include "ActivityEntry.h"

namespace tessera {

QString ActivityEntry::id() const
{
    return std::visit([](const auto &r) { return r.id; }, record);
}

QDateTime ActivityEntry::createdAt() const
{
    return std::visit([](const auto &r) { return r.createdAt; }, record);
}

qint64 ActivityEntry::signedAmount() const
{
    if (const Transaction *t = transaction())
        return t->signedAmount();
    // An authorization is a card payment: money that leaves the account.
    return -authorization()->amount;
}

ActivityEntry::Status ActivityEntry::status() const
{
    const Authorization *a = authorization();
    if (!a)
        return Status::Settled;
    switch (a->status) {
    case AuthorizationStatus::Declined:
    case AuthorizationStatus::Canceled:
        return Status::Declined;
    case AuthorizationStatus::Completed:
        return Status::Settled;
    case AuthorizationStatus::Authorized:
    case AuthorizationStatus::Unknown:
        break;
    }
    return Status::Pending;
}

QString ActivityEntry::counterparty() const
{
    if (const Authorization *a = authorization())
        return a->merchant.name.isEmpty() ? a->summary : a->merchant.name;
    const Transaction &t = *transaction();
    if (t.merchant && !t.merchant->name.isEmpty())
        return t.merchant->name;
    if (!t.atmName.isEmpty())
        return t.atmName;
    if (!t.counterpartyName.isEmpty())
        return t.counterpartyName;
    return t.summary;
}

QString ActivityEntry::kindText() const
{
    const Transaction *t = transaction();
    if (!t)
        return tr("Card purchase");
    switch (t->kind) {
    case TransactionKind::Purchase:
        return tr("Card purchase");
    case TransactionKind::Atm:
        return t->direction == Direction::Credit ? tr("ATM deposit") : tr("ATM withdrawal");
    case TransactionKind::Card:
        return tr("Card payment");
    case TransactionKind::CardReversal:
        return tr("Card refund");
    case TransactionKind::ReceivedAch:
        return t->direction == Direction::Credit ? tr("Deposit (ACH)") : tr("Withdrawal (ACH)");
    case TransactionKind::OriginatedAch:
        return tr("Payment (ACH)");
    case TransactionKind::Book:
        return tr("Transfer");
    case TransactionKind::Fee:
        return tr("Fee");
    case TransactionKind::FeeReversal:
        return tr("Fee refund");
    case TransactionKind::Interest:
        return tr("Interest");
    case TransactionKind::Other:
        break;
    }
    return tr("Other");
}

QString ActivityEntry::statusText() const
{
    const Authorization *a = authorization();
    switch (status()) {
    case Status::Settled:
        return {};
    case Status::Pending:
        return tr("Pending");
    case Status::Declined:
        if (a && a->status == AuthorizationStatus::Canceled)
            return tr("Canceled");
        return declineReasonText(a ? a->declineReason : QString());
    }
    return {};
}

QString ActivityEntry::cardLast4Digits() const
{
    return std::visit([](const auto &r) { return r.cardLast4Digits; }, record);
}

std::optional<qint64> ActivityEntry::balanceAfter() const
{
    if (const Transaction *t = transaction())
        return t->balance;
    return std::nullopt;
}

QString ActivityEntry::declineReasonText(const QString &unitReason)
{
    // Unit's reasons (authorizationRequest.json's decline reasons, and what its card
    // authorizations report).
    if (unitReason == QLatin1String("InsufficientFunds"))
        return tr("Declined: not enough money");
    if (unitReason == QLatin1String("AccountClosed"))
        return tr("Declined: the account is closed");
    if (unitReason == QLatin1String("CardExceedsAmountLimit"))
        return tr("Declined: over the card's spending limit");
    if (unitReason == QLatin1String("DoNotHonor") ||
        unitReason == QLatin1String("ReferToCardIssuer"))
        return tr("Declined by the bank");
    if (unitReason == QLatin1String("InvalidMerchant"))
        return tr("Declined: the merchant was not accepted");
    if (unitReason == QLatin1String("RestrictedCard") ||
        unitReason == QLatin1String("TransactionNotPermittedToCardholder"))
        return tr("Declined: the card cannot be used for this");
    return tr("Declined");
}

} // namespace tessera
