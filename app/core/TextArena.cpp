#include "TextArena.h"

#include <algorithm>

namespace tessera {

TextArena::Ref TextArena::add(QStringView text)
{
    const qsizetype length = text.size();
    Ref ref;
    if (length == 0) {
        ref.offset = text.isNull() ? 0 : 1;
        return ref;
    }
    ref.length = quint32(length);
    if (length > BlockChars / 4) {
        // A long text gets a block of its own, so the current block's room is not lost.
        m_blocks.push_back(std::make_unique<char16_t[]>(size_t(length)));
        ref.block = quint32(m_blocks.size() - 1);
    } else {
        if (m_used + length > BlockChars) {
            m_blocks.push_back(std::make_unique<char16_t[]>(size_t(BlockChars)));
            m_current = qsizetype(m_blocks.size() - 1);
            m_used = 0;
        }
        ref.block = quint32(m_current);
        ref.offset = quint32(m_used);
        m_used += length;
    }
    std::copy(text.utf16(), text.utf16() + length, m_blocks[ref.block].get() + ref.offset);
    return ref;
}

QStringView TextArena::view(Ref ref) const
{
    if (ref.length == 0)
        return ref.offset == 0 ? QStringView() : QStringView(u"");
    return QStringView(m_blocks[ref.block].get() + ref.offset, qsizetype(ref.length));
}

void TextArena::clear()
{
    m_blocks.clear();
    m_current = -1;
    m_used = BlockChars;
}

} // namespace tessera
