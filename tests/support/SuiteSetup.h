#pragma once

#include <QCoreApplication>
#include <QStandardPaths>

namespace tessera::test {

// The start of a suite that uses the keychain: Qt Test's own settings and data folders, named
// after the suite. False without a D-Bus session (the Secret Service needs one): skip then.
inline bool prepareKeychainSuite(const QString &suiteName)
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    QCoreApplication::setApplicationName(suiteName);
    return true;
}

} // namespace tessera::test
