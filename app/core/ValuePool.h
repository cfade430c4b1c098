#pragma once

#include <functional>
#include <QtGlobal>
#include <unordered_map>
#include <vector>

namespace tessera {

// Each distinct value once, named by a small index: the values repeated on every card of a
// page (type and status names, account and customer ids, bin, design, expiry, the shipping
// address, tags) are stored once however many cards carry them, and the copies handed out
// share their data (Qt's implicit sharing). `Hash` hashes a T for the lookup, `Equal` says
// when two values may share an index.
template <class T, class Hash, class Equal = std::equal_to<T>> class ValuePool
{
public:
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
