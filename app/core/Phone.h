#pragma once

#include <QString>

namespace tessera {

// A phone as Unit writes it: {"countryCode": "1", "number": "4155550142"}.
struct Phone
{
    QString countryCode;
    QString number;

    bool isEmpty() const { return number.isEmpty(); }
    // "+1 ******5555": enough for a person to recognise their phone.
    QString masked() const;
    friend bool operator==(const Phone &a, const Phone &b)
    {
        return a.countryCode == b.countryCode && a.number == b.number;
    }
};

} // namespace tessera
