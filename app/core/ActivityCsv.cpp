#include "ActivityCsv.h"

#include <QStringList>

namespace tessera {

namespace {

// Type column: Unit's filter name for the transaction's type (what GET /transactions takes in
// filter[type]); an authorization is not a transaction and says so.
QString typeName(const ActivityEntry &entry)
{
    const Transaction *t = entry.transaction();
    if (!t)
        return QStringLiteral("Authorization");
    const QString name = transactionFilterName(t->kind);
    return name.isEmpty() ? QStringLiteral("Other") : name;
}

QString statusName(ActivityEntry::Status status)
{
    switch (status) {
    case ActivityEntry::Status::Settled:
        return QStringLiteral("Settled");
    case ActivityEntry::Status::Pending:
        return QStringLiteral("Pending");
    case ActivityEntry::Status::Declined:
        return QStringLiteral("Declined");
    }
    return {};
}

} // namespace

QByteArray ActivityCsv::header()
{
    return QByteArrayLiteral("Date,Description,Type,Status,Amount,Balance,Card,ID\r\n");
}

QByteArray ActivityCsv::amount(qint64 cents)
{
    const qint64 magnitude = cents < 0 ? -cents : cents;
    QByteArray text = cents < 0 ? QByteArrayLiteral("-") : QByteArray();
    text += QByteArray::number(magnitude / 100) + '.' +
            QByteArray::number(magnitude % 100).rightJustified(2, '0');
    return text;
}

QByteArray ActivityCsv::field(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    const bool quoted =
        bytes.contains(',') || bytes.contains('"') || bytes.contains('\r') || bytes.contains('\n');
    if (!quoted)
        return bytes;
    bytes.replace('"', QByteArrayLiteral("\"\""));
    return '"' + bytes + '"';
}

QByteArray ActivityCsv::row(const ActivityEntry &entry)
{
    const std::optional<qint64> balance = entry.balanceAfter();
    const QList<QByteArray> fields = {
        entry.createdAt().toUTC().toString(Qt::ISODate).toLatin1(),
        field(entry.counterparty()),
        field(typeName(entry)),
        statusName(entry.status()).toLatin1(),
        amount(entry.signedAmount()),
        balance ? amount(*balance) : QByteArray(),
        field(entry.cardLast4Digits()),
        field(entry.id()),
    };
    return fields.join(',') + "\r\n";
}

} // namespace tessera
