#include "MessageCapture.h"
#include "SecretRedactor.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using tessera::SecretRedactor;

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

    // The patterns are matched by hand (a regular expression is not usable at exit); they
    // hide exactly what these regular expressions hid.
    void redactsLikeTheRegularExpressionsItReplaced_data()
    {
        QTest::addColumn<QString>("message");
        const char *const messages[] = {
            "Authorization: Bearer abc.def-1",
            "bearer abc",
            "BEARER\tabc;def",
            "Bearer\vabc Bearer\fdef\rBearer\nghi",
            "Bearer",
            "Bearer ",
            "Bearerabc",
            "Bearer   ,abc",
            "Bearer 'abc'",
            "Bearer \"abc\" and Bearer x",
            "Bearer Bearer abc",
            "xBearer abc",
            "Bearer abc\u00a0def",
            "v2.public.abc",
            "v2.local.abc=def ghi",
            "v2.public.",
            "v2.private.abc",
            "v2.v2.public.abc",
            "v2.public.v2.local.x",
            "at v2.public.a_b-c.d=e!f and v2.local.g",
            "V2.public.abc",
            "{\"token\":\"abc\"}",
            "{\"token\" :  \"abc\", \"expiresIn\": 60}",
            "{\"token\":\"\"}",
            "{\"token\":\"abc",
            "{\"token\":",
            "{\"tokens\":\"abc\"}",
            "{\"Token\":\"abc\"}",
            "{\"token\":123}",
            "{\"orgToken\":\"a\",\"jwtToken\":\"b\",\"verificationToken\":\"c\","
            "\"verificationCode\":\"d\"}",
            "{\"token\"\n:\t\"abc\"}",
            "\"\"token\":\"abc\"",
            "{\"token\":\"a\\\"b\"}",
            "Bearer v2.public.abc {\"token\":\"Bearer x\"}",
            "nothing to hide here",
            "",
        };
        for (const char *message : messages)
            QTest::newRow(*message ? message : "empty") << QString::fromUtf8(message);
    }
    void redactsLikeTheRegularExpressionsItReplaced()
    {
        QFETCH(QString, message);
        const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)[^\\s\"',;]+"),
                                        QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression unit(QStringLiteral("v2\\.(public|local)\\.[A-Za-z0-9_\\-.=]+"));
        const QRegularExpression json(QStringLiteral(
            "(\"(?:token|verificationToken|verificationCode|jwtToken|orgToken)\"\\s*:\\s*\")"
            "[^\"]*"));
        QString expected = message;
        expected.replace(bearer, QStringLiteral("\\1[redacted]"));
        expected.replace(unit, QStringLiteral("[redacted]"));
        expected.replace(json, QStringLiteral("\\1[redacted]"));
        QCOMPARE(SecretRedactor::redact(message), expected);
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
        tessera::test::MessageCapture capture;
        SecretRedactor::installMessageHandler();
        qWarning("leaked Bearer v2.public.topsecret into a log");
        capture.stop();
        QCOMPARE(capture.messages().size(), 1);
        QVERIFY(!capture.messages().first().contains(QLatin1String("topsecret")));
    }

    // The handler is in place until the process ends: a message logged from a static
    // destructor or an atexit handler, after the redactor's and Qt's statics are gone, is
    // still written, redacted, and the program does not crash on the way out.
    void messagesAfterMainReturnsAreStillRedacted()
    {
        QProcess logger;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        logger.setProcessEnvironment(env);
        logger.start(QStringLiteral(TESSERA_LATE_LOGGER), {});
        QVERIFY(logger.waitForFinished(30000));
        const QByteArray err = logger.readAllStandardError();
        QCOMPARE(logger.exitStatus(), QProcess::NormalExit); // no crash
        QCOMPARE(logger.exitCode(), 0);
        // The output holds made-up secrets only; still, none of it is printed here.
        QVERIFY2(!err.contains("Zq81"), "a secret reached stderr unredacted");
        QVERIFY(err.contains("running: remembered [redacted]"));
        QVERIFY(err.contains("static destructor: remembered [redacted]"));
        QVERIFY(err.contains("at exit: remembered [redacted]"));
        QVERIFY(err.contains("at exit: Authorization: Bearer [redacted]"));
        QVERIFY(err.contains(R"(at exit: {"data":{"attributes":{"token":"[redacted]"}}})"));
        QVERIFY(err.contains("at exit: [redacted]"));
    }
};

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "tst_secretredactor.moc"
