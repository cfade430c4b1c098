#include "Environment.h"
#include "Scopes.h"

#include <QRegularExpression>
#include <QTest>

using namespace tessera;

class TestEnvironment : public QObject
{
    Q_OBJECT

private slots:
    void urlRules_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://api.s.unit.sh" << true;
        QTest::newRow("https with path") << "https://bank.example/unit/" << true;
        QTest::newRow("http loopback v4") << "http://127.0.0.1:8080" << true;
        QTest::newRow("http loopback range") << "http://127.1.2.3:8080" << true;
        QTest::newRow("http localhost") << "http://localhost:8080" << true;
        QTest::newRow("http loopback v6") << "http://[::1]:8080" << true;
        QTest::newRow("http remote") << "http://api.unit.co" << false;
        QTest::newRow("http private lan") << "http://192.168.1.10" << false;
        QTest::newRow("ftp") << "ftp://api.unit.co" << false;
        QTest::newRow("no host") << "https://" << false;
        QTest::newRow("garbage") << "not a url" << false;
    }
    void urlRules()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const auto problem = Environment::checkUrl(QUrl(url));
        QCOMPARE(!problem.has_value(), allowed);
        if (problem)
            QVERIFY(!problem->isEmpty());
    }

    void kinds()
    {
        const Environment demo = Environment::demo(QUrl(QStringLiteral("http://127.0.0.1:1234")));
        QVERIFY(demo.usesOrgToken());
        QCOMPARE(demo.id(), QStringLiteral("demo"));
        QCOMPARE(demo.tokenUrl(), demo.apiUrl);
        QVERIFY(!demo.check());

        const Environment sandbox = Environment::unitSandbox();
        QCOMPARE(sandbox.apiUrl, QUrl(QStringLiteral("https://api.s.unit.sh")));
        QVERIFY(sandbox.usesOrgToken());

        Environment production = Environment::production({});
        QVERIFY(!production.usesOrgToken());
        QVERIFY(production.check().has_value()); // needs a broker
        production.tokenBrokerUrl = QUrl(QStringLiteral("http://bank.example/tokens"));
        QVERIFY(production.check().has_value()); // not https
        production.tokenBrokerUrl = QUrl(QStringLiteral("https://bank.example/tokens"));
        QVERIFY(!production.check());
        QCOMPARE(production.tokenUrl(), production.tokenBrokerUrl);
        QCOMPARE(production.badge(), QStringLiteral("LIVE"));
    }

    // Keychain entries and the last customer are kept per custom server: another scheme or
    // port is another server, a default port spelled out is the same one.
    void customIdsDifferBySchemeHostAndPort_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("https vs http on another port") << "https://a.example"
                                                       << "http://a.example:8443" << false;
        QTest::newRow("https vs http") << "https://a.example"
                                       << "http://a.example" << false;
        QTest::newRow("https default port vs 8443") << "https://a.example"
                                                    << "https://a.example:8443" << false;
        QTest::newRow("http loopback ports") << "http://127.0.0.1:8080"
                                             << "http://127.0.0.1:8081" << false;
        QTest::newRow("other host") << "https://a.example"
                                    << "https://b.example" << false;
        QTest::newRow("hyphens do not shift parts") << "https://a-443.example:80"
                                                    << "https://a.example-443:80" << false;
        QTest::newRow("ipv6 vs ipv4") << "http://[::1]:8080"
                                      << "http://127.0.0.1:8080" << false;
        QTest::newRow("https 443 spelled out") << "https://a.example"
                                               << "https://a.example:443" << true;
        QTest::newRow("http 80 spelled out") << "http://localhost"
                                             << "http://localhost:80" << true;
        QTest::newRow("path and case do not matter") << "https://A.Example/unit/"
                                                     << "https://a.example:443/other" << true;
    }
    void customIdsDifferBySchemeHostAndPort()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const QString idA = Environment::custom(QUrl(a), {}).id();
        const QString idB = Environment::custom(QUrl(b), {}).id();
        QCOMPARE(idA == idB, same);
        // Usable as a QSettings group and a keychain entry name as they are.
        static const QRegularExpression safe(QStringLiteral("^custom-[a-z0-9._-]+$"));
        for (const QString &id : {idA, idB})
            QVERIFY2(safe.match(id).hasMatch(), qPrintable(id));
    }

    void customIdSpellsOutSchemeHostAndPort()
    {
        QCOMPARE(Environment::custom(QUrl(QStringLiteral("https://bank.example")), {}).id(),
                 QStringLiteral("custom-https-bank.example-443"));
        QCOMPARE(Environment::custom(QUrl(QStringLiteral("http://127.0.0.1:8443")), {}).id(),
                 QStringLiteral("custom-http-127.0.0.1-8443"));
    }

    void scopes()
    {
        QVERIFY(Scopes::needsTwoFactor(QStringLiteral("cards-write")));
        QVERIFY(!Scopes::needsTwoFactor(QStringLiteral("cards")));
        QVERIFY(!Scopes::anyNeedsTwoFactor(Scopes::signIn()));
        QCOMPARE(Scopes::merged({QStringLiteral("a"), QStringLiteral("b")},
                                {QStringLiteral("b"), QStringLiteral("c")}),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }
};

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
