#pragma once

#include <optional>
#include <QMetaType>

namespace tessera {

// Card-level limits in cents; an unset limit means the account's or the program's applies.
struct CardLevelLimits
{
    std::optional<qint64> dailyWithdrawal;
    std::optional<qint64> dailyPurchase;
    std::optional<qint64> monthlyWithdrawal;
    std::optional<qint64> monthlyPurchase;
    std::optional<qint64> dailyCardTransaction;
    std::optional<qint64> monthlyCardTransaction;

    bool isEmpty() const
    {
        return !dailyWithdrawal && !dailyPurchase && !monthlyWithdrawal && !monthlyPurchase &&
               !dailyCardTransaction && !monthlyCardTransaction;
    }
};

struct CardTotals
{
    qint64 withdrawals = 0;
    qint64 deposits = 0;
    qint64 purchases = 0;
    qint64 cardTransactions = 0;
};

// GET /cards/{id}/limits
struct CardLimits
{
    CardLevelLimits limits;
    CardTotals dailyTotals;
    CardTotals monthlyTotals;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::CardLimits)
