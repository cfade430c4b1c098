#pragma once

#include "Environment.h"
#include "Provisioning.h"

#include <optional>

namespace tessera {

// Which environment Tessera uses, kept in QSettings. Only addresses and the kind are stored
// there; an org token for Unit's sandbox goes to the keychain (TokenStore).
class EnvironmentSettings
{
public:
    // The saved environment; Demo when nothing (or nothing valid) is saved. With kind, that
    // kind with the saved addresses it uses (the command line's --environment). For Demo the
    // API URL is left empty: the in-process sandbox decides it at start.
    static Environment load(std::optional<Environment::Kind> kind = std::nullopt);
    // A provisioned build works in Production with the bank's broker, whatever is saved or
    // asked for (`kind`); with a provisioning file that cannot be used, Production with no
    // broker, which nothing can sign in to (the sign-in page says why). Without a provisioning
    // file, load(kind).
    static Environment load(const Provisioning &provisioning,
                            std::optional<Environment::Kind> kind = std::nullopt);
    static void save(const Environment &environment);

    static QString kindName(Environment::Kind kind);
    static std::optional<Environment::Kind> kindFromName(const QString &name);
};

} // namespace tessera
