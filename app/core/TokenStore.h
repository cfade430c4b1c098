#pragma once

#include "StoredToken.h"

#include <functional>
#include <QByteArray>
#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace tessera {

// The one place that touches the OS keychain (Secret Service, KWallet, Windows Credential
// Manager, macOS Keychain) through QtKeychain. One entry per environment and customer; the
// secret is a small JSON (StoredToken). Every call is asynchronous and ends in exactly one
// finished signal. QtKeychain's insecure plaintext fallback is never enabled.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound,    // no entry (or an unreadable one)
        Unavailable, // no keychain service on this desktop
        Denied,      // the user or the OS refused access (e.g. a locked keychain)
        TimedOut,    // the keychain did not answer within the watchdog interval
        Failed,      // anything else the keychain reported
    };
    Q_ENUM(Status)

    explicit TokenStore(QObject *parent = nullptr);

    void setServiceName(const QString &serviceName);
    QString serviceName() const { return m_serviceName; }
    void setWatchdogInterval(int milliseconds) { m_watchdogMs = milliseconds; }

    static QString entryKey(const QString &environmentId, const QString &customerId);

    void read(const QString &environmentId, const QString &customerId);
    void write(const QString &environmentId, const StoredToken &token);
    void remove(const QString &environmentId, const QString &customerId);

    // A support person's org token for Unit's sandbox: keychain only, never settings or disk.
    void readOrgToken(const QString &environmentId);
    void writeOrgToken(const QString &environmentId, const QString &orgToken);

    // A sentence for the UI about a failed status.
    static QString describe(Status status);

signals:
    void readFinished(tessera::TokenStore::Status status, const tessera::StoredToken &token);
    void writeFinished(tessera::TokenStore::Status status);
    void removeFinished(tessera::TokenStore::Status status);
    void orgTokenRead(tessera::TokenStore::Status status, const QString &orgToken);
    void orgTokenWritten(tessera::TokenStore::Status status);

private:
    // What a finished job reported, taken from it on the keychain thread.
    struct Answer
    {
        Status status = Status::Failed;
        QByteArray data;   // what a read found
        QString errorText; // QtKeychain's words, for the log
    };

    // Makes the job with makeJob and runs it on the keychain thread (KeychainThread), then calls
    // onDone once, on this object's thread: with the job's answer, or TimedOut when the
    // watchdog fires first. A job is never deleted while it runs (QtKeychain may still call
    // back into it); it deletes itself on its thread when it ends, answered or not.
    void run(std::function<QKeychain::Job *()> makeJob, std::function<void(const Answer &)> onDone);

    QString m_serviceName;
    int m_watchdogMs = 15000;
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::StoredToken)
