#include "Transaction.h"

#include <array>
#include <utility>

namespace tessera {

namespace {

constexpr std::array<std::pair<TransactionKind, const char *>, 10> TypeNames = {{
    {TransactionKind::Purchase, "purchaseTransaction"},
    {TransactionKind::Atm, "atmTransaction"},
    {TransactionKind::Card, "cardTransaction"},
    {TransactionKind::CardReversal, "cardReversalTransaction"},
    {TransactionKind::ReceivedAch, "receivedAchTransaction"},
    {TransactionKind::OriginatedAch, "originatedAchTransaction"},
    {TransactionKind::Book, "bookTransaction"},
    {TransactionKind::Fee, "feeTransaction"},
    {TransactionKind::FeeReversal, "feeReversalTransaction"},
    {TransactionKind::Interest, "interestTransaction"},
}};

} // namespace

QString directionName(Direction direction)
{
    return direction == Direction::Debit ? QStringLiteral("Debit") : QStringLiteral("Credit");
}

std::optional<Direction> directionFromName(const QString &name)
{
    if (name == QLatin1String("Debit"))
        return Direction::Debit;
    if (name == QLatin1String("Credit"))
        return Direction::Credit;
    return std::nullopt;
}

QString transactionTypeName(TransactionKind kind)
{
    for (const auto &[k, name] : TypeNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

TransactionKind transactionKindFromTypeName(const QString &typeName)
{
    for (const auto &[kind, name] : TypeNames) {
        if (typeName == QLatin1String(name))
            return kind;
    }
    return TransactionKind::Other;
}

QString transactionFilterName(TransactionKind kind)
{
    QString name = transactionTypeName(kind);
    if (name.isEmpty())
        return {};
    name.chop(int(qstrlen("Transaction")));
    name[0] = name[0].toUpper();
    return name;
}

std::optional<TransactionKind> transactionKindFromFilterName(const QString &name)
{
    for (const auto &[kind, typeName] : TypeNames) {
        if (transactionFilterName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace tessera
