#include "SettingsDialog.h"
#include "TokenStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tessera;
using tessera::ui::SettingsDialog;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    static void choose(SettingsDialog &dialog, Environment::Kind kind)
    {
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("environmentKind"));
        combo->setCurrentIndex(combo->findData(int(kind)));
    }
    static QPushButton *ok(SettingsDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
    }

    void productionNeedsAnHttpsBroker()
    {
        TokenStore store;
        SettingsDialog dialog(Environment::demo({}), &store);
        dialog.show();
        choose(dialog, Environment::Kind::Production);
        auto *broker = dialog.findChild<QLineEdit *>(QStringLiteral("brokerUrlField"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("settingsError"));
        QVERIFY(broker->isVisible());
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("orgTokenField"))->isVisible());

        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(error->isVisible()); // no broker at all

        QTest::keyClicks(broker, QStringLiteral("http://bank.example/tokens"));
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(error->text().contains(QLatin1String("https")));
        QCOMPARE(broker->text(), QStringLiteral("http://bank.example/tokens")); // kept

        broker->clear();
        QTest::keyClicks(broker, QStringLiteral("https://bank.example/tokens"));
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.environment().kind, Environment::Kind::Production);
        QCOMPARE(dialog.environment().apiUrl, Environment::unitProductionUrl());
        QCOMPARE(dialog.environment().tokenBrokerUrl,
                 QUrl(QStringLiteral("https://bank.example/tokens")));
    }

    void anErrorMakesRoomInsteadOfCuttingTheTextsBelowIt()
    {
        TokenStore store;
        SettingsDialog dialog(Environment::demo({}), &store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        choose(dialog, Environment::Kind::Production);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("brokerUrlField")),
                         QStringLiteral("http://bank.example/tokens"));
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("settingsError"))->isVisible());
        QCoreApplication::processEvents();
        for (const char *name : {"settingsError", "securityNote"}) {
            auto *label = dialog.findChild<QLabel *>(QLatin1String(name));
            QVERIFY2(label, name);
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QStringLiteral("%1 is cut: %2 of %3 px")
                                    .arg(QLatin1String(name))
                                    .arg(label->height())
                                    .arg(label->heightForWidth(label->width()))));
        }
    }

    void customAllowsHttpOnlyOnLoopback()
    {
        TokenStore store;
        SettingsDialog dialog(Environment::demo({}), &store);
        dialog.show();
        choose(dialog, Environment::Kind::Custom);
        auto *api = dialog.findChild<QLineEdit *>(QStringLiteral("apiUrlField"));
        auto *broker = dialog.findChild<QLineEdit *>(QStringLiteral("brokerUrlField"));
        QVERIFY(!api->isReadOnly());
        QTest::keyClicks(api, QStringLiteral("http://10.0.0.5:8080"));
        QTest::keyClicks(broker, QStringLiteral("http://127.0.0.1:8081"));
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        api->clear();
        QTest::keyClicks(api, QStringLiteral("http://127.0.0.1:8080"));
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.environment().apiUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    }

    void unitSandboxOrgTokenGoesToTheKeychainOnly()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        TokenStore store;
        SettingsDialog dialog(Environment::demo({}), &store);
        dialog.show();
        choose(dialog, Environment::Kind::UnitSandbox);
        auto *orgToken = dialog.findChild<QLineEdit *>(QStringLiteral("orgTokenField"));
        QVERIFY(orgToken->isVisible());
        QCOMPARE(orgToken->echoMode(), QLineEdit::Password);
        const QString secret = QStringLiteral("v2.public.sandbox-org-token-for-the-test");
        QTest::keyClicks(orgToken, secret);
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(orgToken->text().isEmpty());

        QSignalSpy read(&store, &TokenStore::orgTokenRead);
        store.readOrgToken(Environment::unitSandbox().id());
        QVERIFY(read.wait(5000));
        QCOMPARE(read.first().at(1).toString(), secret);

        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY(!file.readAll().contains(secret.toUtf8()));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
