#pragma once

#include "IdentityProvider.h"

#include <optional>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QSettings;

namespace tessera {

// What a bank that ships Tessera sets once for all its customers, in a provisioning file its
// package installs (INI):
//
//     [bank]
//     name=Example Bank
//     brokerUrl=https://tokens.bank.example
//
//     ; optional: Unit's API address, when it is not Unit's production (a bank trying Tessera
//     ; on Unit's sandbox first names https://api.s.unit.sh)
//     [unit]
//     apiUrl=https://api.unit.co
//
//     ; optional: customers sign in at the bank's OpenID Connect provider instead of by code
//     [identityProvider]
//     issuer=https://login.bank.example
//     clientId=tessera-desktop
//     scopes=openid email
//     name=Example Bank
//
// Groups and keys Tessera does not know are left alone. A provisioned Tessera works in
// Production with that broker whatever the customer's settings say; a file that is there but
// cannot be used is a problem said in plain words, never a reason to start the demo instead.
class Provisioning
{
    Q_DECLARE_TR_FUNCTIONS(Provisioning)

public:
    enum class State {
        Absent,      // no file: a plain build, which starts in the demo
        Provisioned, // a usable file
        Unusable,    // there, but unreadable, malformed, or with an address that may not be used
    };

    // The file this build reads: the TESSERA_PROVISIONING_FILE environment variable when set
    // (for tests and support, to try a file without installing it; it holds no secret), else
    // the path chosen at build time (CMake option TESSERA_PROVISIONING_FILE, by default
    // /etc/tessera/provisioning.conf).
    static QString filePath();
    static Provisioning read(const QString &path);

    State state() const { return m_state; }
    bool isProvisioned() const { return m_state == State::Provisioned; }
    // A provisioned build: the file is there, usable or not.
    bool isPresent() const { return m_state != State::Absent; }
    QString path() const { return m_path; }
    // The bank's name as it wants customers to read it; may be empty.
    QString bankName() const { return m_bankName; }
    QUrl brokerUrl() const { return m_brokerUrl; }
    // Unit's API address: [unit] apiUrl, or Unit's production when the file does not say.
    QUrl apiUrl() const { return m_apiUrl; }
    // When the bank signs its customers in at its identity provider.
    std::optional<IdentityProvider> identityProvider() const { return m_identityProvider; }
    // Unusable only: what is wrong, in plain words (the technical detail goes to the log).
    QString problem() const { return m_problem; }

private:
    static Provisioning unusable(const QString &path, const QString &problem);
    // Reads [identityProvider]; a problem in plain words when it is there but cannot be used.
    static std::optional<QString> readIdentityProvider(const QSettings &settings,
                                                       std::optional<IdentityProvider> *provider);

    State m_state = State::Absent;
    QString m_path;
    QString m_bankName;
    QUrl m_brokerUrl;
    QUrl m_apiUrl;
    std::optional<IdentityProvider> m_identityProvider;
    QString m_problem;
};

} // namespace tessera
