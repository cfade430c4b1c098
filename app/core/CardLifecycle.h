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
    static std::optional<CardStatus> apply(CardStatus from, CardAction action);
    static QList<CardAction> allowedActions(CardStatus status);
    // Replacement is offered for cards that are still usable or lost/stolen, not closed ones.
    static bool canReplace(CardStatus status);
};

} // namespace tessera
