#include "Environment.h"
#include "Scopes.h"

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
