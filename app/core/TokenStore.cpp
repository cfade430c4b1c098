#include "TokenStore.h"

#include "Logging.h"

#include <memory>
#include <QCoreApplication>
#include <qt6keychain/keychain.h>
#include <QTimer>

namespace tessera {

namespace {

TokenStore::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return TokenStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return TokenStore::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return TokenStore::Status::Unavailable;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return TokenStore::Status::Denied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return TokenStore::Status::Failed;
}

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
    , m_serviceName(QStringLiteral("Tessera"))
{
    qRegisterMetaType<StoredToken>();
}

void TokenStore::setServiceName(const QString &serviceName)
{
    m_serviceName = serviceName;
}

QString TokenStore::entryKey(const QString &environmentId, const QString &customerId)
{
    return QStringLiteral("customer-token/%1/%2").arg(environmentId, customerId);
}

QString TokenStore::describe(Status status)
{
    switch (status) {
    case Status::Ok:
    case Status::NotFound:
        return {};
    case Status::Unavailable:
        return QCoreApplication::translate("TokenStore",
                                           "No keychain service is available on this desktop.");
    case Status::Denied:
        return QCoreApplication::translate(
            "TokenStore", "Access to the keychain was denied or the keychain is locked.");
    case Status::TimedOut:
        return QCoreApplication::translate("TokenStore", "The keychain did not answer in time.");
    case Status::Failed:
        break;
    }
    return QCoreApplication::translate("TokenStore", "The keychain reported an error.");
}

void TokenStore::run(QKeychain::Job *job, std::function<void(Status, QKeychain::Job *)> onDone)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    auto done = std::make_shared<bool>(false);
    auto *watchdog = new QTimer(this);
    watchdog->setSingleShot(true);
    connect(watchdog, &QTimer::timeout, this, [done, watchdog, onDone] {
        watchdog->deleteLater();
        if (std::exchange(*done, true))
            return;
        qCWarning(lcKeychain) << "keychain job timed out";
        onDone(Status::TimedOut, nullptr);
    });
    connect(job, &QKeychain::Job::finished, this, [done, watchdog, onDone](QKeychain::Job *j) {
        watchdog->stop();
        watchdog->deleteLater();
        if (std::exchange(*done, true))
            return; // the watchdog already answered for this job
        const Status status = statusOf(j->error());
        if (status != Status::Ok && status != Status::NotFound)
            qCWarning(lcKeychain).noquote()
                << "keychain job failed:" << int(j->error()) << j->errorString();
        onDone(status, j);
    });
    watchdog->start(m_watchdogMs);
    job->start();
    // QtKeychain only queues the start; taking it now sends the first request to the secret
    // service at once, so the keychain works while the caller goes on (at launch: while the
    // window is built). The answer still comes later, through the event loop.
    QCoreApplication::sendPostedEvents(job, QEvent::MetaCall);
}

void TokenStore::read(const QString &environmentId, const QString &customerId)
{
    auto *job = new QKeychain::ReadPasswordJob(m_serviceName);
    job->setKey(entryKey(environmentId, customerId));
    run(job, [this](Status status, QKeychain::Job *j) {
        StoredToken token;
        if (status == Status::Ok) {
            const auto parsed =
                StoredToken::fromJson(static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData());
            if (parsed)
                token = *parsed;
            else
                status = Status::NotFound;
        }
        qCDebug(lcKeychain) << "read finished" << status;
        emit readFinished(status, token);
    });
}

void TokenStore::write(const QString &environmentId, const StoredToken &token)
{
    auto *job = new QKeychain::WritePasswordJob(m_serviceName);
    job->setKey(entryKey(environmentId, token.customerId));
    // As text (the JSON is UTF-8): QtKeychain's read looks for a text entry first and for a
    // binary one only when there is none, so a text entry is found in one search of the
    // secret service instead of two, at every launch. Entries written as binary by an earlier
    // Tessera are still read (the second search) and removed.
    job->setTextData(QString::fromUtf8(token.toJson()));
    run(job, [this](Status status, QKeychain::Job *) {
        qCDebug(lcKeychain) << "write finished" << status;
        emit writeFinished(status);
    });
}

void TokenStore::remove(const QString &environmentId, const QString &customerId)
{
    auto *job = new QKeychain::DeletePasswordJob(m_serviceName);
    job->setKey(entryKey(environmentId, customerId));
    run(job, [this](Status status, QKeychain::Job *) {
        // Removing what is not there leaves the keychain as the caller wants it.
        if (status == Status::NotFound)
            status = Status::Ok;
        qCDebug(lcKeychain) << "remove finished" << status;
        emit removeFinished(status);
    });
}

void TokenStore::readOrgToken(const QString &environmentId)
{
    auto *job = new QKeychain::ReadPasswordJob(m_serviceName);
    job->setKey(QStringLiteral("org-token/%1").arg(environmentId));
    run(job, [this](Status status, QKeychain::Job *j) {
        const QString token = status == Status::Ok
                                  ? static_cast<QKeychain::ReadPasswordJob *>(j)->textData()
                                  : QString();
        emit orgTokenRead(status == Status::Ok && token.isEmpty() ? Status::NotFound : status,
                          token);
    });
}

void TokenStore::writeOrgToken(const QString &environmentId, const QString &orgToken)
{
    auto *job = new QKeychain::WritePasswordJob(m_serviceName);
    job->setKey(QStringLiteral("org-token/%1").arg(environmentId));
    job->setTextData(orgToken);
    run(job, [this](Status status, QKeychain::Job *) { emit orgTokenWritten(status); });
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_TokenStore.cpp"
