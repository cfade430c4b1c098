#pragma once

#include <QtGlobal>

namespace tessera {

// Dates of the proleptic Gregorian calendar (QDate's) as days since 1970-01-01 and back,
// without QDate: the sandbox writes every card's instants this way and the client reads them
// back this way, a few hundred times a page (Howard Hinnant's days_from_civil and
// civil_from_days; exact for any year an int holds).
struct CivilDate
{
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31

    friend bool operator==(const CivilDate &a, const CivilDate &b)
    {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

// A month and day out of range count on into the next months (2026-02-30 is 2026-03-02's day),
// so a date is valid when civilFromDays() gives it back.
inline qint64 daysFromCivil(const CivilDate &date)
{
    const qint64 year = qint64(date.year) - (date.month <= 2 ? 1 : 0);
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear =
        (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

inline CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    CivilDate date;
    date.day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    date.month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    date.year = int(yearOfEra + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

} // namespace tessera
