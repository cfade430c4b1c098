#pragma once

#include <optional>
#include <QString>

namespace tessera {

// Unit's amounts are integer cents; this is the one place that turns them into text.
namespace Money {
// "$3,770.50" in the user's locale (US English when the locale is C); "3770,50 US$" in Spain.
QString format(qint64 cents);
// What a customer typed as an amount of dollars, in the user's locale ("12.50", "1,234.5",
// "$3" in the US; "12,50" or "1.234,50" in Spain), to cents. Nothing for text that is not a
// non-negative amount with at most two decimals.
std::optional<qint64> parse(const QString &text);
} // namespace Money

} // namespace tessera
