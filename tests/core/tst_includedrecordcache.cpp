// IncludedRecordCache gives back what was kept for exactly the same JSON text, for the last
// Size texts kept, and nothing for any other text.

#include "IncludedRecordCache.h"

#include <QTest>
#include <string>

using namespace tessera;

namespace {

IncludedRecordCache::Record accountRecord(const QString &id, qint64 balance)
{
    Account account;
    account.id = id;
    account.balance = balance;
    return {account, std::nullopt};
}

std::string accountJson(int balance)
{
    return R"({"type":"depositAccount","id":"200001","attributes":{"balance":)" +
           std::to_string(balance) + "}}";
}

} // namespace

class TestIncludedRecordCache : public QObject
{
    Q_OBJECT

private slots:
    void aRecordIsFoundByExactlyItsText()
    {
        IncludedRecordCache cache;
        QVERIFY(!cache.find(accountJson(1500)));
        QVERIFY(!cache.find(""));
        cache.keep(accountJson(1500), accountRecord(QStringLiteral("200001"), 1500));

        const IncludedRecordCache::Record *found = cache.find(accountJson(1500));
        QVERIFY(found);
        QVERIFY(found->account);
        QVERIFY(!found->customer);
        QCOMPARE(found->account->balance, 1500);
        // The same length, one byte apart; a prefix; the text with a byte more.
        QVERIFY(!cache.find(accountJson(2500)));
        QVERIFY(!cache.find(accountJson(1500).substr(0, 20)));
        QVERIFY(!cache.find(accountJson(1500) + " "));
        QVERIFY(!cache.find(""));
    }

    void theLastSizeTextsKeptAreFound()
    {
        IncludedRecordCache cache;
        const int kept = int(IncludedRecordCache::Size);
        for (int i = 0; i < kept + 2; ++i)
            cache.keep(accountJson(i), accountRecord(QString::number(i), i));
        for (int i = 0; i < kept + 2; ++i) {
            const IncludedRecordCache::Record *found = cache.find(accountJson(i));
            if (i < 2) {
                QVERIFY2(!found, qPrintable(QString::number(i)));
                continue;
            }
            QVERIFY2(found && found->account, qPrintable(QString::number(i)));
            QCOMPARE(found->account->id, QString::number(i));
            QCOMPARE(found->account->balance, i);
        }
    }

    void aRecordOfNothingIsKeptToo()
    {
        // An included type Tessera does not use adds nothing, and that is what is found again.
        IncludedRecordCache cache;
        cache.keep(R"({"type":"bookPayment","id":"1"})", {});
        const IncludedRecordCache::Record *found = cache.find(R"({"type":"bookPayment","id":"1"})");
        QVERIFY(found);
        QVERIFY(!found->account);
        QVERIFY(!found->customer);
    }
};

QTEST_GUILESS_MAIN(TestIncludedRecordCache)
#include "tst_includedrecordcache.moc"
