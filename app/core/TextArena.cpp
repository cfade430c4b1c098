#include "TextArena.h"

#include <algorithm>

namespace tessera {

TextArena::Ref TextArena::add(QStringView text)
{
    const qsizetype length = text.size();
    Ref ref;
    if (length == 0) {
        ref.place = text.isNull() ? 0 : 1;
        return ref;
    }
    // Past MaxBlocks a block could not be named; the process would have run out of memory
    // long before.
    Q_ASSERT(m_blocks.size() < MaxBlocks);
    quint32 block = 0;
    quint32 offset = 0;
    if (length > BlockChars / 4) {
        // A long text gets a block of its own, so the current block's room is not lost.
        m_blocks.push_back(std::make_unique<char16_t[]>(size_t(length)));
        block = quint32(m_blocks.size() - 1);
    } else {
        if (m_used + length > BlockChars) {
            m_blocks.push_back(std::make_unique<char16_t[]>(size_t(BlockChars)));
            m_current = qsizetype(m_blocks.size() - 1);
            m_used = 0;
        }
        block = quint32(m_current);
        offset = quint32(m_used);
        m_used += length;
    }
    ref.place = (block << OffsetBits) | offset;
    ref.length = quint32(length);
    std::copy(text.utf16(), text.utf16() + length, m_blocks[block].get() + offset);
    return ref;
}

QStringView TextArena::view(Ref ref) const
{
    if (ref.length == 0)
        return ref.place == 0 ? QStringView() : QStringView(u"");
    const quint32 offset = ref.place & ((quint32(1) << OffsetBits) - 1);
    return QStringView(m_blocks[ref.place >> OffsetBits].get() + offset, qsizetype(ref.length));
}

void TextArena::clear()
{
    m_blocks.clear();
    m_current = -1;
    m_used = BlockChars;
}

} // namespace tessera
