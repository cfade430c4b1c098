#pragma once

#include "Authorization.h"
#include "JsonWriter.h"
#include "Page.h"
#include "Transaction.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>

namespace tessera::sandbox {

// GET /transactions' and GET /authorizations' answers written straight to bytes: the same
// documents, byte for byte, as JsonApiCodec::listDocument() of ActivityCodec::encode() for each
// record, without a QJsonObject per record serialised again.
class ActivityDocumentWriter
{
public:
    static QByteArray transactionList(const QList<Transaction> &transactions,
                                      const Pagination &pagination, const QJsonArray &included);
    static QByteArray authorizationList(const QList<const Authorization *> &authorizations,
                                        const Pagination &pagination);
    // One resource each, as ActivityCodec::encode() has it.
    static void writeTransaction(JsonWriter &writer, const Transaction &transaction);
    static void writeAuthorization(JsonWriter &writer, const Authorization &authorization);

private:
    static void writeMerchant(JsonWriter &writer, const Merchant &merchant);
};

} // namespace tessera::sandbox
