#pragma once

#include "Requests.h"

#include <QMetaType>
#include <QString>

namespace tessera {

// The bank's broker took a sign-in (POST /v1/sign-ins): the id the code is sent back with. It
// answers the same whether or not an account has that phone or email.
struct SignInStarted
{
    QString id;
    CreateTokenVerificationRequest::Channel channel = CreateTokenVerificationRequest::Channel::Sms;
    int expiresIn = 0; // seconds the code may be entered in
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::SignInStarted)
