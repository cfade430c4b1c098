#pragma once

#include "Account.h"
#include "Statement.h"
#include "Transaction.h"

#include <QByteArray>
#include <QList>

namespace tessera::sandbox {

// The sandbox's monthly statement as a small, valid PDF 1.4 written by hand (no library): the
// period, the account's name and masked number, the opening and closing balances and the
// month's transactions, as many pages as they need. A bank's document, so always in US English.
class StatementPdf
{
public:
    struct Content
    {
        Statement statement;
        Account account;
        qint64 openingBalance = 0;
        qint64 closingBalance = 0;
        QList<Transaction> transactions; // in time order
    };

    static QByteArray render(const Content &content);
    static constexpr int LinesPerPage = 40;
};

} // namespace tessera::sandbox
