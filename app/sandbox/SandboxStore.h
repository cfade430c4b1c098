#pragma once

#include "Account.h"
#include "AccountActivity.h"
#include "Card.h"
#include "CardLimits.h"
#include "CardOrderIndex.h"
#include "Customer.h"
#include "SandboxHistory.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace tessera::sandbox {

// The sandbox's data: customers, accounts and cards held as Tessera's own value types, loaded
// from a seed document whose resources are JSON:API objects (so JsonApiCodec decodes them).
// Lookups are by id; "who may see what" is decided by the endpoints, not here.
//
// The seed's generated cards ("generatedCards", the Bulk Demo's 5 000) get their ids at load
// but are made when something first needs them: a lookup of one of their ids, their account or
// customer, a listing across customers, a walk over every card or account. Other customers'
// requests never pay for them, nor does every launch of the demo (~10 ms of start-up).
class SandboxStore
{
public:
    // Replaces all data. On failure the store is left unchanged.
    bool loadSeed(const QByteArray &json, QString *error = nullptr);
    // Where the generated histories end (for the next loadSeed()); by default the moment the
    // seed is loaded. Tests and screenshots fix it to get the same records every time.
    void setHistoryEnd(const QDateTime &end) { m_historyEnd = end; }

    const Customer *customer(const QString &id) const;
    const Account *account(const QString &id) const;
    const Card *card(const QString &id) const;
    // Counts as no change: balances follow the activity, which is not kept across runs.
    Account *mutableAccount(const QString &id);
    // Counts as a change of the card (see changes()).
    Card *mutableCard(const QString &id);

    const QList<Customer> &customers() const { return m_customers; }
    const QList<Account> &accounts() const;
    // Every card, the generated ones made first.
    const QList<Card> &cards() const;
    // Every card, made or not.
    int cardCount() const;
    // The cards held in memory: the generated ones count once they are made.
    qsizetype cardsInMemory() const { return m_cards.size(); }
    // The card in `slot` of the store, as CardOrderIndex names it.
    const Card &cardAt(qsizetype slot) const { return m_cards.at(slot); }
    // The cards in createdAt order, for listing `scope`; up to date with every change made so
    // far, and holding the generated cards when the scope includes them.
    const CardOrderIndex &cardOrder(const CardOrderIndex::Scope &scope);

    // Stores a new card under a fresh numeric id and returns that id.
    QString addCard(Card card, const CardLevelLimits &limits);
    CardLimits limits(const QString &cardId) const;

    // A deposit account's cards, authorizations and statements (made at seed load); null for
    // an unknown account.
    AccountActivity *activity(const QString &accountId);
    // The same with its transactions, generated on the account's first use.
    AccountActivity *history(const QString &accountId);
    // Records looked at to answer list requests, so tests can check what a page costs.
    qint64 recordsVisited() const { return m_recordsVisited; }
    void countVisits(qint64 records) const { m_recordsVisited += records; }

    // Idempotency keys are scoped per customer, so two customers can use the same key.
    QString cardIdForIdempotencyKey(const QString &customerId, const QString &key) const;
    void rememberIdempotencyKey(const QString &customerId, const QString &key,
                                const QString &cardId);

    // What changed since the seed (cards created or changed, their limits, idempotency keys),
    // so a demo can keep its state across runs; applyChanges() replays it onto the same seed.
    QJsonObject changes() const;
    bool applyChanges(const QJsonObject &changes, QString *error = nullptr);

private:
    // Cards of the seed's "generatedCards" not made yet, and the ids kept for them.
    struct GeneratedBatch
    {
        QString customerId;
        QString accountId;
        qint64 firstId = 0;
        qint64 count = 0;
    };

    bool isGeneratedCardId(const QString &id) const;
    // The account as it is, its generated cards made or not (for loading).
    const Account *loadedAccount(const QString &id) const;
    // Whether a card of `scope` is among them.
    bool awaitsGeneratedCards(const CardOrderIndex::Scope &scope) const;
    // Makes the pending generated cards, then their accounts' activity. Logically const: the
    // cards are part of the store from loadSeed() on, only made late.
    void makeGeneratedCards() const;
    // The account's activity from its cards and plan, and the holds that follow from it.
    void prepareActivity(Account &account, const QList<const Card *> &cards);

    QList<Customer> m_customers;
    QList<Account> m_accounts;
    QList<Card> m_cards;
    QHash<QString, qsizetype> m_customerIndex;
    QHash<QString, qsizetype> m_accountIndex;
    QHash<QString, qsizetype> m_cardIndex;
    QHash<QString, CardLimits> m_limits;
    QHash<QString, QString> m_idempotency;
    QSet<QString> m_changedCardIds;
    CardOrderIndex m_cardOrder;
    // Cards handed out by mutableCard() since the index was last brought up to date, as they
    // were indexed then (a caller may change their status through the pointer).
    QHash<qsizetype, Card> m_cardsToReindex;
    qint64 m_nextCardId = 1;
    QList<GeneratedBatch> m_pendingBatches;
    // The seed's own cards take the first slots; the generated ones are not among them.
    qsizetype m_seedCardCount = 0;
    QDateTime m_historyEnd;
    QHash<QString, SandboxHistory::Plan> m_historyPlans;
    QHash<QString, AccountActivity> m_activities;
    mutable qint64 m_recordsVisited = 0;
};

} // namespace tessera::sandbox
