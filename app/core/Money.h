#pragma once

#include <QString>

namespace tessera {

// Unit's amounts are integer cents; this is the one place that turns them into text.
namespace Money {
// "$3,770.50" in the user's locale (US English when the locale is C); "3770,50 US$" in Spain.
QString format(qint64 cents);
} // namespace Money

} // namespace tessera
