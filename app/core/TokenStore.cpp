#include "TokenStore.h"

#include "KeychainThread.h"
#include "Logging.h"

#include <memory>
#include <QCoreApplication>
#include <QPointer>
#include <qt6keychain/keychain.h>
#include <QThread>
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

// The jobs, made on the keychain thread: the functions hold only copies of their texts.
std::function<QKeychain::Job *()> readJob(const QString &service, const QString &key)
{
    return [service, key]() -> QKeychain::Job * {
        auto *job = new QKeychain::ReadPasswordJob(service);
        job->setKey(key);
        return job;
    };
}

std::function<QKeychain::Job *()> writeJob(const QString &service, const QString &key,
                                           const QString &text)
{
    return [service, key, text]() -> QKeychain::Job * {
        auto *job = new QKeychain::WritePasswordJob(service);
        job->setKey(key);
        job->setTextData(text);
        return job;
    };
}

std::function<QKeychain::Job *()> deleteJob(const QString &service, const QString &key)
{
    return [service, key]() -> QKeychain::Job * {
        auto *job = new QKeychain::DeletePasswordJob(service);
        job->setKey(key);
        return job;
    };
}

QString orgTokenKey(const QString &environmentId)
{
    return QStringLiteral("org-token/%1").arg(environmentId);
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

void TokenStore::run(std::function<QKeychain::Job *()> makeJob,
                     std::function<void(const Answer &)> onDone)
{
    // Answers are posted to the application object, which outlives every keychain job (the
    // keychain thread ends with it), and reach this store only if it still exists then.
    Q_ASSERT(thread() == QCoreApplication::instance()->thread());
    auto done = std::make_shared<bool>(false);
    auto *watchdog = new QTimer(this);
    watchdog->setSingleShot(true);
    const auto finish = [done, watchdog, onDone](const Answer &answer) {
        // First: after a timeout the watchdog is gone, and the job's late answer is ignored.
        if (std::exchange(*done, true))
            return;
        watchdog->stop();
        watchdog->deleteLater();
        if (answer.status == Status::Unavailable || answer.status == Status::Denied ||
            answer.status == Status::Failed)
            qCWarning(lcKeychain).noquote()
                << "keychain job failed:" << answer.status << answer.errorText;
        onDone(answer);
    };
    connect(watchdog, &QTimer::timeout, this, [finish] {
        qCWarning(lcKeychain) << "keychain job timed out";
        Answer timedOut;
        timedOut.status = Status::TimedOut;
        finish(timedOut);
    });
    watchdog->start(m_watchdogMs);

    const QPointer<TokenStore> store(this);
    const bool posted = QMetaObject::invokeMethod(KeychainThread::context(), [makeJob = std::move(
                                                                                  makeJob),
                                                                              store, finish] {
        QKeychain::Job *job = makeJob();
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        QObject::connect(job, &QKeychain::Job::finished, job, [store, finish](QKeychain::Job *j) {
            Answer answer;
            answer.status = statusOf(j->error());
            answer.errorText = j->errorString();
            if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
                answer.data = read->binaryData();
            QMetaObject::invokeMethod(QCoreApplication::instance(), [store, finish, answer] {
                if (store)
                    finish(answer);
            });
        });
        job->start();
    });
    if (!posted)
        qCWarning(lcKeychain) << "the keychain thread has ended; the job was not started";
}

void TokenStore::read(const QString &environmentId, const QString &customerId)
{
    run(readJob(m_serviceName, entryKey(environmentId, customerId)), [this](const Answer &answer) {
        Status status = answer.status;
        StoredToken token;
        if (status == Status::Ok) {
            if (const auto parsed = StoredToken::fromJson(answer.data))
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
    // As text (the JSON is UTF-8): QtKeychain's read looks for a text entry first and for a
    // binary one only when there is none, so a text entry is found in one search of the
    // secret service instead of two, at every launch. Entries written as binary by an earlier
    // Tessera are still read (the second search) and removed.
    run(writeJob(m_serviceName, entryKey(environmentId, token.customerId),
                 QString::fromUtf8(token.toJson())),
        [this](const Answer &answer) {
            qCDebug(lcKeychain) << "write finished" << answer.status;
            emit writeFinished(answer.status);
        });
}

void TokenStore::remove(const QString &environmentId, const QString &customerId)
{
    run(deleteJob(m_serviceName, entryKey(environmentId, customerId)),
        [this](const Answer &answer) {
            // Removing what is not there leaves the keychain as the caller wants it.
            const Status status = answer.status == Status::NotFound ? Status::Ok : answer.status;
            qCDebug(lcKeychain) << "remove finished" << status;
            emit removeFinished(status);
        });
}

void TokenStore::readOrgToken(const QString &environmentId)
{
    run(readJob(m_serviceName, orgTokenKey(environmentId)), [this](const Answer &answer) {
        const QString token =
            answer.status == Status::Ok ? QString::fromUtf8(answer.data) : QString();
        emit orgTokenRead(answer.status == Status::Ok && token.isEmpty() ? Status::NotFound
                                                                         : answer.status,
                          token);
    });
}

void TokenStore::writeOrgToken(const QString &environmentId, const QString &orgToken)
{
    run(writeJob(m_serviceName, orgTokenKey(environmentId), orgToken),
        [this](const Answer &answer) { emit orgTokenWritten(answer.status); });
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_TokenStore.cpp"
