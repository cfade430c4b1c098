#include "FaultInjector.h"

#include <QTest>

using tessera::sandbox::FaultInjector;
using Fault = FaultInjector::Fault;

class TestFaultInjector : public QObject
{
    Q_OBJECT

private slots:
    void parsesRules()
    {
        QString error;
        auto rule = FaultInjector::parseRule(
            QStringLiteral("post /cards/*/freeze 429 p=0.25 n=3 retry-after=2"), &error);
        QVERIFY2(rule, qPrintable(error));
        QCOMPARE(rule->method, QByteArray("POST"));
        QCOMPARE(rule->path, (QStringList{QStringLiteral("cards"), QStringLiteral("*"),
                                          QStringLiteral("freeze")}));
        QCOMPARE(rule->fault, Fault::TooManyRequests);
        QCOMPARE(rule->probability, 0.25);
        QCOMPARE(rule->remaining, 3);
        QCOMPARE(rule->retryAfterSeconds, 2);
        for (const char *bad : {"POST /cards", "POST cards 500", "POST /cards explode",
                                "POST /cards 500 p=2", "POST /cards 500 n=x"})
            QVERIFY2(!FaultInjector::parseRule(QLatin1String(bad), &error), bad);
    }

    void matchesMethodAndPath()
    {
        FaultInjector faults;
        faults.addRule(*FaultInjector::parseRule(QStringLiteral("POST /cards 503")));
        faults.addRule(*FaultInjector::parseRule(QStringLiteral("GET /cards/** 500")));
        QCOMPARE(faults.decide("GET", QStringLiteral("/accounts")).fault, Fault::None);
        QCOMPARE(faults.decide("POST", QStringLiteral("/cards")).fault, Fault::Unavailable);
        QCOMPARE(faults.decide("POST", QStringLiteral("/cards/1/freeze")).fault, Fault::None);
        QCOMPARE(faults.decide("GET", QStringLiteral("/cards/1/limits")).fault,
                 Fault::InternalError);
        QCOMPARE(faults.decide("GET", QStringLiteral("/cards")).fault, Fault::InternalError);
        QCOMPARE(faults.injectedCount(), 3);
    }

    void countLimitsFiring()
    {
        FaultInjector faults;
        faults.addRule(*FaultInjector::parseRule(QStringLiteral("* /** drop-after-commit n=2")));
        QCOMPARE(faults.decide("GET", QStringLiteral("/a")).fault, Fault::DropAfterCommit);
        QCOMPARE(faults.decide("POST", QStringLiteral("/b/c")).fault, Fault::DropAfterCommit);
        QCOMPARE(faults.decide("GET", QStringLiteral("/a")).fault, Fault::None);
    }

    void sameSeedSameFaults()
    {
        auto run = [](quint32 seed) {
            FaultInjector faults;
            faults.setSeed(seed);
            faults.addRule(*FaultInjector::parseRule(QStringLiteral("POST /cards 503 p=0.5")));
            QList<int> decisions;
            for (int i = 0; i < 200; ++i)
                decisions << int(faults.decide("POST", QStringLiteral("/cards")).fault);
            return decisions;
        };
        QCOMPARE(run(7), run(7));
        QVERIFY(run(7) != run(8));
        const QList<int> decisions = run(7);
        const auto fired = std::count(decisions.begin(), decisions.end(), int(Fault::Unavailable));
        QVERIFY(fired > 60 && fired < 140); // about half
    }
};

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
