#include "IncludedRecordCache.h"

#include "SameBytes.h"

namespace tessera {

const IncludedRecordCache::Record *IncludedRecordCache::find(std::string_view json) const
{
    for (const Entry &entry : m_entries) {
        // A resource's JSON is never empty ("{}" at the least), so an unused entry never matches.
        if (!entry.json.isEmpty() &&
            sameText(std::string_view(entry.json.constData(), std::size_t(entry.json.size())),
                     json))
            return &entry.record;
    }
    return nullptr;
}

void IncludedRecordCache::keep(std::string_view json, Record record)
{
    m_entries[m_next] = Entry{QByteArray(json.data(), qsizetype(json.size())), std::move(record)};
    m_next = (m_next + 1) % Size;
}

} // namespace tessera
