#pragma once

#include <QMetaType>
#include <QString>

namespace tessera {

// Unit's customerBearerToken: the secret that acts for one customer until it expires.
struct CustomerToken
{
    QString token;
    int expiresIn = 0; // seconds
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::CustomerToken)
