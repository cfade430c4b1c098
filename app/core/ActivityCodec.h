#pragma once

#include "Authorization.h"
#include "Page.h"
#include "Requests.h"
#include "Result.h"
#include "Statement.h"
#include "Transaction.h"

#include <QByteArray>
#include <QJsonObject>

namespace tessera {

// Unit's account activity as JSON:API, both ways, so the client and the sandbox speak the same
// format: transactions (schemas/transaction), card authorizations (schemas/authorization),
// statements (schemas/statement) and the sandbox's simulation requests. Like JsonApiCodec it
// is lenient about extra keys and unknown transaction types, strict about what a list shows.
class ActivityCodec
{
public:
    // Type is t.typeName for a kind Tessera does not know, else the kind's type name. The
    // kind's attributes as transaction.json lists them; relationships account, customer, card
    // (card kinds) and authorization (when set).
    static QJsonObject encode(const Transaction &t);
    static QJsonObject encode(const Authorization &a);
    static QJsonObject encode(const Statement &s);

    // An unknown "...Transaction" type decodes as kind Other with its typeName and the common
    // attributes; a transaction without createdAt, direction, amount, balance or summary is an
    // error (a page leaves it out, with a note).
    static Result<Transaction> decodeTransaction(const QJsonObject &resource);
    static Result<Authorization> decodeAuthorization(const QJsonObject &resource);
    static Result<Statement> decodeStatement(const QJsonObject &resource);

    static Result<TransactionPage> transactionPageFromDocument(const QByteArray &body);
    static Result<Transaction> transactionFromDocument(const QByteArray &body);
    static Result<AuthorizationPage> authorizationPageFromDocument(const QByteArray &body);
    static Result<Authorization> authorizationFromDocument(const QByteArray &body);
    static Result<StatementPage> statementPageFromDocument(const QByteArray &body);

    // POST /sandbox/authorizations: type "authorization", the account as a depositAccount.
    static QByteArray encode(const SimulatedAuthorizationRequest &r);
    // POST /sandbox/purchases: type "purchaseTransaction"; the authorization it settles, if any.
    static QByteArray encode(const SimulatedPurchaseRequest &r);
};

} // namespace tessera
