// IdentifierKey: a phone number or email becomes a keyed hash that is the same on every
// instance with the same org token, tells nothing of the identifier, and is logged masked.

#include "IdentifierKey.h"

#include <QTest>

using tessera::Phone;
using tessera::broker::IdentifierKey;

class TestIdentifierKey : public QObject
{
    Q_OBJECT

private slots:
    void theSameIdentifierGetsTheSameKeyOnEveryInstanceOfOneBank()
    {
        const IdentifierKey one(QStringLiteral("org-token-of-the-bank"));
        const IdentifierKey other(QStringLiteral("org-token-of-the-bank"));
        const Phone maya{QStringLiteral("1"), QStringLiteral("4155550142")};
        QCOMPARE(one.of(maya), other.of(maya));
        QCOMPARE(one.of(QStringLiteral("Maya.Thompson@Example.com")),
                 other.of(QStringLiteral("maya.thompson@example.com")));
        QCOMPARE(one.of(maya).size(), 64);
    }

    void keysDifferPerIdentifierAndPerBank()
    {
        const IdentifierKey bank(QStringLiteral("org-token-of-the-bank"));
        const IdentifierKey otherBank(QStringLiteral("org-token-of-another-bank"));
        const Phone maya{QStringLiteral("1"), QStringLiteral("4155550142")};
        const Phone elsewhere{QStringLiteral("44"), QStringLiteral("4155550142")};
        QVERIFY(bank.of(maya) != otherBank.of(maya));
        QVERIFY(bank.of(maya) != bank.of(elsewhere));
        QVERIFY(bank.of(QStringLiteral("a@example.com")) !=
                bank.of(QStringLiteral("b@example.com")));
    }

    void aKeyHoldsNeitherTheIdentifierNorTheOrgToken()
    {
        const QString orgToken = QStringLiteral("v2.public.secret-org-token");
        const IdentifierKey key(orgToken);
        const QByteArray phoneKey =
            key.of(Phone{QStringLiteral("1"), QStringLiteral("4155550142")});
        QVERIFY(!phoneKey.contains("4155550142"));
        QVERIFY(!phoneKey.contains("0142"));
        QVERIFY(!key.of(QStringLiteral("maya@example.com")).contains("maya"));
        QVERIFY(!phoneKey.contains(orgToken.toUtf8()));
    }

    void logsShowAMaskedPhoneAndEmail()
    {
        QCOMPARE(IdentifierKey::masked(Phone{QStringLiteral("1"), QStringLiteral("5555550100")}),
                 QStringLiteral("+1 \u2022\u2022\u2022\u2022 0100"));
        QCOMPARE(IdentifierKey::masked(QStringLiteral("maya@example.com")),
                 QStringLiteral("m\u2022\u2022\u2022@example.com"));
        QCOMPARE(IdentifierKey::masked(QStringLiteral("no-at-sign")),
                 QStringLiteral("\u2022\u2022\u2022\u2022"));
    }
};

QTEST_APPLESS_MAIN(TestIdentifierKey)
#include "tst_identifierkey.moc"
