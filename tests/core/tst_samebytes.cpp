// sameBytes compares two ranges of any size without reading outside either: every size up to
// 40, equal and different at each position.

#include "SameBytes.h"

#include <QTest>
#include <vector>

using namespace tessera;

class TestSameBytes : public QObject
{
    Q_OBJECT

private slots:
    void rangesOfEverySizeAreEqualOnlyWhenEveryByteIs()
    {
        for (std::size_t size = 0; size <= 40; ++size) {
            // Each range on its own allocation of exactly its size, so that a read past
            // either end shows under AddressSanitizer (./dev sanitize).
            std::vector<char> a(size);
            std::vector<char> b(size);
            for (std::size_t i = 0; i < size; ++i)
                a[i] = b[i] = char('A' + i);
            QVERIFY2(sameBytes(a.data(), b.data(), size), qPrintable(QString::number(size)));
            for (std::size_t i = 0; i < size; ++i) {
                b[i] = char(b[i] ^ 0x20);
                QVERIFY2(!sameBytes(a.data(), b.data(), size),
                         qPrintable(QStringLiteral("size %1, byte %2").arg(size).arg(i)));
                b[i] = a[i];
            }
        }
    }

    void textsOfDifferentSizesDiffer()
    {
        using namespace std::string_view_literals;
        QVERIFY(sameText("attributes"sv, "attributes"sv));
        QVERIFY(!sameText("id"sv, "ids"sv));
        QVERIFY(!sameText(""sv, "x"sv));
        QVERIFY(sameText(""sv, std::string_view()));
    }
};

QTEST_GUILESS_MAIN(TestSameBytes)
#include "tst_samebytes.moc"
