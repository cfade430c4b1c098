#pragma once

#include <algorithm>
#include <array>
#include <functional>
#include <QtGlobal>
#include <unordered_map>
#include <vector>

namespace tessera {

// Each distinct value once, named by a small index: the values repeated on every card of a
// page (type and status names, account and customer ids, bin, design, expiry, the shipping
// address, tags) are stored once however many cards carry them, and the copies handed out
// share their data (Qt's implicit sharing). `Hash` hashes a T for the lookup, `Equal` says
// when two values may share an index, `SameData` when two values are one and the same data
// (a check of pointers: true only where Equal is true too; false whenever it cannot tell).
template <class T, class Hash, class Equal = std::equal_to<T>, class SameData = Equal>
class ValuePool
{
public:
    // The values one field interned last and their indexes. The cards of a page share their
    // repeated values' data (the decoder makes one QString per distinct text of a page), so
    // a card's value is most often the very data of one of the few before it: found by
    // comparing pointers, not by hashing and comparing text. Holding the values keeps their
    // data alive, so no other data can take their addresses while they are remembered.
    class Recent
    {
    public:
        static constexpr int Size = 8;

    private:
        friend class ValuePool;
        std::array<T, Size> m_values;
        std::array<quint32, Size> m_indexes{};
        int m_count = 0; // values remembered, up to Size
        int m_next = 0;  // where the next one goes: the oldest when all are taken
    };

    quint32 intern(const T &value, Recent &recent)
    {
        for (int i = 0; i < recent.m_count; ++i) {
            if (SameData()(value, recent.m_values[size_t(i)]))
                return recent.m_indexes[size_t(i)];
        }
        const quint32 index = intern(value);
        recent.m_values[size_t(recent.m_next)] = value;
        recent.m_indexes[size_t(recent.m_next)] = index;
        recent.m_next = (recent.m_next + 1) % Recent::Size;
        recent.m_count = std::min(recent.m_count + 1, int(Recent::Size));
        return index;
    }

    quint32 intern(const T &value)
    {
        const auto found = m_index.find(value);
        if (found != m_index.end())
            return found->second;
        const auto index = quint32(m_values.size());
        m_values.push_back(value);
        m_index.emplace(value, index);
        return index;
    }
    // Valid until the next intern().
    const T &at(quint32 index) const { return m_values[index]; }
    void clear()
    {
        m_values.clear();
        m_index.clear();
    }

private:
    std::vector<T> m_values;
    std::unordered_map<T, quint32, Hash, Equal> m_index;
};

} // namespace tessera
