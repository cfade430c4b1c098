#pragma once

#include "Card.h"

#include <QMetaType>
#include <QString>

namespace tessera {

// Whose activity a list shows: one card's (GET /transactions?filter[cardId], and its
// authorizations), or one deposit account's (filter[accountId]).
struct ActivityScope
{
    enum class Kind { Card, Account };
    Kind kind = Kind::Account;
    QString id; // the card's or the account's
    // For a card: the account it draws on, when known (GET /accounts/{a}/transactions/{t}
    // needs it); for an account: the account itself.
    QString accountId;

    static ActivityScope forCard(const Card &card) { return {Kind::Card, card.id, card.accountId}; }
    static ActivityScope forAccount(const QString &accountId)
    {
        return {Kind::Account, accountId, accountId};
    }
    // Nothing chosen yet: no list to load.
    bool isEmpty() const { return id.isEmpty(); }

    friend bool operator==(const ActivityScope &a, const ActivityScope &b)
    {
        return a.kind == b.kind && a.id == b.id && a.accountId == b.accountId;
    }
    friend bool operator!=(const ActivityScope &a, const ActivityScope &b) { return !(a == b); }
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::ActivityScope)
