#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace tessera {

// What a bank that ships Tessera sets once for all its customers, in a provisioning file its
// package installs (INI):
//
//     [bank]
//     name=Example Bank
//     brokerUrl=https://tokens.bank.example
//
// The issue about identity providers adds an [identityProvider] group (issuer, clientId,
// scopes); groups Tessera does not know yet are left alone. A provisioned Tessera works in
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
    // Unusable only: what is wrong, in plain words (the technical detail goes to the log).
    QString problem() const { return m_problem; }

private:
    static Provisioning unusable(const QString &path, const QString &problem);

    State m_state = State::Absent;
    QString m_path;
    QString m_bankName;
    QUrl m_brokerUrl;
    QString m_problem;
};

} // namespace tessera
