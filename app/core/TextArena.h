#pragma once

#include <memory>
#include <QString>
#include <QStringView>
#include <vector>

namespace tessera {

// Many short strings that are each different (card ids, last four digits) kept in a few large
// blocks instead of one heap allocation each: a QString of six characters costs its 24 bytes
// plus a ~48-byte allocation, here 12 bytes of reference and 12 of text. Texts are only ever
// added: a block is never moved or shrunk, so adding never copies what is already there.
class TextArena
{
public:
    // 8 bytes: a card holds two.
    struct Ref
    {
        // The block in the high bits, the offset in it in the low OffsetBits.
        quint32 place = 0;
        // 0: no text, which takes no room; `place` then tells a null text (0) from an empty
        // one (1), so that a QString comes out as null as it went in.
        quint32 length = 0;
    };

    Ref add(QStringView text);
    QStringView view(Ref ref) const;
    QString text(Ref ref) const { return view(ref).toString(); }
    void clear();

private:
    // 16 KiB blocks: small enough that the last one's unused tail is noise, large enough that
    // their bookkeeping is too.
    static constexpr qsizetype BlockChars = 8192;
    static constexpr int OffsetBits = 13;
    static_assert(BlockChars <= qsizetype(1) << OffsetBits);
    // 2^19 blocks: 4 G characters of short texts, far beyond any list's memory.
    static constexpr quint32 MaxBlocks = quint32(1) << (32 - OffsetBits);

    std::vector<std::unique_ptr<char16_t[]>> m_blocks;
    qsizetype m_current = -1;      // the block short texts go into
    qsizetype m_used = BlockChars; // characters used in it
};

} // namespace tessera
