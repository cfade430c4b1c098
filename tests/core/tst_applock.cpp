#include "AppLock.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWindow>

using namespace tessera;

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

    void desktopScreenSaverLocks()
    {
        AppLock lock;
        if (!lock.listensToSessionBus())
            QSKIP("no D-Bus session bus: run through ./dev test");
        lock.setKey(m_key);
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
        AppLock lock;
        if (!lock.listensToSessionBus())
            QSKIP("no D-Bus session bus: run through ./dev test");
        lock.setKey(m_key);
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/gnome/ScreenSaver"),
                                                         QStringLiteral("org.gnome.ScreenSaver"),
                                                         QStringLiteral("ActiveChanged"));
        signal << true;
        QVERIFY(QDBusConnection::sessionBus().send(signal));
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLocked(), 5000);
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
