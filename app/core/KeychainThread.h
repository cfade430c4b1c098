#pragma once

class QObject;

namespace tessera {

// The one thread every QtKeychain job runs on, for the life of the application. QtKeychain
// queues its jobs in one process-wide executor, and libsecret keeps one connection to the
// secret service, bound to the thread that made it; neither may be used from two threads, so
// only this one touches them. Being off the GUI thread, the keychain's D-Bus round trips go on
// while the window is built and painted, instead of one per turn of the GUI's event loop.
class KeychainThread
{
public:
    // An object that lives on the keychain thread: QMetaObject::invokeMethod(context(), ...)
    // runs code there. The thread starts on first use and ends with the QCoreApplication.
    static QObject *context();
};

} // namespace tessera
