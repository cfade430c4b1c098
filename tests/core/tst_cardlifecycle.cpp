#include "CardLifecycle.h"
#include "CardsModel.h"

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

    void aCardWorksThroughTheLastDayOfItsExpiryMonth_data()
    {
        QTest::addColumn<QString>("expirationDate");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<bool>("expired");
        QTest::addColumn<bool>("soon");
        QTest::newRow("last day of the month") << "2027-04" << QDate(2027, 4, 30) << false << true;
        QTest::newRow("first day of the next month")
            << "2027-04" << QDate(2027, 5, 1) << true << false;
        QTest::newRow("december into january") << "2026-12" << QDate(2026, 12, 31) << false << true;
        QTest::newRow("january after december") << "2026-12" << QDate(2027, 1, 1) << true << false;
        QTest::newRow("leap february, 29th") << "2028-02" << QDate(2028, 2, 29) << false << true;
        QTest::newRow("leap february, march 1st")
            << "2028-02" << QDate(2028, 3, 1) << true << false;
        QTest::newRow("common february, march 1st")
            << "2027-02" << QDate(2027, 3, 1) << true << false;
        // Stops working on 2027-03-01: 60 days after 2026-12-31, 61 after 2026-12-30.
        QTest::newRow("60 days before it stops working")
            << "2027-02" << QDate(2026, 12, 31) << false << true;
        QTest::newRow("61 days before it stops working")
            << "2027-02" << QDate(2026, 12, 30) << false << false;
        QTest::newRow("60 days across a leap february")
            << "2028-02" << QDate(2028, 1, 1) << false << true;
        QTest::newRow("61 days across a leap february")
            << "2028-02" << QDate(2027, 12, 31) << false << false;
        QTest::newRow("years away") << "2030-03" << QDate(2026, 11, 30) << false << false;
        QTest::newRow("long expired") << "2021-08" << QDate(2026, 11, 30) << true << false;
        QTest::newRow("unreadable") << "03/30" << QDate(2031, 1, 1) << false << false;
        QTest::newRow("month 13") << "2027-13" << QDate(2031, 1, 1) << false << false;
        QTest::newRow("empty") << "" << QDate(2031, 1, 1) << false << false;
    }
    void aCardWorksThroughTheLastDayOfItsExpiryMonth()
    {
        QFETCH(QString, expirationDate);
        QFETCH(QDate, today);
        QFETCH(bool, expired);
        QFETCH(bool, soon);
        Card card;
        card.expirationDate = expirationDate;
        QCOMPARE(card.isExpired(today), expired);
        QCOMPARE(card.expiresSoon(today), soon);
    }

    void statusTextSaysWhenAnActiveCardHasExpiredOrExpiresSoon_data()
    {
        QTest::addColumn<CardStatus>("status");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QString>("text");
        const QDate lastDay(2027, 2, 28);
        QTest::newRow("active, months left")
            << CardStatus::Active << QDate(2026, 11, 30) << QStringLiteral("Active");
        QTest::newRow("active, last day")
            << CardStatus::Active << lastDay << QStringLiteral("Active · expires soon");
        QTest::newRow("active, day after")
            << CardStatus::Active << lastDay.addDays(1) << QStringLiteral("Expired");
        QTest::newRow("closed stays closed")
            << CardStatus::ClosedByCustomer << lastDay.addDays(1) << QStringLiteral("Closed");
        QTest::newRow("frozen stays frozen")
            << CardStatus::Frozen << lastDay << QStringLiteral("Frozen");
    }
    void statusTextSaysWhenAnActiveCardHasExpiredOrExpiresSoon()
    {
        QFETCH(CardStatus, status);
        QFETCH(QDate, today);
        QFETCH(QString, text);
        Card card;
        card.type = CardType::IndividualDebitCard;
        card.status = status;
        card.last4Digits = QStringLiteral("4821");
        card.expirationDate = QStringLiteral("2027-02");
        QCOMPARE(CardsModel::statusText(card, today), text);
        QCOMPARE(CardsModel::describe(card, today),
                 QStringLiteral("Physical debit card ending in 4821, %1, expires 02/27").arg(text));
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

    // The link Tessera records in the old card's tags after a replacement.
    void aReplacedCardIsNotOfferedForReplacementAgain()
    {
        Card card;
        card.id = QStringLiteral("300004");
        card.status = CardStatus::Lost;
        QVERIFY(CardLifecycle::offersReplacement(card));
        card.tags.insert(QStringLiteral("replacedBy"), QStringLiteral("300014"));
        QCOMPARE(card.replacedById(), QStringLiteral("300014"));
        QVERIFY(!CardLifecycle::offersReplacement(card));
        card.tags.insert(QStringLiteral("replacedBy"), card.id); // nonsense: ignored
        QVERIFY(card.replacedById().isEmpty());
        QVERIFY(CardLifecycle::offersReplacement(card));
        card.status = CardStatus::ClosedByCustomer;
        QVERIFY(!CardLifecycle::offersReplacement(card));
    }
};

QTEST_GUILESS_MAIN(TestCardLifecycle)
#include "tst_cardlifecycle.moc"
