#pragma once

#include "BrokerResponse.h"
#include "Phone.h"

#include <optional>
#include <QByteArray>
#include <QString>
#include <variant>

namespace tessera::broker {

// The requests of the broker's API, as SignInRequestParser reads them (README, "tessera-broker
// API").

struct HealthCheck
{};

// POST /v1/sign-ins: one of phone or email.
struct StartSignIn
{
    std::optional<Phone> phone;
    QString email; // lower case
    bool byCall = false;
    QString language; // one of Unit's, or empty
};

// POST /v1/sign-ins/{id}/token
struct FinishSignIn
{
    QByteArray signInId; // 32 lowercase hex digits
    QString code;
    std::optional<int> expiresIn;
};

// POST /v1/jwt-sign-ins
struct JwtSignIn
{
    QString jwtToken;
    std::optional<int> expiresIn;
};

// A request the broker answers, or the 4xx it gets instead.
using BrokerRequest =
    std::variant<HealthCheck, StartSignIn, FinishSignIn, JwtSignIn, BrokerResponse>;

} // namespace tessera::broker
