#include "SingleInstance.h"

#include "Logging.h"

#include <memory>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>

namespace tessera {

namespace {

constexpr int TimeoutMs = 3000;
const QByteArray ActivateRequest = QByteArrayLiteral("activate\n");

// Asks a running primary to come to the front. False when none answers on name.
bool askPrimaryToActivate(const QString &name)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(TimeoutMs))
        return false;
    socket.write(ActivateRequest);
    socket.waitForBytesWritten(TimeoutMs);
    socket.disconnectFromServer();
    if (socket.state() != QLocalSocket::UnconnectedState)
        socket.waitForDisconnected(TimeoutMs);
    return true;
}

} // namespace

SingleInstance::SingleInstance(QObject *parent)
    : QObject(parent)
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &key)
{
    // Every character but [A-Za-z0-9._-] becomes one '_' (a character outside the BMP too).
    // Done by hand: a regular expression here cost start-up its compilation (~0.3 ms).
    QString safeKey;
    safeKey.reserve(key.size());
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char16_t u = key.at(i).unicode();
        const bool safe = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') ||
                          (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u'-';
        safeKey += safe ? QChar(u) : QChar(u'_');
        if (QChar::isHighSurrogate(u) && i + 1 < key.size() && key.at(i + 1).isLowSurrogate())
            ++i;
    }
#ifdef Q_OS_UNIX
    const QString runtimeDir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtimeDir.isEmpty())
        return runtimeDir + QLatin1Char('/') + safeKey + QStringLiteral(".instance");
#endif
    // A name in the system's namespace (Windows: a named pipe), unique per user through the
    // home directory; UserAccessOption keeps other users out.
    const QByteArray home = QDir::homePath().toUtf8();
    return safeKey + QLatin1Char('-') +
           QString::fromLatin1(
               QCryptographicHash::hash(home, QCryptographicHash::Sha256).toHex().left(16));
}

bool SingleInstance::tryBecomePrimary(const QString &key)
{
    Q_ASSERT(!m_server);
    const QString name = serverName(key);

    // Two launches at once (a double click) must not both find no primary and then take the
    // socket from each other (listen() with UserAccessOption replaces a socket file that is
    // there, a live one too), so the look and the listen happen under a lock. QLockFile takes
    // over a lock whose holder has died.
    const QString lockName = name + QStringLiteral(".lock");
    QLockFile lock(QDir::isAbsolutePath(lockName) ? lockName : QDir::temp().filePath(lockName));
    if (!lock.tryLock(2 * TimeoutMs))
        qCWarning(lcUi) << "single-instance lock not taken; going on without it:" << lock.error();

    if (askPrimaryToActivate(name))
        return false;

    // Nobody answered, so a socket still there was left by an instance that crashed.
    if (QFileInfo::exists(name)) {
        QLocalServer::removeServer(name);
        qCInfo(lcUi) << "removed the socket of an instance that ended without closing it";
    }
    auto server = std::make_unique<QLocalServer>(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(name)) {
        // Better a second instance than none: the user still gets a window.
        qCWarning(lcUi).noquote() << "cannot watch for other instances:" << server->errorString();
        return true;
    }
    connect(server.get(), &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this,
                    [this, socket] { readRequest(socket); });
            readRequest(socket);
        }
    });
    m_server = server.release();
    return true;
}

void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        // A line longer than a request is not one.
        if (socket->bytesAvailable() > ActivateRequest.size())
            socket->abort();
        return;
    }
    if (socket->readLine() == ActivateRequest) {
        qCInfo(lcUi) << "another launch asked this instance to come to the front";
        emit activationRequested();
    }
    socket->disconnectFromServer();
}

} // namespace tessera
