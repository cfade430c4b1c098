// The real tessera-sandbox with an identity provider (--jwks, --jwt-issuer): its keys are
// loaded before it listens, a start that cannot load them fails with a plain message, and a
// rotated key is fetched again.

#include "BrokerCall.h"
#include "ClosedPort.h"
#include "JwksServer.h"
#include "SandboxProcess.h"
#include "TestSigningKey.h"
#include "WriteFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using tessera::test::BrokerCall;
using tessera::test::JwksServer;
using tessera::test::SandboxProcess;
using tessera::test::TestSigningKey;

namespace {

const QString Issuer = QStringLiteral("https://id.bank.example/");
const QString MayaId = QStringLiteral("100001");
const QString MayaJwtSubject = QStringLiteral("auth0|64f1c2a9e3b7d10001maya");

// tessera-sandbox's options for an org whose identity provider publishes its keys at `jwks`.
QStringList withProvider(const QString &jwks)
{
    return {QStringLiteral("--jwks"), jwks, QStringLiteral("--jwt-issuer"), Issuer};
}

} // namespace

class TestSandboxIdentityProvider : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    TestSigningKey m_key;

    BrokerCall tokenWithJwt(SandboxProcess &sandbox, const TestSigningKey &key)
    {
        const QString jwt = key.sign(TestSigningKey::standardClaims(Issuer, {}, MayaJwtSubject));
        const QByteArray body =
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("customerToken")},
                                 {QStringLiteral("attributes"),
                                  QJsonObject{{QStringLiteral("scope"), QStringLiteral("cards")},
                                              {QStringLiteral("jwtToken"), jwt}}}}}})
                .toJson(QJsonDocument::Compact);
        return BrokerCall::send(m_network, "POST", sandbox.baseUrl(),
                                "/customers/" + MayaId.toLatin1() + "/token", body,
                                sandbox.orgToken());
    }

private slots:
    void aJwtSignedByTheProviderAtAUrlIsTaken()
    {
        JwksServer provider;
        provider.setJwks(m_key.jwksJson());
        SandboxProcess sandbox(withProvider(provider.url().toString()));
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        QCOMPARE(provider.requests(), 1);
        QCOMPARE(tokenWithJwt(sandbox, m_key).status, 201);
        const BrokerCall otherKey = tokenWithJwt(sandbox, TestSigningKey());
        QCOMPARE(otherKey.status, 400);
        QCOMPARE(otherKey.pointer(), QStringLiteral("/data/attributes/jwtToken"));
        QVERIFY(!sandbox.log().contains(QLatin1String("eyJ"))); // no JWT in its log
    }

    void aJwtSignedByTheProviderInAFileIsTaken()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jwks.json"));
        QVERIFY(tessera::test::writeFile(path, m_key.jwksJson()));
        SandboxProcess sandbox(withProvider(path));
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        QCOMPARE(tokenWithJwt(sandbox, m_key).status, 201);
    }

    void aRotatedKeyIsFetchedAgain()
    {
        JwksServer provider;
        provider.setJwks(m_key.jwksJson());
        SandboxProcess sandbox(withProvider(provider.url().toString()));
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        const TestSigningKey rotated;
        provider.setJwks(rotated.jwksJson());
        // The first JWT with the new kid is refused (the sandbox answers at once, as Unit
        // would not wait), and makes it fetch the set again.
        QCOMPARE(tokenWithJwt(sandbox, rotated).status, 400);
        QTRY_COMPARE_WITH_TIMEOUT(provider.requests(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(tokenWithJwt(sandbox, rotated).status, 201, 10000);
    }

    void withoutAnIdentityProviderEveryJwtIsRefused()
    {
        SandboxProcess sandbox;
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        const BrokerCall refused = tokenWithJwt(sandbox, m_key);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.pointer(), QStringLiteral("/data/attributes/jwtToken"));
    }

    void aStartWithoutUsableKeysFails_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString closed =
            tessera::test::closedLoopbackUrl().toString() + QStringLiteral("/jwks.json");
        QTest::newRow("--jwks without --jwt-issuer")
            << QStringList{QStringLiteral("--jwks"), QStringLiteral("/nonexistent/jwks.json")}
            << QStringLiteral("--jwks and --jwt-issuer go together");
        QTest::newRow("--jwt-issuer without --jwks")
            << QStringList{QStringLiteral("--jwt-issuer"), Issuer}
            << QStringLiteral("--jwks and --jwt-issuer go together");
        QTest::newRow("a file that is not there")
            << withProvider(QStringLiteral("/nonexistent/jwks.json"))
            << QStringLiteral("could not be loaded");
        QTest::newRow("nothing listens at the address")
            << withProvider(closed) << QStringLiteral("could not be loaded");
        QTest::newRow("plain http off this computer")
            << withProvider(QStringLiteral("http://id.bank.example/jwks"))
            << QStringLiteral("over https");
    }
    void aStartWithoutUsableKeysFails()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        SandboxProcess sandbox(arguments);
        QCOMPARE(sandbox.waitForExit(), 1);
        QVERIFY2(sandbox.log().contains(message), qPrintable(sandbox.log()));
    }

    void aStartWithAProviderThatRedirectsFails()
    {
        JwksServer elsewhere;
        elsewhere.setJwks(m_key.jwksJson());
        JwksServer provider;
        provider.setRedirect(elsewhere.url());
        SandboxProcess sandbox(withProvider(provider.url().toString()));
        QCOMPARE(sandbox.waitForExit(), 1);
        QVERIFY2(sandbox.log().contains(QLatin1String("redirect")), qPrintable(sandbox.log()));
        QCOMPARE(elsewhere.requests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxIdentityProvider)
#include "tst_sandboxidentityprovider.moc"
