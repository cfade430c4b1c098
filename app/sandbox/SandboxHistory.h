#pragma once

#include "Account.h"
#include "AccountActivity.h"
#include "Card.h"

#include <QDate>
#include <QDateTime>
#include <QList>

namespace tessera::sandbox {

// A believable past for each deposit account, the same every time for the same account and
// plan: card purchases at real-sounding merchants (groceries, coffee, fuel, restaurants, online
// shopping, transit, pharmacy), ATM withdrawals, payroll and other incoming ACH, monthly fees
// (interest on savings), a few declined card authorizations and two or three pending ones in
// the last days, and a statement for every past month. The balances run backwards from the
// account's balance, so the last transaction's balance is the account's balance.
//
// In two steps, so that starting the sandbox stays cheap: prepare() (cards, authorizations,
// statements: a handful of records, at seed load, as the account's hold depends on them) and
// transactions() (all of them, on the account's first use).
class SandboxHistory
{
public:
    struct Plan
    {
        QDate start;             // the first day with activity
        QDateTime end;           // nothing happens at or after it
        qint64 transactions = 0; // exactly this many; 0: a natural pace (a few a day)
        bool business = false;   // a business's account: card settlements in, payroll out
    };

    // Six months up to `end` (whole months, not before the account was opened); nothing for
    // a closed account.
    static Plan defaultPlan(const Account &account, const QDateTime &end);

    static AccountActivity prepare(const Account &account, const QList<const Card *> &cards,
                                   const Plan &plan);
    static QList<AccountActivity::Record>
    transactions(const Account &account, const AccountActivity &activity, const Plan &plan);
};

} // namespace tessera::sandbox
