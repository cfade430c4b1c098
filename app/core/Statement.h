#pragma once

#include <QDate>
#include <QMetaType>
#include <QString>

namespace tessera {

// One of Unit's monthly account statements (schemas/statement/statement.json).
struct Statement
{
    QString id;
    QString typeName = QStringLiteral("accountStatementDTO"); // as received
    QString period;                                           // "2026-10"
    QString accountId;
    QString customerId;

    // The first day of the period's month; invalid when `period` is not "YYYY-MM".
    QDate periodStart() const
    {
        return QDate::fromString(period + QStringLiteral("-01"), Qt::ISODate);
    }
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::Statement)
