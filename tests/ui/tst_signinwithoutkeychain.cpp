#include "Backend.h"
#include "DemoBackend.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "Session.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::MainWindow;

// Runs with no reachable Secret Service (see CMakeLists.txt): signing in still works, in
// memory only, and the window says the sign-in will not be remembered.
class TestSignInWithoutKeychain : public QObject
{
    Q_OBJECT

private slots:
    void signInWorksAndSaysItIsNotRemembered()
    {
        QStandardPaths::setTestModeEnabled(true);
        SandboxServer sandbox;
        QVERIFY(sandbox.start() != 0);
        const auto demoBackend = test::makeDemoBackend(sandbox);
        Backend &backend = *demoBackend;
        backend.tokenStore()->setWatchdogInterval(3000);
        MainWindow window(&backend);
        window.show();
        auto *warning = window.findChild<QLabel *>(QStringLiteral("keychainWarning"));
        QVERIFY(!warning->isVisible());

        auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, 5000);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        auto *code = window.otpDialog()->findChild<QLineEdit *>(QStringLiteral("otpCode"));
        QTest::keyClicks(code, QStringLiteral("000001"));
        QTest::keyClick(code, Qt::Key_Return);

        QTRY_VERIFY_WITH_TIMEOUT(backend.session()->isActive(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(warning->isVisible(), 5000);
        QVERIFY(warning->toolTip().contains(QLatin1String("not be remembered")));
        QVERIFY(!backend.authenticator()->remembersSignIn());
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("greeting"))
                                     ->text()
                                     .startsWith(QLatin1String("Hello")),
                                 5000);
    }
};

QTEST_MAIN(TestSignInWithoutKeychain)
#include "tst_signinwithoutkeychain.moc"
