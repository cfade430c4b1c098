#include "CardLifecycle.h"

namespace tessera {

QString CardLifecycle::pathSegment(CardAction action)
{
    switch (action) {
    case CardAction::Freeze:
        return QStringLiteral("freeze");
    case CardAction::Unfreeze:
        return QStringLiteral("unfreeze");
    case CardAction::Close:
        return QStringLiteral("close");
    case CardAction::ReportStolen:
        return QStringLiteral("report-stolen");
    case CardAction::ReportLost:
        return QStringLiteral("report-lost");
    }
    return {};
}

std::optional<CardAction> CardLifecycle::actionFromPathSegment(const QString &segment)
{
    for (auto action : {CardAction::Freeze, CardAction::Unfreeze, CardAction::Close,
                        CardAction::ReportStolen, CardAction::ReportLost}) {
        if (segment == pathSegment(action))
            return action;
    }
    return std::nullopt;
}

bool CardLifecycle::isFinal(CardStatus status)
{
    return status == CardStatus::Stolen || status == CardStatus::Lost ||
           status == CardStatus::ClosedByCustomer;
}

std::optional<CardStatus> CardLifecycle::apply(CardStatus from, CardAction action,
                                               std::optional<CardStatus> beforeFreeze)
{
    // Unknown covers statuses Unit may add later: refuse rather than guess.
    if (isFinal(from) || from == CardStatus::Unknown)
        return std::nullopt;
    switch (action) {
    case CardAction::Freeze:
        if (from == CardStatus::Frozen || from == CardStatus::SuspectedFraud)
            return std::nullopt;
        return CardStatus::Frozen;
    case CardAction::Unfreeze:
        if (from != CardStatus::Frozen)
            return std::nullopt;
        // unit-api-notes §3.1 documents "unfreeze → Active" for a frozen usable card; a card
        // frozen while Inactive (or ActiveForOnlineUse) was never activated, and unfreezing must
        // not activate it: activation only happens through Unit's activation paths (§3.3).
        if (beforeFreeze == CardStatus::Inactive || beforeFreeze == CardStatus::ActiveForOnlineUse)
            return *beforeFreeze;
        return CardStatus::Active;
    case CardAction::Close:
        return CardStatus::ClosedByCustomer;
    case CardAction::ReportStolen:
        return CardStatus::Stolen;
    case CardAction::ReportLost:
        return CardStatus::Lost;
    }
    return std::nullopt;
}

QList<CardAction> CardLifecycle::allowedActions(CardStatus status)
{
    QList<CardAction> actions;
    for (auto action : {CardAction::Freeze, CardAction::Unfreeze, CardAction::ReportLost,
                        CardAction::ReportStolen, CardAction::Close}) {
        if (apply(status, action))
            actions.append(action);
    }
    return actions;
}

bool CardLifecycle::canReplace(CardStatus status)
{
    return status != CardStatus::ClosedByCustomer && status != CardStatus::Unknown;
}

bool CardLifecycle::offersReplacement(const Card &card)
{
    return canReplace(card.status) && card.replacedById().isEmpty();
}

} // namespace tessera
