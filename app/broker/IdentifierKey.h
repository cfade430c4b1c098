#pragma once

#include "Phone.h"

#include <QByteArray>
#include <QString>

namespace tessera::broker {

// What the broker keeps of a phone number or email for its per-customer limits: an
// HMAC-SHA256 of the normalized identifier under a key derived from the org token, so every
// instance of one bank's broker computes the same key and a store (Redis) never holds a phone
// number or an email in clear. And how the broker writes them in its log: masked.
class IdentifierKey
{
public:
    explicit IdentifierKey(const QString &orgToken);

    // 64 lowercase hex digits; equal for "+1 4155550142" however it was sent, and for an email
    // whatever its case.
    QByteArray of(const Phone &phone) const;
    QByteArray of(const QString &email) const;

    // "+1 •••• 0142": the country code and the last four digits.
    static QString masked(const Phone &phone);
    // "m•••@example.com": the first character and the domain.
    static QString masked(const QString &email);

private:
    QByteArray keyed(const QByteArray &identifier) const;

    QByteArray m_key;
};

} // namespace tessera::broker
