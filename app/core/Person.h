#pragma once

#include "Phone.h"

#include <QString>
#include <QStringList>

namespace tessera {

// A person Unit names on a business customer: its contact, or one of its authorized users
// (Unit's Contact and AuthorizedUser: fullName, email, phone, and an optional jwtSubject).
struct Person
{
    QString firstName; // fullName.first
    QString lastName;  // fullName.last
    QString email;
    Phone phone;
    QString jwtSubject;

    QString fullName() const
    {
        return QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    }
    bool isEmpty() const { return fullName().isEmpty() && email.isEmpty() && phone.isEmpty(); }
};

} // namespace tessera
