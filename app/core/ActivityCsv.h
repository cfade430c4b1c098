#pragma once

#include "ActivityEntry.h"

#include <QByteArray>

namespace tessera {

// Activity as CSV for spreadsheets and bookkeeping programs (RFC 4180): UTF-8 without a BOM,
// CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled).
// Locale-independent whatever the UI language, so a file reads the same everywhere: dates
// ISO 8601 UTC, amounts signed dollars with two decimals and a dot, Unit's names for types.
class ActivityCsv
{
public:
    // "Date,Description,Type,Status,Amount,Balance,Card,ID" and CRLF.
    static QByteArray header();
    // One entry: 2026-11-28T14:03:12Z,Blue Bottle Coffee,Purchase,Settled,-4.50,1234.56,1234,...
    static QByteArray row(const ActivityEntry &entry);

    // "-1234.50", "12.00": cents as dollars with a dot, whatever the locale.
    static QByteArray amount(qint64 cents);
    // A field as RFC 4180 writes it.
    static QByteArray field(const QString &text);
};

} // namespace tessera
