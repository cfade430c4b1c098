#pragma once

#include "Address.h"
#include "Person.h"
#include "Phone.h"
#include "Tags.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace tessera {

struct Customer
{
    QString id;
    QString type = QStringLiteral("individualCustomer");
    QString firstName;            // individuals: fullName.first
    QString lastName;             // individuals: fullName.last
    QString name;                 // businesses: the business's legal name ("name")
    QString entityType;           // businesses: "LLC", "Corporation", …
    QString stateOfIncorporation; // businesses
    QString email;
    Phone phone; // a business's own phone, which gets no codes
    Address address;
    QDate dateOfBirth;
    QString jwtSubject;
    Person contact;                // businesses: gets the one-time code unless a user is named
    QList<Person> authorizedUsers; // may each ask for the code on their own phone
    QString status = QStringLiteral("Active");
    QDateTime createdAt;
    Tags tags;

    bool isBusiness() const { return type == QLatin1String("businessCustomer"); }
    // The whole name for lists: "Peter Parker", or a business's name.
    QString displayName() const;
    // What to greet the customer with ("Hello, %1"): an individual's first name, a business's
    // name. Never empty when the server sent any name.
    QString greetingName() const;
    // Where a one-time code goes when the verification request names no phone: an
    // individual's own phone, a business contact's (Unit, unit-api-notes §2.1).
    Phone codePhone() const;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::Customer)
