#include "VerificationLanguage.h"

#include <QTest>

using namespace tessera;

// Which of Unit's verification languages a user interface language asks for.
class TestVerificationLanguage : public QObject
{
    Q_OBJECT

private slots:
    void aUiLanguageMapsToUnitsSpellingOrToNothing_data()
    {
        QTest::addColumn<QString>("uiLanguage");
        QTest::addColumn<QString>("unitLanguage");
        QTest::newRow("Spanish") << QStringLiteral("es") << QStringLiteral("es");
        QTest::newRow("Spanish of Mexico") << QStringLiteral("es_MX") << QStringLiteral("es");
        QTest::newRow("Brazilian Portuguese") << QStringLiteral("pt_BR") << QStringLiteral("pt-BR");
        QTest::newRow("Hong Kong Chinese") << QStringLiteral("zh_HK") << QStringLiteral("zh-HK");
        QTest::newRow("British English") << QStringLiteral("en-GB") << QStringLiteral("en-GB");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("en");
        QTest::newRow("Basque: Unit has none") << QStringLiteral("eu") << QString();
        QTest::newRow("nothing") << QString() << QString();
    }
    void aUiLanguageMapsToUnitsSpellingOrToNothing()
    {
        QFETCH(QString, uiLanguage);
        QFETCH(QString, unitLanguage);
        QCOMPARE(VerificationLanguage::forUiLanguage(uiLanguage), unitLanguage);
        if (!unitLanguage.isEmpty())
            QVERIFY(VerificationLanguage::supported().contains(unitLanguage));
    }
};

QTEST_APPLESS_MAIN(TestVerificationLanguage)
#include "tst_verificationlanguage.moc"
