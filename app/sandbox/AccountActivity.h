#pragma once

#include "Authorization.h"
#include "Statement.h"
#include "Transaction.h"

#include <optional>
#include <QDateTime>
#include <QList>
#include <QString>

namespace tessera::sandbox {

// What a generated record is about, shared by every record of the same merchant, ATM, payer
// or fee: the texts live once in SandboxHistory's catalogue, not in 200 000 records.
struct ActivityTemplate
{
    const char *name = "";     // merchant, ATM, ACH company, or the fee's summary
    int merchantType = 0;      // MCC
    const char *category = ""; // merchant category, or an ACH description
    const char *location = "";
    bool online = false;  // ecommerce, card not present
    qint64 surcharge = 0; // ATMs
    const char *routingNumber = "";
};

// One deposit account's activity, as the sandbox keeps it: its transactions in the order they
// happened (so "newest first" is the same list read backwards, and a page is found by its
// position, at any size), the positions of each card's transactions, its card authorizations
// and its monthly statements. Generated records are a few numbers and a pointer to a shared
// template; a Transaction is only put together for the records a page shows.
class AccountActivity
{
public:
    struct CardRef
    {
        QString id;
        QString last4Digits;
        qint64 issuedAtMs = 0;
        bool usedForPayments = true; // activated at some point (not Inactive)
        bool activeNow = false;      // may be authorized today
    };

    // One transaction, compactly.
    struct Record
    {
        qint64 createdAtMs = 0;
        qint64 amount = 0;  // cents, positive
        qint64 balance = 0; // after it
        const ActivityTemplate *what = nullptr;
        qint32 card = -1;   // into cards()
        qint32 detail = -1; // into the simulated transactions kept whole, or -1
        TransactionKind kind = TransactionKind::Other;
        Direction direction = Direction::Debit;
    };

    AccountActivity() = default;
    AccountActivity(QString accountId, QString customerId, QList<CardRef> cards);

    const QString &accountId() const { return m_accountId; }
    const QString &customerId() const { return m_customerId; }
    const QList<CardRef> &cards() const { return m_cards; }
    int cardSlot(const QString &cardId) const;
    // A card issued after the seed (its slot; the existing one if it is known already).
    int addCard(const CardRef &card);

    // Transactions: whether they were generated yet (SandboxStore does it on first use).
    bool hasRecords() const { return m_recordsReady; }
    // Replaces the generated records (in time order) and builds the per-card index.
    void setRecords(QList<Record> records);
    const QList<Record> &records() const { return m_records; }
    // The positions, in time order, of one card's transactions.
    const QList<qint32> &cardPositions(int slot) const;
    Transaction transaction(qsizetype position) const;
    // Appends a transaction that happens now (a simulation), after `balanceBefore` (the
    // account's balance, which is the last record's).
    Transaction append(Transaction transaction, qint64 balanceBefore);
    // Unit-style numeric ids that also say where a record is: account id, then the position.
    QString transactionId(qsizetype position) const;
    // The position a transaction id of this account names, if it does.
    std::optional<qsizetype> positionOf(const QString &transactionId) const;

    // Authorizations, in time order.
    const QList<Authorization> &authorizations() const { return m_authorizations; }
    void setAuthorizations(QList<Authorization> authorizations);
    Authorization *authorization(const QString &id);
    const Authorization *authorization(const QString &id) const;
    Authorization &addAuthorization(Authorization authorization);
    // What the account's Authorized authorizations hold.
    qint64 held() const;

    const QList<Statement> &statements() const { return m_statements; }
    void setStatements(QList<Statement> statements) { m_statements = std::move(statements); }
    const Statement *statement(const QString &id) const;

    // Ids start with the account id and are then `digits` long: room for a million records.
    static constexpr qint64 IdFactor = 1000000;

private:
    QString m_accountId;
    QString m_customerId;
    QList<CardRef> m_cards;
    bool m_recordsReady = false;
    QList<Record> m_records;
    QList<QList<qint32>> m_cardPositions;
    QList<Transaction> m_details;
    QList<Authorization> m_authorizations;
    QList<Statement> m_statements;
};

} // namespace tessera::sandbox
