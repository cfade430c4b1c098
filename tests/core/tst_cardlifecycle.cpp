#include "CardLifecycle.h"

#include <QTest>

using namespace tessera;

class TestCardLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void transitions_data()
    {
        QTest::addColumn<CardStatus>("from");
        QTest::addColumn<CardAction>("action");
        QTest::addColumn<int>("to"); // -1: refused
        const int refused = -1;
        QTest::newRow("freeze active")
            << CardStatus::Active << CardAction::Freeze << int(CardStatus::Frozen);
        QTest::newRow("freeze inactive")
            << CardStatus::Inactive << CardAction::Freeze << int(CardStatus::Frozen);
        QTest::newRow("freeze frozen") << CardStatus::Frozen << CardAction::Freeze << refused;
        QTest::newRow("unfreeze frozen")
            << CardStatus::Frozen << CardAction::Unfreeze << int(CardStatus::Active);
        QTest::newRow("unfreeze active") << CardStatus::Active << CardAction::Unfreeze << refused;
        QTest::newRow("close frozen")
            << CardStatus::Frozen << CardAction::Close << int(CardStatus::ClosedByCustomer);
        QTest::newRow("lost active")
            << CardStatus::Active << CardAction::ReportLost << int(CardStatus::Lost);
        QTest::newRow("stolen online") << CardStatus::ActiveForOnlineUse << CardAction::ReportStolen
                                       << int(CardStatus::Stolen);
        QTest::newRow("unfreeze closed")
            << CardStatus::ClosedByCustomer << CardAction::Unfreeze << refused;
        QTest::newRow("close lost") << CardStatus::Lost << CardAction::Close << refused;
        QTest::newRow("freeze stolen") << CardStatus::Stolen << CardAction::Freeze << refused;
        QTest::newRow("freeze fraud")
            << CardStatus::SuspectedFraud << CardAction::Freeze << refused;
        QTest::newRow("close unknown") << CardStatus::Unknown << CardAction::Close << refused;
    }
    void transitions()
    {
        QFETCH(CardStatus, from);
        QFETCH(CardAction, action);
        QFETCH(int, to);
        const std::optional<CardStatus> result = CardLifecycle::apply(from, action);
        if (to < 0) {
            QVERIFY(!result.has_value());
            QVERIFY(!CardLifecycle::allowedActions(from).contains(action));
        } else {
            QVERIFY(result.has_value());
            QCOMPARE(int(*result), to);
            QVERIFY(CardLifecycle::allowedActions(from).contains(action));
        }
    }

    void unfreezeReturnsTheCardToItsStatusBeforeTheFreeze_data()
    {
        QTest::addColumn<std::optional<CardStatus>>("beforeFreeze");
        QTest::addColumn<CardStatus>("afterUnfreeze");
        QTest::newRow("frozen while inactive stays not activated")
            << std::optional(CardStatus::Inactive) << CardStatus::Inactive;
        QTest::newRow("frozen while active online stays online only")
            << std::optional(CardStatus::ActiveForOnlineUse) << CardStatus::ActiveForOnlineUse;
        QTest::newRow("frozen while active")
            << std::optional(CardStatus::Active) << CardStatus::Active;
        QTest::newRow("not known: active, as Unit documents")
            << std::optional<CardStatus>() << CardStatus::Active;
    }
    void unfreezeReturnsTheCardToItsStatusBeforeTheFreeze()
    {
        QFETCH(std::optional<CardStatus>, beforeFreeze);
        QFETCH(CardStatus, afterUnfreeze);
        QCOMPARE(CardLifecycle::apply(CardStatus::Frozen, CardAction::Unfreeze, beforeFreeze),
                 std::optional(afterUnfreeze));
        // Only a frozen card can be unfrozen, whatever it was before.
        QVERIFY(!CardLifecycle::apply(CardStatus::Inactive, CardAction::Unfreeze, beforeFreeze));
    }

    void finalStatesStayFinal()
    {
        for (CardStatus status :
             {CardStatus::Lost, CardStatus::Stolen, CardStatus::ClosedByCustomer}) {
            QVERIFY(CardLifecycle::isFinal(status));
            QVERIFY(CardLifecycle::allowedActions(status).isEmpty());
        }
        QVERIFY(!CardLifecycle::canReplace(CardStatus::ClosedByCustomer));
        QVERIFY(CardLifecycle::canReplace(CardStatus::Lost));
    }

    void pathSegments()
    {
        for (CardAction action : {CardAction::Freeze, CardAction::Unfreeze, CardAction::Close,
                                  CardAction::ReportStolen, CardAction::ReportLost})
            QCOMPARE(CardLifecycle::actionFromPathSegment(CardLifecycle::pathSegment(action)),
                     std::optional<CardAction>(action));
        QCOMPARE(CardLifecycle::pathSegment(CardAction::ReportStolen),
                 QStringLiteral("report-stolen"));
        QVERIFY(!CardLifecycle::actionFromPathSegment(QStringLiteral("shred")));
    }
};

QTEST_GUILESS_MAIN(TestCardLifecycle)
#include "tst_cardlifecycle.moc"
