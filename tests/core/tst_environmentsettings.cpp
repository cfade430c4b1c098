#include "EnvironmentSettings.h"
#include "ProvisioningFile.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

class TestEnvironmentSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_environmentsettings"));
        QSettings().clear();
    }

    void defaultsToDemo() { QCOMPARE(EnvironmentSettings::load().kind, Environment::Kind::Demo); }

    void roundTrips_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("broker");
        QTest::newRow("unit sandbox")
            << int(Environment::Kind::UnitSandbox) << QString() << QString();
        QTest::newRow("production") << int(Environment::Kind::Production) << QString()
                                    << QStringLiteral("https://bank.example/tokens");
        QTest::newRow("custom") << int(Environment::Kind::Custom)
                                << QStringLiteral("https://api.bank.example")
                                << QStringLiteral("https://bank.example/tokens");
        QTest::newRow("demo") << int(Environment::Kind::Demo) << QString() << QString();
    }
    void roundTrips()
    {
        QFETCH(int, kind);
        QFETCH(QString, api);
        QFETCH(QString, broker);
        Environment environment{Environment::Kind(kind), QUrl(api), QUrl(broker)};
        if (environment.kind == Environment::Kind::UnitSandbox)
            environment = Environment::unitSandbox();
        if (environment.kind == Environment::Kind::Production)
            environment = Environment::production(QUrl(broker));
        EnvironmentSettings::save(environment);
        const Environment loaded = EnvironmentSettings::load();
        QCOMPARE(loaded.kind, environment.kind);
        if (environment.kind != Environment::Kind::Demo)
            QCOMPARE(loaded.apiUrl, environment.apiUrl);
        QCOMPARE(loaded.tokenBrokerUrl, environment.tokenBrokerUrl);
        QCOMPARE(loaded.id(), environment.id());
    }

    // --environment production after a custom environment was saved: Unit's production API,
    // never the custom server's address under a LIVE badge.
    void kindChosenAtStartKeepsItsOwnApi()
    {
        EnvironmentSettings::save(
            Environment::custom(QUrl(QStringLiteral("https://api.other.example")),
                                QUrl(QStringLiteral("https://bank.example/t"))));
        const Environment production = EnvironmentSettings::load(Environment::Kind::Production);
        QCOMPARE(production.kind, Environment::Kind::Production);
        QCOMPARE(production.apiUrl,
                 Environment::production(QUrl(QStringLiteral("https://bank.example/t"))).apiUrl);
        QVERIFY(production.apiUrl.host() != QLatin1String("api.other.example"));
        QCOMPARE(production.tokenBrokerUrl, QUrl(QStringLiteral("https://bank.example/t")));
        QCOMPARE(EnvironmentSettings::load(Environment::Kind::UnitSandbox).apiUrl,
                 Environment::unitSandbox().apiUrl);
        QCOMPARE(EnvironmentSettings::load(Environment::Kind::Demo).kind, Environment::Kind::Demo);
        QCOMPARE(EnvironmentSettings::load().kind, Environment::Kind::Custom); // saved unchanged
    }

    // A provisioned build works in Production with the bank's broker, whatever was saved or
    // asked for on the command line.
    void provisioningWinsOverWhatWasSaved()
    {
        QTemporaryDir dir;
        const Provisioning provisioning = test::provisioningFile(
            dir.path(), "[bank]\nname=Example Bank\nbrokerUrl=https://tokens.bank.example\n");
        QVERIFY(provisioning.isProvisioned());
        EnvironmentSettings::save(Environment::demo({}));
        for (auto kind : {std::optional<Environment::Kind>(),
                          std::optional<Environment::Kind>(Environment::Kind::Demo),
                          std::optional<Environment::Kind>(Environment::Kind::Custom)}) {
            const Environment environment = EnvironmentSettings::load(provisioning, kind);
            QCOMPARE(environment.kind, Environment::Kind::Production);
            QCOMPARE(environment.apiUrl, Environment::unitProductionUrl());
            QCOMPARE(environment.tokenBrokerUrl,
                     QUrl(QStringLiteral("https://tokens.bank.example")));
        }
        QCOMPARE(EnvironmentSettings::load().kind, Environment::Kind::Demo); // saved unchanged
    }

    // A bank trying Tessera on Unit's sandbox first names Unit's address there.
    void provisioningNamesUnitsAddress()
    {
        QTemporaryDir dir;
        const Provisioning provisioning =
            test::provisioningFile(dir.path(), "[bank]\nbrokerUrl=https://tokens.bank.example\n"
                                               "[unit]\napiUrl=https://api.s.unit.sh\n");
        const Environment environment = EnvironmentSettings::load(provisioning);
        QCOMPARE(environment.kind, Environment::Kind::Production);
        QCOMPARE(environment.apiUrl, Environment::unitSandboxUrl());
        QCOMPARE(environment.tokenBrokerUrl, QUrl(QStringLiteral("https://tokens.bank.example")));
        QVERIFY(!environment.check());
    }

    // A bad provisioning file never means the demo: Production with no broker, which the
    // sign-in page explains.
    void unusableProvisioningIsProductionWithNoBroker()
    {
        QTemporaryDir dir;
        const Provisioning provisioning =
            test::provisioningFile(dir.path(), "[bank]\nbrokerUrl=http://tokens.bank.example\n");
        QCOMPARE(provisioning.state(), Provisioning::State::Unusable);
        EnvironmentSettings::save(Environment::demo({}));
        const Environment environment = EnvironmentSettings::load(provisioning);
        QCOMPARE(environment.kind, Environment::Kind::Production);
        QVERIFY(environment.tokenBrokerUrl.isEmpty());
        QVERIFY(environment.check().has_value());
    }

    void withoutProvisioningTheSavedOneIsUsed()
    {
        EnvironmentSettings::save(Environment::unitSandbox());
        QCOMPARE(EnvironmentSettings::load(Provisioning::read(QString())).kind,
                 Environment::Kind::UnitSandbox);
        QCOMPARE(
            EnvironmentSettings::load(Provisioning::read(QString()), Environment::Kind::Demo).kind,
            Environment::Kind::Demo);
    }

    void unknownKindFallsBackToDemo()
    {
        QSettings().setValue(QStringLiteral("environment/kind"), QStringLiteral("mars"));
        QCOMPARE(EnvironmentSettings::load().kind, Environment::Kind::Demo);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentSettings)
#include "tst_environmentsettings.moc"
