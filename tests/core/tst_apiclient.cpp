#include "ApiClient.h"
#include "RawHttpPeer.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace tessera;
using tessera::sandbox::SandboxServer;

using tessera::test::httpResponse;
using tessera::test::RawHttpPeer;

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    SandboxServer m_sandbox;
    QNetworkAccessManager m_network;
    ApiClient m_org{&m_network};
    ApiClient m_customer{&m_network};
    QString m_customerId;
    QString m_openAccountId;
    QString m_closedAccountId;
    QString m_otherCustomersCardId;

    // Waits for the reply and hands it back; the test owns it through the unique_ptr.
    static std::unique_ptr<ApiReply> wait(ApiReply *reply)
    {
        std::unique_ptr<ApiReply> owned(reply);
        // An unfinished reply fails the checks that follow.
        (void)test::waitForFinished(reply, 10000);
        return owned;
    }

    template <class T> static T valueOf(ApiReply *reply)
    {
        auto owned = wait(reply);
        if (owned->hasError())
            qWarning("unexpected error %d %s: %s", owned->error().httpStatus,
                     qPrintable(owned->error().title), qPrintable(owned->error().detail));
        return owned->valueAs<T>();
    }

    QString mintToken(const QStringList &scopes, std::optional<int> expiresIn = {})
    {
        auto verification = wait(m_org.createCustomerTokenVerification(m_customerId, {}));
        if (verification->hasError())
            return {};
        CreateTokenRequest request;
        request.scopes = scopes;
        request.verificationToken =
            verification->valueAs<CustomerTokenVerification>().verificationToken;
        request.verificationCode = QStringLiteral("000001");
        request.expiresIn = expiresIn;
        auto token = wait(m_org.createCustomerToken(m_customerId, request));
        return token->hasError() ? QString() : token->valueAs<CustomerToken>().token;
    }

    static Address palisades()
    {
        return Address{QStringLiteral("5230 Newell Rd"), {},
                       QStringLiteral("Palo Alto"),      QStringLiteral("CA"),
                       QStringLiteral("94303"),          QStringLiteral("US")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start() != 0);
        m_org.setBaseUrl(m_sandbox.baseUrl());
        m_org.setBearerToken(m_sandbox.orgToken());
        m_customer.setBaseUrl(m_sandbox.baseUrl());

        // Find, through the API itself, a customer with an open and a closed deposit account.
        AccountListQuery query;
        query.limit = 1000;
        const AccountPage accounts = valueOf<AccountPage>(m_org.listAccounts(query));
        QVERIFY(!accounts.items.isEmpty());
        for (const Account &closed : accounts.items) {
            if (closed.status != AccountStatus::Closed)
                continue;
            for (const Account &open : accounts.items) {
                if (open.customerId == closed.customerId && open.status == AccountStatus::Open &&
                    open.isDeposit()) {
                    m_customerId = open.customerId;
                    m_openAccountId = open.id;
                    m_closedAccountId = closed.id;
                }
            }
        }
        QVERIFY2(!m_customerId.isEmpty(),
                 "the seed needs a customer with open and closed accounts");

        CardListQuery cards;
        cards.limit = 1000;
        const CardPage all = valueOf<CardPage>(m_org.listCards(cards));
        for (const Card &card : all.items) {
            if (card.customerId != m_customerId)
                m_otherCustomersCardId = card.id;
        }
        QVERIFY(!m_otherCustomersCardId.isEmpty());

        const QString token = mintToken({QStringLiteral("customers"), QStringLiteral("accounts"),
                                         QStringLiteral("cards"), QStringLiteral("cards-write")});
        QVERIFY(!token.isEmpty());
        m_customer.setBearerToken(token);
    }

    void tokenVerificationAndToken()
    {
        auto verification = wait(m_org.createCustomerTokenVerification(m_customerId, {}));
        QVERIFY(!verification->hasError());
        QCOMPARE(verification->httpStatus(), 201);
        const QString vt = verification->valueAs<CustomerTokenVerification>().verificationToken;
        QVERIFY(!vt.isEmpty());

        CreateTokenRequest request;
        request.scopes = {QStringLiteral("cards"), QStringLiteral("cards-write")};
        request.verificationToken = vt;
        request.verificationCode = QStringLiteral("123456");
        auto wrong = wait(m_org.createCustomerToken(m_customerId, request));
        QVERIFY(wrong->hasError());
        QCOMPARE(wrong->error().kind, ApiError::Kind::Http);
        QCOMPARE(wrong->error().httpStatus, 400);
        // Unit documents no error code for a wrong code: the pointer says which field.
        QVERIFY(wrong->error().code.isEmpty());
        QCOMPARE(wrong->error().sourcePointer, QStringLiteral("/data/attributes/verificationCode"));
        QVERIFY(!wrong->error().detail.isEmpty());
        QVERIFY(!wrong->error().supportId.isEmpty());

        request.verificationCode = QStringLiteral("000001");
        request.expiresIn = 600;
        auto right = wait(m_org.createCustomerToken(m_customerId, request));
        QVERIFY(!right->hasError());
        QCOMPARE(right->httpStatus(), 201);
        QCOMPARE(right->valueAs<CustomerToken>().expiresIn, 600);
        QVERIFY(!right->valueAs<CustomerToken>().token.isEmpty());
    }

    void nonSensitiveScopesNeedNoCode()
    {
        CreateTokenRequest request;
        request.scopes = {QStringLiteral("customers"), QStringLiteral("accounts"),
                          QStringLiteral("cards")};
        auto reply = wait(m_org.createCustomerToken(m_customerId, request));
        QVERIFY(!reply->hasError());
        QCOMPARE(reply->valueAs<CustomerToken>().expiresIn, 86400);

        request.scopes << QStringLiteral("cards-write");
        auto refused = wait(m_org.createCustomerToken(m_customerId, request));
        QVERIFY(refused->hasError());
        QVERIFY(refused->error().httpStatus >= 400 && refused->error().httpStatus < 500);
    }

    void listCardsShowsOnlyTheCustomersCards()
    {
        const CardPage page = valueOf<CardPage>(m_customer.listCards());
        QVERIFY(!page.items.isEmpty());
        for (const Card &card : page.items)
            QCOMPARE(card.customerId, m_customerId);
        QVERIFY(page.pagination.has_value());
        QCOMPARE(page.pagination->total, page.items.size());
    }

    void listCardsWithFilterSortAndInclude()
    {
        CardListQuery query;
        query.statuses = {CardStatus::Active, CardStatus::Frozen};
        query.sort = CardSort::OldestFirst;
        query.includeAccount = true;
        query.includeCustomer = true;
        const CardPage page = valueOf<CardPage>(m_customer.listCards(query));
        QDateTime previous;
        for (const Card &card : page.items) {
            QVERIFY(card.status == CardStatus::Active || card.status == CardStatus::Frozen);
            QVERIFY(!previous.isValid() || previous <= card.createdAt);
            previous = card.createdAt;
        }
        if (!page.items.isEmpty()) {
            QVERIFY(!page.includedAccounts.isEmpty());
            QCOMPARE(page.includedCustomers.size(), 1);
        }
    }

    void getCardAndCrossCustomerIsolation()
    {
        const CardPage page = valueOf<CardPage>(m_customer.listCards());
        QVERIFY(!page.items.isEmpty());
        const Card own = valueOf<Card>(m_customer.getCard(page.items.first().id));
        QCOMPARE(own.id, page.items.first().id);

        auto foreign = wait(m_customer.getCard(m_otherCustomersCardId));
        QVERIFY(foreign->hasError());
        QCOMPARE(foreign->error().httpStatus, 404);
        QVERIFY(!foreign->value().isValid());

        auto malformedId = wait(m_customer.getCard(QStringLiteral("../accounts")));
        QVERIFY(malformedId->hasError());
        QCOMPARE(malformedId->error().httpStatus, 404);
    }

    void createPhysicalCardIsInactiveAndIdempotent()
    {
        CreateCardRequest request;
        request.accountId = m_openAccountId;
        request.shippingAddress = palisades();
        request.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const int before = m_sandbox.cardCount();
        auto created = wait(m_customer.createCard(request));
        QVERIFY2(!created->hasError(), qPrintable(created->error().message()));
        QCOMPARE(created->httpStatus(), 201);
        const Card card = created->valueAs<Card>();
        QCOMPARE(card.type, CardType::IndividualDebitCard);
        QCOMPARE(card.status, CardStatus::Inactive);
        QCOMPARE(card.accountId, m_openAccountId);
        QCOMPARE(card.customerId, m_customerId);
        QCOMPARE(card.last4Digits.size(), 4);
        QVERIFY(card.shippingAddress.has_value());
        QCOMPARE(*card.shippingAddress, palisades());

        const Card replay = valueOf<Card>(m_customer.createCard(request));
        QCOMPARE(replay.id, card.id);
        QCOMPARE(m_sandbox.cardCount(), before + 1);
    }

    void createVirtualCardIsActive()
    {
        CreateCardRequest request;
        request.type = CardType::IndividualVirtualDebitCard;
        request.accountId = m_openAccountId;
        const Card card = valueOf<Card>(m_customer.createCard(request));
        QCOMPARE(card.type, CardType::IndividualVirtualDebitCard);
        QCOMPARE(card.status, CardStatus::Active);
        QVERIFY(!card.shippingAddress.has_value());
    }

    void createCardValidation()
    {
        CreateCardRequest request;
        request.accountId = m_openAccountId;
        request.shippingAddress = palisades();
        request.shippingAddress->postalCode = QStringLiteral("ABCDE");
        auto badZip = wait(m_customer.createCard(request));
        QVERIFY(badZip->hasError());
        QCOMPARE(badZip->error().httpStatus, 400);
        QCOMPARE(badZip->error().sourcePointer,
                 QStringLiteral("/data/attributes/shippingAddress/postalCode"));

        request.shippingAddress = palisades();
        request.accountId = m_closedAccountId;
        auto closed = wait(m_customer.createCard(request));
        QVERIFY(closed->hasError());
        QCOMPARE(closed->error().httpStatus, 400);
        QVERIFY(!closed->error().detail.isEmpty());
    }

    void cardActionsFollowTheLifecycle()
    {
        CreateCardRequest request;
        request.type = CardType::IndividualVirtualDebitCard;
        request.accountId = m_openAccountId;
        const Card card = valueOf<Card>(m_customer.createCard(request));
        QCOMPARE(valueOf<Card>(m_customer.applyCardAction(card.id, CardAction::Freeze)).status,
                 CardStatus::Frozen);
        QCOMPARE(valueOf<Card>(m_customer.applyCardAction(card.id, CardAction::Unfreeze)).status,
                 CardStatus::Active);
        QCOMPARE(valueOf<Card>(m_customer.applyCardAction(card.id, CardAction::Close)).status,
                 CardStatus::ClosedByCustomer);
        auto again = wait(m_customer.applyCardAction(card.id, CardAction::Unfreeze));
        QVERIFY(again->hasError());
        QCOMPARE(again->error().httpStatus, 400);

        const Card lostOne = valueOf<Card>(m_customer.createCard(request));
        QCOMPARE(
            valueOf<Card>(m_customer.applyCardAction(lostOne.id, CardAction::ReportLost)).status,
            CardStatus::Lost);
        const Card stolenOne = valueOf<Card>(m_customer.createCard(request));
        QCOMPARE(valueOf<Card>(m_customer.applyCardAction(stolenOne.id, CardAction::ReportStolen))
                     .status,
                 CardStatus::Stolen);
    }

    void replaceCardGivesANewCard()
    {
        CreateCardRequest request;
        request.accountId = m_openAccountId;
        request.shippingAddress = palisades();
        const Card card = valueOf<Card>(m_customer.createCard(request));
        Address newHome = palisades();
        newHome.street = QStringLiteral("1 Infinite Loop");
        newHome.city = QStringLiteral("Cupertino");
        newHome.postalCode = QStringLiteral("95014");
        const Card replacement = valueOf<Card>(m_customer.replaceCard(card.id, newHome));
        QVERIFY(!replacement.id.isEmpty());
        QVERIFY(replacement.id != card.id);
        QCOMPARE(replacement.accountId, card.accountId);
        QCOMPARE(replacement.shippingAddress.value_or(Address{}), newHome);
    }

    void limitsAccountsAndCustomers()
    {
        const CardPage page = valueOf<CardPage>(m_customer.listCards());
        auto limits = wait(m_customer.getCardLimits(page.items.first().id));
        QVERIFY2(!limits->hasError(), qPrintable(limits->error().message()));
        QVERIFY(limits->value().canConvert<CardLimits>());

        const AccountPage accounts = valueOf<AccountPage>(m_customer.listAccounts());
        QVERIFY(!accounts.items.isEmpty());
        for (const Account &account : accounts.items)
            QCOMPARE(account.customerId, m_customerId);
        QCOMPARE(valueOf<Account>(m_customer.getAccount(m_openAccountId)).id, m_openAccountId);

        const Customer me = valueOf<Customer>(m_customer.getCustomer(m_customerId));
        QCOMPARE(me.id, m_customerId);
        QVERIFY(!me.displayName().isEmpty());
        QVERIFY(!me.phone.isEmpty());
    }

    void missingScopeIsRefused()
    {
        CreateTokenRequest readOnly;
        readOnly.scopes = {QStringLiteral("cards")};
        auto token = wait(m_org.createCustomerToken(m_customerId, readOnly));
        QVERIFY(!token->hasError());
        ApiClient client(&m_network);
        client.setBaseUrl(m_sandbox.baseUrl());
        client.setBearerToken(token->valueAs<CustomerToken>().token);
        QVERIFY(!wait(client.listCards())->hasError());

        CreateCardRequest request;
        request.type = CardType::IndividualVirtualDebitCard;
        request.accountId = m_openAccountId;
        auto refused = wait(client.createCard(request));
        QVERIFY(refused->hasError());
        QCOMPARE(refused->error().httpStatus, 403);
        auto accounts = wait(client.listAccounts());
        QCOMPARE(accounts->error().httpStatus, 403);
    }

    void missingOrUnknownTokenIs401()
    {
        ApiClient client(&m_network);
        client.setBaseUrl(m_sandbox.baseUrl());
        auto anonymous = wait(client.listCards());
        QCOMPARE(anonymous->error().httpStatus, 401);
        client.setBearerToken(QStringLiteral("v2.public.not-a-token"));
        auto unknown = wait(client.listCards());
        QCOMPARE(unknown->error().httpStatus, 401);
        QVERIFY(!unknown->error().isRetryable());
    }

    void expiredTokenIs401()
    {
        const QString token = mintToken({QStringLiteral("cards")}, /*expiresIn=*/60);
        QVERIFY(!token.isEmpty());
        ApiClient client(&m_network);
        client.setBaseUrl(m_sandbox.baseUrl());
        client.setBearerToken(token);
        QVERIFY(!wait(client.listCards())->hasError());
        m_sandbox.setClockOffset(61);
        auto expired = wait(client.listCards());
        m_sandbox.setClockOffset(0);
        QCOMPARE(expired->error().httpStatus, 401);
    }

    void connectionRefusedIsANetworkError()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        ApiClient client(&m_network);
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        auto reply = wait(client.listCards());
        QCOMPARE(reply->error().kind, ApiError::Kind::Network);
        QVERIFY(reply->error().isRetryable());
        QVERIFY(!reply->error().message().isEmpty());
    }

    void silentServerTimesOut()
    {
        RawHttpPeer silent{QByteArray()};
        ApiClient client(&m_network);
        client.setBaseUrl(silent.url());
        client.setTransferTimeout(300);
        QElapsedTimer timer;
        timer.start();
        auto reply = wait(client.listCards());
        QCOMPARE(reply->error().kind, ApiError::Kind::Timeout);
        QVERIFY(timer.elapsed() < 5000);
    }

    void malformedSuccessIsADecodeError()
    {
        RawHttpPeer garbage{httpResponse(200, R"({"data":{"type":"individualDebitCard")")};
        ApiClient client(&m_network);
        client.setBaseUrl(garbage.url());
        auto reply = wait(client.getCard(QStringLiteral("1")));
        QCOMPARE(reply->error().kind, ApiError::Kind::Decode);
        QVERIFY(!reply->value().isValid());
    }

    void serverErrorWithoutJsonKeepsTheStatus()
    {
        RawHttpPeer proxy{httpResponse(502, "<html>Bad Gateway</html>")};
        ApiClient client(&m_network);
        client.setBaseUrl(proxy.url());
        auto reply = wait(client.listCards());
        QCOMPARE(reply->error().kind, ApiError::Kind::Http);
        QCOMPARE(reply->error().httpStatus, 502);
        QVERIFY(reply->error().isRetryable());
    }

    void abortGivesCancelled()
    {
        RawHttpPeer silent{QByteArray()};
        ApiClient client(&m_network);
        client.setBaseUrl(silent.url());
        std::unique_ptr<ApiReply> reply(client.listCards());
        QSignalSpy spy(reply.get(), &ApiReply::finished);
        reply->abort();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(reply->error().kind, ApiError::Kind::Cancelled);
    }

    void plainHttpOnlyToLoopback()
    {
        ApiClient client(&m_network);
        client.setBaseUrl(QUrl(QStringLiteral("http://api.unit.co")));
        client.setBearerToken(QStringLiteral("v2.public.never-sent"));
        auto get = wait(client.listCards());
        QCOMPARE(get->error().kind, ApiError::Kind::Invalid);
        QVERIFY(get->error().message().contains(QLatin1String("https")));
        auto post = wait(client.createCard({}));
        QCOMPARE(post->error().kind, ApiError::Kind::Invalid);
        QCOMPARE(post->attempts(), 1);
    }

    void customerListFiltersFindByPhoneNumberOrEmail()
    {
        CustomerListQuery byPhone;
        byPhone.query = QStringLiteral("4155550142");
        const CustomerPage phone = valueOf<CustomerPage>(m_org.listCustomers(byPhone));
        QCOMPARE(phone.items.size(), 1);
        QCOMPARE(phone.items.first().id, QStringLiteral("100001"));
        CustomerListQuery byEmail;
        byEmail.email = QStringLiteral("daniel.okafor@example.com");
        const CustomerPage email = valueOf<CustomerPage>(m_org.listCustomers(byEmail));
        QCOMPARE(email.items.size(), 1);
        QCOMPARE(email.items.first().id, QStringLiteral("100002"));
    }

    void customerListFiltersSendAPlusAsAPlus()
    {
        // A server reads a bare "+" in a query as a space: "maya+bank@…" must go out as %2B.
        RawHttpPeer peer{httpResponse(200, R"({"data":[]})")};
        ApiClient client(&m_network);
        client.setBaseUrl(peer.url());
        client.setBearerToken(QStringLiteral("org"));
        CustomerListQuery query;
        query.email = QStringLiteral("maya+bank@example.com");
        query.query = QStringLiteral("+1 415");
        auto reply = wait(client.listCustomers(query));
        const QByteArray requestLine = peer.received().split('\r').first();
        QVERIFY2(requestLine.contains("maya%2Bbank"), requestLine.constData());
        QVERIFY2(requestLine.contains("=%2B1"), requestLine.constData());
        QVERIFY2(!requestLine.contains('+'), requestLine.constData());
    }

    void baseUrlWithPathPrefix()
    {
        // A token broker may serve Unit's paths below a prefix.
        RawHttpPeer peer{httpResponse(404, R"({"errors":[{"status":"404","title":"Not Found"}]})")};
        ApiClient client(&m_network);
        QUrl url = peer.url();
        url.setPath(QStringLiteral("/unit/"));
        client.setBaseUrl(url);
        auto reply = wait(client.getCustomer(QStringLiteral("1")));
        QCOMPARE(reply->error().title, QStringLiteral("Not Found"));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
