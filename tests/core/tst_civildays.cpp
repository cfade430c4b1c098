// daysFromCivil and civilFromDays count days as QDate does, both ways, for every day of years 1
// to 9999 and around year 0, and say a day past its month's end is another date.

#include "CivilDays.h"

#include <QDate>
#include <QTest>

using namespace tessera;

namespace {

// QDate's Julian day of 1970-01-01.
constexpr qint64 EpochJulianDay = 2440588;

} // namespace

class TestCivilDays : public QObject
{
    Q_OBJECT

private slots:
    void everyDayCountsAsInQDateBothWays()
    {
        // QDate has no year 0: it calls that year -1 (and year -400 -401), so its negative
        // years are one less than these.
        for (const auto &[from, to] : {std::pair{QDate(1, 1, 1), QDate(9999, 12, 31)},
                                       std::pair{QDate(-401, 1, 1), QDate(-1, 12, 31)}}) {
            for (qint64 julian = from.toJulianDay(); julian <= to.toJulianDay(); ++julian) {
                const QDate qdate = QDate::fromJulianDay(julian);
                const CivilDate date{qdate.year() < 0 ? qdate.year() + 1 : qdate.year(),
                                     qdate.month(), qdate.day()};
                const qint64 days = julian - EpochJulianDay;
                if (daysFromCivil(date) != days || !(civilFromDays(days) == date))
                    QFAIL(qPrintable(QStringLiteral("%1: %2 days, back as %3-%4-%5")
                                         .arg(qdate.toString(Qt::ISODate))
                                         .arg(daysFromCivil(date))
                                         .arg(civilFromDays(days).year)
                                         .arg(civilFromDays(days).month)
                                         .arg(civilFromDays(days).day)));
            }
        }
    }

    void aDayPastItsMonthsEndIsAnotherDate()
    {
        for (const CivilDate date :
             {CivilDate{2026, 2, 29}, CivilDate{1900, 2, 29}, CivilDate{2026, 4, 31},
              CivilDate{2026, 1, 32}, CivilDate{2026, 3, 0}, CivilDate{2026, 12, 99}})
            QVERIFY(!(civilFromDays(daysFromCivil(date)) == date));
        for (const CivilDate date : {CivilDate{2024, 2, 29}, CivilDate{2000, 2, 29},
                                     CivilDate{1600, 2, 29}, CivilDate{2026, 12, 31}})
            QVERIFY(civilFromDays(daysFromCivil(date)) == date);
        QCOMPARE(daysFromCivil(CivilDate{2026, 2, 30}), daysFromCivil(CivilDate{2026, 3, 2}));
    }
};

QTEST_GUILESS_MAIN(TestCivilDays)
#include "tst_civildays.moc"
