#include "KeychainThread.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace tessera {

namespace {

QThread *s_thread = nullptr;
// Null once the thread has ended.
QPointer<QObject> s_home;

// A post routine, run by ~QCoreApplication: the thread ends before the application object
// that its answers are posted to.
void stopKeychainThread()
{
    s_thread->quit();
    s_thread->wait();
    delete s_thread;
    s_thread = nullptr;
}

} // namespace

QObject *KeychainThread::context()
{
    Q_ASSERT(QCoreApplication::instance());
    static const bool started = [] {
        s_thread = new QThread;
        s_thread->setObjectName(QStringLiteral("keychain"));
        auto *object = new QObject;
        object->moveToThread(s_thread);
        // Qt's way to delete an object of a thread once its event loop has ended.
        QObject::connect(s_thread, &QThread::finished, object, &QObject::deleteLater);
        s_thread->start();
        qAddPostRoutine(stopKeychainThread);
        s_home = object;
        return true;
    }();
    Q_UNUSED(started);
    return s_home.data();
}

} // namespace tessera
