#include "AppLock.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QEvent>
#include <QSettings>
#include <utility>

namespace tessera {

namespace {

const QString IdleMinutesKey = QStringLiteral("appLock/idleMinutes");

// logind's object path for the session Tessera runs in (XDG_SESSION_ID escaped the way
// systemd's bus_label_escape does: all but [A-Za-z0-9] as _xx, a leading digit too), or empty
// when the session is not known.
QString logindSessionPath()
{
    const QByteArray id = qgetenv("XDG_SESSION_ID");
    if (id.isEmpty())
        return {};
    QString path = QStringLiteral("/org/freedesktop/login1/session/");
    for (qsizetype i = 0; i < id.size(); ++i) {
        const auto c = uchar(id.at(i));
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (alpha || (digit && i > 0))
            path += QLatin1Char(char(c));
        else
            path += QStringLiteral("_%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    }
    return path;
}

bool isUserInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

} // namespace

AppLock::AppLock(QObject *parent)
    : QObject(parent)
    , m_idleTimeout(savedIdleMinutes() * 60 * 1000)
{
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &AppLock::idleCheck);
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

AppLock::~AppLock()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void AppLock::listenToDesktop()
{
    // Any sender and path: KDE, Xfce, Cinnamon and others send the freedesktop signal, GNOME
    // its own with the same signature. Without a bus this is skipped, never waited for.
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        const auto slot = SLOT(screenSaverActiveChanged(bool));
        const bool freedesktop =
            session.connect(QString(), QString(), QStringLiteral("org.freedesktop.ScreenSaver"),
                            QStringLiteral("ActiveChanged"), this, slot);
        const bool gnome =
            session.connect(QString(), QString(), QStringLiteral("org.gnome.ScreenSaver"),
                            QStringLiteral("ActiveChanged"), this, slot);
        m_sessionBus = freedesktop || gnome;
        // A screen locked before now sent its signal to nobody.
        askWhetherScreenSaverIsActive(QStringLiteral("org.freedesktop.ScreenSaver"),
                                      QStringLiteral("/org/freedesktop/ScreenSaver"));
        askWhetherScreenSaverIsActive(QStringLiteral("org.gnome.ScreenSaver"),
                                      QStringLiteral("/org/gnome/ScreenSaver"));
    }
    // logind: `loginctl lock-session(s)`, and the desktop locking on suspend.
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected()) {
        const QString service = QStringLiteral("org.freedesktop.login1");
        const bool lockSignal = system.connect(
            service, logindSessionPath(), QStringLiteral("org.freedesktop.login1.Session"),
            QStringLiteral("Lock"), this, SLOT(sessionLockRequested()));
        const bool sleepSignal =
            system.connect(service, QStringLiteral("/org/freedesktop/login1"),
                           QStringLiteral("org.freedesktop.login1.Manager"),
                           QStringLiteral("PrepareForSleep"), this, SLOT(prepareForSleep(bool)));
        m_systemBus = lockSignal || sleepSignal;
    }
    qCInfo(lcAuth) << "app lock listens to the session bus:" << m_sessionBus
                   << "the system bus:" << m_systemBus;
}

void AppLock::askWhetherScreenSaverIsActive(const QString &service, const QString &path)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(service, path, service, QStringLiteral("GetActive"));
    // Only a screen saver that runs: asking must not start one.
    call.setAutoStartService(false);
    // The answer (a bool) goes to the signal's slot; no screen saver, no answer but an error.
    QDBusConnection::sessionBus().callWithCallback(call, this,
                                                   SLOT(screenSaverActiveChanged(bool)));
}

int AppLock::savedIdleMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(IdleMinutesKey).toInt(&ok);
    return ok ? qBound(MinIdleMinutes, minutes, MaxIdleMinutes) : DefaultIdleMinutes;
}

void AppLock::setIdleMinutes(int minutes)
{
    minutes = qBound(MinIdleMinutes, minutes, MaxIdleMinutes);
    QSettings().setValue(IdleMinutesKey, minutes);
    setIdleTimeout(minutes * 60 * 1000);
}

void AppLock::setIdleTimeout(int msec)
{
    m_idleTimeout = qMax(0, msec);
    armIdleTimer();
}

QString AppLock::settingsKey(const QString &key)
{
    return QStringLiteral("appLock/locked/") + key;
}

void AppLock::forgetSaved(const QString &key)
{
    if (!key.isEmpty())
        QSettings().remove(settingsKey(key));
}

void AppLock::setKey(const QString &key)
{
    if (key == m_key)
        return;
    m_key = key;
    if (!key.isEmpty() && !std::exchange(m_joinScheduled, true))
        QTimer::singleShot(JoinDelayMs, this, &AppLock::listenToDesktop);
    const bool saved = !key.isEmpty() && QSettings().value(settingsKey(key)).toBool();
    if (saved)
        qCInfo(lcAuth) << "this sign-in was locked when Tessera quit: starting locked";
    setLocked(saved, false);
    armIdleTimer();
}

void AppLock::lock()
{
    if (m_key.isEmpty() || m_locked)
        return;
    setLocked(true, true);
}

void AppLock::setUnlocked()
{
    forgetSaved(m_key);
    setLocked(false, false);
    armIdleTimer();
}

void AppLock::setLocked(bool locked, bool save)
{
    if (save)
        QSettings().setValue(settingsKey(m_key), true);
    if (locked == m_locked)
        return;
    m_locked = locked;
    qCInfo(lcAuth) << (locked ? "app locked" : "app unlocked");
    if (locked)
        m_idleTimer.stop();
    emit lockedChanged(locked);
}

void AppLock::armIdleTimer()
{
    if (m_key.isEmpty() || m_locked || m_idleTimeout <= 0) {
        m_idleTimer.stop();
        return;
    }
    m_sinceInput.start();
    m_idleTimer.start(m_idleTimeout);
}

// Input only notes the time (every mouse move comes here); the timer checks it when it fires.
bool AppLock::eventFilter(QObject *watched, QEvent *event)
{
    if (m_idleTimer.isActive() && isUserInput(event->type()))
        m_sinceInput.restart();
    return QObject::eventFilter(watched, event);
}

void AppLock::idleCheck()
{
    const qint64 idle = m_sinceInput.elapsed();
    if (idle < m_idleTimeout) {
        m_idleTimer.start(int(m_idleTimeout - idle));
        return;
    }
    qCInfo(lcAuth) << "no input for" << m_idleTimeout / 1000 << "s";
    lock();
}

void AppLock::screenSaverActiveChanged(bool active)
{
    if (!active)
        return; // unlocking the desktop does not unlock Tessera
    qCInfo(lcAuth) << "the screen saver started";
    lock();
}

void AppLock::sessionLockRequested()
{
    qCInfo(lcAuth) << "the desktop session is being locked";
    lock();
}

void AppLock::prepareForSleep(bool start)
{
    if (!start)
        return;
    qCInfo(lcAuth) << "the computer is going to sleep";
    lock();
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_AppLock.cpp"
