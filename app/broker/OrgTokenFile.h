#pragma once

#include <QString>

namespace tessera::broker {

// The org token, read once from a file (a systemd credential in the package). Never from the
// command line or the environment, where other users' `ps` and /proc would show it.
class OrgTokenFile
{
public:
    // The default place: $CREDENTIALS_DIRECTORY/unit-org-token, or empty outside systemd.
    static QString defaultPath();
    // The token (surrounding whitespace trimmed), or empty with a reason that never quotes it.
    static QString read(const QString &path, QString *error);
};

} // namespace tessera::broker
