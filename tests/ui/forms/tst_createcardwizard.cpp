#include "AddressForm.h"
#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "ChildByName.h"
#include "CreateCardWizard.h"
#include "Credentials.h"
#include "Money.h"
#include "ReplyWaiting.h"
#include "SandboxApi.h"
#include "SandboxServer.h"
#include "SandboxStore.h"
#include "SeedIds.h"
#include "Session.h"
#include "SignedInCardsFixture.h"
#include "TokenStore.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::CreateCardWizard;

namespace {

const QString Maya = test::seed::mayaThompson;
const QString Daniel = test::seed::danielOkafor;

// Sits between the app and the sandbox and can spoil the next POST /cards: either the sandbox
// creates the card and its answer is replaced by a 503 (a lost answer), or the sandbox never
// sees the request and a canned answer comes back instead.
class FaultyProxy : public QTcpServer
{
public:
    enum class Fault { None, LoseAnswer, CannedAnswer };

    explicit FaultyProxy(quint16 upstreamPort)
        : m_upstreamPort(upstreamPort)
    {}

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

    void spoilNextCreate(Fault fault, int status, const QByteArray &body)
    {
        m_fault = fault;
        m_answer = "HTTP/1.1 " + QByteArray::number(status) +
                   " Spoiled\r\nContent-Type: application/vnd.api+json\r\nContent-Length: " +
                   QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(descriptor);
        auto *server = new QTcpSocket(this);
        server->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        auto fault = std::make_shared<Fault>(Fault::None);
        auto request = std::make_shared<QByteArray>();

        connect(client, &QTcpSocket::readyRead, this, [=] {
            const QByteArray data = client->readAll();
            if (m_fault != Fault::None && data.startsWith("POST /cards "))
                *fault = std::exchange(m_fault, Fault::None);
            if (*fault != Fault::CannedAnswer) {
                server->write(data);
                return;
            }
            // Answer only once the whole request is in, as a server would.
            request->append(data);
            const qsizetype headerEnd = request->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const qsizetype lengthAt = request->toLower().indexOf("content-length:");
            const qsizetype lineEnd = request->indexOf("\r\n", lengthAt);
            const qsizetype length =
                lengthAt < 0
                    ? 0
                    : request->mid(lengthAt + 15, lineEnd - lengthAt - 15).trimmed().toLongLong();
            if (request->size() < headerEnd + 4 + length)
                return;
            client->write(m_answer);
            client->disconnectFromHost();
            server->disconnectFromHost();
        });
        connect(server, &QTcpSocket::readyRead, this, [=] {
            const QByteArray data = server->readAll();
            if (*fault == Fault::LoseAnswer) {
                client->write(m_answer);
                client->disconnectFromHost();
                server->disconnectFromHost();
                return;
            }
            client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
        connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(server, &QTcpSocket::disconnected, server, &QObject::deleteLater);
    }

private:
    quint16 m_upstreamPort;
    Fault m_fault = Fault::None;
    QByteArray m_answer;
};

} // namespace

// Drives the wizard with mouse and keyboard against the in-process sandbox; the one-time code
// is answered the way the OTP dialog would.
class TestCreateCardWizard : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    std::unique_ptr<FaultyProxy> m_proxy;
    std::unique_ptr<CreateCardWizard> m_wizard;

    template <class T> T *child(const char *name) { return test::child<T>(m_wizard.get(), name); }

    void openWizard()
    {
        m_wizard = std::make_unique<CreateCardWizard>(m_backend.get());
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
        m_wizard->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::KindPageId));
    }

    void click(QAbstractButton *button)
    {
        QVERIFY(button);
        QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(button->objectName()));
        // Near the left edge: a stretched radio button only reacts on its circle and text.
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    }

    void next() { click(m_wizard->button(QWizard::NextButton)); }

    QListWidgetItem *accountItem(const QString &accountId)
    {
        auto *list = child<QListWidget>("accountList");
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(Qt::UserRole).toString() == accountId)
                return list->item(row);
        }
        return nullptr;
    }

    void chooseAccount(const QString &accountId)
    {
        auto *list = child<QListWidget>("accountList");
        QTRY_VERIFY_WITH_TIMEOUT(accountItem(accountId) != nullptr, 5000);
        const QRect rect = list->visualItemRect(accountItem(accountId));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(list->currentItem(), accountItem(accountId));
    }

    // Kind, account and (for physical cards) the prefilled address: up to the review page.
    void goToReview(bool physical, const QString &accountId)
    {
        click(child<QRadioButton>(physical ? "physicalCardOption" : "virtualCardOption"));
        next();
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::AccountPageId));
        chooseAccount(accountId);
        next();
        if (physical) {
            QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::AddressPageId));
            QTRY_VERIFY_WITH_TIMEOUT(!child<QLineEdit>("streetField")->text().isEmpty(), 5000);
            next();
        }
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::ReviewPageId));
    }

    // Clicks Create card and answers the step-up code.
    void createAndConfirm()
    {
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        click(child<QPushButton>("createCardButton"));
        QVERIFY(m_wizard->isSubmitting());
        QVERIFY(!child<QPushButton>("createCardButton")->isEnabled());
        QVERIFY(!m_wizard->button(QWizard::BackButton)->isEnabled());
        QVERIFY(!m_wizard->button(QWizard::CancelButton)->isEnabled());
        QVERIFY(!child<QWidget>("submitBusy")->isHidden());
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->submitCode(QStringLiteral("000001"));
    }

    QString newestCardId()
    {
        CardListQuery query;
        query.sort = CardSort::NewestFirst;
        query.limit = 1;
        std::unique_ptr<ApiReply> reply(m_backend->api()->listCards(query));
        if (!test::waitForFinished(reply.get()) || reply->hasError())
            return {};
        return reply->valueAs<CardPage>().items.value(0).id;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_createcardwizard"));
        // Amounts are checked as text: pin the locale they are written in.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_sandbox.start() != 0);
    }

    void cleanup()
    {
        m_wizard.reset();
        m_backend.reset();
        m_proxy.reset();
    }

    void physicalCardForDaniel()
    {
        QVERIFY(signIn(Daniel, m_sandbox.baseUrl()));
        openWizard();
        QVERIFY(child<QRadioButton>("physicalCardOption")->isChecked());
        next();

        // The closed account is listed, disabled, with the reason; the only open one is chosen.
        auto *list = child<QListWidget>("accountList");
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 5000);
        QListWidgetItem *closed = accountItem(test::seed::danielClosedChecking);
        QVERIFY(closed);
        QVERIFY(!(closed->flags() & Qt::ItemIsEnabled));
        QVERIFY(closed->text().contains(
            QStringLiteral("Closed — cards can only draw on open accounts")));
        QListWidgetItem *open = accountItem(test::seed::danielChecking);
        QVERIFY(open && (open->flags() & Qt::ItemIsEnabled));
        QVERIFY(open->text().contains(QLatin1String("******0403")));
        // Its available balance as the sandbox's history leaves it.
        const Account *daniels = m_sandbox.api().store().account(test::seed::danielChecking);
        QVERIFY(daniels);
        QVERIFY2(open->text().contains(Money::format(daniels->available)),
                 qPrintable(open->text()));
        QCOMPARE(list->currentItem(), open);
        QVERIFY(child<QWidget>("accountsLoading")->isHidden());

        // Clicking the closed account does not choose it.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(closed).center());
        QCOMPARE(list->currentItem(), open);
        next();

        // The address on file is filled in; a broken ZIP stops Next with the problem shown.
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::AddressPageId));
        auto *street = child<QLineEdit>("streetField");
        auto *zip = child<QLineEdit>("postalCodeField");
        QTRY_COMPARE_WITH_TIMEOUT(street->text(), QStringLiteral("1100 S Congress Ave"), 5000);
        QCOMPARE(zip->text(), QStringLiteral("78704"));
        zip->setFocus();
        zip->selectAll();
        QTest::keyClicks(zip, QStringLiteral("787"));
        next();
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::AddressPageId));
        QVERIFY(!child<QLabel>("postalCodeError")->isHidden());
        QVERIFY(zip->hasFocus());
        QTest::keyClicks(zip, QStringLiteral("01"));
        QVERIFY(child<QLabel>("postalCodeError")->isHidden());
        next();

        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::ReviewPageId));
        QVERIFY(child<QLabel>("reviewKind")->text().contains(QLatin1String("Physical")));
        QVERIFY(child<QLabel>("reviewAccount")->text().contains(QLatin1String("******0403")));
        QVERIFY(child<QLabel>("reviewAddress")->text().contains(QLatin1String("78701")));
        QCOMPARE(child<QPushButton>("createCardButton")->text(), QStringLiteral("&Create card"));

        const int before = m_sandbox.cardCount();
        QSignalSpy created(m_wizard.get(), &CreateCardWizard::cardCreated);
        createAndConfirm();
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(CreateCardWizard::ResultPageId), 5000);
        QCOMPARE(created.count(), 1);
        QCOMPARE(m_sandbox.cardCount(), before + 1);
        const Card card = created.first().first().value<Card>();
        QCOMPARE(card.accountId, test::seed::danielChecking);
        QCOMPARE(card.type, CardType::IndividualDebitCard);
        QVERIFY(card.shippingAddress.has_value());
        QCOMPARE(card.shippingAddress->postalCode, QStringLiteral("78701"));
        // Confirmed with a verified token held in memory; the sign-in token never gains
        // cards-write.
        QVERIFY(!m_backend->session()->scopes().contains(QStringLiteral("cards-write")));
        QVERIFY(m_backend->credentials()->verifiedCount() >= 1);

        const QString summary = child<QLabel>("createdCardSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("Not activated — activate it when it arrives")),
                 qPrintable(summary));
        QVERIFY(summary.contains(card.last4Digits));
        const QString expiry =
            card.expirationDate.mid(5, 2) + QLatin1Char('/') + card.expirationDate.mid(2, 2);
        QVERIFY2(summary.contains(expiry), qPrintable(summary));
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isVisible());
        QVERIFY(!m_wizard->button(QWizard::BackButton)->isVisible());

        click(m_wizard->button(QWizard::FinishButton));
        QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
        QCOMPARE(created.count(), 1);
    }

    void virtualCardSkipsTheAddress()
    {
        QVERIFY(signIn(Maya, m_sandbox.baseUrl()));
        openWizard();
        click(child<QRadioButton>("virtualCardOption"));
        QVERIFY(child<QRadioButton>("virtualCardOption")->isChecked());
        next();
        // Two open accounts: the customer has to choose.
        auto *list = child<QListWidget>("accountList");
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 5000);
        QCOMPARE(list->currentItem(), nullptr);
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        chooseAccount(test::seed::mayaSavings);
        next();
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::ReviewPageId));
        QVERIFY(child<QLabel>("reviewAddress")->isHidden());
        QVERIFY(!m_wizard->request().shippingAddress.has_value());

        const int before = m_sandbox.cardCount();
        QSignalSpy created(m_wizard.get(), &CreateCardWizard::cardCreated);
        createAndConfirm();
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(CreateCardWizard::ResultPageId), 5000);
        QCOMPARE(created.count(), 1);
        QCOMPARE(m_sandbox.cardCount(), before + 1);
        const Card card = created.first().first().value<Card>();
        QCOMPARE(card.type, CardType::IndividualVirtualDebitCard);
        QCOMPARE(card.accountId, test::seed::mayaSavings);
        QVERIFY(child<QLabel>("createdCardSummary")->text().contains(QLatin1String("Active")));
        QVERIFY(child<QLabel>("createdCardSummary")->text().contains(card.last4Digits));
        QVERIFY(!m_wizard->visitedIds().contains(CreateCardWizard::AddressPageId));
    }

    void lostAnswerIsRetriedWithTheSameKey()
    {
        m_proxy = std::make_unique<FaultyProxy>(m_sandbox.baseUrl().port());
        QVERIFY(m_proxy->listen(QHostAddress::LocalHost));
        QVERIFY(signIn(Maya, m_proxy->baseUrl()));
        openWizard();
        goToReview(false, test::seed::mayaChecking);
        const QString key = m_wizard->idempotencyKey();
        QVERIFY(!QUuid::fromString(key).isNull());

        // The client's own retries would recover from this silently (tst_retries covers them);
        // switched off here to show what the customer sees when every retry is used up.
        m_backend->api()->setRetryPolicy(RetryPolicy::none());
        // The sandbox creates the card but its answer never arrives.
        m_proxy->spoilNextCreate(
            FaultyProxy::Fault::LoseAnswer, 503,
            R"({"errors":[{"status":"503","title":"Service Unavailable","detail":"The gateway lost the answer."}]})");
        const int before = m_sandbox.cardCount();
        QSignalSpy created(m_wizard.get(), &CreateCardWizard::cardCreated);
        createAndConfirm();
        QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isSubmitting(), 5000);
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::ReviewPageId));
        QVERIFY(!child<QLabel>("submitError")->isHidden());
        // Tessera's words, not the gateway's; and nothing typed is lost.
        const QString said = child<QLabel>("submitError")->text();
        QVERIFY2(said.contains(QLatin1String("The bank had a problem handling this.")),
                 qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("Nothing you entered is lost")), qPrintable(said));
        QVERIFY2(!said.contains(QLatin1String("gateway")), qPrintable(said));
        QCOMPARE(created.count(), 0);
        QCOMPARE(m_sandbox.cardCount(), before + 1); // it did get created
        const QString createdId = newestCardId();
        QVERIFY(!createdId.isEmpty());

        // Retrying sends the same key: the sandbox hands back that card, no second one.
        QVERIFY(child<QPushButton>("createCardButton")->isEnabled());
        click(child<QPushButton>("createCardButton")); // cards-write is held: no code now
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(CreateCardWizard::ResultPageId), 5000);
        QCOMPARE(m_wizard->idempotencyKey(), key);
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.first().first().value<Card>().id, createdId);
        QCOMPARE(m_sandbox.cardCount(), before + 1);

        // And once more straight through the API with the wizard's request: still that card.
        std::unique_ptr<ApiReply> again(m_backend->api()->createCard(m_wizard->request()));
        QVERIFY(test::waitForFinished(again.get()));
        QVERIFY(!again->hasError());
        QCOMPARE(again->valueAs<Card>().id, createdId);
        QCOMPARE(m_sandbox.cardCount(), before + 1);
        m_wizard->submit(); // after success: does nothing
        QCOMPARE(created.count(), 1);
    }

    void serverAddressErrorGoesBackToTheField()
    {
        m_proxy = std::make_unique<FaultyProxy>(m_sandbox.baseUrl().port());
        QVERIFY(m_proxy->listen(QHostAddress::LocalHost));
        QVERIFY(signIn(Daniel, m_proxy->baseUrl()));
        openWizard();
        goToReview(true, test::seed::danielChecking);
        m_proxy->spoilNextCreate(
            FaultyProxy::Fault::CannedAnswer, 400,
            R"({"errors":[{"status":"400","title":"Bad Request","detail":"ZIP code does not match the state.","source":{"pointer":"/data/attributes/shippingAddress/postalCode"}}]})");
        const int before = m_sandbox.cardCount();
        createAndConfirm();
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(CreateCardWizard::AddressPageId),
                                  5000);
        QVERIFY(!m_wizard->isSubmitting());
        QCOMPARE(child<QLabel>("postalCodeError")->text(),
                 QStringLiteral("ZIP code does not match the state."));
        QVERIFY(!child<QLabel>("postalCodeError")->isHidden());
        QCOMPARE(child<QLineEdit>("streetField")->text(), QStringLiteral("1100 S Congress Ave"));
        QCOMPARE(m_sandbox.cardCount(), before);

        // Next again (the address passes the local rules) and create: it goes through.
        const QString key = m_wizard->idempotencyKey();
        next();
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::ReviewPageId));
        QVERIFY(child<QLabel>("submitError")->isHidden());
        click(child<QPushButton>("createCardButton"));
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(CreateCardWizard::ResultPageId), 5000);
        QCOMPARE(m_wizard->idempotencyKey(), key);
        QCOMPARE(m_sandbox.cardCount(), before + 1);
    }

    void cancellingTheCodeKeepsEverything()
    {
        QVERIFY(signIn(Daniel, m_sandbox.baseUrl()));
        openWizard();
        goToReview(true, test::seed::danielChecking);
        const QString review = child<QLabel>("reviewAddress")->text();
        const QString key = m_wizard->idempotencyKey();
        const int before = m_sandbox.cardCount();
        QSignalSpy created(m_wizard.get(), &CreateCardWizard::cardCreated);

        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        click(child<QPushButton>("createCardButton"));
        QVERIFY(sent.wait(5000));
        m_backend->authenticator()->cancel(); // what the OTP dialog's Cancel does

        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::ReviewPageId));
        QVERIFY(!m_wizard->isSubmitting());
        QCOMPARE(child<QLabel>("submitError")->text(),
                 QStringLiteral("Card not created: confirmation was cancelled."));
        QVERIFY(!child<QLabel>("submitError")->isHidden());
        QVERIFY(child<QWidget>("submitBusy")->isHidden());
        QVERIFY(child<QPushButton>("createCardButton")->isEnabled());
        QVERIFY(m_wizard->button(QWizard::BackButton)->isEnabled());
        QVERIFY(m_wizard->button(QWizard::CancelButton)->isEnabled());
        QCOMPARE(child<QLabel>("reviewAddress")->text(), review);
        QCOMPARE(created.count(), 0);
        QCOMPARE(m_sandbox.cardCount(), before);

        // Trying again asks for the code again and creates the card with the same key.
        createAndConfirm();
        QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(CreateCardWizard::ResultPageId), 5000);
        QCOMPARE(m_wizard->idempotencyKey(), key);
        QCOMPARE(created.count(), 1);
        QCOMPARE(m_sandbox.cardCount(), before + 1);
    }

    void backKeepsWhatWasTyped()
    {
        QVERIFY(signIn(Daniel, m_sandbox.baseUrl()));
        openWizard();
        next();
        QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 5000);
        next();
        auto *street2 = child<QLineEdit>("street2Field");
        auto *city = child<QLineEdit>("cityField");
        QTRY_COMPARE_WITH_TIMEOUT(city->text(), QStringLiteral("Austin"), 5000);
        QTest::keyClicks(street2, QStringLiteral("Suite 200"));
        city->selectAll();
        QTest::keyClicks(city, QStringLiteral("Round Rock"));
        next();
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::ReviewPageId));
        QVERIFY(child<QLabel>("reviewAddress")->text().contains(QLatin1String("Suite 200")));

        click(m_wizard->button(QWizard::BackButton));
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::AddressPageId));
        QCOMPARE(street2->text(), QStringLiteral("Suite 200"));
        QCOMPARE(city->text(), QStringLiteral("Round Rock"));
        click(m_wizard->button(QWizard::BackButton));
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::AccountPageId));
        QCOMPARE(child<QListWidget>("accountList")->currentItem(),
                 accountItem(test::seed::danielChecking));
        next();
        next();
        QCOMPARE(m_wizard->currentId(), int(CreateCardWizard::ReviewPageId));
        QVERIFY(child<QLabel>("reviewAddress")->text().contains(QLatin1String("Round Rock")));
        QCOMPARE(m_wizard->request().shippingAddress->street2, QStringLiteral("Suite 200"));
    }

    void accountsErrorOffersRetry()
    {
        QVERIFY(signIn(Maya, m_sandbox.baseUrl()));
        const QUrl good = m_backend->api()->baseUrl();
        // Nothing listens on port 9 of loopback: the list fails to load.
        m_backend->api()->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        openWizard();
        next();
        auto *retry = child<QPushButton>("accountsRetry");
        QTRY_VERIFY_WITH_TIMEOUT(!retry->isHidden(), 5000);
        QVERIFY(!child<QLabel>("accountsError")->isHidden());
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        m_backend->api()->setBaseUrl(good);
        click(retry);
        QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>("accountList")->count(), 2, 5000);
        QVERIFY(retry->isHidden());
        QVERIFY(child<QLabel>("accountsError")->isHidden());
    }
};

QTEST_MAIN(TestCreateCardWizard)
#include "tst_createcardwizard.moc"
