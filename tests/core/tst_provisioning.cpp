#include "Provisioning.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

class TestProvisioning : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const char *name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void noFileIsAPlainBuild()
    {
        const Provisioning provisioning =
            Provisioning::read(m_dir.filePath(QStringLiteral("none.conf")));
        QCOMPARE(provisioning.state(), Provisioning::State::Absent);
        QVERIFY(!provisioning.isPresent());
        QVERIFY(provisioning.problem().isEmpty());
    }

    void readsTheBanksNameAndBroker()
    {
        const Provisioning provisioning = Provisioning::read(
            write("good.conf", "[bank]\nname=Example Bank\nbrokerUrl=https://tokens.bank.example\n"
                               "\n[somethingNewer]\nkey=value\n"));
        QCOMPARE(provisioning.state(), Provisioning::State::Provisioned);
        QCOMPARE(provisioning.bankName(), QStringLiteral("Example Bank"));
        QCOMPARE(provisioning.brokerUrl(), QUrl(QStringLiteral("https://tokens.bank.example")));
        QVERIFY(provisioning.problem().isEmpty());
        QVERIFY(!provisioning.identityProvider());
        QCOMPARE(provisioning.apiUrl(), QUrl(QStringLiteral("https://api.unit.co")));
    }

    void readsUnitsAddressWhenTheBankNamesOne()
    {
        const Provisioning provisioning =
            Provisioning::read(write("unit.conf", "[bank]\nbrokerUrl=https://tokens.bank.example\n"
                                                  "[unit]\napiUrl=https://api.s.unit.sh\n"));
        QCOMPARE(provisioning.state(), Provisioning::State::Provisioned);
        QCOMPARE(provisioning.apiUrl(), QUrl(QStringLiteral("https://api.s.unit.sh")));
    }

    void readsTheBanksIdentityProvider()
    {
        const Provisioning provisioning = Provisioning::read(
            write("idp.conf", "[bank]\nname=Example Bank\nbrokerUrl=https://tokens.bank.example\n"
                              "[identityProvider]\nissuer=https://login.bank.example/oidc\n"
                              "clientId=tessera-desktop\nscopes=openid email profile\n"
                              "name=Example ID\n"));
        QCOMPARE(provisioning.state(), Provisioning::State::Provisioned);
        const std::optional<IdentityProvider> provider = provisioning.identityProvider();
        QVERIFY(provider);
        QVERIFY(provider->isValid());
        QCOMPARE(provider->issuer, QUrl(QStringLiteral("https://login.bank.example/oidc")));
        QCOMPARE(provider->clientId, QStringLiteral("tessera-desktop"));
        QCOMPARE(provider->scopes, (QStringList{QStringLiteral("openid"), QStringLiteral("email"),
                                                QStringLiteral("profile")}));
        QCOMPARE(provider->displayName, QStringLiteral("Example ID"));
    }

    // What a bank leaves out is what OpenID Connect and the broker need: "openid" always,
    // "email" to find the account; the button then bears the bank's own name.
    void anIdentityProviderWithoutScopesOrNameGetsWhatTheSignInNeeds_data()
    {
        QTest::addColumn<QByteArray>("group");
        QTest::addColumn<QStringList>("scopes");
        const QStringList openidEmail{QStringLiteral("openid"), QStringLiteral("email")};
        QTest::newRow("no scopes") << QByteArray("") << openidEmail;
        QTest::newRow("without openid") << QByteArray("scopes=email\n") << openidEmail;
        QTest::newRow("commas") << QByteArray("scopes=openid, email\n") << openidEmail;
    }
    void anIdentityProviderWithoutScopesOrNameGetsWhatTheSignInNeeds()
    {
        QFETCH(QByteArray, group);
        QFETCH(QStringList, scopes);
        const Provisioning provisioning = Provisioning::read(
            write("defaults.conf", "[bank]\nname=Example Bank\nbrokerUrl=https://tokens.example\n"
                                   "[identityProvider]\nissuer=http://127.0.0.1:4593/api/oidc\n"
                                   "clientId=tessera-desktop\n" +
                                       group));
        QCOMPARE(provisioning.state(), Provisioning::State::Provisioned);
        QVERIFY(provisioning.identityProvider());
        QCOMPARE(provisioning.identityProvider()->scopes, scopes);
        QCOMPARE(provisioning.identityProvider()->displayName, QStringLiteral("Example Bank"));
    }

    void plainHttpIsAllowedOnlyOnThisComputer()
    {
        QCOMPARE(
            Provisioning::read(write("loopback.conf", "[bank]\nbrokerUrl=http://127.0.0.1:8443\n"))
                .state(),
            Provisioning::State::Provisioned);
        const Provisioning remote = Provisioning::read(
            write("http.conf", "[bank]\nbrokerUrl=http://tokens.bank.example\n"));
        QCOMPARE(remote.state(), Provisioning::State::Unusable);
        QVERIFY2(remote.problem().contains(QStringLiteral("https://")),
                 qPrintable(remote.problem()));
        QVERIFY(remote.brokerUrl().isEmpty());
    }

    void badFilesAreUnusableAndSaySoInPlainWords_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x7f"
                                               "ELF\x02\x01\x01\0\0\0garbage\xff\xfe",
                                               20);
        QTest::newRow("no broker") << QByteArray("[bank]\nname=Example Bank\n");
        QTest::newRow("broker outside [bank]") << QByteArray("brokerUrl=https://tokens.example\n");
        QTest::newRow("not an address") << QByteArray("[bank]\nbrokerUrl=::::\n");
        QTest::newRow("ftp") << QByteArray("[bank]\nbrokerUrl=ftp://tokens.bank.example\n");
        QTest::newRow("unit over http") << QByteArray(
            "[bank]\nbrokerUrl=https://t.example\n[unit]\napiUrl=http://api.example\n");
        QTest::newRow("provider without issuer")
            << QByteArray("[bank]\nbrokerUrl=https://t.example\n[identityProvider]\nclientId=x\n");
        QTest::newRow("provider without client")
            << QByteArray("[bank]\nbrokerUrl=https://t.example\n"
                          "[identityProvider]\nissuer=https://login.example\n");
        QTest::newRow("provider over http")
            << QByteArray("[bank]\nbrokerUrl=https://t.example\n"
                          "[identityProvider]\nissuer=http://login.example\nclientId=x\n");
    }
    void badFilesAreUnusableAndSaySoInPlainWords()
    {
        QFETCH(QByteArray, content);
        const QString path = write("bad.conf", content);
        const Provisioning provisioning = Provisioning::read(path);
        QCOMPARE(provisioning.state(), Provisioning::State::Unusable);
        QVERIFY(provisioning.isPresent());
        QVERIFY(!provisioning.isProvisioned());
        QVERIFY(provisioning.problem().contains(path));
        QVERIFY(provisioning.problem().contains(QStringLiteral("bank's support")));
    }

    void anUnreadableFileIsUnusable()
    {
        const QString path = write("secret.conf", "[bank]\nbrokerUrl=https://tokens.example\n");
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        QFile probe(path);
        if (probe.open(QIODevice::ReadOnly))
            QSKIP("running as root: every file is readable");
        const Provisioning provisioning = Provisioning::read(path);
        QCOMPARE(provisioning.state(), Provisioning::State::Unusable);
        QVERIFY(provisioning.problem().contains(QStringLiteral("cannot be read")));
        const Provisioning directory = Provisioning::read(m_dir.path());
        QCOMPARE(directory.state(), Provisioning::State::Unusable);
    }

    // Tests and support point Tessera at a file of their own; a build reads its own otherwise.
    void theEnvironmentVariableChoosesTheFile()
    {
        qputenv("TESSERA_PROVISIONING_FILE", QByteArray("/tmp/elsewhere.conf"));
        QCOMPARE(Provisioning::filePath(), QStringLiteral("/tmp/elsewhere.conf"));
        qunsetenv("TESSERA_PROVISIONING_FILE");
        QCOMPARE(Provisioning::filePath(), QStringLiteral("/etc/tessera/provisioning.conf"));
    }
};

QTEST_GUILESS_MAIN(TestProvisioning)
#include "tst_provisioning.moc"
