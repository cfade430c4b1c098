#include "SandboxStore.h"

#include "GeneratedCards.h"
#include "JsonApiCodec.h"
#include "Logging.h"

#include <algorithm>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <utility>

namespace tessera::sandbox {

namespace {

bool isIdentifier(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[1-9][0-9]{0,17}$"));
    return pattern.match(id).hasMatch();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// A seed card may carry "limits" (and totals) beside its attributes; the codec ignores
// them on the card, so they are decoded through the codec's limits resource instead.
std::optional<CardLimits> seedLimits(const QJsonObject &cardResource, QString *problem)
{
    const QJsonObject attributes = cardResource.value(QLatin1String("attributes")).toObject();
    QJsonObject limitsAttributes;
    for (const char *key : {"limits", "dailyTotals", "monthlyTotals"}) {
        const QJsonValue value = attributes.value(QLatin1String(key));
        if (!value.isUndefined())
            limitsAttributes.insert(QLatin1String(key), value);
    }
    const QJsonObject resource{{QStringLiteral("type"), QStringLiteral("limits")},
                               {QStringLiteral("attributes"), limitsAttributes}};
    Result<CardLimits> limits = JsonApiCodec::decodeCardLimits(resource);
    if (!limits) {
        *problem = limits.error().detail;
        return std::nullopt;
    }
    return limits.value();
}

} // namespace

bool SandboxStore::loadSeed(const QByteArray &json, QString *error)
{
    Result<QJsonObject> document = JsonApiCodec::parseDocument(json);
    if (!document)
        return fail(error, QStringLiteral("seed: %1").arg(document.error().detail));
    const QJsonObject &root = document.value();

    SandboxStore fresh;
    qint64 maxCardId = 0;

    for (const QJsonValue &value : root.value(QLatin1String("customers")).toArray()) {
        Result<Customer> customer = JsonApiCodec::decodeCustomer(value.toObject());
        if (!customer)
            return fail(error, QStringLiteral("seed customer: %1").arg(customer.error().detail));
        if (!isIdentifier(customer->id) || fresh.m_customerIndex.contains(customer->id))
            return fail(
                error,
                QStringLiteral("seed customer: bad or duplicate id \"%1\"").arg(customer->id));
        fresh.m_customerIndex.insert(customer->id, fresh.m_customers.size());
        fresh.m_customers.append(customer.value());
    }

    for (const QJsonValue &value : root.value(QLatin1String("accounts")).toArray()) {
        Result<Account> account = JsonApiCodec::decodeAccount(value.toObject());
        if (!account)
            return fail(error, QStringLiteral("seed account: %1").arg(account.error().detail));
        if (!isIdentifier(account->id) || fresh.m_accountIndex.contains(account->id))
            return fail(
                error, QStringLiteral("seed account: bad or duplicate id \"%1\"").arg(account->id));
        if (!fresh.customer(account->customerId))
            return fail(error, QStringLiteral("seed account %1: unknown customer \"%2\"")
                                   .arg(account->id, account->customerId));
        fresh.m_accountIndex.insert(account->id, fresh.m_accounts.size());
        fresh.m_accounts.append(account.value());
    }

    for (const QJsonValue &value : root.value(QLatin1String("cards")).toArray()) {
        Result<Card> decoded = JsonApiCodec::decodeCard(value.toObject());
        if (!decoded)
            return fail(error, QStringLiteral("seed card: %1").arg(decoded.error().detail));
        Card card = decoded.value();
        if (!isIdentifier(card.id) || fresh.m_cardIndex.contains(card.id))
            return fail(error,
                        QStringLiteral("seed card: bad or duplicate id \"%1\"").arg(card.id));
        const Account *account = fresh.loadedAccount(card.accountId);
        if (!account)
            return fail(error, QStringLiteral("seed card %1: unknown account \"%2\"")
                                   .arg(card.id, card.accountId));
        if (card.customerId.isEmpty())
            card.customerId = account->customerId;
        if (card.customerId != account->customerId)
            return fail(error, QStringLiteral("seed card %1: customer does not own account %2")
                                   .arg(card.id, card.accountId));
        QString problem;
        const std::optional<CardLimits> limits = seedLimits(value.toObject(), &problem);
        if (!limits)
            return fail(error, QStringLiteral("seed card %1: %2").arg(card.id, problem));
        fresh.m_limits.insert(card.id, *limits);
        maxCardId = qMax(maxCardId, card.id.toLongLong());
        fresh.m_cardIndex.insert(card.id, fresh.m_cards.size());
        fresh.m_cards.append(card);
    }
    fresh.m_nextCardId = maxCardId + 1;

    fresh.m_seedCardCount = fresh.m_cards.size();
    for (const QJsonValue &value : root.value(QLatin1String("generatedCards")).toArray()) {
        const QJsonObject spec = value.toObject();
        const Account *account =
            fresh.loadedAccount(spec.value(QLatin1String("accountId")).toString());
        const Customer *owner = fresh.customer(spec.value(QLatin1String("customerId")).toString());
        const qint64 count = spec.value(QLatin1String("count")).toInteger(-1);
        if (!account || !owner || account->customerId != owner->id)
            return fail(error, QStringLiteral("seed generatedCards: unknown customer/account"));
        if (count < 0 || count > 100000)
            return fail(error, QStringLiteral("seed generatedCards: count must be 0..100000"));
        // Their ids now, so cards added before they are made come after them.
        if (count > 0)
            fresh.m_pendingBatches.append({owner->id, account->id, fresh.m_nextCardId, count});
        fresh.m_nextCardId += count;
    }

    // Histories: their plans, and what the accounts' holds depend on, now; transactions later.
    fresh.m_historyEnd = m_historyEnd;
    const QDateTime historyEnd =
        m_historyEnd.isValid() ? m_historyEnd : QDateTime::currentDateTimeUtc();
    QHash<QString, qint64> exactCounts;
    for (const QJsonValue &value : root.value(QLatin1String("generatedHistory")).toArray()) {
        const QJsonObject spec = value.toObject();
        const QString accountId = spec.value(QLatin1String("accountId")).toString();
        const qint64 count = spec.value(QLatin1String("transactions")).toInteger(-1);
        if (!fresh.loadedAccount(accountId))
            return fail(error, QStringLiteral("seed generatedHistory: unknown account"));
        if (count < 1 || count >= AccountActivity::IdFactor)
            return fail(error, QStringLiteral("seed generatedHistory: transactions must be "
                                              "1..999999"));
        exactCounts.insert(accountId, count);
    }
    QElapsedTimer planning;
    planning.start();
    QHash<QString, QList<const Card *>> cardsByAccount;
    for (const Card &card : std::as_const(fresh.m_cards))
        cardsByAccount[card.accountId].append(&card);
    for (Account &account : fresh.m_accounts) {
        SandboxHistory::Plan plan = SandboxHistory::defaultPlan(account, historyEnd);
        if (exactCounts.contains(account.id)) {
            plan.start = account.createdAt.toUTC().date().addDays(1);
            plan.transactions = exactCounts.value(account.id);
        }
        const Customer *owner = fresh.customer(account.customerId);
        plan.business = owner && owner->isBusiness();
        fresh.m_historyPlans.insert(account.id, plan);
        // An account with cards still to make is prepared once they are made.
        if (!fresh.awaitsGeneratedCards({CardOrderIndex::Scope::Kind::Account, account.id}))
            fresh.prepareActivity(account, cardsByAccount.value(account.id));
    }

    qCDebug(lcSandbox) << "histories planned in" << planning.elapsed() << "ms";

    fresh.m_changedCardIds.clear(); // the seed itself is the baseline, not a change
    fresh.m_cardOrder.rebuild(fresh.m_cards);
    *this = std::move(fresh);
    qCInfo(lcSandbox) << "seed loaded:" << m_customers.size() << "customers," << m_accounts.size()
                      << "accounts," << cardCount() << "cards";
    return true;
}

const QList<Account> &SandboxStore::accounts() const
{
    makeGeneratedCards();
    return m_accounts;
}

const QList<Card> &SandboxStore::cards() const
{
    makeGeneratedCards();
    return m_cards;
}

int SandboxStore::cardCount() const
{
    qint64 count = m_cards.size();
    for (const GeneratedBatch &batch : m_pendingBatches)
        count += batch.count;
    return int(count);
}

bool SandboxStore::isGeneratedCardId(const QString &id) const
{
    if (m_pendingBatches.isEmpty())
        return false;
    bool isNumber = false;
    const qint64 number = id.toLongLong(&isNumber);
    return isNumber && std::any_of(m_pendingBatches.cbegin(), m_pendingBatches.cend(),
                                   [number](const GeneratedBatch &batch) {
                                       return number >= batch.firstId &&
                                              number < batch.firstId + batch.count;
                                   });
}

bool SandboxStore::awaitsGeneratedCards(const CardOrderIndex::Scope &scope) const
{
    using Kind = CardOrderIndex::Scope::Kind;
    return std::any_of(m_pendingBatches.cbegin(), m_pendingBatches.cend(),
                       [&scope](const GeneratedBatch &batch) {
                           return scope.kind == Kind::All ||
                                  (scope.kind == Kind::Customer && scope.id == batch.customerId) ||
                                  (scope.kind == Kind::Account && scope.id == batch.accountId);
                       });
}

void SandboxStore::makeGeneratedCards() const
{
    if (m_pendingBatches.isEmpty())
        return;
    // The one place the store changes behind a const accessor; see the declaration.
    auto *self = const_cast<SandboxStore *>(this);
    QElapsedTimer timer;
    timer.start();
    const QList<GeneratedBatch> batches = std::exchange(self->m_pendingBatches, {});
    const qsizetype firstSlot = m_cards.size();
    qint64 made = 0;
    for (const GeneratedBatch &batch : batches)
        made += batch.count;
    self->m_cards.reserve(firstSlot + made);
    self->m_cardIndex.reserve(firstSlot + made);
    QList<QString> accountIds;
    for (const GeneratedBatch &batch : batches) {
        // Copies: the card list grows while they are read.
        const Account account = m_accounts.at(m_accountIndex.value(batch.accountId));
        const Customer owner = m_customers.at(m_customerIndex.value(batch.customerId));
        GeneratedCards generated(account, owner);
        // As addCard() would store them, minus what a seed card needs no record of: limits
        // left at their defaults (limits() answers those anyway) and no change to remember.
        for (qint64 i = 0; i < batch.count; ++i) {
            Card card = generated.card(i);
            card.id = QString::number(batch.firstId + i);
            self->m_cardIndex.insert(card.id, m_cards.size());
            self->m_cards.append(std::move(card));
        }
        if (!accountIds.contains(batch.accountId))
            accountIds.append(batch.accountId);
    }
    // Sorting once beats inserting one by one; it also takes in the changes made so far.
    self->m_cardsToReindex.clear();
    self->m_cardOrder.rebuild(m_cards);

    // Their accounts' activity, from the cards the account had at load (the seed's, as they are
    // now) and the generated ones, as loadSeed() prepares the other accounts'.
    for (const QString &accountId : std::as_const(accountIds)) {
        QList<const Card *> cards;
        for (qsizetype slot = 0; slot < m_cards.size(); ++slot) {
            if ((slot < m_seedCardCount || slot >= firstSlot) &&
                m_cards.at(slot).accountId == accountId)
                cards.append(&m_cards.at(slot));
        }
        self->prepareActivity(self->m_accounts[m_accountIndex.value(accountId)], cards);
    }
    qCInfo(lcSandbox) << "generated" << made << "cards in" << timer.elapsed() << "ms";
}

void SandboxStore::prepareActivity(Account &account, const QList<const Card *> &cards)
{
    AccountActivity activity =
        SandboxHistory::prepare(account, cards, m_historyPlans.value(account.id));
    account.hold = activity.held();
    account.available = account.balance - account.hold;
    m_activities.insert(account.id, std::move(activity));
}

const Customer *SandboxStore::customer(const QString &id) const
{
    const auto it = m_customerIndex.constFind(id);
    return it == m_customerIndex.constEnd() ? nullptr : &m_customers.at(*it);
}

const Account *SandboxStore::account(const QString &id) const
{
    if (awaitsGeneratedCards({CardOrderIndex::Scope::Kind::Account, id}))
        makeGeneratedCards();
    return loadedAccount(id);
}

const Account *SandboxStore::loadedAccount(const QString &id) const
{
    const auto it = m_accountIndex.constFind(id);
    return it == m_accountIndex.constEnd() ? nullptr : &m_accounts.at(*it);
}

const Card *SandboxStore::card(const QString &id) const
{
    if (isGeneratedCardId(id))
        makeGeneratedCards();
    const auto it = m_cardIndex.constFind(id);
    return it == m_cardIndex.constEnd() ? nullptr : &m_cards.at(*it);
}

Account *SandboxStore::mutableAccount(const QString &id)
{
    if (awaitsGeneratedCards({CardOrderIndex::Scope::Kind::Account, id}))
        makeGeneratedCards();
    const auto it = m_accountIndex.constFind(id);
    return it == m_accountIndex.constEnd() ? nullptr : &m_accounts[*it];
}

AccountActivity *SandboxStore::activity(const QString &accountId)
{
    if (awaitsGeneratedCards({CardOrderIndex::Scope::Kind::Account, accountId}))
        makeGeneratedCards();
    const auto it = m_activities.find(accountId);
    return it == m_activities.end() ? nullptr : &it.value();
}

AccountActivity *SandboxStore::history(const QString &accountId)
{
    AccountActivity *activity = this->activity(accountId);
    const Account *account = this->account(accountId);
    if (!activity || !account || activity->hasRecords())
        return activity;
    QElapsedTimer timer;
    timer.start();
    activity->setRecords(
        SandboxHistory::transactions(*account, *activity, m_historyPlans.value(accountId)));
    qCInfo(lcSandbox) << "history of account" << accountId
                      << "generated:" << activity->records().size() << "transactions in"
                      << timer.elapsed() << "ms";
    return activity;
}

Card *SandboxStore::mutableCard(const QString &id)
{
    if (isGeneratedCardId(id))
        makeGeneratedCards();
    const auto it = m_cardIndex.constFind(id);
    if (it == m_cardIndex.constEnd())
        return nullptr;
    m_changedCardIds.insert(id);
    if (!m_cardsToReindex.contains(*it))
        m_cardsToReindex.insert(*it, m_cards.at(*it));
    return &m_cards[*it];
}

const CardOrderIndex &SandboxStore::cardOrder(const CardOrderIndex::Scope &scope)
{
    if (awaitsGeneratedCards(scope))
        makeGeneratedCards();
    for (auto it = m_cardsToReindex.cbegin(); it != m_cardsToReindex.cend(); ++it) {
        m_cardOrder.remove(it.value(), it.key());
        m_cardOrder.insert(m_cards.at(it.key()), it.key());
    }
    m_cardsToReindex.clear();
    return m_cardOrder;
}

QString SandboxStore::addCard(Card card, const CardLevelLimits &limits)
{
    card.id = QString::number(m_nextCardId++);
    CardLimits cardLimits;
    cardLimits.limits = limits;
    m_limits.insert(card.id, cardLimits);
    m_cardIndex.insert(card.id, m_cards.size());
    m_changedCardIds.insert(card.id);
    m_cardOrder.insert(card, m_cards.size());
    m_cards.append(std::move(card));
    return m_cards.constLast().id;
}

CardLimits SandboxStore::limits(const QString &cardId) const
{
    return m_limits.value(cardId);
}

QString SandboxStore::cardIdForIdempotencyKey(const QString &customerId, const QString &key) const
{
    return m_idempotency.value(customerId + QLatin1Char('\n') + key);
}

void SandboxStore::rememberIdempotencyKey(const QString &customerId, const QString &key,
                                          const QString &cardId)
{
    m_idempotency.insert(customerId + QLatin1Char('\n') + key, cardId);
}

QJsonObject SandboxStore::changes() const
{
    QJsonArray cards;
    QJsonObject limits;
    for (const QString &id : m_changedCardIds) {
        if (const Card *changed = card(id)) {
            cards.append(JsonApiCodec::encode(*changed));
            limits.insert(id, JsonApiCodec::encode(m_limits.value(id)));
        }
    }
    QJsonObject idempotency;
    for (auto it = m_idempotency.begin(); it != m_idempotency.end(); ++it)
        idempotency.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("cards"), cards},
                       {QStringLiteral("limits"), limits},
                       {QStringLiteral("idempotency"), idempotency},
                       {QStringLiteral("nextCardId"), m_nextCardId}};
}

bool SandboxStore::applyChanges(const QJsonObject &changes, QString *error)
{
    SandboxStore updated = *this;
    const QJsonObject limits = changes.value(QLatin1String("limits")).toObject();
    for (const QJsonValue &value : changes.value(QLatin1String("cards")).toArray()) {
        Result<Card> decoded = JsonApiCodec::decodeCard(value.toObject());
        if (!decoded)
            return fail(error, QStringLiteral("state: %1").arg(decoded.error().detail));
        Card changed = std::move(decoded).value();
        if (!updated.customer(changed.customerId) || !updated.account(changed.accountId))
            return fail(
                error,
                QStringLiteral("state: card %1 belongs to no seeded account").arg(changed.id));
        // Listing relies on it: an account's cards are its owner's (CardOrderIndex).
        if (updated.account(changed.accountId)->customerId != changed.customerId)
            return fail(error, QStringLiteral("state: card %1: customer does not own account %2")
                                   .arg(changed.id, changed.accountId));
        const Result<CardLimits> cardLimits =
            JsonApiCodec::decodeCardLimits(limits.value(changed.id).toObject());
        updated.m_limits.insert(changed.id, cardLimits ? cardLimits.value() : CardLimits{});
        updated.m_changedCardIds.insert(changed.id);
        updated.m_nextCardId = qMax(updated.m_nextCardId, changed.id.toLongLong() + 1);
        if (Card *existing = updated.mutableCard(changed.id)) {
            *existing = std::move(changed);
        } else {
            updated.m_cardIndex.insert(changed.id, updated.m_cards.size());
            updated.m_cards.append(std::move(changed));
        }
    }
    const QJsonObject idempotency = changes.value(QLatin1String("idempotency")).toObject();
    for (auto it = idempotency.begin(); it != idempotency.end(); ++it)
        updated.m_idempotency.insert(it.key(), it.value().toString());
    updated.m_nextCardId =
        qMax(updated.m_nextCardId, changes.value(QLatin1String("nextCardId")).toInteger());
    updated.m_cardsToReindex.clear();
    updated.m_cardOrder.rebuild(updated.m_cards);
    *this = std::move(updated);
    return true;
}

} // namespace tessera::sandbox
