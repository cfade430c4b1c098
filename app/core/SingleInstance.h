#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace tessera {

// One running instance per user and key. The first launch becomes the primary and listens on a
// local socket only its user can open; a later launch finds it there, asks it to come to the
// front and is expected to exit. A socket left behind by a crashed primary is taken over.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    // True: this process is the primary for key and emits activationRequested() whenever
    // another launch asks (or, when the socket cannot be set up, runs unwatched; see the log).
    // False: a primary was already running and has been asked to come to the front; this
    // process should exit. Call once.
    bool tryBecomePrimary(const QString &key);

    // The local socket for key: in the user's runtime directory (XDG_RUNTIME_DIR, mode 0700)
    // where there is one, otherwise a name derived from the user's home.
    static QString serverName(const QString &key);

signals:
    void activationRequested();

private:
    void readRequest(QLocalSocket *socket);

    QLocalServer *m_server = nullptr;
};

} // namespace tessera
