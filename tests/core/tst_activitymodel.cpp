#include "ActivityModel.h"
#include "ApiClient.h"
#include "Backend.h"
#include "RawHttpPeer.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SandboxStore.h"
#include "SeedIds.h"
#include "SignedInCardsFixture.h"
#include "SuiteSetup.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;

// ActivityModel against the in-process sandbox's seeded history, signed in as Maya (100001),
// every change of its rows checked by QAbstractItemModelTester.
class TestActivityModel : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    std::unique_ptr<ActivityModel> m_activity;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // A model of `pageSize` entries a list at a time, checked from the start.
    ActivityModel *makeModel(int pageSize)
    {
        m_tester.reset();
        m_activity = std::make_unique<ActivityModel>(m_backend->api(), m_backend->authenticator());
        m_activity->setPageSize(pageSize);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_activity.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        return m_activity.get();
    }

    static bool waitUntilSettled(ActivityModel *model)
    {
        return QTest::qWaitFor(
                   [model] {
                       return model->state() == ActivityModel::State::Error ||
                              (model->state() == ActivityModel::State::Idle &&
                               model->hasLoadedOnce());
                   },
                   10000) &&
               model->state() == ActivityModel::State::Idle;
    }

    // Pages on as a view scrolled to the bottom would, until nothing more comes.
    static bool fetchEverything(ActivityModel *model)
    {
        for (int pages = 0; pages < 2000; ++pages) {
            if (!waitUntilSettled(model))
                return false;
            if (!model->canFetchMore())
                return true;
            model->fetchMore();
        }
        return false;
    }

    static QStringList ids(const ActivityModel *model)
    {
        QStringList result;
        for (int row = 0; row < model->rowCount(); ++row)
            result << model->entryAt(row)->id();
        return result;
    }

    Card card(const QString &id) { return *m_sandbox.api().store().card(id); }

    // The whole activity of `scope` under `filter`, read in pages of 1000.
    QList<ActivityEntry> everything(const ActivityScope &scope, const ActivityFilter &filter = {})
    {
        ActivityModel *model = makeModel(1000);
        model->setFilter(filter);
        model->setScope(scope);
        QList<ActivityEntry> entries;
        if (!fetchEverything(model))
            return entries;
        for (int row = 0; row < model->rowCount(); ++row)
            entries << *model->entryAt(row);
        return entries;
    }

    static bool newestFirst(const ActivityModel *model)
    {
        for (int row = 1; row < model->rowCount(); ++row) {
            if (model->entryAt(row - 1)->createdAt() < model->entryAt(row)->createdAt())
                return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_activitymodel")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_sandbox.start() != 0);
    }

    void init()
    {
        QVERIFY(m_sandbox.loadSeedFile(QStringLiteral(":/tessera/seed/demo-seed.json")));
        QVERIFY(signIn(test::seed::mayaThompson));
    }

    void cleanup()
    {
        m_tester.reset();
        m_activity.reset();
        signOutAndForget();
    }

    void anEmptyScopeAsksForNothing()
    {
        ActivityModel *model = makeModel(10);
        ActivityFilter filter;
        filter.text = QStringLiteral("coffee");
        model->setFilter(filter);
        model->reload();
        QCOMPARE(model->state(), ActivityModel::State::Idle);
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->canFetchMore());
    }

    void aCardsActivityIsNewestFirstWhateverThePageSize()
    {
        const ActivityScope scope =
            ActivityScope::forCard(card(test::seed::mayaActivePhysicalCard));
        const QList<ActivityEntry> all = everything(scope);
        QVERIFY(!all.isEmpty());

        ActivityModel *model = makeModel(3);
        model->setScope(scope);
        QVERIFY(waitUntilSettled(model));
        QVERIFY(model->rowCount() > 0);
        QVERIFY(model->canFetchMore());
        QVERIFY(fetchEverything(model));
        QVERIFY(newestFirst(model));
        QStringList expected;
        for (const ActivityEntry &entry : all)
            expected << entry.id();
        QCOMPARE(ids(model), expected);
        for (int row = 0; row < model->rowCount(); ++row) {
            const ActivityEntry &entry = *model->entryAt(row);
            QCOMPARE(entry.cardLast4Digits(), card(test::seed::mayaActivePhysicalCard).last4Digits);
        }
    }

    void pendingAndDeclinedAuthorizationsAreMergedIntoTheTransactions()
    {
        ActivityModel *model = makeModel(5);
        model->setScope(ActivityScope::forAccount(test::seed::mayaChecking));
        QVERIFY(fetchEverything(model));
        QVERIFY(newestFirst(model));
        int transactions = 0;
        QSet<int> statuses;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row);
            statuses << index.data(ActivityModel::StatusRole).toInt();
            if (model->entryAt(row)->transaction())
                ++transactions;
        }
        QVERIFY(statuses.contains(int(ActivityEntry::Status::Settled)));
        QVERIFY(statuses.contains(int(ActivityEntry::Status::Pending)));
        QVERIFY(statuses.contains(int(ActivityEntry::Status::Declined)));
        QCOMPARE(transactions, model->totalTransactions());
        // Each record once (Unit numbers transactions and authorizations apart: a transaction
        // and an authorization may have the same id).
        QSet<QString> seen;
        for (int row = 0; row < model->rowCount(); ++row) {
            const ActivityEntry &entry = *model->entryAt(row);
            seen << (entry.transaction() ? QStringLiteral("t") : QStringLiteral("a")) + entry.id();
        }
        QCOMPARE(seen.size(), model->rowCount());
    }

    // Records added after the history, minutes apart, come out in time order however the two
    // lists are paged: the newest authorization, a declined one, then a transaction.
    void theTwoListsAreMergedByTime()
    {
        const Card physical = card(test::seed::mayaActivePhysicalCard);
        auto *activity = m_sandbox.api().store().history(test::seed::mayaChecking);
        QVERIFY(activity);
        const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(3600);

        Transaction reward;
        reward.kind = TransactionKind::Interest;
        reward.typeName = transactionTypeName(reward.kind);
        reward.createdAt = soon;
        reward.direction = Direction::Credit;
        reward.amount = 500;
        reward.summary = QStringLiteral("Interest for the month");
        reward.accountId = test::seed::mayaChecking;
        reward.customerId = test::seed::mayaThompson;
        const QString rewardId =
            activity
                ->append(reward, m_sandbox.api().store().account(test::seed::mayaChecking)->balance)
                .id;

        Authorization declined;
        declined.createdAt = soon.addSecs(60);
        declined.amount = 99999;
        declined.cardLast4Digits = physical.last4Digits;
        declined.merchant.name = QStringLiteral("Electronics Hub");
        declined.status = AuthorizationStatus::Declined;
        declined.statusName = QStringLiteral("Declined");
        declined.declineReason = QStringLiteral("InsufficientFunds");
        declined.accountId = test::seed::mayaChecking;
        declined.customerId = test::seed::mayaThompson;
        declined.cardId = physical.id;
        const QString declinedId = activity->addAuthorization(declined).id;

        Authorization pending = declined;
        pending.createdAt = soon.addSecs(120);
        pending.amount = 450;
        pending.merchant.name = QStringLiteral("Corner Coffee");
        pending.status = AuthorizationStatus::Authorized;
        pending.statusName = QStringLiteral("Authorized");
        pending.declineReason.clear();
        const QString pendingId = activity->addAuthorization(pending).id;

        ActivityModel *model = makeModel(1);
        model->setScope(ActivityScope::forAccount(test::seed::mayaChecking));
        for (int pages = 0; pages < 10 && model->rowCount() < 4; ++pages) {
            QVERIFY(waitUntilSettled(model));
            model->fetchMore();
        }
        QVERIFY(waitUntilSettled(model));
        QCOMPARE(ids(model).mid(0, 3), (QStringList{pendingId, declinedId, rewardId}));
        QVERIFY(newestFirst(model));

        const QModelIndex top = model->index(0);
        QCOMPARE(top.data(ActivityModel::StatusTextRole).toString(), QStringLiteral("Pending"));
        QCOMPARE(top.data(ActivityModel::CounterpartyRole).toString(),
                 QStringLiteral("Corner Coffee"));
        QCOMPARE(model->index(1).data(ActivityModel::StatusTextRole).toString(),
                 QStringLiteral("Declined: not enough money"));
        QCOMPARE(model->index(2).data(ActivityModel::KindTextRole).toString(),
                 QStringLiteral("Interest"));
        QCOMPARE(model->index(2).data(ActivityModel::CounterpartyRole).toString(),
                 QStringLiteral("Interest for the month"));
        QCOMPARE(model->rowOfAuthorization(pendingId), 0);
        QCOMPARE(model->rowOfTransaction(rewardId), 2);
    }

    // Unit adds transaction types; the sandbox sends only those Tessera knows, so a server of
    // Unit's shape on loopback sends one it does not.
    void anUnknownTypeShowsAsOtherAndTheListStillLoads()
    {
        const QByteArray page = R"({"data":[
            {"type":"rewardTransaction","id":"61","attributes":{"createdAt":"2026-11-02T10:00:00.000Z",
             "direction":"Credit","amount":500,"balance":10523,"summary":"Cash back reward"},
             "relationships":{"account":{"data":{"type":"account","id":"10001"}}}},
            {"type":"purchaseTransaction","id":"51","attributes":{"createdAt":"2026-11-01T12:41:43.360Z",
             "direction":"Debit","amount":2500,"balance":10023,"summary":"Purchase from Apple Inc. | **0019",
             "cardLast4Digits":"0019","merchant":{"name":"Apple Inc.","type":1000,"category":"",
             "location":"Cupertino, CA"},"recurring":false},
             "relationships":{"account":{"data":{"type":"account","id":"10001"}},
             "customer":{"data":{"type":"customer","id":"10000"}},"card":{"data":{"type":"card","id":"7"}}}}
            ],"meta":{"pagination":{"total":2,"limit":50,"offset":0}}})";
        test::RawHttpPeer unit{test::httpResponse(200, page)};
        QNetworkAccessManager network;
        ApiClient api(&network);
        api.setBaseUrl(unit.url());
        api.setBearerToken(QStringLiteral("test-token"));
        ActivityModel model(&api, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        ActivityFilter filter;
        filter.text = QStringLiteral("reward"); // transactions only: one list to answer
        model.setFilter(filter);
        model.setScope(ActivityScope::forAccount(QStringLiteral("10001")));
        QVERIFY(waitUntilSettled(&model));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(ActivityModel::KindTextRole).toString(),
                 QStringLiteral("Other"));
        QCOMPARE(model.index(0).data(ActivityModel::CounterpartyRole).toString(),
                 QStringLiteral("Cash back reward"));
        QCOMPARE(model.index(0).data(ActivityModel::AmountRole).toLongLong(), 500);
        QCOMPARE(model.index(1).data(ActivityModel::KindTextRole).toString(),
                 QStringLiteral("Card purchase"));
        QCOMPARE(model.skippedCount(), 0);
        QVERIFY(!model.canFetchMore());
    }

    void rowsNeverMoveWhilePaging()
    {
        ActivityModel *model = makeModel(4);
        model->setScope(ActivityScope::forAccount(test::seed::mayaChecking));
        QVERIFY(waitUntilSettled(model));
        QStringList shown = ids(model);
        for (int pages = 0; pages < 5 && model->canFetchMore(); ++pages) {
            model->fetchMore();
            QVERIFY(waitUntilSettled(model));
            QCOMPARE(ids(model).mid(0, shown.size()), shown);
            QVERIFY(ids(model).size() > shown.size());
            shown = ids(model);
        }
    }

    void eachRowSaysWhatHappenedInWords()
    {
        ActivityModel *model = makeModel(50);
        model->setScope(ActivityScope::forAccount(test::seed::mayaChecking));
        QVERIFY(fetchEverything(model));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row);
            const ActivityEntry entry = index.data(ActivityModel::EntryRole).value<ActivityEntry>();
            QCOMPARE(entry.id(), model->entryAt(row)->id());
            QVERIFY(!index.data(ActivityModel::CounterpartyRole).toString().isEmpty());
            QVERIFY(!index.data(ActivityModel::KindTextRole).toString().isEmpty());
            QCOMPARE(index.data(ActivityModel::DateRole).toDateTime(), entry.createdAt());
            QCOMPARE(index.data(ActivityModel::AmountRole).toLongLong(), entry.signedAmount());
            QCOMPARE(index.data(ActivityModel::AmountTextRole).toString(),
                     ActivityModel::amountText(entry.signedAmount()));
            // Unit gives every transaction its balance after it; an authorization has none.
            QCOMPARE(index.data(ActivityModel::BalanceTextRole).toString().isEmpty(),
                     entry.authorization() != nullptr);
        }
    }

    void creditsOnlyShowsMoneyInAndNoAuthorizations()
    {
        ActivityFilter filter;
        filter.direction = Direction::Credit;
        const QList<ActivityEntry> credits =
            everything(ActivityScope::forAccount(test::seed::mayaChecking), filter);
        QVERIFY(!credits.isEmpty());
        for (const ActivityEntry &entry : credits) {
            QVERIFY(entry.transaction());
            QVERIFY(entry.signedAmount() > 0);
        }
    }

    void aDateRangeShowsOnlyThoseDays()
    {
        const ActivityScope scope = ActivityScope::forAccount(test::seed::mayaChecking);
        const QList<ActivityEntry> all = everything(scope);
        QVERIFY(all.size() > 10);
        // The month before the newest entry: a range that has entries and leaves some out.
        ActivityFilter filter;
        filter.until = all.first().createdAt().toLocalTime().date().addMonths(-1);
        filter.from = filter.until.addMonths(-1);
        const QList<ActivityEntry> range = everything(scope, filter);
        QVERIFY(!range.isEmpty());
        QVERIFY(range.size() < all.size());
        for (const ActivityEntry &entry : range) {
            const QDate day = entry.createdAt().toLocalTime().date();
            QVERIFY2(day >= filter.from && day <= filter.until,
                     qPrintable(entry.createdAt().toString(Qt::ISODate)));
        }
    }

    void anAmountRangeShowsOnlyThoseAmounts()
    {
        ActivityFilter filter;
        filter.minAmount = 1000;
        filter.maxAmount = 5000;
        const QList<ActivityEntry> entries =
            everything(ActivityScope::forAccount(test::seed::mayaChecking), filter);
        QVERIFY(!entries.isEmpty());
        for (const ActivityEntry &entry : entries) {
            const qint64 amount = qAbs(entry.signedAmount());
            QVERIFY2(amount >= 1000 && amount <= 5000, qPrintable(QString::number(amount)));
        }
    }

    void aTypeFilterShowsOnlyThatType()
    {
        ActivityFilter filter;
        filter.kinds = {TransactionKind::Fee};
        const QList<ActivityEntry> fees =
            everything(ActivityScope::forAccount(test::seed::mayaChecking), filter);
        QVERIFY(!fees.isEmpty());
        for (const ActivityEntry &entry : fees) {
            QVERIFY(entry.transaction());
            QCOMPARE(entry.transaction()->kind, TransactionKind::Fee);
        }
    }

    void aTextSearchFindsTransactionsAndLeavesAuthorizationsOut()
    {
        const ActivityScope scope = ActivityScope::forAccount(test::seed::mayaChecking);
        const QList<ActivityEntry> all = everything(scope);
        // A merchant of the history, searched by name.
        QString merchant;
        for (const ActivityEntry &entry : all) {
            if (entry.transaction() && entry.transaction()->merchant) {
                merchant = entry.transaction()->merchant->name;
                break;
            }
        }
        QVERIFY(!merchant.isEmpty());
        ActivityFilter filter;
        filter.text = merchant;
        const QList<ActivityEntry> found = everything(scope, filter);
        QVERIFY(!found.isEmpty());
        QVERIFY(found.size() < all.size());
        for (const ActivityEntry &entry : found)
            QVERIFY(entry.transaction());
    }

    void aChangedFilterReloads()
    {
        ActivityModel *model = makeModel(50);
        model->setScope(ActivityScope::forAccount(test::seed::mayaChecking));
        QVERIFY(fetchEverything(model));
        const int unfiltered = model->rowCount();
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        ActivityFilter filter;
        filter.kinds = {TransactionKind::Fee};
        model->setFilter(filter);
        QCOMPARE(reset.size(), 1);
        QVERIFY(fetchEverything(model));
        QVERIFY(model->rowCount() < unfiltered);
        model->setFilter(filter); // the same again: nothing to do
        QCOMPARE(reset.size(), 1);
    }

    void aFailedPageIsAskedForAgainOnRetry()
    {
        ActivityModel *model = makeModel(5);
        model->setScope(ActivityScope::forAccount(test::seed::mayaChecking));
        QVERIFY(waitUntilSettled(model));
        const QStringList first = ids(model);
        QVERIFY(addFault(QStringLiteral("GET /transactions malformed-json n=1")));
        QVERIFY(addFault(QStringLiteral("GET /authorizations malformed-json n=1")));
        model->fetchMore();
        QVERIFY(QTest::qWaitFor([model] { return model->state() == ActivityModel::State::Error; },
                                5000));
        QVERIFY(model->lastError().isError());
        QVERIFY(!model->canFetchMore());
        QCOMPARE(ids(model), first);
        m_sandbox.faults().clear(); // the list that was not asked for may not fail later
        model->retry();
        QVERIFY(waitUntilSettled(model));
        QVERIFY(model->rowCount() > first.size());
        QCOMPARE(ids(model).mid(0, first.size()), first);
        QVERIFY(newestFirst(model));
    }
};

QTEST_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
