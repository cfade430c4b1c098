#include "AppLock.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWindow>

using namespace tessera;

// A desktop's screen saver as far as AppLock asks it: whether it is on.
class FakeScreenSaver : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.ScreenSaver")
public:
    explicit FakeScreenSaver(bool active)
        : m_active(active)
    {}

public slots:
    bool GetActive() { return m_active; }

private:
    bool m_active;
};

// The app lock on its own: idle timeout, input, the desktop locking, and a lock that outlives
// the process. Input arrives the way a person's does, through a window of this application.
class TestAppLock : public QObject
{
    Q_OBJECT

private:
    const QString m_key = QStringLiteral("demo/10001");
    std::unique_ptr<QWindow> m_window;

    void type() { QTest::keyClick(m_window.get(), Qt::Key_A); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_applock"));
        m_window = std::make_unique<QWindow>();
        m_window->resize(200, 100);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void init() { QSettings().clear(); }

    void locksAfterTheIdleTimeout()
    {
        AppLock lock;
        lock.setKey(m_key);
        QSignalSpy changed(&lock, &AppLock::lockedChanged);
        lock.setIdleTimeout(150);
        QVERIFY(!lock.isLocked());
        QVERIFY(changed.wait(2000));
        QCOMPARE(changed.first().first().toBool(), true);
        QVERIFY(lock.isLocked());
    }

    void typingAndMovingTheMouseKeepItOpen()
    {
        AppLock lock;
        lock.setKey(m_key);
        lock.setIdleTimeout(400);
        QElapsedTimer elapsed;
        elapsed.start();
        for (int i = 0; elapsed.elapsed() < 1200; ++i) {
            if (i % 2)
                type();
            else
                QTest::mouseMove(m_window.get(), QPoint(10 + i % 50, 20));
            QTest::qWait(100);
            QVERIFY2(!lock.isLocked(), "locked while the user was typing");
        }
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLocked(), 2000); // and once they stop, it locks
    }

    // Once it has joined the bus (JoinDelayMs after the key), like the app a second after
    // the sign-in.
    void desktopScreenSaverLocks()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no D-Bus session bus: run through ./dev test");
        AppLock lock;
        lock.setKey(m_key);
        QTRY_VERIFY_WITH_TIMEOUT(lock.listensToSessionBus(), 5000);
        QSignalSpy changed(&lock, &AppLock::lockedChanged);
        const auto screenSaver = [](bool active) {
            QDBusMessage signal = QDBusMessage::createSignal(
                QStringLiteral("/org/freedesktop/ScreenSaver"),
                QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"));
            signal << active;
            QVERIFY(QDBusConnection::sessionBus().send(signal));
        };
        screenSaver(false);
        QTest::qWait(200);
        QVERIFY(!lock.isLocked());
        screenSaver(true);
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLocked(), 5000);
        QCOMPARE(changed.count(), 1);
        screenSaver(false); // the desktop unlocking does not unlock Tessera
        QTest::qWait(200);
        QVERIFY(lock.isLocked());
    }

    void gnomeScreenSaverLocksToo()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no D-Bus session bus: run through ./dev test");
        AppLock lock;
        lock.setKey(m_key);
        QTRY_VERIFY_WITH_TIMEOUT(lock.listensToSessionBus(), 5000);
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/gnome/ScreenSaver"),
                                                         QStringLiteral("org.gnome.ScreenSaver"),
                                                         QStringLiteral("ActiveChanged"));
        signal << true;
        QVERIFY(QDBusConnection::sessionBus().send(signal));
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLocked(), 5000);
    }

    // Joining the buses blocks for a few milliseconds, so the window comes first: nothing is
    // joined for a lock with nothing to lock, and a sign-in's is joined a moment later.
    void joinsTheDesktopsBusesOnlyAMomentAfterASignIn()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no D-Bus session bus: run through ./dev test");
        AppLock lock;
        QTest::qWait(AppLock::JoinDelayMs + 200);
        QVERIFY(!lock.listensToSessionBus());
        lock.setKey(m_key);
        QVERIFY(!lock.listensToSessionBus());
        QTRY_VERIFY_WITH_TIMEOUT(lock.listensToSessionBus(), 5000);
    }

    void aScreenSaverOnBeforeTheLockJoinedLocksIt_data()
    {
        QTest::addColumn<bool>("active");
        QTest::newRow("screen saver on") << true;
        QTest::newRow("screen saver off") << false;
    }

    // The screen locked (its ActiveChanged sent to nobody) while the lock had not joined yet.
    void aScreenSaverOnBeforeTheLockJoinedLocksIt()
    {
        QFETCH(bool, active);
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no D-Bus session bus: run through ./dev test");
        // A connection of its own, so AppLock's question goes through the bus daemon.
        const QString connectionName = QStringLiteral("fake screen saver");
        QDBusConnection desktop =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName);
        FakeScreenSaver screenSaver(active);
        QVERIFY(desktop.registerObject(QStringLiteral("/org/freedesktop/ScreenSaver"), &screenSaver,
                                       QDBusConnection::ExportAllSlots));
        QVERIFY(desktop.registerService(QStringLiteral("org.freedesktop.ScreenSaver")));
        const auto leave = qScopeGuard([&] {
            desktop.unregisterService(QStringLiteral("org.freedesktop.ScreenSaver"));
            desktop.unregisterObject(QStringLiteral("/org/freedesktop/ScreenSaver"));
            QDBusConnection::disconnectFromBus(connectionName);
        });

        AppLock lock;
        lock.setKey(m_key);
        QTRY_VERIFY_WITH_TIMEOUT(lock.listensToSessionBus(), 5000);
        if (active) {
            QTRY_VERIFY_WITH_TIMEOUT(lock.isLocked(), 5000);
        } else {
            QTest::qWait(300); // the answer, had it locked
            QVERIFY(!lock.isLocked());
        }
    }

    void aLockSurvivesAQuit()
    {
        {
            AppLock lock;
            lock.setKey(m_key);
            lock.lock();
            QVERIFY(lock.isLocked());
        }
        AppLock relaunched;
        QSignalSpy changed(&relaunched, &AppLock::lockedChanged);
        relaunched.setKey(QStringLiteral("demo/10002")); // another customer: not locked
        QVERIFY(!relaunched.isLocked());
        relaunched.setKey(m_key);
        QVERIFY(relaunched.isLocked());
        QCOMPARE(changed.count(), 1);

        relaunched.setUnlocked();
        QVERIFY(!relaunched.isLocked());
        AppLock third;
        third.setKey(m_key);
        QVERIFY(!third.isLocked());
    }

    void aSignInWithACodeForgetsTheKeptLock()
    {
        {
            AppLock lock;
            lock.setKey(m_key);
            lock.lock();
        }
        AppLock::forgetSaved(m_key);
        AppLock lock;
        lock.setKey(m_key);
        QVERIFY(!lock.isLocked());
    }

    void nothingLocksWithoutASignIn()
    {
        AppLock lock;
        QSignalSpy changed(&lock, &AppLock::lockedChanged);
        lock.setIdleTimeout(50);
        lock.lock();
        QTest::qWait(200);
        QVERIFY(!lock.isLocked());
        QCOMPARE(changed.count(), 0);

        lock.setKey(m_key);
        lock.lock();
        QVERIFY(lock.isLocked());
        lock.setKey(QString()); // signed out
        QVERIFY(!lock.isLocked());
    }

    void idleTimeoutIsSavedInWholeMinutes()
    {
        QCOMPARE(AppLock::savedIdleMinutes(), AppLock::DefaultIdleMinutes);
        AppLock lock;
        QCOMPARE(lock.idleTimeout(), 10 * 60 * 1000);
        lock.setIdleMinutes(3);
        QCOMPARE(lock.idleTimeout(), 3 * 60 * 1000);
        QCOMPARE(AppLock::savedIdleMinutes(), 3);
        QCOMPARE(AppLock().idleTimeout(), 3 * 60 * 1000);
        lock.setIdleMinutes(0);
        QCOMPARE(AppLock::savedIdleMinutes(), AppLock::MinIdleMinutes);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestAppLock)
#include "tst_applock.moc"
