#include "SecretRedactor.h"

#include <QTest>

using tessera::SecretRedactor;

namespace {
QStringList g_seen;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_seen << message;
}
} // namespace

class TestSecretRedactor : public QObject
{
    Q_OBJECT

private slots:
    void redactsPatterns_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer header") << "Authorization: Bearer abcDEF123-_.xyz sent"
                                       << "abcDEF123-_.xyz";
        QTest::newRow("unit token") << "token v2.public.eyJhbGciOi.Jsb2dn used"
                                    << "eyJhbGciOi";
        QTest::newRow("json token")
            << R"({"data":{"attributes":{"token":"s3cr3t-value","expiresIn":60}}})"
            << "s3cr3t-value";
        QTest::newRow("verification")
            << R"({"verificationToken":"vt-123456789","verificationCode":"000001"})"
            << "000001";
        QTest::newRow("jwt") << R"({"jwtToken": "eyJ.payload.sig"})"
                             << "eyJ.payload.sig";
    }
    void redactsPatterns()
    {
        QFETCH(QString, message);
        QFETCH(QString, secret);
        const QString safe = SecretRedactor::redact(message);
        QVERIFY2(!safe.contains(secret), qPrintable(safe));
        QVERIFY(safe.contains(QLatin1String(SecretRedactor::Mask)));
    }

    void rememberedSecretsAreHiddenAnywhere()
    {
        const QString orgToken = QStringLiteral("plain-org-token-Zq81");
        QCOMPARE(SecretRedactor::redact(orgToken), orgToken);
        SecretRedactor::remember(orgToken);
        QVERIFY(!SecretRedactor::redact(QStringLiteral("using ") + orgToken).contains(orgToken));
        SecretRedactor::forget(orgToken);
        QVERIFY(SecretRedactor::redact(orgToken).contains(orgToken));
    }

    void ordinaryTextIsKept()
    {
        const QString text = QStringLiteral("GET /cards/300001 -> 200, customer 100001");
        QCOMPARE(SecretRedactor::redact(text), text);
    }

    void messageHandlerRedacts()
    {
        QtMessageHandler original = qInstallMessageHandler(capture);
        SecretRedactor::installMessageHandler();
        qWarning("leaked Bearer v2.public.topsecret into a log");
        qInstallMessageHandler(original);
        QCOMPARE(g_seen.size(), 1);
        QVERIFY(!g_seen.first().contains(QLatin1String("topsecret")));
    }
};

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "tst_secretredactor.moc"
