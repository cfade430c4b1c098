#include "CardEndpoints.h"

#include "CardDocumentWriter.h"
#include "CardRequestValidator.h"
#include "JsonApiCodec.h"
#include "Logging.h"
#include "SandboxClock.h"
#include "SandboxQuery.h"
#include "SandboxStore.h"

#include <algorithm>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <vector>

namespace tessera::sandbox {

namespace {

const QString DefaultBin = QStringLiteral("423456789");

SandboxResponse cardNotFound(const QString &cardId)
{
    return SandboxResponse::notFound(
        QStringLiteral("The specified card with id %1 was not found.").arg(cardId));
}

SandboxResponse cardDocument(int status, const Card &card, const QJsonArray &included = {})
{
    return SandboxResponse::document(
        status, JsonApiCodec::singleDocument(JsonApiCodec::encode(card), included));
}

QString pastParticiple(CardAction action)
{
    switch (action) {
    case CardAction::Freeze:
        return QStringLiteral("frozen");
    case CardAction::Unfreeze:
        return QStringLiteral("unfrozen");
    case CardAction::Close:
        return QStringLiteral("closed");
    case CardAction::ReportStolen:
        return QStringLiteral("reported stolen");
    case CardAction::ReportLost:
        return QStringLiteral("reported lost");
    }
    return {};
}

void setStatus(Card *card, CardStatus status, const QDateTime &now)
{
    if (card->status == CardStatus::Frozen && status != CardStatus::Frozen) {
        card->freezeReason.clear();
        card->statusBeforeFreeze.reset();
    } else if (card->status != CardStatus::Frozen && status == CardStatus::Frozen) {
        card->statusBeforeFreeze = card->status;
    }
    card->status = status;
    card->statusName = cardStatusName(status);
    card->updatedAt = now;
}

// The statuses Unit's list filter accepts (unit-api-notes §3.1).
const QStringList &filterableStatuses()
{
    static const QStringList statuses = {
        QStringLiteral("Inactive"),      QStringLiteral("Active"),
        QStringLiteral("Stolen"),        QStringLiteral("Lost"),
        QStringLiteral("Frozen"),        QStringLiteral("ClosedByCustomer"),
        QStringLiteral("SuspectedFraud")};
    return statuses;
}

} // namespace

CardEndpoints::CardEndpoints(SandboxStore &store, const SandboxClock &clock)
    : m_store(store)
    , m_clock(clock)
{}

SandboxResponse CardEndpoints::list(const SandboxRequest &request, const Caller &caller) const
{
    const SandboxQuery query(request.query);
    SandboxQuery::PageWindow page;
    if (auto error = query.readPage(&page))
        return *error;
    QStringList include;
    if (auto error =
            query.readInclude({QStringLiteral("customer"), QStringLiteral("account")}, &include))
        return *error;

    QStringList statuses;
    if (auto error = query.readStatuses(filterableStatuses(), &statuses))
        return *error;
    // Unit's Node SDK lists newest first by default; the sandbox does the same.
    const QString sort = query.has(QStringLiteral("sort")) ? query.value(QStringLiteral("sort"))
                                                           : QStringLiteral("-createdAt");
    if (sort != QLatin1String("createdAt") && sort != QLatin1String("-createdAt"))
        return SandboxResponse::badRequest(QStringLiteral("sort must be createdAt or -createdAt."));
    Tags tagFilter;
    if (auto error = query.readTags(&tagFilter))
        return *error;
    const QString accountId = query.value(QStringLiteral("filter[accountId]"));
    // With a customer token this can only narrow further: another customer's id gives nothing.
    const QString customerId = query.value(QStringLiteral("filter[customerId]"));

    const bool ascending = sort == QLatin1String("createdAt");
    QList<CardStatus> statusFilter;
    for (const QString &status : std::as_const(statuses))
        statusFilter.append(cardStatusFromName(status));

    // Which cards the caller may list, narrowed by the filters the index knows: a customer
    // token sees its own customer's cards only, whatever filter[customerId] says.
    const QString owner = caller.isOrg ? customerId : caller.customerId;
    bool nothing = !caller.isOrg && !customerId.isEmpty() && customerId != caller.customerId;
    CardOrderIndex::Scope scope;
    if (!accountId.isEmpty()) {
        // A card's customer owns its account (the store keeps it so), so the account's cards
        // are its owner's.
        const Account *account = m_store.account(accountId);
        nothing = nothing || !account || (!owner.isEmpty() && account->customerId != owner);
        scope = {CardOrderIndex::Scope::Kind::Account, accountId};
    } else if (!owner.isEmpty()) {
        scope = {CardOrderIndex::Scope::Kind::Customer, owner};
    }

    const CardOrderIndex &order = m_store.cardOrder(scope);
    qsizetype total = 0;
    QList<const Card *> window;
    if (nothing) {
        // An empty page.
    } else if (tagFilter.isEmpty() && !caller.resources.isRestricted()) {
        // The index answers alone: only the page's cards are read.
        const CardOrderIndex::Window found =
            order.window(scope, statusFilter, ascending, page.offset, page.limit);
        total = found.total;
        window.reserve(found.cardSlots.size());
        for (qsizetype slot : found.cardSlots)
            window.append(&m_store.cardAt(slot));
        m_store.countVisits(window.size());
    } else {
        // Tags and a token's resources are not indexed: every card of the scope is looked at.
        std::vector<CardOrderIndex::Entry> matching = order.entries(scope, statusFilter);
        m_store.countVisits(qsizetype(matching.size()));
        const auto isShown = [&](const CardOrderIndex::Entry &entry) {
            const Card &card = m_store.cardAt(entry.slot);
            if (!caller.canSeeCard(card))
                return false;
            for (auto it = tagFilter.begin(); it != tagFilter.end(); ++it) {
                if (card.tags.value(it.key()) != it.value())
                    return false;
            }
            return true;
        };
        matching.erase(std::stable_partition(matching.begin(), matching.end(), isShown),
                       matching.end());
        const auto before = [ascending](const CardOrderIndex::Entry &a,
                                        const CardOrderIndex::Entry &b) {
            return ascending ? a < b : b < a;
        };
        // Only the requested window is put in order: everything before it is just "earlier".
        total = qsizetype(matching.size());
        const auto first = matching.begin() + std::min<qsizetype>(page.offset, total);
        const auto last =
            matching.begin() + std::min<qsizetype>(page.offset + qsizetype(page.limit), total);
        std::nth_element(matching.begin(), first, matching.end(), before);
        std::partial_sort(first, last, matching.end(), before);
        window.reserve(last - first);
        for (auto it = first; it != last; ++it)
            window.append(&m_store.cardAt(it->slot));
    }

    return SandboxResponse::document(
        200, CardDocumentWriter::listDocument(window, page.pagination(total),
                                              included(caller, window, include)));
}

SandboxResponse CardEndpoints::get(const SandboxRequest &request, const Caller &caller,
                                   const QString &cardId) const
{
    const Card *card = visibleCard(caller, cardId);
    if (!card)
        return cardNotFound(cardId);
    QStringList include;
    if (auto error =
            SandboxQuery(request.query)
                .readInclude({QStringLiteral("customer"), QStringLiteral("account")}, &include))
        return *error;
    return cardDocument(200, *card, included(caller, {card}, include));
}

SandboxResponse CardEndpoints::create(const SandboxRequest &request, const Caller &caller)
{
    const QDateTime now = m_clock.now();
    CardRequestValidator::NewCard newCard;
    const QList<ApiError> errors =
        CardRequestValidator::readCreateCard(request.json, now.date(), &newCard);
    if (!errors.isEmpty())
        return SandboxResponse::errors(400, errors);
    const CreateCardRequest &create = newCard.request;

    // An account the token does not see (another customer's, or outside its resources) is
    // "not found", like a missing one.
    const Account *account = m_store.account(create.accountId);
    if (!account || !caller.canSeeAccount(*account))
        return SandboxResponse::error(
            404,
            QStringLiteral("The specified account with id %1 was not found.").arg(create.accountId),
            QStringLiteral("/data/relationships/account"));
    if (!create.customerId.isEmpty() && create.customerId != account->customerId)
        return SandboxResponse::badRequest(
            QStringLiteral("Customer %1 is not an owner of account %2.")
                .arg(create.customerId, account->id),
            QStringLiteral("/data/relationships/customer"));

    // Replaying a key returns the first card, whatever happened since; nothing is created.
    if (!create.idempotencyKey.isEmpty()) {
        const QString existingId =
            m_store.cardIdForIdempotencyKey(account->customerId, create.idempotencyKey);
        if (const Card *existing = m_store.card(existingId)) {
            qCInfo(lcSandbox) << "idempotent replay of card" << existingId;
            return cardDocument(201, *existing);
        }
    }
    if (!account->isDeposit() || account->status != AccountStatus::Open)
        return SandboxResponse::badRequest(
            QStringLiteral("Account %1 is %2; cards can only be issued on an Open deposit "
                           "account.")
                .arg(account->id, accountStatusName(account->status)),
            QStringLiteral("/data/relationships/account"));

    const Customer *customer = m_store.customer(account->customerId);
    Card card = newCardBase(create.type);
    if (!newCard.bin.isEmpty())
        card.bin = newCard.bin;
    if (!newCard.expirationDate.isEmpty())
        card.expirationDate = newCard.expirationDate;
    if (card.isVirtual()) {
        card.status = CardStatus::Active; // virtual cards need no activation
    } else {
        card.status =
            newCard.activeForOnlineUse ? CardStatus::ActiveForOnlineUse : CardStatus::Inactive;
        // Unit ships to the customer's address when none is given.
        card.shippingAddress = create.shippingAddress ? *create.shippingAddress
                                                      : (customer ? customer->address : Address());
        card.design = create.design;
    }
    card.statusName = cardStatusName(card.status);
    card.tags = create.tags;
    card.accountId = account->id;
    card.accountType = account->type;
    card.customerId = account->customerId;
    if (customer)
        card.customerType = customer->type;

    const QString id = m_store.addCard(card, create.limits);
    if (!create.idempotencyKey.isEmpty())
        m_store.rememberIdempotencyKey(account->customerId, create.idempotencyKey, id);
    qCInfo(lcSandbox).noquote() << "card" << id << "created," << cardTypeName(create.type)
                                << "on account" << card.accountId;
    return cardDocument(201, *m_store.card(id));
}

SandboxResponse CardEndpoints::applyAction(const SandboxRequest &, const Caller &caller,
                                           const QString &cardId, CardAction action)
{
    const Card *card = visibleCard(caller, cardId);
    if (!card)
        return cardNotFound(cardId);
    const std::optional<CardStatus> next =
        CardLifecycle::apply(card->status, action, card->statusBeforeFreeze);
    if (!next)
        return SandboxResponse::badRequest(
            QStringLiteral("Card %1 is %2; it cannot be %3.")
                .arg(cardId, cardStatusName(card->status), pastParticiple(action)));
    Card *changed = m_store.mutableCard(cardId);
    setStatus(changed, *next, m_clock.now());
    return cardDocument(200, *changed);
}

SandboxResponse CardEndpoints::replace(const SandboxRequest &request, const Caller &caller,
                                       const QString &cardId)
{
    const Card *old = visibleCard(caller, cardId);
    if (!old)
        return cardNotFound(cardId);
    if (!CardLifecycle::canReplace(old->status))
        return SandboxResponse::badRequest(
            QStringLiteral("Card %1 is %2; closed cards cannot be replaced.")
                .arg(cardId, cardStatusName(old->status)));
    std::optional<Address> shippingAddress;
    const QList<ApiError> errors =
        CardRequestValidator::readReplaceCard(request.json, &shippingAddress);
    if (!errors.isEmpty())
        return SandboxResponse::errors(400, errors);
    if (old->isVirtual() && shippingAddress)
        return SandboxResponse::badRequest(
            QStringLiteral("Virtual cards are not shipped; omit shippingAddress."),
            QStringLiteral("/data/attributes/shippingAddress"));

    // The replacement is the same kind of card on the same account: a physical one is shipped
    // and starts Inactive, a virtual one is usable at once. The old card stops working unless
    // it is already Lost or Stolen, which are final and stay as the customer reported them.
    const QDateTime now = m_clock.now();
    Card replacement = newCardBase(old->type);
    replacement.status = old->isVirtual() ? CardStatus::Active : CardStatus::Inactive;
    replacement.statusName = cardStatusName(replacement.status);
    if (!old->isVirtual()) {
        const Customer *customer = m_store.customer(old->customerId);
        replacement.shippingAddress =
            shippingAddress ? shippingAddress
                            : (old->shippingAddress
                                   ? old->shippingAddress
                                   : (customer ? std::optional(customer->address) : std::nullopt));
        replacement.design = old->design;
    }
    replacement.tags = old->tags;
    replacement.accountId = old->accountId;
    replacement.accountType = old->accountType;
    replacement.customerId = old->customerId;
    replacement.customerType = old->customerType;
    if (!CardLifecycle::isFinal(old->status)) {
        if (const std::optional<CardStatus> closed =
                CardLifecycle::apply(old->status, CardAction::Close))
            setStatus(m_store.mutableCard(cardId), *closed, now);
    }
    const CardLevelLimits limits = m_store.limits(cardId).limits;
    // `old` may dangle once the store grows.
    const QString id = m_store.addCard(replacement, limits);
    qCInfo(lcSandbox).noquote() << "card" << cardId << "replaced by" << id;
    return cardDocument(200, *m_store.card(id));
}

SandboxResponse CardEndpoints::update(const SandboxRequest &request, const Caller &caller,
                                      const QString &cardId)
{
    const Card *card = visibleCard(caller, cardId);
    if (!card)
        return cardNotFound(cardId);
    CardRequestValidator::CardUpdate update;
    const QList<ApiError> errors =
        CardRequestValidator::readUpdateCard(request.json, *card, &update);
    if (!errors.isEmpty())
        return SandboxResponse::errors(400, errors);
    if (!update.unsupported.isEmpty())
        return SandboxResponse::error(501,
                                      QStringLiteral("This sandbox does not change %1 yet.")
                                          .arg(update.unsupported.join(QStringLiteral(" or "))),
                                      QStringLiteral("NotImplemented"));
    Card *changed = m_store.mutableCard(cardId);
    if (update.tags) {
        for (auto it = update.tags->begin(); it != update.tags->end(); ++it) {
            if (it.value().isNull())
                changed->tags.remove(it.key());
            else
                changed->tags.insert(it.key(), it.value().toString());
        }
    }
    if (update.design)
        changed->design = *update.design;
    if (update.setsShippingAddress)
        changed->shippingAddress = update.shippingAddress;
    changed->updatedAt = m_clock.now();
    return cardDocument(200, *changed);
}

SandboxResponse CardEndpoints::limits(const SandboxRequest &, const Caller &caller,
                                      const QString &cardId) const
{
    const Card *card = visibleCard(caller, cardId);
    if (!card)
        return cardNotFound(cardId);
    return SandboxResponse::document(
        200, JsonApiCodec::singleDocument(JsonApiCodec::encode(m_store.limits(cardId))));
}

SandboxResponse CardEndpoints::activate(const SandboxRequest &, const Caller &caller,
                                        const QString &cardId)
{
    const Card *card = visibleCard(caller, cardId);
    if (!card)
        return cardNotFound(cardId);
    if (card->status != CardStatus::Inactive && card->status != CardStatus::ActiveForOnlineUse)
        return SandboxResponse::badRequest(
            QStringLiteral("Card %1 is %2; only Inactive cards can be activated.")
                .arg(cardId, cardStatusName(card->status)));
    Card *activated = m_store.mutableCard(cardId);
    setStatus(activated, CardStatus::Active, m_clock.now());
    // Unit's spec answers the activation simulation with 201.
    return cardDocument(201, *activated);
}

// Read-only: only an endpoint that changes the card asks the store for it mutably, which is
// what marks it as changed for the state file.
const Card *CardEndpoints::visibleCard(const Caller &caller, const QString &cardId) const
{
    const Card *card = m_store.card(cardId);
    // Someone else's card, or one outside the token's resources, is reported exactly like a
    // missing one: ids reveal nothing.
    if (!card || !caller.canSeeCard(*card))
        return nullptr;
    return card;
}

QJsonArray CardEndpoints::included(const Caller &caller, const QList<const Card *> &cards,
                                   const QStringList &names) const
{
    QJsonArray resources;
    QSet<QString> seenCustomers;
    QSet<QString> seenAccounts;
    for (const Card *card : cards) {
        if (names.contains(QLatin1String("customer")) &&
            !seenCustomers.contains(card->customerId)) {
            seenCustomers.insert(card->customerId);
            if (const Customer *customer = m_store.customer(card->customerId))
                resources.append(JsonApiCodec::encode(*customer));
        }
        if (names.contains(QLatin1String("account")) && !seenAccounts.contains(card->accountId)) {
            seenAccounts.insert(card->accountId);
            // A token narrowed to cards sees their cards but not their accounts.
            const Account *account = m_store.account(card->accountId);
            if (account && caller.canSeeAccount(*account))
                resources.append(JsonApiCodec::encode(*account));
        }
    }
    return resources;
}

Card CardEndpoints::newCardBase(CardType type) const
{
    const QDateTime now = m_clock.now();
    Card card;
    card.type = type;
    card.typeName = cardTypeName(type);
    card.createdAt = now;
    card.updatedAt = now;
    card.last4Digits = QStringLiteral("%1").arg(QRandomGenerator::global()->bounded(10000), 4, 10,
                                                QLatin1Char('0'));
    card.bin = DefaultBin;
    card.expirationDate = now.date().addYears(4).toString(QStringLiteral("yyyy-MM"));
    return card;
}

} // namespace tessera::sandbox
