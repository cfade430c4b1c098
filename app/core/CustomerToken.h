#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tessera {

// Unit's customerBearerToken: the secret that acts for one customer until it expires.
struct CustomerToken
{
    CustomerToken() = default;
    // Unit's own answer: the token and its lifetime.
    CustomerToken(QString bearer, int lifetime)
        : token(std::move(bearer))
        , expiresIn(lifetime)
    {}

    QString token;
    int expiresIn = 0; // seconds
    // The bank's broker names whom the token is for and what it may do (Unit's own answer
    // has neither: the caller knows both).
    QString customerId;
    QStringList scopes;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::CustomerToken)
