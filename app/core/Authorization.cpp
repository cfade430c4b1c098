#include "Authorization.h"

#include <array>
#include <utility>

namespace tessera {

namespace {

constexpr std::array<std::pair<AuthorizationStatus, const char *>, 4> StatusNames = {{
    {AuthorizationStatus::Authorized, "Authorized"},
    {AuthorizationStatus::Completed, "Completed"},
    {AuthorizationStatus::Canceled, "Canceled"},
    {AuthorizationStatus::Declined, "Declined"},
}};

} // namespace

QString authorizationStatusName(AuthorizationStatus status)
{
    for (const auto &[s, name] : StatusNames) {
        if (s == status)
            return QString::fromLatin1(name);
    }
    return {};
}

AuthorizationStatus authorizationStatusFromName(const QString &name)
{
    for (const auto &[status, n] : StatusNames) {
        if (name == QLatin1String(n))
            return status;
    }
    return AuthorizationStatus::Unknown;
}

} // namespace tessera
