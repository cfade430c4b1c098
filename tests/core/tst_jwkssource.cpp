#include "JwksServer.h"
#include "JwksSource.h"
#include "TestSigningKey.h"

#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using tessera::test::JwksServer;
using tessera::test::TestSigningKey;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() &&
           file.commit();
}

// A clock the test moves by hand.
struct ManualClock
{
    std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now();
    std::function<std::chrono::steady_clock::time_point()> function()
    {
        return [this] { return now; };
    }
};

} // namespace

class TestJwksSource : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    TestSigningKey m_key;
    TestSigningKey m_rotatedKey;

    // Loads and waits for the outcome: true for loaded(), false for failed().
    static bool loadAndWait(JwksSource &source, QString *reason = nullptr)
    {
        QSignalSpy loaded(&source, &JwksSource::loaded);
        QSignalSpy failed(&source, &JwksSource::failed);
        source.load();
        if (loaded.isEmpty() && failed.isEmpty())
            (void)QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 15000);
        if (reason && !failed.isEmpty())
            *reason = failed.first().first().toString();
        return !loaded.isEmpty();
    }

private slots:
    void aFileIsReadAtOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jwks.json"));
        QVERIFY(writeFile(path, m_key.jwksJson()));
        JwksSource source(path, &m_nam);
        QSignalSpy loaded(&source, &JwksSource::loaded);
        source.load();
        QCOMPARE(loaded.size(), 1); // no event loop needed
        QCOMPARE(source.keys().keyIds(), QStringList{m_key.kid()});
        QVERIFY(!source.isUrl());
    }

    void aMissingOrUnusableFileFails()
    {
        QTemporaryDir dir;
        QString reason;
        JwksSource missing(dir.filePath(QStringLiteral("absent.json")), &m_nam);
        QVERIFY(!loadAndWait(missing, &reason));
        QVERIFY2(reason.contains(QStringLiteral("absent.json")), qPrintable(reason));
        const QString path = dir.filePath(QStringLiteral("empty.json"));
        QVERIFY(writeFile(path, R"({"keys":[]})"));
        JwksSource empty(path, &m_nam);
        QVERIFY(!loadAndWait(empty, &reason));
        QVERIFY(empty.keys().isEmpty());
    }

    void aFileIsReadAgainForAnUnknownKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jwks.json"));
        QVERIFY(writeFile(path, m_key.jwksJson()));
        JwksSource source(path, &m_nam);
        QVERIFY(loadAndWait(source));
        QVERIFY(writeFile(path, m_rotatedKey.jwksJson()));
        QSignalSpy loaded(&source, &JwksSource::loaded);
        source.refreshForUnknownKey();
        QCOMPARE(loaded.size(), 1);
        QVERIFY(source.keys().hasKey(m_rotatedKey.kid()));
        QVERIFY(!source.keys().hasKey(m_key.kid()));
    }

    void onlyHttpsOrLoopbackAddressesAreTaken_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<bool>("taken");
        QTest::newRow("https") << QStringLiteral("https://id.bank.example/jwks") << true;
        QTest::newRow("http on 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/jwks") << true;
        QTest::newRow("http on ::1") << QStringLiteral("http://[::1]:8080/jwks") << true;
        QTest::newRow("http on localhost") << QStringLiteral("http://localhost:8080/jwks") << true;
        QTest::newRow("a file") << QStringLiteral("/etc/tessera/jwks.json") << true;
        QTest::newRow("http elsewhere") << QStringLiteral("http://id.bank.example/jwks") << false;
        QTest::newRow("http on a LAN address") << QStringLiteral("http://10.0.0.5/jwks") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://id.bank.example/jwks") << false;
        QTest::newRow("nothing") << QString() << false;
    }
    void onlyHttpsOrLoopbackAddressesAreTaken()
    {
        QFETCH(QString, location);
        QFETCH(bool, taken);
        QCOMPARE(JwksSource::locationProblem(location).isEmpty(), taken);
    }

    void plainHttpOffThisComputerFailsWithoutAsking()
    {
        JwksSource source(QStringLiteral("http://id.bank.example/jwks"), &m_nam);
        QSignalSpy failed(&source, &JwksSource::failed);
        source.load();
        QCOMPARE(failed.size(), 1); // at once: nothing was sent
        QVERIFY(!source.isLoading());
    }

    void aLoopbackAddressIsFetched()
    {
        JwksServer server;
        QVERIFY(server.url().isValid());
        server.setJwks(m_key.jwksJson());
        JwksSource source(server.url().toString(), &m_nam);
        QVERIFY(source.isUrl());
        QVERIFY(loadAndWait(source));
        QCOMPARE(server.requests(), 1);
        QCOMPARE(source.keys().keyIds(), QStringList{m_key.kid()});
    }

    void aRedirectIsRefusedAndNotFollowed()
    {
        JwksServer elsewhere;
        elsewhere.setJwks(m_key.jwksJson());
        JwksServer server;
        server.setRedirect(elsewhere.url());
        JwksSource source(server.url().toString(), &m_nam);
        QString reason;
        QVERIFY(!loadAndWait(source, &reason));
        QVERIFY2(reason.contains(QStringLiteral("redirect")), qPrintable(reason));
        QCOMPARE(server.requests(), 1);
        QCOMPARE(elsewhere.requests(), 0);
        QVERIFY(source.keys().isEmpty());
    }

    void anAddressThatAnswersNoJwkSetFails()
    {
        JwksServer server;
        server.setJwks("<html>maintenance</html>");
        JwksSource source(server.url().toString(), &m_nam);
        QVERIFY(!loadAndWait(source));
        QVERIFY(source.keys().isEmpty());
    }

    void anUnknownKeyFetchesAgainAtMostOncePerMinute()
    {
        JwksServer server;
        server.setJwks(m_key.jwksJson());
        JwksSource source(server.url().toString(), &m_nam);
        ManualClock clock;
        source.setClock(clock.function());
        QVERIFY(loadAndWait(source));
        QCOMPARE(server.requests(), 1);

        // The provider rotates its key: the first token with the new kid fetches again.
        server.setJwks(m_rotatedKey.jwksJson());
        QSignalSpy loaded(&source, &JwksSource::loaded);
        source.refreshForUnknownKey();
        QVERIFY(source.isLoading());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(server.requests(), 2);
        QVERIFY(source.keys().hasKey(m_rotatedKey.kid()));

        // Made-up kids within the minute fetch nothing.
        clock.now += std::chrono::seconds(59);
        source.refreshForUnknownKey();
        source.refreshForUnknownKey();
        QVERIFY(!source.isLoading());
        QTest::qWait(100);
        QCOMPARE(server.requests(), 2);

        // A minute after the last fetch for an unknown key, one more is allowed.
        clock.now += std::chrono::seconds(1);
        source.refreshForUnknownKey();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(server.requests(), 3);
    }

    void aFailedRefreshKeepsTheKeysItHad()
    {
        JwksServer server;
        server.setJwks(m_key.jwksJson());
        JwksSource source(server.url().toString(), &m_nam);
        QVERIFY(loadAndWait(source));
        server.setJwks(R"({"keys":[]})");
        QSignalSpy failed(&source, &JwksSource::failed);
        source.refreshForUnknownKey();
        QVERIFY(failed.wait(10000));
        QCOMPARE(source.keys().keyIds(), QStringList{m_key.kid()});
    }
};

QTEST_GUILESS_MAIN(TestJwksSource)
#include "tst_jwkssource.moc"
