#pragma once

#include "Card.h"
#include "Page.h"

#include <algorithm>
#include <QStringList>

// Exact comparison of two Cards or pages of cards, for differential tests (tst_fastcarddecoder,
// fuzz_jsonapi): header-only, so the fuzz targets can use it without the test support library.
namespace tessera::test {

// Equal, valid alike, and in the same time spec and offset.
inline bool sameDateTime(const QDateTime &a, const QDateTime &b)
{
    return a == b && a.isValid() == b.isValid() && a.timeSpec() == b.timeSpec() &&
           a.offsetFromUtc() == b.offsetFromUtc();
}

// The fields of two cards that differ; empty when they are the same card.
inline QStringList cardDifferences(const Card &a, const Card &b)
{
    QStringList differ;
    auto field = [&differ](const char *name, bool same) {
        if (!same)
            differ << QString::fromLatin1(name);
    };
    field("id", a.id == b.id);
    field("type", a.type == b.type);
    field("typeName", a.typeName == b.typeName);
    field("status", a.status == b.status);
    field("statusName", a.statusName == b.statusName);
    field("createdAt", sameDateTime(a.createdAt, b.createdAt));
    field("updatedAt", sameDateTime(a.updatedAt, b.updatedAt));
    field("last4Digits", a.last4Digits == b.last4Digits);
    field("expirationDate", a.expirationDate == b.expirationDate);
    field("nextExpirationDate", a.nextExpirationDate == b.nextExpirationDate);
    field("bin", a.bin == b.bin);
    field("design", a.design == b.design);
    field("freezeReason", a.freezeReason == b.freezeReason);
    field("statusBeforeFreeze", a.statusBeforeFreeze == b.statusBeforeFreeze);
    field("shippingAddress", a.shippingAddress == b.shippingAddress);
    field("tags", a.tags == b.tags);
    field("accountId", a.accountId == b.accountId);
    field("accountType", a.accountType == b.accountType);
    field("customerId", a.customerId == b.customerId);
    field("customerType", a.customerType == b.customerType);
    return differ;
}

inline bool sameAccount(const Account &a, const Account &b)
{
    return a.id == b.id && a.type == b.type && a.name == b.name && a.balance == b.balance &&
           a.available == b.available && a.status == b.status && a.customerId == b.customerId &&
           a.tags == b.tags && sameDateTime(a.createdAt, b.createdAt);
}

inline bool sameCustomer(const Customer &a, const Customer &b)
{
    return a.id == b.id && a.type == b.type && a.firstName == b.firstName &&
           a.lastName == b.lastName && a.name == b.name && a.email == b.email &&
           a.phone == b.phone && a.address == b.address && a.tags == b.tags &&
           sameDateTime(a.createdAt, b.createdAt);
}

// What differs between two pages; empty when they are the same.
inline QString pageDifferences(const CardPage &a, const CardPage &b)
{
    if (a.items.size() != b.items.size())
        return QStringLiteral("%1 cards instead of %2").arg(a.items.size()).arg(b.items.size());
    for (qsizetype i = 0; i < a.items.size(); ++i) {
        const QStringList fields = cardDifferences(a.items.at(i), b.items.at(i));
        if (!fields.isEmpty())
            return QStringLiteral("card %1 differs in %2").arg(i).arg(fields.join(u", "));
    }
    if (a.pagination.has_value() != b.pagination.has_value() ||
        (a.pagination && (a.pagination->total != b.pagination->total ||
                          a.pagination->limit != b.pagination->limit ||
                          a.pagination->offset != b.pagination->offset)))
        return QStringLiteral("pagination");
    if (a.includedAccounts.size() != b.includedAccounts.size() ||
        !std::equal(a.includedAccounts.cbegin(), a.includedAccounts.cend(),
                    b.includedAccounts.cbegin(), sameAccount))
        return QStringLiteral("included accounts");
    if (a.includedCustomers.size() != b.includedCustomers.size() ||
        !std::equal(a.includedCustomers.cbegin(), a.includedCustomers.cend(),
                    b.includedCustomers.cbegin(), sameCustomer))
        return QStringLiteral("included customers");
    if (a.skipped != b.skipped || a.skippedNotes != b.skippedNotes)
        return QStringLiteral("skipped records: %1 instead of %2")
            .arg(a.skippedNotes.join(u"; "), b.skippedNotes.join(u"; "));
    return {};
}

} // namespace tessera::test
