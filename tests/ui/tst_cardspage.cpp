#include "AddressForm.h"
#include "ApiClient.h"
#include "ApiReply.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CardActionRunner.h"
#include "CardDelegate.h"
#include "CardDetailsPanel.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "ChildByName.h"
#include "DemoSignIn.h"
#include "FaultInjector.h"
#include "MessageCapture.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "Session.h"
#include "SignedInCardsFixture.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::CardsPage;

namespace {

// Answers the first `failures` requests with 500, then every request with `body`.
class FlakyPeer : public QTcpServer
{
public:
    void setFailures(int failures) { m_failures = failures; }

    FlakyPeer(int failures, QByteArray body)
        : m_failures(failures)
        , m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    const bool fail = m_failures-- > 0;
                    const QByteArray reply =
                        fail
                            ? QByteArray(
                                  R"({"errors":[{"status":"500","title":"Internal Server Error","detail":"The card service is unavailable."}]})")
                            : m_body;
                    socket->write((fail ? "HTTP/1.1 500 Error\r\n" : "HTTP/1.1 200 OK\r\n") +
                                  QByteArray("Content-Type: application/vnd.api+json\r\n"
                                             "Connection: close\r\nContent-Length: ") +
                                  QByteArray::number(reply.size()) + "\r\n\r\n" + reply);
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

private:
    int m_failures;
    QByteArray m_body;
};

// The page's tile delegate, calling `drawing` before it draws each tile.
class WatchedCardDelegate : public ui::CardDelegate
{
public:
    WatchedCardDelegate(QObject *parent, std::function<void()> drawing)
        : CardDelegate(parent)
        , m_drawing(std::move(drawing))
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        m_drawing();
        CardDelegate::paint(painter, option, index);
    }

private:
    std::function<void()> m_drawing;
};

} // namespace

class TestCardsPage : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    std::unique_ptr<CardsPage> m_page;

    void openPage()
    {
        m_page = std::make_unique<CardsPage>(m_backend.get());
        m_page->resize(1000, 700);
        m_page->show();
        m_page->activate();
    }

    template <class T> T *child(const char *name) { return test::child<T>(m_page.get(), name); }

    // A widget of the page that is there and on screen.
    bool shown(const char *name)
    {
        return child<QWidget>(name) && child<QWidget>(name)->isVisible();
    }

    // The signed-in customer's cards as the sandbox lists them: `limit` cards from `offset`.
    QList<Card> cardsFromServer(CardSort sort, int offset, int limit)
    {
        CardListQuery query;
        query.sort = sort;
        query.offset = offset;
        query.limit = limit;
        std::unique_ptr<ApiReply> reply(m_backend->api()->listCards(query));
        QSignalSpy finished(reply.get(), &ApiReply::finished);
        if (!reply->isFinished() && !finished.wait(5000))
            return {};
        return reply->valueAs<CardPage>().items;
    }

    // Counts the GET /cards requests the backend answers from now on.
    void countCardRequests(int *count)
    {
        auto *network = m_backend->findChild<QNetworkAccessManager *>();
        QVERIFY(network);
        connect(network, &QNetworkAccessManager::finished, this, [count](QNetworkReply *reply) {
            if (reply->url().path() == QLatin1String("/cards"))
                ++*count;
        });
    }

    // Confirms the step-up code when the Authenticator asks for one.
    void answerCodeWhenAsked()
    {
        connect(m_backend->authenticator(), &Authenticator::codeSent, this,
                [this] { m_backend->authenticator()->submitCode(QStringLiteral("000001")); });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sandbox.start() != 0);
    }

    void init()
    {
        QSettings().remove(QStringLiteral("cards/sortOrder")); // newest first, as on a first start
    }

    void cleanup()
    {
        m_sandbox.faults().clear();
        m_page.reset();
        m_backend.reset();
    }

    void listsTheCustomersCardsWithFilterAndSort()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        QCOMPARE(model->totalCount(), 4);
        QTRY_VERIFY(child<QLabel>("greeting")->text().contains(QLatin1String("Maya")));
        QVERIFY(child<QListView>("cardList")->isVisible());
        // Newest first by default.
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->cardAt(row - 1)->createdAt >= model->cardAt(row)->createdAt);
        QVERIFY(!model->index(0).data(CardsModel::AccountNameRole).toString().isEmpty());

        auto *filter = child<QComboBox>("statusFilter");
        filter->setCurrentIndex(filter->findText(QStringLiteral("Frozen")));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
        QCOMPARE(model->cardAt(0)->status, CardStatus::Frozen);

        filter->setCurrentIndex(filter->findText(QStringLiteral("Suspected fraud")));
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("emptyState")->isVisible(), 5000);
        QCOMPARE(child<QLabel>("emptyText")->text(), QStringLiteral("No cards with this status"));

        filter->setCurrentIndex(0);
        auto *sort = child<QComboBox>("sortOrder");
        sort->setCurrentIndex(sort->findData(int(CardSort::OldestFirst)));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->cardAt(row - 1)->createdAt <= model->cardAt(row)->createdAt);
    }

    // The first page of cards brings the customer for the greeting; only a page without cards
    // (nothing to include the customer with) needs GET /customers/{id}.
    void greetingComesWithTheCardsOrOnItsOwn()
    {
        QVERIFY(signIn(test::seed::danielOkafor));
        QStringList requests;
        // The backend outlives this function: the counting ends with it, not with the backend.
        QObject counting;
        auto *network = m_backend->findChild<QNetworkAccessManager *>();
        QVERIFY(network);
        connect(network, &QNetworkAccessManager::finished, &counting,
                [&requests](QNetworkReply *reply) { requests << reply->url().path(); });
        openPage();
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>("greeting")->text().contains(QLatin1String("Daniel")), 5000);
        QTest::qWait(100);
        QCOMPARE(requests, QStringList{QStringLiteral("/cards")});

        auto *filter = child<QComboBox>("statusFilter");
        filter->setCurrentIndex(filter->findText(QStringLiteral("Suspected fraud")));
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("emptyState")->isVisible(), 5000);
        m_backend->authenticator()->signOut(); // then in again, with the filter kept
        QVERIFY(test::signInWithCode(m_backend->authenticator(), test::seed::danielOkafor));
        requests.clear();
        m_page->activate();
        QCOMPARE(child<QLabel>("greeting")->text(), QStringLiteral("Your cards"));
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>("greeting")->text().contains(QLatin1String("Daniel")), 5000);
        QCOMPARE(requests,
                 (QStringList{QStringLiteral("/cards"), QStringLiteral("/customers/100002")}));
    }

    // bench_startup times start-up to the line "cards page showing": it comes after the first
    // paint of the tiles is over, not when the cards arrive nor while they are being drawn.
    void cardsPageShowingIsLoggedOnlyAfterTheTilesFirstPaint()
    {
        QVERIFY(signIn(test::seed::danielOkafor));
        test::MessageCapture capture;
        const auto logged = [&capture] {
            return int(capture.messages().filter(QStringLiteral("cards page showing")).size());
        };
        int tilesDrawn = 0;
        int loggedAtFirstTile = -1;
        openPage();
        auto *list = child<QListView>("cardList");
        list->setItemDelegate(new WatchedCardDelegate(list, [&] {
            if (tilesDrawn++ == 0)
                loggedAtFirstTile = logged();
        }));
        QTRY_COMPARE_WITH_TIMEOUT(logged(), 1, 5000);
        QCOMPARE(loggedAtFirstTile, 0); // not when the cards came, nor before a tile was drawn
        QVERIFY(tilesDrawn >= 1);
        QVERIFY(capture.messages()
                    .filter(QStringLiteral("cards page showing"))
                    .first()
                    .contains(QStringLiteral("showing %1 cards").arg(list->model()->rowCount())));
        list->viewport()->repaint(); // later paints say nothing more
        QCoreApplication::processEvents();
        QCOMPARE(logged(), 1);
    }

    // Unit names a business, with no first name: the greeting uses that name.
    void aBusinessIsGreetedByItsName()
    {
        QFile seedFile(QStringLiteral(":/tessera/seed/demo-seed.json"));
        QVERIFY(seedFile.open(QIODevice::ReadOnly));
        const QByteArray demoSeed = seedFile.readAll();
        QJsonObject seed = QJsonDocument::fromJson(demoSeed).object();
        QJsonArray customers = seed.value(QLatin1String("customers")).toArray();
        customers.append(QJsonDocument::fromJson(R"({
            "type": "businessCustomer", "id": "100900",
            "attributes": {"createdAt": "2024-04-22T16:30:00.000Z",
                           "name": "Harbor Lane Bakery LLC",
                           "phone": {"countryCode": "1", "number": "5035550164"},
                           "status": "Active"}})")
                             .object());
        seed.insert(QLatin1String("customers"), customers);
        QVERIFY(m_sandbox.loadSeed(QJsonDocument(seed).toJson()));
        const auto restore = qScopeGuard([&] { m_sandbox.loadSeed(demoSeed); });

        QVERIFY(signIn(QStringLiteral("100900")));
        openPage();
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("greeting")->text(),
                                  QStringLiteral("Hello, Harbor Lane Bakery LLC — your cards"),
                                  5000);
    }

    // A further page that fails keeps the cards on screen and says so once, not again on
    // every later change of the list.
    void aFailedFurtherPageIsReportedOnce()
    {
        QVERIFY(signIn(test::seed::bulkCustomer));
        RetryPolicy quick;
        quick.baseDelayMs = 1;
        quick.maxDelayMs = 5;
        m_backend->api()->setRetryPolicy(quick);
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 100, 5000);
        QSignalSpy messages(m_page.get(), &CardsPage::statusMessage);
        const auto rule =
            tessera::sandbox::FaultInjector::parseRule(QStringLiteral("GET /cards 503 n=20"));
        QVERIFY(rule);
        m_sandbox.faults().addRule(*rule);
        child<QListView>("cardList")->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(model->state(), CardsModel::State::Error, 5000);
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.first().first().toString().startsWith(QLatin1String("More cards")));
        QVERIFY(child<QListView>("cardList")->isVisible());
        Card added = *model->cardAt(0);
        added.id = QStringLiteral("399999");
        m_page->addCreatedCard(added);
        QCOMPARE(model->rowCount(), 101);
        QCOMPARE(messages.count(), 1);
    }

    void pagesThroughFiveThousandCards()
    {
        QVERIFY(signIn(test::seed::bulkCustomer));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 100, 5000);
        QCOMPARE(model->totalCount(), 5000);
        QVERIFY(model->canFetchMore());

        // Scrolling to the bottom, as a person would, fetches the next page.
        auto *list = child<QListView>("cardList");
        list->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 200, 5000);

        // Keep scrolling until everything is in: exactly 5000 distinct cards, in order.
        QElapsedTimer timer;
        timer.start();
        while (model->rowCount() < 5000 && timer.elapsed() < 60000) {
            list->scrollToBottom();
            QTest::qWait(5);
        }
        QCOMPARE(model->rowCount(), 5000);
        QVERIFY(!model->canFetchMore());
        QSet<QString> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.insert(model->cardAt(row)->id);
        QCOMPARE(ids.size(), 5000);
    }

    void detailsShowLimitsAndOnlyValidActions()
    {
        QVERIFY(signIn(test::seed::jamesWhitfield));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 5000);
        const int row = model->rowOf(QStringLiteral("300012"));
        QVERIFY(row >= 0);
        auto *list = child<QListView>("cardList");
        list->setCurrentIndex(model->index(row));
        auto *details = child<tessera::ui::CardDetailsPanel>("cardDetails");
        QVERIFY(
            child<QLabel>("cardDetailsTitle")->text().contains(model->cardAt(row)->last4Digits));
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("cardLimits")->text().contains(QLatin1String("$")),
                                 5000);
        QVERIFY(
            child<QLabel>("sensitiveDataNote")->text().contains(QLatin1String("not available")));
        QVERIFY(details->actionButton(CardAction::Freeze)->isVisible());
        QVERIFY(!details->actionButton(CardAction::Unfreeze)->isVisible());
        // The same address lines as the wizard's review: the country in words.
        QVERIFY(model->cardAt(row)->shippingAddress.has_value());
        QCOMPARE(child<QLabel>("detailShippingAddress")->text(),
                 tessera::ui::AddressForm::displayText(*model->cardAt(row)->shippingAddress));
        QVERIFY(child<QLabel>("detailShippingAddress")
                    ->text()
                    .endsWith(QLatin1String("\nUnited States")));

        const int closed = model->rowOf(QStringLiteral("300013")); // ClosedByCustomer
        QVERIFY(closed >= 0);
        list->setCurrentIndex(model->index(closed));
        QVERIFY(details->isVisible());
        QVERIFY(
            child<QLabel>("cardDetailsTitle")->text().contains(model->cardAt(closed)->last4Digits));
        for (CardAction action : {CardAction::Freeze, CardAction::Unfreeze, CardAction::Close,
                                  CardAction::ReportLost, CardAction::ReportStolen})
            QVERIFY(!details->actionButton(action)->isVisible());
        QVERIFY(!child<QPushButton>("action-replace")->isVisible());
    }

    // Limits that failed to load load again when the same card is shown again (as after a
    // renewed sign-in), while a status change of the shown card keeps loaded ones.
    void limitsLoadAgainAfterAFailure()
    {
        QVERIFY(signIn(test::seed::jamesWhitfield));
        RetryPolicy quick;
        quick.baseDelayMs = 1;
        quick.maxDelayMs = 5;
        m_backend->api()->setRetryPolicy(quick);
        openPage();
        CardsModel *model = m_page->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 5000);
        const auto rule = tessera::sandbox::FaultInjector::parseRule(
            QStringLiteral("GET /cards/*/limits 503 n=20"));
        QVERIFY(rule);
        m_sandbox.faults().addRule(*rule);
        const int row = model->rowOf(QStringLiteral("300012"));
        QVERIFY(row >= 0);
        child<QListView>("cardList")->setCurrentIndex(model->index(row));
        auto *limits = child<QLabel>("cardLimits");
        QTRY_VERIFY_WITH_TIMEOUT(limits->text().contains(QLatin1String("could not be loaded")),
                                 5000);
        m_sandbox.faults().clear();
        auto *details = child<tessera::ui::CardDetailsPanel>("cardDetails");
        details->showCard(*model->cardAt(row), QString());
        QTRY_VERIFY_WITH_TIMEOUT(limits->text().contains(QLatin1String("$")), 5000);
    }

    void freezeNeedsConfirmationAndStepUp()
    {
        QVERIFY(signIn(test::seed::priyaRaman));
        openPage();
        answerCodeWhenAsked();
        CardsModel *model = m_page->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 5000);
        const int row = model->rowOf(QStringLiteral("300010")); // ActiveForOnlineUse
        child<QListView>("cardList")->setCurrentIndex(model->index(row));
        QSignalSpy required(m_backend->authenticator(), &Authenticator::codeRequired);

        QTest::mouseClick(child<QPushButton>("action-freeze"), Qt::LeftButton);
        QMessageBox *box = m_page->actions()->confirmation();
        QVERIFY(box);
        QVERIFY(box->text().contains(model->cardAt(row)->last4Digits));
        QVERIFY(!box->text().contains(QLatin1String("final")));
        QSignalSpy succeeded(m_page->actions(), &tessera::ui::CardActionRunner::succeeded);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        // While the action is on its way no second one can be sent.
        QVERIFY(!child<QPushButton>("action-report-lost")->isEnabled());
        QVERIFY(!child<QPushButton>("action-replace")->isEnabled());
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(required.count(), 1); // the sign-in token lacked cards-write
        QCOMPARE(model->cardAt(row)->status, CardStatus::Frozen); // updated in place
        QTRY_VERIFY(child<QPushButton>("action-unfreeze")->isVisible());
        QVERIFY(child<QPushButton>("action-unfreeze")->isEnabled());
        QVERIFY(!child<QPushButton>("action-freeze")->isVisible());
    }

    void everyActionUpdatesTheTile_data()
    {
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("cardId");
        QTest::addColumn<QString>("button");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("final");
        QTest::newRow("unfreeze") << "100003"
                                  << "300011"
                                  << "action-unfreeze" << int(CardStatus::Active) << false;
        QTest::newRow("report lost") << "100004"
                                     << "300012"
                                     << "action-report-lost" << int(CardStatus::Lost) << true;
        QTest::newRow("report stolen") << "100002"
                                       << "300008"
                                       << "action-report-stolen" << int(CardStatus::Stolen) << true;
        QTest::newRow("close") << "100002"
                               << "300005"
                               << "action-close" << int(CardStatus::ClosedByCustomer) << true;
    }
    void everyActionUpdatesTheTile()
    {
        QFETCH(QString, customer);
        QFETCH(QString, cardId);
        QFETCH(QString, button);
        QFETCH(int, expected);
        QFETCH(bool, final);
        QVERIFY(signIn(customer));
        openPage();
        answerCodeWhenAsked();
        CardsModel *model = m_page->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 5000);
        const int row = model->rowOf(cardId);
        QVERIFY(row >= 0);
        child<QListView>("cardList")->setCurrentIndex(model->index(row));
        QSignalSpy required(m_backend->authenticator(), &Authenticator::codeRequired);
        QTest::mouseClick(child<QPushButton>(button.toLatin1().constData()), Qt::LeftButton);
        QMessageBox *box = m_page->actions()->confirmation();
        QVERIFY(box);
        QCOMPARE(box->text().contains(QLatin1String("final")), final);
        QSignalSpy succeeded(m_page->actions(), &tessera::ui::CardActionRunner::succeeded);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(required.count(), 1); // step-up to cards-write
        QCOMPARE(int(model->cardAt(row)->status), expected);
        if (final)
            QVERIFY(!child<QPushButton>("action-freeze")->isVisible());
    }

    void finalActionSaysSoAndCancelChangesNothing()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 5000);
        const int row = model->rowOf(QStringLiteral("300002")); // virtual Active
        child<QListView>("cardList")->setCurrentIndex(model->index(row));
        QTest::mouseClick(child<QPushButton>("action-close"), Qt::LeftButton);
        QMessageBox *box = m_page->actions()->confirmation();
        QVERIFY(box->text().contains(QLatin1String("final")));
        QCOMPARE(box->defaultButton()->objectName(), QStringLiteral("cancelButton"));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                          Qt::LeftButton);
        QTest::qWait(100);
        QCOMPARE(model->cardAt(row)->status, CardStatus::Active);
        QVERIFY(!m_backend->authenticator()->isWaitingForCode());
    }

    void serverErrorShowsDetailAndRetryRecovers()
    {
        // Fails more often than the client retries: the page has to show the error.
        FlakyPeer peer(1000,
                       R"({"data":[],"meta":{"pagination":{"total":0,"limit":100,"offset":0}}})");
        m_backend = std::make_unique<Backend>(Environment::demo(peer.url()), QString());
        RetryPolicy quick;
        quick.baseDelayMs = 1;
        quick.maxDelayMs = 5;
        m_backend->api()->setRetryPolicy(quick);
        StoredToken token;
        token.customerId = QStringLiteral("1");
        token.token = QStringLiteral("v2.public.test");
        token.scopes = {QStringLiteral("cards")};
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        m_backend->session()->begin(token);
        openPage();
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("errorState")->isVisible(), 5000);
        // In plain words of Tessera's, not the server's own detail.
        const QString errorText = child<QLabel>("errorText")->text();
        QVERIFY2(errorText.contains(QLatin1String("The bank had a problem handling this.")),
                 qPrintable(errorText));
        QVERIFY2(!errorText.contains(QLatin1String("The card service is unavailable.")),
                 qPrintable(errorText));
        peer.setFailures(0);
        QTest::mouseClick(child<QPushButton>("retryButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("emptyState")->isVisible(), 5000);
        QCOMPARE(child<QLabel>("emptyText")->text(), QStringLiteral("No cards yet"));
        QVERIFY(child<QPushButton>("emptyCreateButton")->isVisible());
    }

    // The sort order chosen in the combo is the one the next start (a new page) begins with.
    void aNewPageStartsWithTheSavedSortOrder()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        auto *sort = child<QComboBox>("sortOrder");
        QCOMPARE(sort->currentText(), QStringLiteral("Newest first"));
        sort->setFocus();
        QTest::keyClick(sort, Qt::Key_Down); // Oldest first
        QCOMPARE(sort->currentText(), QStringLiteral("Oldest first"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);

        m_page.reset();
        openPage();
        model = m_page->model();
        QCOMPARE(child<QComboBox>("sortOrder")->currentText(), QStringLiteral("Oldest first"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        QCOMPARE(model->sortOrder(), CardSort::OldestFirst);
        QCOMPARE(model->cardAt(0)->id, QStringLiteral("300004")); // her oldest card

        sort = child<QComboBox>("sortOrder");
        sort->setFocus();
        QTest::keyClick(sort, Qt::Key_Up); // back to Newest first
        m_page.reset();
        openPage();
        QCOMPARE(child<QComboBox>("sortOrder")->currentText(), QStringLiteral("Newest first"));
        QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 4, 5000);
        QCOMPARE(m_page->model()->cardAt(0)->id, QStringLiteral("300003")); // her newest card
    }

    // A filter that leaves nothing of a customer's cards offers all of them again, not a new
    // card; the button puts the filter back to "All cards".
    void anEmptyFilterOffersToShowAllCards()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        auto *filter = child<QComboBox>("statusFilter");
        filter->setCurrentIndex(filter->findText(QStringLiteral("Suspected fraud")));
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("emptyState")->isVisible(), 5000);
        QCOMPARE(child<QLabel>("emptyText")->text(), QStringLiteral("No cards with this status"));
        QVERIFY(shown("showAllCardsButton"));
        auto *showAll = child<QPushButton>("showAllCardsButton");
        QVERIFY(!shown("emptyCreateButton"));

        QTest::mouseClick(showAll, Qt::LeftButton);
        QCOMPARE(filter->currentText(), QStringLiteral("All cards"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        QVERIFY(child<QListView>("cardList")->isVisible());
        // Another customer signs in with the filter kept: the page asks whether they have any
        // card before it offers one button or the other.
        filter->setCurrentIndex(filter->findText(QStringLiteral("Suspected fraud")));
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("emptyState")->isVisible(), 5000);
        QVERIFY(test::signInWithCode(m_backend->authenticator(), test::seed::danielOkafor));
        m_page->activate();
        QTRY_VERIFY_WITH_TIMEOUT(shown("showAllCardsButton"), 5000);
        QVERIFY(!shown("emptyCreateButton"));
    }

    // A customer without any card is offered to create one, with a filter or without.
    void withoutAnyCardTheEmptyFilterStillOffersToCreateOne()
    {
        QFile seedFile(QStringLiteral(":/tessera/seed/demo-seed.json"));
        QVERIFY(seedFile.open(QIODevice::ReadOnly));
        const QByteArray demoSeed = seedFile.readAll();
        QJsonObject seed = QJsonDocument::fromJson(demoSeed).object();
        QJsonArray cards;
        for (const QJsonValue card : seed.value(QLatin1String("cards")).toArray()) {
            const QString account = card[QLatin1String("relationships")][QLatin1String("account")]
                                        [QLatin1String("data")][QLatin1String("id")]
                                            .toString();
            if (account != QLatin1String("200006") && account != QLatin1String("200007"))
                cards.append(card); // none of customer 100004's
        }
        QVERIFY(cards.size() < seed.value(QLatin1String("cards")).toArray().size());
        seed.insert(QLatin1String("cards"), cards);
        QVERIFY(m_sandbox.loadSeed(QJsonDocument(seed).toJson()));
        const auto restore = qScopeGuard([&] { m_sandbox.loadSeed(demoSeed); });

        QVERIFY(signIn(test::seed::jamesWhitfield));
        openPage();
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("emptyState")->isVisible(), 5000);
        QCOMPARE(child<QLabel>("emptyText")->text(), QStringLiteral("No cards yet"));
        QVERIFY(child<QPushButton>("emptyCreateButton")->isVisible());
        QVERIFY(!shown("showAllCardsButton"));

        auto *filter = child<QComboBox>("statusFilter");
        filter->setCurrentIndex(filter->findText(QStringLiteral("Frozen")));
        QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->state(), CardsModel::State::Idle, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("emptyState")->isVisible(), 5000);
        QVERIFY(child<QPushButton>("emptyCreateButton")->isVisible());
        QVERIFY(!shown("showAllCardsButton"));
        QCOMPARE(child<QLabel>("emptyText")->text(), QStringLiteral("No cards yet"));
    }

    // F5 reloads the cards while they stay on screen with a thin busy bar above them, and the
    // selected card is selected again afterwards.
    void refreshKeepsTheListAndTheSelectedCard()
    {
        QVERIFY(signIn(QStringLiteral("100001")));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        auto *list = child<QListView>("cardList");
        list->setCurrentIndex(model->index(2));
        const QString selectedId = model->cardAt(2)->id;
        QVERIFY(child<QLabel>("cardDetailsTitle")->text().contains(model->cardAt(2)->last4Digits));
        const auto slow = tessera::sandbox::FaultInjector::parseRule(
            QStringLiteral("GET /cards delay delay=300 n=1"));
        QVERIFY(slow);
        m_sandbox.faults().addRule(*slow);
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));

        QTest::keyClick(list, Qt::Key_F5);
        QCOMPARE(model->state(), CardsModel::State::Loading);
        QTest::qWait(100); // the page is on its way
        QCOMPARE(model->state(), CardsModel::State::Loading);
        QVERIFY(list->isVisible());
        QVERIFY(!shown("loadingState"));
        QVERIFY(shown("refreshIndicator"));
        QCOMPARE(model->rowCount(), 4);

        QTRY_COMPARE_WITH_TIMEOUT(model->state(), CardsModel::State::Idle, 5000);
        QVERIFY(!shown("refreshIndicator"));
        QCOMPARE(model->rowCount(), 4);
        QVERIFY(list->currentIndex().isValid());
        QCOMPARE(list->currentIndex().data(CardsModel::CardIdRole).toString(), selectedId);
        QVERIFY(list->selectionModel()->isSelected(list->currentIndex()));
    }

    // End (or Ctrl+End) reaches the last of 5 000 cards in pages of 1 000, not 49 more
    // requests of 100, and selects it once it is in; the count says how many there are.
    void ctrlEndReachesTheLastOfThousandsOfCardsInFewRequests()
    {
        QVERIFY(signIn(QStringLiteral("100005")));
        int requests = 0;
        countCardRequests(&requests);
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 100, 5000);
        QVERIFY(child<QLabel>("cardCount")->text().contains(QLocale().toString(5000)));
        const QList<Card> oldest = cardsFromServer(CardSort::OldestFirst, 0, 1);
        QCOMPARE(oldest.size(), 1);

        auto *list = child<QListView>("cardList");
        list->setFocus();
        QTest::keyClick(list, Qt::Key_End, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5000, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(list->currentIndex().row(), 4999, 5000);
        QCOMPARE(list->currentIndex().data(CardsModel::CardIdRole).toString(), oldest.first().id);
        QVERIFY(list->visualRect(list->currentIndex()).intersects(list->viewport()->rect()));
        QVERIFY2(requests < 10, qPrintable(QString::number(requests)));
        QVERIFY(!model->canFetchMore());
        QVERIFY(child<QLabel>("cardCount")->text().contains(QLocale().toString(5000)));
    }

    // Dragging the scrollbar to its end does the same, and the view stays at the end while the
    // pages come in.
    void draggingTheScrollbarToTheEndStaysThere()
    {
        QVERIFY(signIn(QStringLiteral("100005")));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 100, 5000);
        QScrollBar *bar = child<QListView>("cardList")->verticalScrollBar();
        bar->setSliderDown(true);
        bar->setValue(bar->maximum());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5000, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model->state(), CardsModel::State::Idle, 5000);
        bar->setSliderDown(false);
        QCOMPARE(bar->value(), bar->maximum());
    }

    // The search field's clear button comes with the first character typed (made then, not at
    // start-up) and empties the search: every card shows again.
    void theSearchFieldsClearButtonEmptiesTheSearch()
    {
        QVERIFY(signIn(test::seed::mayaThompson));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        auto *search = child<QLineEdit>("cardSearch");
        QVERIFY(!search->isClearButtonEnabled());

        QTest::keyClicks(search, QStringLiteral("4821"));
        QVERIFY(search->isClearButtonEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
        QToolButton *clear = nullptr;
        for (QToolButton *button : search->findChildren<QToolButton *>())
            clear = button->isVisibleTo(search) ? button : clear;
        QVERIFY(clear);
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(search->text(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
    }

    // Unit's GET /cards cannot search: typing the last four digits of a card far down the list
    // loads the rest and shows that card.
    void searchFindsACardByItsLastFourDigits()
    {
        QVERIFY(signIn(QStringLiteral("100005")));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 100, 5000);
        const QList<Card> deep = cardsFromServer(CardSort::NewestFirst, 4321, 1);
        QCOMPARE(deep.size(), 1);
        QCOMPARE(model->rowOf(deep.first().id), -1); // not loaded yet

        QTest::keyClicks(child<QLineEdit>("cardSearch"), deep.first().last4Digits);
        QTRY_VERIFY_WITH_TIMEOUT(model->allLoaded(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model->state(), CardsModel::State::Idle, 5000);
        QVERIFY(model->rowOf(deep.first().id) >= 0);
        QVERIFY(model->rowCount() < 5000);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->cardAt(row)->last4Digits.contains(deep.first().last4Digits));
        QVERIFY(child<QListView>("cardList")->isVisible());
        QVERIFY(child<QLabel>("cardCount")->text().contains(QLocale().toString(5000)));

        child<QLineEdit>("cardSearch")->setText(QStringLiteral("no such card"));
        QTRY_VERIFY(shown("emptyState"));
        QCOMPARE(child<QLabel>("emptyText")->text(), QStringLiteral("No card matches your search"));
        QVERIFY(!shown("emptyCreateButton"));
        child<QLineEdit>("cardSearch")->clear();
        QCOMPARE(model->rowCount(), 5000);
    }

    // Records the app cannot read are left out with a quiet notice; the others are shown and
    // the next page starts after all of them.
    void cardsThatCannotBeReadAreLeftOutWithANotice()
    {
        const QByteArray good = R"({"type":"individualDebitCard","id":"%1","attributes":{
            "createdAt":"2024-05-14T10:07:09.284Z","last4Digits":"%2","expirationDate":"2029-05",
            "status":"Active"},"relationships":{"account":{"data":{"type":"depositAccount",
            "id":"10001"}},"customer":{"data":{"type":"customer","id":"1"}}}})";
        const QByteArray bad = R"({"type":"individualDebitCard","id":"%1","attributes":{
            "createdAt":"2024-05-14T10:07:09.284Z","status":"Active"}})";
        const QByteArray body =
            "{\"data\":[" +
            QString::fromLatin1(good).arg(QStringLiteral("7"), QStringLiteral("0019")).toLatin1() +
            "," + QString::fromLatin1(bad).arg(8).toLatin1() + ",42," +
            QString::fromLatin1(good).arg(QStringLiteral("9"), QStringLiteral("0029")).toLatin1() +
            "],\"meta\":{\"pagination\":{\"total\":4,\"limit\":100,"
            "\"offset\":0}}}";
        FlakyPeer peer(0, body);
        m_backend = std::make_unique<Backend>(Environment::demo(peer.url()), QString());
        StoredToken token;
        token.customerId = QStringLiteral("1");
        token.token = QStringLiteral("v2.public.test");
        token.scopes = {QStringLiteral("cards")};
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        m_backend->session()->begin(token);
        openPage();
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->state(), CardsModel::State::Idle, 5000);
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(child<QListView>("cardList")->isVisible());
        QTRY_VERIFY(shown("skippedNotice"));
        // "2 cards could not be shown." once the English plural forms are in.
        const QString notice = child<QLabel>("skippedNotice")->text();
        QVERIFY2(notice.startsWith(QLatin1String("2 card")) &&
                     notice.endsWith(QLatin1String(" could not be shown.")),
                 qPrintable(notice));
        QCOMPARE(model->skippedCount(), 2);
        QVERIFY(!model->canFetchMore()); // all four of the server's records were taken
    }

    // At 1024×640 a customer with a very long name still fits: the greeting gives way, nothing
    // scrolls sideways, and the tiles show the account's last digits.
    void aLongNameFitsTheSmallestWindow()
    {
        QFile seedFile(QStringLiteral(":/tessera/seed/demo-seed.json"));
        QVERIFY(seedFile.open(QIODevice::ReadOnly));
        const QByteArray demoSeed = seedFile.readAll();
        QJsonObject seed = QJsonDocument::fromJson(demoSeed).object();
        QJsonArray customers = seed.value(QLatin1String("customers")).toArray();
        QJsonObject maya = customers.at(0).toObject();
        QCOMPARE(maya.value(QLatin1String("id")).toString(), QStringLiteral("100001"));
        QJsonObject attributes = maya.value(QLatin1String("attributes")).toObject();
        const QString first = QStringLiteral("Maya-Alexandrina-Konstantina-Bartholomea-Wilhelmina");
        const QString last =
            QStringLiteral("Thompson-Featherstonehaugh-Montgomery-Worthington-Smythe");
        const QString name = first + QLatin1Char(' ') + last + QStringLiteral(" Junior Esq.");
        QCOMPARE(name.size(), 120);
        attributes.insert(
            QLatin1String("fullName"),
            QJsonObject{{QStringLiteral("first"), first},
                        {QStringLiteral("last"), last + QStringLiteral(" Junior Esq.")}});
        maya.insert(QLatin1String("attributes"), attributes);
        customers.replace(0, maya);
        seed.insert(QLatin1String("customers"), customers);
        QVERIFY(m_sandbox.loadSeed(QJsonDocument(seed).toJson()));
        const auto restore = qScopeGuard([&] { m_sandbox.loadSeed(demoSeed); });

        QVERIFY(signIn(QStringLiteral("100001")));
        openPage();
        m_page->resize(1024, 640);
        CardsModel *model = m_page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
        auto *greeting = child<QLabel>("greeting");
        QTRY_VERIFY(greeting->text().contains(first));
        QVERIFY2(m_page->minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(m_page->minimumSizeHint().width())));
        QVERIFY(greeting->width() < greeting->fontMetrics().horizontalAdvance(greeting->text()));
        for (const QScrollBar *bar : m_page->findChildren<QScrollBar *>()) {
            if (bar->orientation() == Qt::Horizontal)
                QVERIFY2(!bar->isVisible(), qPrintable(bar->parentWidget()->objectName()));
        }
        // The tile line keeps "(…1234)" of the account even where the name must give way.
        auto *list = child<QListView>("cardList");
        const QModelIndex index = model->index(0);
        const QString digits = index.data(CardsModel::AccountDigitsRole).toString();
        QVERIFY(!digits.isEmpty());
        const QFontMetrics metrics(list->font());
        QVERIFY(tessera::ui::CardDelegate::detailLine(index, *model->cardAt(0), metrics, 400)
                    .contains(digits));
        QVERIFY(tessera::ui::CardDelegate::detailLine(index, *model->cardAt(0), metrics, 150)
                    .contains(digits));
    }

    void createdCardAppearsWithoutReload()
    {
        QVERIFY(signIn(test::seed::danielOkafor));
        openPage();
        CardsModel *model = m_page->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 5000);
        const int before = model->rowCount();
        Card card = *model->cardAt(0);
        card.id = QStringLiteral("999999");
        card.createdAt = QDateTime::currentDateTimeUtc();
        m_page->addCreatedCard(card);
        QCOMPARE(model->rowCount(), before + 1);
        QCOMPARE(model->cardAt(0)->id, QStringLiteral("999999"));
        QCOMPARE(child<QListView>("cardList")->currentIndex().row(), 0);
    }
};

QTEST_MAIN(TestCardsPage)
#include "tst_cardspage.moc"
