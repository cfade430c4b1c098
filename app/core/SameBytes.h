#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tessera {

// Whether `size` bytes at `a` and at `b` are the same, compared inline eight bytes at a time.
// The texts compared while decoding (JSON keys, a field's value against the one before) are
// mostly under 32 bytes, where a call to memcmp and its dispatch cost more than the comparison
// itself (callgrind: ~3 % of a cards page's instructions went to memcmp).
inline bool sameBytes(const char *a, const char *b, std::size_t size)
{
    const auto load8 = [](const char *p) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        return word;
    };
    const auto load4 = [](const char *p) {
        std::uint32_t word;
        std::memcpy(&word, p, sizeof word);
        return word;
    };
    if (size >= 8) {
        // Whole words, then the last eight bytes (overlapping the words before when the size
        // is not a multiple of eight): no byte outside either range is read.
        const std::size_t last = size - 8;
        for (std::size_t i = 0; i < last; i += 8) {
            if (load8(a + i) != load8(b + i))
                return false;
        }
        return load8(a + last) == load8(b + last);
    }
    if (size >= 4)
        return load4(a) == load4(b) && load4(a + size - 4) == load4(b + size - 4);
    for (std::size_t i = 0; i < size; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

inline bool sameText(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && sameBytes(a.data(), b.data(), a.size());
}

} // namespace tessera
