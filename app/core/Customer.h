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
    QString firstName; // individuals: fullName.first
    QString lastName;  // individuals: fullName.last
    QString name;      // businesses: the business's legal name ("name")
    QString email;
    Phone phone;
    Address address;
    QDate dateOfBirth;
    QString jwtSubject;
    QString status = QStringLiteral("Active");
    QDateTime createdAt;
    Tags tags;

    bool isBusiness() const { return type == QLatin1String("businessCustomer"); }
    // The whole name for lists: "Peter Parker", or a business's name.
    QString displayName() const;
    // What to greet the customer with ("Hello, %1"): an individual's first name, a business's
    // name. Never empty when the server sent any name.
    QString greetingName() const;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::Customer)
