#pragma once

#include "Phone.h"

#include <optional>
#include <QString>

namespace tessera {

// What a customer signs in with through the bank's broker: the phone number or the email
// address on their account, as they type it ("+1 555 555 0100", "(555) 555-0100",
// "maya@example.com"). A number without a country code is taken as a US one. Kept with the
// sign-in in the keychain, so an expired sign-in is renewed with a code alone.
class SignInIdentifier
{
public:
    SignInIdentifier() = default;
    static SignInIdentifier phone(const Phone &phone);
    static SignInIdentifier email(const QString &email);

    // The identifier in what was typed; nothing when it is neither a phone number nor an
    // email address (problem() says what to type).
    static std::optional<SignInIdentifier>
    parse(const QString &typed, const QString &defaultCountryCode = QStringLiteral("1"));
    // Plain words for what parse() refused.
    static QString problem(const QString &typed);

    bool isEmpty() const { return m_phone.isEmpty() && m_email.isEmpty(); }
    bool isPhone() const { return !m_phone.isEmpty(); }
    bool isEmail() const { return !m_email.isEmpty(); }
    const Phone &phoneNumber() const { return m_phone; }
    QString emailAddress() const { return m_email; }
    // For logs: "+1 •••• 0100", "m•••@example.com".
    QString masked() const;

    friend bool operator==(const SignInIdentifier &a, const SignInIdentifier &b)
    {
        return a.m_phone == b.m_phone && a.m_email == b.m_email;
    }

private:
    Phone m_phone;
    QString m_email;
};

} // namespace tessera
