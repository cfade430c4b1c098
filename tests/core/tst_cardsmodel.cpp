#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CardsModel.h"
#include "JsonApiCodec.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SandboxStore.h"
#include "SeedIds.h"
#include "SignedInCardsFixture.h"
#include "SuiteSetup.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using tessera::sandbox::SandboxServer;

// CardsModel against the in-process sandbox, every change of its rows checked by
// QAbstractItemModelTester. Maya (100001) has four cards: 300004 (oldest), 300001, 300002,
// 300003 (newest, the only Frozen one).
class TestCardsModel : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // A model of `pageSize` cards a page, checked from the start, before its first page.
    CardsModel *makeModel(int pageSize)
    {
        createCardsModel();
        m_model->setPageSize(pageSize);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        return m_model.get();
    }

    static bool waitUntilSettled(CardsModel *model)
    {
        return QTest::qWaitFor(
            [model] { return model->state() == CardsModel::State::Idle && model->hasLoadedOnce(); },
            5000);
    }

    // Pages on as a view scrolled to the bottom would, until nothing more comes.
    static bool fetchEverything(CardsModel *model)
    {
        for (int pages = 0; pages < 100; ++pages) {
            if (!waitUntilSettled(model))
                return false;
            if (!model->canFetchMore())
                return true;
            model->fetchMore();
        }
        return false;
    }

    // The cards' ids in row order, separated by spaces.
    static QString ids(const CardsModel *model)
    {
        QStringList result;
        for (int row = 0; row < model->rowCount(); ++row)
            result << model->cardAt(row)->id;
        return result.join(QLatin1Char(' '));
    }

    // A card the server now holds for Maya, created after all her others.
    Card createOnServer()
    {
        Card card = *m_sandbox.api().store().card(test::seed::mayaActivePhysicalCard);
        card.createdAt = QDateTime::currentDateTimeUtc();
        card.updatedAt = card.createdAt;
        card.id = m_sandbox.api().store().addCard(card, {});
        return card;
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_cardsmodel")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
    }

    void init()
    {
        // Each test its own sandbox data: a card created in one is not there in the next.
        QVERIFY(m_sandbox.loadSeedFile(QStringLiteral(":/tessera/seed/demo-seed.json")));
        QVERIFY(signIn(test::seed::mayaThompson));
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_backend.reset();
    }

    // A page sets its saved sort order before anyone signed in: nothing is asked for until the
    // first reload.
    void sortAndFilterBeforeTheFirstLoadAskNothing()
    {
        CardsModel *model = makeModel(2);
        model->setSort(CardSort::OldestFirst);
        model->setStatusFilter({CardStatus::Active});
        QCOMPARE(model->state(), CardsModel::State::Idle);
        QTest::qWait(50);
        QVERIFY(!model->hasLoadedOnce());
        model->reload();
        QVERIFY(fetchEverything(model));
        QCOMPARE(ids(model), QStringLiteral("300001 300002"));
    }

    void pagesThroughEveryCardNewestFirst()
    {
        CardsModel *model = makeModel(1);
        QVERIFY(!model->canFetchMore()); // nothing asked yet
        model->reload();
        QCOMPARE(model->state(), CardsModel::State::Loading);
        QVERIFY(waitUntilSettled(model));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->totalCount(), 4);
        QVERIFY(model->canFetchMore());
        QVERIFY(fetchEverything(model));
        QCOMPARE(ids(model), QStringLiteral("300003 300002 300001 300004"));
        QVERIFY(!model->index(0).data(CardsModel::AccountNameRole).toString().isEmpty());
        QCOMPARE(model->rowOf(QStringLiteral("300001")), 2);
    }

    // cardIdAt reads only the id from the store: the same id cardAt gives, none past the rows.
    void cardIdAtNamesTheCardOfEachRowAndNothingElse()
    {
        CardsModel *model = makeModel(2);
        model->reload();
        QVERIFY(fetchEverything(model));
        QCOMPARE(model->rowCount(), 4);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->cardIdAt(row), model->cardAt(row)->id);
        QVERIFY(model->cardIdAt(-1).isEmpty());
        QVERIFY(model->cardIdAt(model->rowCount()).isEmpty());
    }

    void reloadForgetsTheRowsAndStartsAgain()
    {
        CardsModel *model = makeModel(2);
        model->reload();
        QVERIFY(fetchEverything(model));
        QCOMPARE(model->rowCount(), 4);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        model->reload();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->totalCount(), -1);
        QVERIFY(waitUntilSettled(model));
        QCOMPARE(ids(model), QStringLiteral("300003 300002"));
    }

    void statusFilterKeepsOnlyMatchingCards()
    {
        CardsModel *model = makeModel(2);
        model->reload();
        QVERIFY(waitUntilSettled(model));
        model->setStatusFilter({CardStatus::Frozen});
        QVERIFY(fetchEverything(model));
        QCOMPARE(ids(model), QStringLiteral("300003"));
        QCOMPARE(model->totalCount(), 1);
        model->setStatusFilter({CardStatus::Lost, CardStatus::Stolen});
        QVERIFY(fetchEverything(model));
        QCOMPARE(ids(model), QStringLiteral("300004"));
        model->setStatusFilter({CardStatus::SuspectedFraud});
        QVERIFY(fetchEverything(model));
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->totalCount(), 0);
        model->setStatusFilter({});
        QVERIFY(fetchEverything(model));
        QCOMPARE(model->rowCount(), 4);
    }

    void oldestFirstReversesTheOrder()
    {
        CardsModel *model = makeModel(3);
        model->reload();
        QVERIFY(waitUntilSettled(model));
        model->setSort(CardSort::OldestFirst);
        QCOMPARE(model->sortOrder(), CardSort::OldestFirst);
        QVERIFY(fetchEverything(model));
        QCOMPARE(ids(model), QStringLiteral("300004 300001 300002 300003"));
    }

    void updateCardChangesItsRowInPlace()
    {
        CardsModel *model = makeModel(2);
        model->reload();
        QVERIFY(waitUntilSettled(model));
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        Card card = *model->cardAt(1);
        card.status = CardStatus::Frozen;
        model->updateCard(card);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(model->index(1).data(CardsModel::StatusRole).toInt(), int(CardStatus::Frozen));
        QCOMPARE(model->rowCount(), 2);

        card.id = QStringLiteral("not-loaded"); // a card not in the list changes nothing
        model->updateCard(card);
        QCOMPARE(changed.count(), 1);
    }

    // Newest first a created card belongs at the top: shown at once, and not again when the
    // following pages (now shifted by one on the server) come in.
    void aCreatedCardNewestFirstIsShownAtTheTopOnce()
    {
        CardsModel *model = makeModel(2);
        model->reload();
        QVERIFY(waitUntilSettled(model));
        const Card created = createOnServer();
        model->insertCard(created);
        QCOMPARE(ids(model), created.id + QStringLiteral(" 300003 300002"));
        QCOMPARE(model->totalCount(), 5);
        QVERIFY(fetchEverything(model));
        QCOMPARE(ids(model), created.id + QStringLiteral(" 300003 300002 300001 300004"));
    }

    // Oldest first a created card belongs at the end: while older cards are still to be paged
    // in it is not shown (it would sit before them), and it comes once, last, with the last page.
    void aCreatedCardOldestFirstAppearsOnlyAtTheEnd()
    {
        CardsModel *model = makeModel(2);
        model->setSort(CardSort::OldestFirst);
        model->reload();
        QVERIFY(waitUntilSettled(model));
        QCOMPARE(ids(model), QStringLiteral("300004 300001"));
        const Card created = createOnServer();
        model->insertCard(created);
        QCOMPARE(ids(model), QStringLiteral("300004 300001"));
        QCOMPARE(model->rowOf(created.id), -1);
        QCOMPARE(model->totalCount(), 5);
        QVERIFY(model->canFetchMore());
        QVERIFY(fetchEverything(model));
        QCOMPARE(ids(model), QStringLiteral("300004 300001 300002 300003 ") + created.id);
    }

    // With every card already in, the created one is appended at once, and nothing more is
    // asked for (the server's next page would hold only that card).
    void aCreatedCardOldestFirstIsAppendedWhenEverythingIsLoaded()
    {
        CardsModel *model = makeModel(2);
        model->setSort(CardSort::OldestFirst);
        model->reload();
        QVERIFY(fetchEverything(model));
        const Card created = createOnServer();
        model->insertCard(created);
        QCOMPARE(ids(model), QStringLiteral("300004 300001 300002 300003 ") + created.id);
        QVERIFY(!model->canFetchMore());
    }

    void aCreatedCardOutsideTheFilterIsNotShown()
    {
        CardsModel *model = makeModel(2);
        model->setStatusFilter({CardStatus::Frozen});
        model->reload();
        QVERIFY(fetchEverything(model));
        Card created = createOnServer(); // Active
        model->insertCard(created);
        QCOMPARE(ids(model), QStringLiteral("300003"));
        QCOMPARE(model->totalCount(), 1);

        created = *model->cardAt(0); // inserting a card already listed updates it
        created.last4Digits = QStringLiteral("9999");
        model->insertCard(created);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->cardAt(0)->last4Digits, QStringLiteral("9999"));
    }

    void signingOutLetsGoOfTheRecordsTheCardDecoderKept()
    {
        // A page of Maya's cards with her account included, as the list reads it.
        const sandbox::SandboxStore &store = m_sandbox.api().store();
        const QByteArray body = JsonApiCodec::listDocument(
            {JsonApiCodec::encode(*store.card(test::seed::mayaActivePhysicalCard))}, {1, 1, 0},
            {JsonApiCodec::encode(*store.account(test::seed::mayaChecking))});
        const Result<CardPage> page = JsonApiCodec::cardPageFromDocument(body);
        QVERIFY(page.ok());
        QCOMPARE(page->includedAccounts.size(), 1);
        const QString &accountName = page->includedAccounts.first().name;
        QVERIFY(!accountName.isEmpty());
        QVERIFY(!accountName.isDetached()); // the decoder keeps it for the next page

        m_backend->authenticator()->signOut();
        QVERIFY(accountName.isDetached());
    }
};

QTEST_MAIN(TestCardsModel)
#include "tst_cardsmodel.moc"
