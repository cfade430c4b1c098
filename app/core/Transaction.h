#pragma once

#include "Tags.h"

#include <optional>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tessera {

// Money moving out of (Debit) or into (Credit) the account, as Unit says it.
enum class Direction { Debit, Credit };

QString directionName(Direction direction);
std::optional<Direction> directionFromName(const QString &name);

// Unit's Merchant object (types.json): name, MCC, category, location, network id.
struct Merchant
{
    QString name;
    int type = 0; // ISO 18245 merchant category code
    QString category;
    QString location;
    QString id;
};

// The kinds of transaction Tessera tells apart. Unit has some forty types and adds more; any
// type not listed here is Other — shown as "Other", never a reason to fail a list.
enum class TransactionKind {
    Other,
    Purchase,      // purchaseTransaction
    Atm,           // atmTransaction
    Card,          // cardTransaction
    CardReversal,  // cardReversalTransaction
    ReceivedAch,   // receivedAchTransaction
    OriginatedAch, // originatedAchTransaction
    Book,          // bookTransaction
    Fee,           // feeTransaction
    FeeReversal,   // feeReversalTransaction
    Interest,      // interestTransaction
};

// Unit's resource type for a kind ("purchaseTransaction"); empty for Other.
QString transactionTypeName(TransactionKind kind);
TransactionKind transactionKindFromTypeName(const QString &typeName);
// The name GET /transactions takes in filter[type][] ("Purchase", "ReceivedAch"): the type
// name without its "Transaction" suffix, capitalised. Empty for Other.
QString transactionFilterName(TransactionKind kind);
std::optional<TransactionKind> transactionKindFromFilterName(const QString &name);

// One of Unit's transactions (schemas/transaction/transaction.json): settled money on an
// account, newest first in Unit's lists. Amounts are positive cents; `direction` gives the sign.
struct Transaction
{
    QString id;
    TransactionKind kind = TransactionKind::Other;
    QString typeName; // as received, so an unknown type is kept and re-encoded as it came
    QDateTime createdAt;
    Direction direction = Direction::Debit;
    qint64 amount = 0;             // cents, never negative
    std::optional<qint64> balance; // the account's balance after it, in cents
    QString summary;
    // Card transactions (purchase, ATM, card, card reversal)
    QString cardLast4Digits;
    std::optional<Merchant> merchant;
    bool recurring = false;
    bool ecommerce = false;   // purchases: bought online
    bool cardPresent = false; // purchases: the card was at the terminal
    QString atmName;
    QString atmLocation;
    qint64 surcharge = 0;
    // ACH and book transfers: who paid or was paid, and their description.
    QString counterpartyName; // receivedAch: companyName; originatedAch/book: counterparty.name
    QString counterpartyRoutingNumber;
    QString description;
    Tags tags;
    // Relationships
    QString accountId;
    QString customerId;
    QString cardId;
    QString authorizationId;

    // Negative for a debit: what the account's balance moved by.
    qint64 signedAmount() const { return direction == Direction::Debit ? -amount : amount; }
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::Transaction)
