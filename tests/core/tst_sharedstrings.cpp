// SharedStrings hands out one QString per distinct text; with a hint per field it tries the
// place of the field's last text first. Whatever the hints, each text comes out as asked.

#include "SharedStrings.h"

#include <QTest>
#include <string>
#include <vector>

using tessera::SharedStrings;

class TestSharedStrings : public QObject
{
    Q_OBJECT

private slots:
    void theSameTextSharesItsData()
    {
        SharedStrings strings(100);
        const QString first = strings.get("Active");
        const QString again = strings.get(std::string("Active"));
        QCOMPARE(again, QStringLiteral("Active"));
        QVERIFY(again.isSharedWith(first));
        QVERIFY(!strings.get("Frozen").isSharedWith(first));
    }

    void aHintedTextIsTheOneAskedForAndSharesItsData()
    {
        SharedStrings strings(100);
        SharedStrings::Hint hint;
        const QString first = strings.get("2027-03", hint);
        QCOMPARE(first, QStringLiteral("2027-03"));
        QVERIFY(strings.get("2027-03", hint).isSharedWith(first));
        // Another text through the same hint: its own, and the hint follows it.
        const QString other = strings.get("2027-04", hint);
        QCOMPARE(other, QStringLiteral("2027-04"));
        QVERIFY(strings.get("2027-04", hint).isSharedWith(other));
        QVERIFY(strings.get("2027-03", hint).isSharedWith(first));
        // Texts of the same length and the same start or end as the hinted one.
        QCOMPARE(strings.get("2027-0", hint), QStringLiteral("2027-0"));
        QCOMPARE(strings.get("2027-05", hint), QStringLiteral("2027-05"));
        QCOMPARE(strings.get("1027-03", hint), QStringLiteral("1027-03"));
        QCOMPARE(strings.get("", hint), QStringLiteral(""));
        QCOMPARE(strings.get("2027-03", hint), QStringLiteral("2027-03"));
    }

    // After the table grew, a hint may name a place no text is kept in; an empty text asked
    // for there is still the empty text, not a null one.
    void anEmptyTextThroughAHintFromBeforeGrowingIsNotNull()
    {
        SharedStrings strings(10000);
        std::vector<SharedStrings::Hint> hints(50);
        for (std::size_t i = 0; i < hints.size(); ++i)
            (void)strings.get("before-" + std::to_string(i), hints[i]);
        for (int i = 0; i < 2000; ++i)
            (void)strings.get("growing-" + std::to_string(i));
        for (SharedStrings::Hint &hint : hints) {
            const QString empty = strings.get(std::string_view(""), hint);
            QVERIFY(empty.isEmpty());
            QVERIFY(!empty.isNull());
        }
    }

    // Hints taken before the table grew (its texts move) and texts past the capacity (not
    // kept, so no place to hint at) mislead no lookup: many fields, many texts, in an order
    // where each field's text changes often.
    void hintsStayRightWhileTheTableGrowsAndWhenItIsFull_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::newRow("room for all") << 10000;
        QTest::newRow("full early") << 40;
    }
    void hintsStayRightWhileTheTableGrowsAndWhenItIsFull()
    {
        QFETCH(int, capacity);
        SharedStrings strings(capacity);
        std::vector<SharedStrings::Hint> hints(7);
        for (int i = 0; i < 3000; ++i) {
            const std::size_t field = std::size_t(i % 7);
            // Mostly the field's text of before, sometimes new ones, sometimes older ones.
            // Empty texts too, which must not come out null.
            const int value = (i % 11 == 0) ? i : (i % 13 == 0 ? i / 5 : int(field) * 1000);
            const std::string text = i % 17 == 0 ? std::string() : "value-" + std::to_string(value);
            const QString got = strings.get(text, hints[field]);
            QCOMPARE(got, QString::fromStdString(text));
            QVERIFY(!got.isNull());
        }
    }
};

QTEST_GUILESS_MAIN(TestSharedStrings)
#include "tst_sharedstrings.moc"
