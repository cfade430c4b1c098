#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace tessera {

// Locks the app so a signed-in customer's data is not left on screen: after a stretch without
// key, mouse, wheel or touch input in Tessera (the idle timeout), when the desktop session locks
// (org.freedesktop.ScreenSaver / org.gnome.ScreenSaver ActiveChanged(true) on the session bus,
// logind's Lock for this session or PrepareForSleep on the system bus) and on lock(). What is
// locked is named by a key (environment and customer); nothing locks without one. The locked
// flag is kept in QSettings under that key (it says nothing secret), so a sign-in that was
// locked when Tessera quit starts locked. Unlocking (proving it is the customer) is up to the
// caller, which then calls setUnlocked().
//
// The buses are joined JoinDelayMs after the first key (someone signed in), not at
// construction: joining takes 3-5 ms of blocking D-Bus calls that the first screen would wait
// for. A screen saver already active by then is asked for (GetActive) and locks, as its
// signal would have.
class AppLock : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIdleMinutes = 10;
    static constexpr int MinIdleMinutes = 1;
    static constexpr int MaxIdleMinutes = 240;
    static constexpr int JoinDelayMs = 1000;

    explicit AppLock(QObject *parent = nullptr);
    ~AppLock() override;

    // The idle timeout the user chose (QSettings), MinIdleMinutes..MaxIdleMinutes.
    static int savedIdleMinutes();
    // Saves the idle timeout and uses it from now on.
    void setIdleMinutes(int minutes);
    // Uses this timeout (in milliseconds, not saved); for tests. 0 turns the idle lock off.
    void setIdleTimeout(int msec);
    int idleTimeout() const { return m_idleTimeout; }

    // What is locked: "environment/customer" (a QSettings key), or empty when nobody is signed
    // in (then nothing locks). Takes over the lock kept for that key, if any.
    void setKey(const QString &key);
    QString key() const { return m_key; }
    // Forgets a lock kept for this key: a sign-in with a code proves the customer is there.
    static void forgetSaved(const QString &key);

    bool isLocked() const { return m_locked; }
    // Locks now (nothing happens without a key).
    void lock();
    // The customer proved they are back (or signed out): unlocked, the kept flag removed.
    void setUnlocked();

    // Whether the desktop's lock signals are listened to (for tests and the log); false until
    // JoinDelayMs after the first key.
    bool listensToSessionBus() const { return m_sessionBus; }
    bool listensToSystemBus() const { return m_systemBus; }

signals:
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private slots:
    void screenSaverActiveChanged(bool active);
    void sessionLockRequested();
    void prepareForSleep(bool start);

private:
    void listenToDesktop();
    void askWhetherScreenSaverIsActive(const QString &service, const QString &path);
    void setLocked(bool locked, bool save);
    void armIdleTimer();
    void idleCheck();
    static QString settingsKey(const QString &key);

    QString m_key;
    QTimer m_idleTimer;
    QElapsedTimer m_sinceInput;
    int m_idleTimeout = 0;
    bool m_locked = false;
    bool m_sessionBus = false;
    bool m_systemBus = false;
    bool m_joinScheduled = false;
};

} // namespace tessera
