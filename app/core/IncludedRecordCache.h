#pragma once

#include "Account.h"
#include "Customer.h"

#include <array>
#include <optional>
#include <QByteArray>
#include <string_view>

namespace tessera {

// The included records (accounts, customers) of the last few card pages, by their JSON text.
// A list pages through a customer's cards with the same account included in every page:
// parsing it with QJsonDocument and decoding it took ~60 K of a 100-card page's 1.6 M
// instructions (callgrind), page after page, for the same bytes and so the same record.
class IncludedRecordCache
{
public:
    // What one included resource added to a page: an account, a customer, or nothing (a type
    // Tessera does not use).
    struct Record
    {
        std::optional<Account> account;
        std::optional<Customer> customer;
    };

    static constexpr std::size_t Size = 4;

    // What the included resource `json` added when it was kept; null when it is not kept.
    const Record *find(std::string_view json) const;
    // Keeps `record` as what `json` adds, in place of the entry kept longest.
    void keep(std::string_view json, Record record);

private:
    struct Entry
    {
        QByteArray json;
        Record record;
    };
    std::array<Entry, Size> m_entries;
    std::size_t m_next = 0;
};

} // namespace tessera
