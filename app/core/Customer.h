#pragma once

#include "Address.h"
#include "Tags.h"

#include <QDate>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tessera {

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

struct Customer
{
    QString id;
    QString type = QStringLiteral("individualCustomer");
    QString firstName;
    QString lastName;
    QString email;
    Phone phone;
    Address address;
    QDate dateOfBirth;
    QString jwtSubject;
    QString status = QStringLiteral("Active");
    QDateTime createdAt;
    Tags tags;

    QString displayName() const;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::Customer)
