// SandboxQuery: how the sandbox reads Unit's indexed query parameters.

#include "SandboxQuery.h"

#include <QTest>
#include <QUrlQuery>

using tessera::sandbox::SandboxQuery;

class TestSandboxQuery : public QObject
{
    Q_OBJECT

private slots:
    // filter[status][0]=...: the values in index order (not the order given), a bare
    // filter[status] last; anything else that starts the same is not one of them.
    void indexedValuesComeInIndexOrder_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArrayList>("values");
        QTest::newRow("none") << QByteArray("page[limit]=5") << QByteArrayList();
        QTest::newRow("in order") << QByteArray("filter[status][0]=Active&filter[status][1]=Frozen")
                                  << QByteArrayList{"Active", "Frozen"};
        QTest::newRow("out of order")
            << QByteArray("filter[status][10]=Lost&filter[status][2]=Active")
            << QByteArrayList{"Active", "Lost"};
        QTest::newRow("bare last") << QByteArray("filter[status]=Frozen&filter[status][0]=Active")
                                   << QByteArrayList{"Active", "Frozen"};
        QTest::newRow("six digits")
            << QByteArray("filter[status][999999]=Active") << QByteArrayList{"Active"};
        QTest::newRow("seven digits")
            << QByteArray("filter[status][1000000]=Active") << QByteArrayList();
        QTest::newRow("no digits") << QByteArray("filter[status][]=Active") << QByteArrayList();
        QTest::newRow("a sign") << QByteArray("filter[status][-1]=Active&filter[status][+1]=Lost")
                                << QByteArrayList();
        QTest::newRow("not a number") << QByteArray("filter[status][a]=Active") << QByteArrayList();
        QTest::newRow("unclosed") << QByteArray("filter[status][1=Active") << QByteArrayList();
        QTest::newRow("more after")
            << QByteArray("filter[status][1]x=Active&filter[status][1][2]=Lost")
            << QByteArrayList();
        QTest::newRow("another base")
            << QByteArray("filter[statuses][0]=Active&filter[stat][0]=Lost") << QByteArrayList();
        QTest::newRow("escaped brackets")
            << QByteArray("filter%5Bstatus%5D%5B3%5D=Closed") << QByteArrayList{"Closed"};
    }

    void indexedValuesComeInIndexOrder()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArrayList, values);
        const SandboxQuery parsed{QUrlQuery(QString::fromLatin1(query))};
        QStringList expected;
        for (const QByteArray &value : values)
            expected.append(QString::fromLatin1(value));
        QCOMPARE(parsed.indexedValues(QStringLiteral("filter[status]")), expected);
    }
};

QTEST_GUILESS_MAIN(TestSandboxQuery)
#include "tst_sandboxquery.moc"
