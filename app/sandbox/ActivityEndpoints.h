#pragma once

#include "AccountActivity.h"
#include "SandboxQuery.h"
#include "SandboxRequest.h"
#include "SandboxResponse.h"
#include "TokenAuthority.h"

#include <optional>
#include <QList>

namespace tessera::sandbox {

class SandboxStore;

// Account activity as Unit serves it: GET /transactions, GET /accounts/{id}/transactions/{id},
// GET /authorizations, GET /authorizations/{id}, GET /statements and
// GET /statements/{id}/pdf. A customer token sees its own accounts (or, when the token is
// narrowed to cards, those cards' records); anything else is "not found" or left out of a list.
//
// A page costs the same at any size: an account's or card's transactions are kept in time
// order, so a plain page is read at its position and a date range is found by binary search.
// Only the filters that need a record's content (text, amounts, types, directions, fees, tags)
// look at the records of the range. filter[since] and filter[until] both include the instant
// they name; lists are oldest first unless sort=-createdAt.
class ActivityEndpoints
{
public:
    using Caller = TokenAuthority::Caller;

    explicit ActivityEndpoints(SandboxStore &store);

    SandboxResponse listTransactions(const SandboxRequest &request, const Caller &caller);
    SandboxResponse getTransaction(const SandboxRequest &request, const Caller &caller,
                                   const QString &accountId, const QString &transactionId);
    SandboxResponse listAuthorizations(const SandboxRequest &request, const Caller &caller);
    SandboxResponse getAuthorization(const SandboxRequest &request, const Caller &caller,
                                     const QString &authorizationId);
    SandboxResponse listStatements(const SandboxRequest &request, const Caller &caller);
    SandboxResponse statementPdf(const SandboxRequest &request, const Caller &caller,
                                 const QString &statementId);

    // The account a transaction, authorization or statement id belongs to (see AccountActivity).
    static QString accountOf(const QString &id);

private:
    // Which records a request may see: a whole account, or one card of it.
    struct Target
    {
        AccountActivity *activity = nullptr;
        int cardSlot = -1; // -1: the whole account
    };
    // filter[accountId], filter[customerId] and (when `cardsAllowed`) filter[cardId], within
    // what the caller may see; a filter naming something else gives nothing, as Unit's do.
    QList<Target> targets(const SandboxQuery &query, const Caller &caller, bool cardsAllowed);

    SandboxStore &m_store;
};

} // namespace tessera::sandbox
