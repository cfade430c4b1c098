#pragma once

#include "CardLifecycle.h"
#include "SandboxRequest.h"
#include "SandboxResponse.h"
#include "TokenAuthority.h"

#include <QJsonArray>

namespace tessera::sandbox {

class SandboxClock;
class SandboxStore;

// Unit's card endpoints (unit-api-notes §3.3): list, get, create, the lifecycle actions,
// replace, limits and the sandbox-only activation. Scopes are enforced by SandboxApi; this
// class enforces what the caller sees (Caller::canSeeCard/canSeeAccount): another customer's
// card, or one outside the token's resources, is "not found", never shown.
class CardEndpoints
{
public:
    using Caller = TokenAuthority::Caller;

    CardEndpoints(SandboxStore &store, const SandboxClock &clock);

    SandboxResponse list(const SandboxRequest &request, const Caller &caller) const;
    SandboxResponse get(const SandboxRequest &request, const Caller &caller,
                        const QString &cardId) const;
    SandboxResponse create(const SandboxRequest &request, const Caller &caller);
    SandboxResponse applyAction(const SandboxRequest &request, const Caller &caller,
                                const QString &cardId, CardAction action);
    SandboxResponse replace(const SandboxRequest &request, const Caller &caller,
                            const QString &cardId);
    // PATCH /cards/{id}: tags (merged), design, shippingAddress. Unit allows it whatever the
    // status, Lost and Stolen included (the card record stays the customer's).
    SandboxResponse update(const SandboxRequest &request, const Caller &caller,
                           const QString &cardId);
    SandboxResponse limits(const SandboxRequest &request, const Caller &caller,
                           const QString &cardId) const;
    SandboxResponse activate(const SandboxRequest &request, const Caller &caller,
                             const QString &cardId);

private:
    const Card *visibleCard(const Caller &caller, const QString &cardId) const;
    QJsonArray included(const Caller &caller, const QList<const Card *> &cards,
                        const QStringList &names) const;
    // Fresh card numbers; the new card is not yet stored.
    Card newCardBase(CardType type) const;

    SandboxStore &m_store;
    const SandboxClock &m_clock;
};

} // namespace tessera::sandbox
