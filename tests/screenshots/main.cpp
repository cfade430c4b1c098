// Renders Tessera's pages to PNG files, driving the real widgets against the in-process
// sandbox the way a person would. `./dev screenshots` runs it under Xvfb.
#include "Backend.h"
#include "MainWindow.h"
#include "OtpDialog.h"
#include "SandboxServer.h"
#include "Session.h"
#include "SettingsDialog.h"

#include <cstdio>
#include <functional>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tessera;

namespace {

QDir g_out;
int g_failures = 0;

bool waitUntil(const std::function<bool()> &condition, int ms = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

void shoot(QWidget *widget, const QString &name)
{
    QTest::qWait(150); // let pending paints and layouts settle
    const QString path = g_out.filePath(name + QStringLiteral(".png"));
    if (widget->grab().save(path)) {
        std::printf("wrote %s\n", qPrintable(path));
    } else {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        ++g_failures;
    }
}

void require(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "screenshot script failed: %s\n", what);
        ++g_failures;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("TesseraScreenshots"));
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    g_out = QDir(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots"));
    g_out.mkpath(QStringLiteral("."));

    sandbox::SandboxServer server;
    server.start();
    Backend backend(Environment::demo(server.baseUrl()), server.orgToken());
    ui::MainWindow window(&backend);
    window.resize(960, 640);
    window.show();
    require(QTest::qWaitForWindowExposed(&window), "window shown");

    auto *list = window.findChild<QListView *>(QStringLiteral("customerList"));
    require(waitUntil([&] { return list->model()->rowCount() > 0; }), "customers listed");
    shoot(&window, QStringLiteral("01-sign-in"));

    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                      Qt::LeftButton);
    require(waitUntil([&] { return window.otpDialog() != nullptr; }), "code dialog opened");
    ui::OtpDialog *otp = window.otpDialog();
    require(waitUntil([&] { return !backend.authenticator()->isBusy(); }), "code sent");
    shoot(otp, QStringLiteral("02-otp-dialog"));
    auto *code = otp->findChild<QLineEdit *>(QStringLiteral("otpCode"));
    QTest::keyClicks(code, QStringLiteral("123456"));
    QTest::keyClick(code, Qt::Key_Return);
    require(waitUntil(
                [&] { return otp->findChild<QLabel *>(QStringLiteral("otpError"))->isVisible(); }),
            "wrong code shown");
    shoot(otp, QStringLiteral("03-otp-wrong-code"));
    code->selectAll();
    QTest::keyClicks(code, QStringLiteral("000001"));
    QTest::keyClick(code, Qt::Key_Return);
    require(waitUntil([&] { return backend.session()->isActive(); }), "signed in");
    require(waitUntil([&] {
                return window.findChild<QLabel *>(QStringLiteral("greeting"))
                    ->text()
                    .startsWith(QLatin1String("Hello"));
            }),
            "greeting loaded");
    shoot(&window, QStringLiteral("04-signed-in"));

    ui::SettingsDialog settings(Environment::demo(server.baseUrl()), backend.tokenStore(), &window);
    settings.show();
    auto *kind = settings.findChild<QComboBox *>(QStringLiteral("environmentKind"));
    kind->setCurrentIndex(kind->findData(int(Environment::Kind::Production)));
    QTest::keyClicks(settings.findChild<QLineEdit *>(QStringLiteral("brokerUrlField")),
                     QStringLiteral("http://bank.example/tokens"));
    settings.accept(); // refused: not https
    shoot(&settings, QStringLiteral("05-settings-error"));
    settings.reject();

    QSignalSpy removed(backend.tokenStore(), &TokenStore::removeFinished);
    backend.authenticator()->signOut();
    removed.wait(3000);
    return g_failures == 0 ? 0 : 1;
}
