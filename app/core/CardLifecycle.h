#pragma once

#include "Card.h"

#include <optional>
#include <QList>
#include <QString>

namespace tessera {

// The status changes a customer may ask for, as Unit's card endpoints name them.
enum class CardAction { Freeze, Unfreeze, Close, ReportStolen, ReportLost };

// Unit's card status rules, shared by the client (which actions to offer) and the sandbox
// (which requests to accept).
class CardLifecycle
{
public:
    static QString pathSegment(CardAction action); // "freeze", "report-stolen", ...
    static std::optional<CardAction> actionFromPathSegment(const QString &segment);

    // Stolen, Lost and ClosedByCustomer never change again.
    static bool isFinal(CardStatus status);
    // The status the card has after the action, or nothing when the action is not allowed.
    // Unfreezing returns a card to the status it had before the freeze (`beforeFreeze`): a card
    // frozen before it was activated is still not activated afterwards. Unit does not report
    // that status, so only whoever saw the freeze (the sandbox) can pass it; without it, the
    // card comes back Active as unit-api-notes §3.1 states for the usual case.
    static std::optional<CardStatus> apply(CardStatus from, CardAction action,
                                           std::optional<CardStatus> beforeFreeze = std::nullopt);
    static QList<CardAction> allowedActions(CardStatus status);
    // Replacement is offered for cards that are still usable or lost/stolen, not closed ones.
    static bool canReplace(CardStatus status);
    // What the customer is offered: a card already replaced (Card::replacedById) is not
    // replaced again, which would make a second new card.
    static bool offersReplacement(const Card &card);
};

} // namespace tessera
