#include "CardStore.h"

#include <limits>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace tessera;

// CardStore keeps the cards a list holds compactly (pooled values, texts in an arena, instants
// as milliseconds); what comes out must be the Card that went in, field by field, down to a
// text's nullness and a date's time spec and offset.
class TestCardStore : public QObject
{
    Q_OBJECT

private:
    // Empty but not null, unlike QString().
    static QString emptyText() { return QStringLiteral(""); }

    static bool sameText(const QString &a, const QString &b)
    {
        return a == b && a.isNull() == b.isNull();
    }

    static bool sameDate(const QDateTime &a, const QDateTime &b)
    {
        if (!a.isValid() || !b.isValid())
            return a.isValid() == b.isValid();
        return a == b && a.timeSpec() == b.timeSpec() && a.offsetFromUtc() == b.offsetFromUtc() &&
               a.timeZone() == b.timeZone() &&
               a.toString(Qt::ISODateWithMs) == b.toString(Qt::ISODateWithMs);
    }

    static bool sameAddress(const std::optional<Address> &a, const std::optional<Address> &b)
    {
        if (!a || !b)
            return a.has_value() == b.has_value();
        return sameText(a->street, b->street) && sameText(a->street2, b->street2) &&
               sameText(a->city, b->city) && sameText(a->state, b->state) &&
               sameText(a->postalCode, b->postalCode) && sameText(a->country, b->country);
    }

    static bool sameTags(const Tags &a, const Tags &b)
    {
        if (a.size() != b.size())
            return false;
        for (auto x = a.cbegin(), y = b.cbegin(); x != a.cend(); ++x, ++y) {
            if (!sameText(x.key(), y.key()) || !sameText(x.value(), y.value()))
                return false;
        }
        return true;
    }

    // The fields in which `out` differs from `in`, empty when it is the same card.
    static QStringList differences(const Card &out, const Card &in)
    {
        QStringList fields;
        const auto text = [&](const char *name, const QString &a, const QString &b) {
            if (!sameText(a, b))
                fields << QStringLiteral("%1 (%2 vs %3)")
                              .arg(QLatin1String(name), a.isNull() ? QStringLiteral("null") : a,
                                   b.isNull() ? QStringLiteral("null") : b);
        };
        text("id", out.id, in.id);
        text("typeName", out.typeName, in.typeName);
        text("statusName", out.statusName, in.statusName);
        text("last4Digits", out.last4Digits, in.last4Digits);
        text("expirationDate", out.expirationDate, in.expirationDate);
        text("nextExpirationDate", out.nextExpirationDate, in.nextExpirationDate);
        text("bin", out.bin, in.bin);
        text("design", out.design, in.design);
        text("freezeReason", out.freezeReason, in.freezeReason);
        text("accountId", out.accountId, in.accountId);
        text("accountType", out.accountType, in.accountType);
        text("customerId", out.customerId, in.customerId);
        text("customerType", out.customerType, in.customerType);
        if (out.type != in.type)
            fields << QStringLiteral("type");
        if (out.status != in.status)
            fields << QStringLiteral("status");
        if (out.statusBeforeFreeze != in.statusBeforeFreeze)
            fields << QStringLiteral("statusBeforeFreeze");
        if (!sameDate(out.createdAt, in.createdAt))
            fields << QStringLiteral("createdAt (%1 vs %2)")
                          .arg(out.createdAt.toString(Qt::ISODateWithMs),
                               in.createdAt.toString(Qt::ISODateWithMs));
        if (!sameDate(out.updatedAt, in.updatedAt))
            fields << QStringLiteral("updatedAt (%1 vs %2)")
                          .arg(out.updatedAt.toString(Qt::ISODateWithMs),
                               in.updatedAt.toString(Qt::ISODateWithMs));
        if (!sameAddress(out.shippingAddress, in.shippingAddress))
            fields << QStringLiteral("shippingAddress");
        if (!sameTags(out.tags, in.tags))
            fields << QStringLiteral("tags");
        return fields;
    }

    static Card everyFieldSet()
    {
        Card card;
        card.id = QStringLiteral("300001");
        card.type = CardType::IndividualDebitCard;
        card.typeName = cardTypeName(card.type);
        card.status = CardStatus::Frozen;
        card.statusName = cardStatusName(card.status);
        card.createdAt = QDateTime(QDate(2024, 3, 1), QTime(9, 30, 15, 123), Qt::UTC);
        card.updatedAt = QDateTime(QDate(2024, 3, 2), QTime(23, 59, 59, 999), Qt::UTC);
        card.last4Digits = QStringLiteral("1234");
        card.expirationDate = QStringLiteral("2029-03");
        card.nextExpirationDate = QStringLiteral("2033-03");
        card.bin = QStringLiteral("49401400");
        card.design = QStringLiteral("default");
        card.freezeReason = QStringLiteral("Lost it in the park");
        card.statusBeforeFreeze = CardStatus::ActiveForOnlineUse;
        card.shippingAddress = Address{QStringLiteral("20 Ingram St"), QStringLiteral("Apt 4"),
                                       QStringLiteral("Forest Hills"), QStringLiteral("NY"),
                                       QStringLiteral("11375"),        QStringLiteral("US")};
        card.tags = {{QStringLiteral("nickname"), QStringLiteral("Groceries")},
                     {QStringLiteral("replacedBy"), QStringLiteral("300009")}};
        card.accountId = QStringLiteral("200001");
        card.accountType = QStringLiteral("depositAccount");
        card.customerId = QStringLiteral("100001");
        card.customerType = QStringLiteral("individualCustomer");
        return card;
    }

    // Cards that between them take every kind of value each field can have.
    static QList<std::pair<const char *, Card>> samples()
    {
        QList<std::pair<const char *, Card>> cards;
        const Card full = everyFieldSet();
        cards.append({"every field set", full});

        Card unknown = full;
        unknown.id = QStringLiteral("300002");
        unknown.type = CardType::Unknown;
        unknown.typeName = QStringLiteral("businessPrepaidCard");
        unknown.status = CardStatus::Unknown;
        unknown.statusName = QStringLiteral("Dormant");
        unknown.statusBeforeFreeze = CardStatus::Unknown;
        unknown.accountType = QStringLiteral("creditAccount");
        unknown.customerType = QStringLiteral("businessCustomer");
        cards.append({"unknown type and status names", unknown});

        Card bare;
        bare.id = QStringLiteral("300003");
        cards.append({"only an id: no address, no tags, no dates", bare});

        // `full` with other dates.
        const auto dated = [&full](const char *id, const QDateTime &createdAt,
                                   const QDateTime &updatedAt) {
            Card card = full;
            card.id = QLatin1String(id);
            card.createdAt = createdAt;
            card.updatedAt = updatedAt;
            return card;
        };
        const auto offsetFromUtc = [](QDate date, QTime time, int seconds) {
            return QDateTime(date, time, Qt::OffsetFromUTC, seconds);
        };
        cards.append({"dates with offsets",
                      dated("300004",
                            offsetFromUtc(QDate(2024, 7, 1), QTime(0, 0, 0, 1), 5 * 3600 + 30 * 60),
                            offsetFromUtc(QDate(2023, 12, 31), QTime(16, 0), -8 * 3600))});
        cards.append({"dates at the ends of the offsets and before the epoch",
                      dated("300005", offsetFromUtc(QDate(1970, 1, 1), QTime(0, 0), 14 * 3600),
                            offsetFromUtc(QDate(2100, 2, 28), QTime(12, 0), -12 * 3600))});
        // Kept in a list of their own: not in whole minutes, or beyond what 8 bytes hold.
        cards.append(
            {"offsets with seconds and beyond 34 hours",
             dated("300011",
                   offsetFromUtc(QDate(2024, 7, 1), QTime(0, 0, 0, 1), 5 * 3600 + 30 * 60 + 17),
                   offsetFromUtc(QDate(2024, 7, 1), QTime(12, 0), -40 * 3600))});
        cards.append(
            {"instants beyond 8 900 and 36 million years from 1970",
             dated("300012", offsetFromUtc(QDate(12000, 6, 1), QTime(1, 2, 3, 4), 33 * 3600),
                   QDateTime::fromMSecsSinceEpoch(-(qint64(1) << 61) + 12345, Qt::UTC))});
        cards.append(
            {"instants 6 000 years and more from 1970, 34 hours off",
             dated("300013", offsetFromUtc(QDate(8000, 12, 31), QTime(23, 59, 59, 999), -34 * 3600),
                   QDateTime(QDate(-8000, 1, 1), QTime(0, 0), Qt::LocalTime))});

        Card zones = full;
        zones.id = QStringLiteral("300006");
        zones.createdAt = QDateTime(QDate(2024, 1, 15), QTime(8, 45), Qt::LocalTime);
        zones.updatedAt = QDateTime(QDate(2024, 1, 15), QTime(8, 45), QTimeZone(3600));
        cards.append({"local time and a time zone", zones});

        Card invalidDates = full;
        invalidDates.id = QStringLiteral("300007");
        invalidDates.createdAt = QDateTime();
        invalidDates.updatedAt = QDateTime(QDate(), QTime(10, 0), Qt::UTC);
        cards.append({"invalid dates", invalidDates});

        Card empties = full;
        empties.id = QStringLiteral("300008");
        empties.typeName = emptyText();
        empties.statusName = QString();
        empties.last4Digits = emptyText();
        empties.expirationDate = QString();
        empties.nextExpirationDate = emptyText();
        empties.bin = QString();
        empties.design = emptyText();
        empties.freezeReason = QString();
        empties.accountId = emptyText();
        empties.accountType = QString();
        empties.customerId = QString();
        empties.customerType = emptyText();
        empties.shippingAddress = Address{emptyText(), QString(),   QStringLiteral("Forest Hills"),
                                          QString(),   emptyText(), emptyText()};
        empties.tags = {{QStringLiteral("nickname"), emptyText()}, {emptyText(), QString()}};
        cards.append({"null and empty texts", empties});

        // The same texts with the other nullness: pooled values must not merge them.
        Card flipped = empties;
        flipped.id = QStringLiteral("300009");
        const auto flip = [](QString &text) { text = text.isNull() ? emptyText() : QString(); };
        for (QString *text :
             {&flipped.typeName, &flipped.statusName, &flipped.last4Digits, &flipped.expirationDate,
              &flipped.nextExpirationDate, &flipped.bin, &flipped.design, &flipped.freezeReason,
              &flipped.accountId, &flipped.accountType, &flipped.customerId, &flipped.customerType,
              &flipped.shippingAddress->street, &flipped.shippingAddress->street2,
              &flipped.shippingAddress->state})
            flip(*text);
        flipped.tags = {{QStringLiteral("nickname"), QString()}, {emptyText(), emptyText()}};
        cards.append({"the same empty texts, null where they were not", flipped});

        Card emptyAddress = full;
        emptyAddress.id = QStringLiteral("300010");
        emptyAddress.shippingAddress = Address{};
        emptyAddress.tags = {};
        cards.append({"a default address, no tags", emptyAddress});

        Card longTexts = full;
        longTexts.id = QString(3000, QLatin1Char('7'));
        longTexts.freezeReason = QString(9000, QChar(u'é'));
        longTexts.last4Digits = QString(2049, QLatin1Char('4'));
        cards.append({"texts longer than the arena keeps together", longTexts});

        Card unicode = full;
        unicode.id = QStringLiteral("card-ü-😀");
        unicode.last4Digits = QStringLiteral("١٢٣٤");
        unicode.tags = {{QStringLiteral("Spitzname"), QStringLiteral("Einkäufe 🛒")}};
        unicode.shippingAddress->street = QStringLiteral("Straße 1");
        cards.append({"texts beyond ASCII", unicode});
        return cards;
    }

private slots:
    void aCardComesOutAsItWentIn_data()
    {
        QTest::addColumn<int>("sample");
        const auto cards = samples();
        for (int i = 0; i < cards.size(); ++i)
            QTest::newRow(cards.at(i).first) << i;
    }

    // Every sample in one store, so the pools hold every other sample's values too.
    void aCardComesOutAsItWentIn()
    {
        QFETCH(int, sample);
        const auto cards = samples();
        CardStore appended;
        CardStore prepended;
        for (const auto &[name, card] : cards) {
            appended.append(card);
            prepended.prepend(card);
        }
        const Card &in = cards.at(sample).second;
        const int atFront = int(cards.size()) - 1 - sample;
        QStringList diff = differences(appended.at(sample), in);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1String(", "))));
        diff = differences(prepended.at(atFront), in);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1String(", "))));

        QCOMPARE(appended.positionOf(in.id), sample);
        QCOMPARE(prepended.positionOf(in.id), atFront);
        QVERIFY(sameText(appended.idAt(sample), in.id));
        QCOMPARE(appended.statusAt(sample), in.status);
        QVERIFY(sameText(appended.accountIdAt(sample), in.accountId));
        QVERIFY(sameText(appended.last4DigitsAt(sample).toString(), in.last4Digits));
        QVERIFY(sameTags(appended.tagsAt(sample), in.tags));
    }

    // Each sample in turn takes the place of every other: only the id stays.
    void aReplacedCardTakesEveryFieldButItsId()
    {
        const auto cards = samples();
        CardStore store;
        for (const auto &[name, card] : cards)
            store.append(card);
        for (int position = 0; position < cards.size(); ++position) {
            for (const auto &[name, card] : cards) {
                Card replacement = card;
                replacement.id = cards.at(position).second.id;
                store.replace(position, replacement);
                const QStringList diff = differences(store.at(position), replacement);
                QVERIFY2(diff.isEmpty(), qPrintable(QLatin1String(name) + QLatin1String(": ") +
                                                    diff.join(QLatin1String(", "))));
                QCOMPARE(store.positionOf(replacement.id), position);
            }
        }
        QCOMPARE(store.size(), int(cards.size()));
    }

    // Generated cards sharing some values and not others, put at both ends: each one comes out
    // as it went in, at its place, found by its id.
    void manyCardsComeOutAsTheyWentInAtTheirPlaces()
    {
        const int count = 20000;
        const QDateTime start(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        QList<Card> inOrder(count);
        CardStore store;
        for (int i = 0; i < count; ++i) {
            Card card = everyFieldSet();
            card.id = QString::number(500000 + i);
            card.last4Digits = QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
            card.accountId = QString::number(200000 + i % 7);
            card.status = CardStatus(i % 9);
            card.statusName = cardStatusName(card.status);
            card.createdAt = start.addSecs(qint64(i) * 3607);
            card.updatedAt = start.addMSecs(qint64(i) * 1001).toOffsetFromUtc((i % 5 - 2) * 3600);
            card.expirationDate =
                QStringLiteral("20%1-%2").arg(30 + i % 5).arg(1 + i % 12, 2, 10, QLatin1Char('0'));
            if (i % 3 == 0)
                card.shippingAddress.reset();
            if (i % 4 == 0)
                card.tags.insert(QStringLiteral("nickname"), QStringLiteral("Card %1").arg(i));
            // Even ones at the back, odd ones at the front: the odd ones read backwards first.
            const int position = i % 2 == 0 ? count / 2 + i / 2 : count / 2 - 1 - i / 2;
            inOrder[position] = card;
            if (i % 2 == 0)
                store.append(card);
            else
                store.prepend(card);
        }
        QCOMPARE(store.size(), count);
        for (int position = 0; position < count; ++position) {
            const QStringList diff = differences(store.at(position), inOrder.at(position));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("position %1: ").arg(position) +
                                                diff.join(QLatin1String(", "))));
            QCOMPARE(store.positionOf(inOrder.at(position).id), position);
        }
        QCOMPARE(store.positionOf(u"499999"), -1);
        QCOMPARE(store.positionOf(QString::number(500000 + count)), -1);
        QVERIFY(!store.contains(u""));
    }

    // A decoded page's cards share their repeated values' data (one QString per distinct
    // text), which the store recognizes by pointer: cards taking more distinct shared values
    // (texts, tags, addresses) than it remembers per field, in changing order, with null and
    // empty ones among them, each come out with their own.
    void cardsSharingTheirValuesDataComeOutAsTheyWentIn()
    {
        QList<QString> values{QString(), emptyText()};
        for (int i = 0; i < 12; ++i)
            values << QStringLiteral("value %1").arg(i);
        QList<Tags> tags{Tags(), Tags{{QStringLiteral("a"), emptyText()}}};
        for (int i = 0; i < 12; ++i)
            tags << Tags{{QStringLiteral("batch"), QString::number(i)}};
        // Addresses made of the same shared texts, differing in one field or in nullness.
        QList<std::optional<Address>> addresses{std::nullopt, Address{}};
        for (int i = 0; i < 12; ++i) {
            Address address{values.at(2), values.at(i % 3), values.at(4),
                            values.at(5), values.at(6),     values.at(7)};
            if (i >= 3)
                address.country = values.at(i);
            addresses << address;
        }
        CardStore store;
        QList<Card> cards;
        for (int i = 0; i < 600; ++i) {
            Card card = everyFieldSet();
            card.id = QString::number(700000 + i);
            card.statusName = values.at(i % values.size());
            card.bin = values.at((i / 3) % values.size());
            card.design = values.at((i * 7) % values.size());
            card.freezeReason = values.at(i % 2);
            card.accountId = values.at((i * i) % values.size());
            card.customerType = values.at(values.size() - 1 - i % values.size());
            card.tags = tags.at((i * 5) % tags.size());
            card.shippingAddress = addresses.at((i * 11 + i / 7) % addresses.size());
            cards << card;
            store.append(card);
        }
        for (int i = 0; i < cards.size(); ++i) {
            const QStringList diff = differences(store.at(i), cards.at(i));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("card %1: ").arg(i) +
                                                diff.join(QLatin1String(", "))));
        }
    }

    // What a page brings that the store holds already (a card inserted after creation, the
    // last card of the previous page again) or that the page repeats is not taken twice.
    void onlyCardsNotHeldYetAreTakenEachOnce()
    {
        CardStore store;
        Card held = everyFieldSet();
        store.append(held);
        QList<Card> page;
        for (const char *id : {"300001", "300100", "300101", "300100", "300001", "300102"}) {
            Card card = everyFieldSet();
            card.id = QLatin1String(id);
            page.append(card);
        }
        QCOMPARE(store.notHeld(page), QList<int>({1, 2, 5}));
        QCOMPARE(store.notHeld({}), QList<int>());
        QCOMPARE(CardStore().notHeld(page), QList<int>({0, 1, 2, 5}));
    }

    // A page of 1 000 (the most a page holds) repeating many of its own cards, some held.
    void aLargePageRepeatingItsCardsGivesEachOnce()
    {
        CardStore store;
        for (int n = 0; n < 50; ++n) {
            Card card = everyFieldSet();
            card.id = QString::number(900000 + n * 3);
            store.append(card);
        }
        QList<Card> page;
        QList<int> expected;
        QSet<int> seen;
        for (int i = 0; i < 1000; ++i) {
            const int n = (i * 37) % 700;
            Card card = everyFieldSet();
            card.id = QString::number(900000 + n);
            page.append(card);
            const bool held = n % 3 == 0 && n < 150;
            if (!held && !seen.contains(n))
                expected.append(i);
            seen.insert(n);
        }
        QCOMPARE(store.notHeld(page), expected);
    }

    void anEmptyStoreFindsNothing()
    {
        const CardStore store;
        QVERIFY(store.isEmpty());
        QCOMPARE(store.size(), 0);
        QCOMPARE(store.positionOf(u"300001"), -1);
    }

    void clearForgetsEveryCard()
    {
        CardStore store;
        for (const auto &[name, card] : samples())
            store.append(card);
        store.clear();
        QVERIFY(store.isEmpty());
        QCOMPARE(store.positionOf(everyFieldSet().id), -1);
        store.append(everyFieldSet());
        QCOMPARE(store.size(), 1);
        QVERIFY(differences(store.at(0), everyFieldSet()).isEmpty());
    }

    // The first page tells how many cards there are; room is made for them before they come,
    // whatever the number, and the cards held before are found as before.
    void roomMadeAheadKeepsEveryCardFindable()
    {
        CardStore store;
        const auto cardNumbered = [](int i) {
            Card card = everyFieldSet();
            card.id = QString::number(500000 + i);
            return card;
        };
        for (int i = 0; i < 300; ++i)
            store.append(cardNumbered(i));
        store.reserve(-1);
        store.reserve(0);
        store.reserve(100);
        store.reserve(5000);
        for (int i = 300; i < 3000; ++i)
            store.append(cardNumbered(i));
        store.reserve(std::numeric_limits<int>::max());
        store.prepend(cardNumbered(-1));
        QCOMPARE(store.size(), 3001);
        for (int i = -1; i < 3000; ++i)
            QCOMPARE(store.positionOf(QString::number(500000 + i)), i + 1);
        QCOMPARE(store.positionOf(u"503000"), -1);
        QVERIFY(differences(store.at(1), cardNumbered(0)).isEmpty());
    }

    // The list grows a page at a time up to 100 000 cards: the texts already held are never
    // copied to a bigger place (no transient second copy of the list while it grows).
    void growingLeavesTheTextsHeldWhereTheyAre()
    {
        CardStore store;
        store.append(everyFieldSet());
        const QChar *firstDigits = store.last4DigitsAt(0).data();
        for (int i = 1; i < 100000; ++i) {
            Card card = everyFieldSet();
            card.id = QString::number(400000 + i);
            card.last4Digits = QString::number(1000 + i % 9000);
            store.append(card);
        }
        QCOMPARE(store.last4DigitsAt(0).data(), firstDigits);
        QCOMPARE(store.last4DigitsAt(0), QStringView(u"1234"));
        QCOMPARE(store.positionOf(u"300001"), 0);
        QCOMPARE(store.positionOf(u"499999"), 99999);
    }
};

QTEST_GUILESS_MAIN(TestCardStore)
#include "tst_cardstore.moc"
