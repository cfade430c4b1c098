#pragma once

#include <QMetaType>
#include <QString>

namespace tessera {

// Unit's reply to "send the customer a one-time code".
struct CustomerTokenVerification
{
    QString verificationToken;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::CustomerTokenVerification)
