#include "SharedStrings.h"

#include "SameBytes.h"

#include <cstdint>
#include <cstring>

namespace tessera {

namespace {

// The length and the first and last eight bytes, mixed: constant time for any text. Texts that
// differ only in their middle collide, which costs probes, never a wrong answer; probes are
// bounded (MaxProbes), so crafted collisions cannot make a lookup slow either.
std::size_t hashOf(std::string_view text)
{
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    const std::size_t size = text.size();
    if (size >= 8) {
        std::memcpy(&head, text.data(), 8);
        std::memcpy(&tail, text.data() + size - 8, 8);
    } else {
        std::memcpy(&head, text.data(), size);
    }
    std::uint64_t hash = (head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ size) * 0xFF51AFD7ED558CCDULL;
    hash ^= hash >> 32;
    return std::size_t(hash);
}

constexpr int MaxProbes = 8;

bool equal(const QByteArray &stored, std::string_view text)
{
    return sameText(std::string_view(stored.constData(), std::size_t(stored.size())), text);
}

} // namespace

SharedStrings::SharedStrings(qsizetype capacity)
    : m_capacity(capacity)
    , m_slots(32)
{}

QString SharedStrings::get(std::string_view utf8)
{
    std::size_t slot = 0;
    return lookUp(utf8, &slot);
}

QString SharedStrings::get(std::string_view utf8, Hint &hint)
{
    // An unused slot's empty text must not pass for an empty text asked for: it is null.
    if (hint.slot < m_slots.size() && m_slots[hint.slot].used &&
        equal(m_slots[hint.slot].utf8, utf8))
        return m_slots[hint.slot].text;
    std::size_t slot = 0;
    QString text = lookUp(utf8, &slot);
    if (slot != std::string_view::npos)
        hint.slot = slot;
    return text;
}

QString SharedStrings::lookUp(std::string_view utf8, std::size_t *slotOut)
{
    *slotOut = std::string_view::npos;
    const std::size_t mask = m_slots.size() - 1;
    std::size_t slot = hashOf(utf8) & mask;
    int probes = 0;
    for (; m_slots[slot].used; slot = (slot + 1) & mask) {
        if (equal(m_slots[slot].utf8, utf8)) {
            *slotOut = slot;
            return m_slots[slot].text;
        }
        if (++probes == MaxProbes)
            break;
    }
    const auto size = qsizetype(utf8.size());
    QString text = QString::fromUtf8(utf8.data(), size);
    if (m_slots[slot].used || m_count >= m_capacity)
        return text;
    m_slots[slot] = Entry{QByteArray(utf8.data(), size), text, true};
    *slotOut = slot;
    if (++m_count * 2 > qsizetype(m_slots.size())) {
        grow();
        *slotOut = std::string_view::npos; // moved; found again next time
    }
    return text;
}

void SharedStrings::grow()
{
    std::vector<Entry> old(m_slots.size() * 2);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (Entry &entry : old) {
        if (!entry.used)
            continue;
        std::size_t slot =
            hashOf(std::string_view(entry.utf8.constData(), std::size_t(entry.utf8.size()))) & mask;
        while (m_slots[slot].used)
            slot = (slot + 1) & mask;
        m_slots[slot] = std::move(entry);
    }
}

} // namespace tessera
