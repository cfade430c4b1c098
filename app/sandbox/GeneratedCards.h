#pragma once

#include "Account.h"
#include "Card.h"
#include "Customer.h"

namespace tessera::sandbox {

// Deterministic bulk cards: same seed, same cards, so paging tests can rely on totals and
// order. Built at every launch of the demo, so cheap by construction: no randomness, no I/O, no
// date or number formatting through QString::arg or QDate::toString (those took ~30 ms for
// 5000 cards), and the strings many cards share (expiry month, tags, reasons) built once.
class GeneratedCards
{
public:
    GeneratedCards(const Account &account, const Customer &customer)
        : m_account(account)
        , m_customer(customer)
    {}

    // The card number `index` (from 0) of the batch, without its id (the store gives it).
    Card card(qint64 index);

private:
    static QString fourDigits(qint64 number);
    // "yyyy-MM", shared by the cards of the same month.
    QString expiry(QDate date);
    Tags batchTags(qint64 batch);

    const Account &m_account;
    const Customer &m_customer;
    int m_expiryMonth = -1;
    QString m_expiry;
    qint64 m_batch = -1;
    Tags m_tags;
};

} // namespace tessera::sandbox
