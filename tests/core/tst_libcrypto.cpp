#include "Libcrypto.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

// libcrypto is loaded when a signature is first checked, not linked: what loads, what is
// refused and why, and that the programs a user starts do not pull it in before main().
class TestLibcrypto : public QObject
{
    Q_OBJECT

private slots:
    void openSslThreeLoadsWithEveryFunctionUsed()
    {
        QString why;
        const Libcrypto *crypto = Libcrypto::get(&why);
        QVERIFY2(crypto, qPrintable(why));
        QVERIFY(why.isEmpty());
        QCOMPARE(Libcrypto::get(), crypto); // once per process
        // A digest OpenSSL knows and a context that takes it: the functions are the real ones.
        QVERIFY(crypto->EVP_sha256());
        EVP_MD_CTX *context = crypto->EVP_MD_CTX_new();
        QVERIFY(context);
        crypto->EVP_MD_CTX_free(context);
        BIGNUM *number =
            crypto->BN_bin2bn(reinterpret_cast<const unsigned char *>("\x01\x00"), 2, nullptr);
        QVERIFY(number);
        crypto->BN_free(number);
    }

    void aLibraryThatIsNotThereIsRefusedWithItsReason()
    {
        QString why;
        QVERIFY(
            !Libcrypto::load(QStringLiteral("tessera-no-such-crypto"), QStringLiteral("3"), &why));
        QVERIFY2(why.contains(QLatin1String("tessera-no-such-crypto")), qPrintable(why));
    }

    // zlib loads, and has none of OpenSSL's functions: the first one looked for is named.
    void aLibraryWithoutTheFunctionsIsRefusedNamingOne()
    {
        QString why;
        QVERIFY(!Libcrypto::load(QStringLiteral("z"), QStringLiteral("1"), &why));
        QVERIFY2(why.endsWith(QLatin1String(" has no BN_bin2bn")), qPrintable(why));
    }

    // A machine whose libcrypto.so.3 is not OpenSSL's (here zlib under that name, first on
    // the library path): the bank sign-in stops before the browser opens, saying what is
    // wrong in plain words, and a JWK Set is refused naming the library.
    void withoutLibcryptoTheBankSignInSaysSoBeforeTheBrowserOpens()
    {
        // Qt links zlib: where this process mapped it is where it is.
        QFile maps(QStringLiteral("/proc/self/maps"));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        QString zlib;
        for (const QByteArray &line : maps.readAll().split('\n')) {
            const qsizetype path = line.indexOf('/');
            if (path >= 0 && (line.endsWith("/libz.so.1") || line.contains("/libz.so.1.")))
                zlib = QString::fromLocal8Bit(line.mid(path));
        }
        QVERIFY2(!zlib.isEmpty(), "zlib is not mapped into this process");
        QTemporaryDir libraries;
        QVERIFY(libraries.isValid());
        QVERIFY2(QFile::copy(zlib, libraries.filePath(QStringLiteral("libcrypto.so.3"))),
                 qPrintable(zlib));
        QProcess helper;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LD_LIBRARY_PATH"), libraries.path());
        helper.setProcessEnvironment(environment);
        helper.start(QStringLiteral(LIBCRYPTO_MISSING_HELPER), {});
        QVERIFY(helper.waitForFinished(20000));
        const QString output = QString::fromUtf8(helper.readAllStandardOutput());
        QCOMPARE(helper.exitCode(), 0);
        const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QLatin1String("jwks: refused OpenSSL 3's libcrypto "
                                                      "could not be loaded (")),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(0).endsWith(QLatin1String("has no BN_bin2bn)")), qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1),
                 QStringLiteral("CannotVerify: Tessera cannot check your bank's sign-in on this "
                                "computer: a part it needs (OpenSSL 3) is missing. Reinstall "
                                "Tessera or contact your bank."));
    }

    void theProgramsDoNotLinkLibcrypto_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("tessera") << QStringLiteral(TESSERA_EXECUTABLE);
        QTest::newRow("tessera-sandbox") << QStringLiteral(TESSERA_SANDBOX_EXECUTABLE);
        QTest::newRow("tessera-broker") << QStringLiteral(TESSERA_BROKER_EXECUTABLE);
    }

    void theProgramsDoNotLinkLibcrypto()
    {
        QFETCH(QString, program);
        const QString objdump = QStandardPaths::findExecutable(QStringLiteral("objdump"));
        if (objdump.isEmpty())
            QSKIP("no objdump to read the programs' NEEDED entries");
        QProcess process;
        process.start(objdump, {QStringLiteral("-p"), program});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray headers = process.readAllStandardOutput();
        QVERIFY2(headers.contains("NEEDED"), "objdump printed no NEEDED entry");
        QVERIFY2(!headers.contains("libcrypto"), headers.constData());
    }
};

QTEST_GUILESS_MAIN(TestLibcrypto)
#include "tst_libcrypto.moc"
