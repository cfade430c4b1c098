#include "Libcrypto.h"

#include <QProcess>
#include <QStandardPaths>
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
