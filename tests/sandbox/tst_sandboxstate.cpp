#include "ApiClient.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using tessera::sandbox::SandboxServer;

// A demo keeps its cards and sign-ins across runs through the state file, and the file holds
// no token.
class TestSandboxState : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    template <class T> static std::optional<T> call(ApiReply *raw)
    {
        std::unique_ptr<ApiReply> reply(raw);
        if (!test::waitForFinished(reply.get()))
            return std::nullopt;
        if (reply->hasError())
            return std::nullopt;
        return reply->valueAs<T>();
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // How the state file names a token: its SHA-256 in hex, never the token.
    static QByteArray fingerprint(const QString &token)
    {
        return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
    }

private slots:
    void stateSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(QStringLiteral("state.json"));
        QString customerToken;
        Card created;
        Card frozen;
        {
            SandboxServer first;
            QVERIFY(first.setStateFile(stateFile));
            QVERIFY(first.start() != 0);
            ApiClient org(&m_network);
            org.setBaseUrl(first.baseUrl());
            org.setBearerToken(first.orgToken());
            CreateTokenRequest tokenRequest;
            tokenRequest.scopes = {QStringLiteral("cards"), QStringLiteral("cards-write")};
            const auto verification = call<CustomerTokenVerification>(
                org.createCustomerTokenVerification(QStringLiteral("100001"), {}));
            QVERIFY(verification);
            tokenRequest.verificationToken = verification->verificationToken;
            tokenRequest.verificationCode = QStringLiteral("000001");
            const auto token = call<CustomerToken>(
                org.createCustomerToken(QStringLiteral("100001"), tokenRequest));
            QVERIFY(token);
            customerToken = token->token;

            ApiClient customer(&m_network);
            customer.setBaseUrl(first.baseUrl());
            customer.setBearerToken(customerToken);
            CreateCardRequest request;
            request.type = CardType::IndividualVirtualDebitCard;
            request.accountId = QStringLiteral("200001");
            request.idempotencyKey = QStringLiteral("state-test-1");
            const auto card = call<Card>(customer.createCard(request));
            QVERIFY(card);
            created = *card;
            const auto frozenCard =
                call<Card>(customer.applyCardAction(QStringLiteral("300001"), CardAction::Freeze));
            QVERIFY(frozenCard);
            frozen = *frozenCard;
            // Reading a card, its limits, or a refused action on it is not a change.
            QVERIFY(call<Card>(customer.getCard(QStringLiteral("300002"))));
            QVERIFY(call<CardLimits>(customer.getCardLimits(QStringLiteral("300002"))));
            QVERIFY(!call<Card>(
                customer.applyCardAction(QStringLiteral("300002"), CardAction::Unfreeze)));
        }

        QFile file(stateFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(!saved.isEmpty());
        QVERIFY2(!saved.contains(customerToken.toUtf8()), "the state file holds a token");
        QVERIFY(saved.contains("\"300001\""));
        QVERIFY2(!saved.contains("\"300002\""), "a card only read was saved as changed");
        QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());

        SandboxServer second;
        QVERIFY(second.setStateFile(stateFile));
        QVERIFY(second.start() != 0);
        QVERIFY(second.orgToken() != QString()); // a fresh org token; the old one is gone
        ApiClient customer(&m_network);
        customer.setBaseUrl(second.baseUrl());
        customer.setBearerToken(customerToken);
        const auto again = call<Card>(customer.getCard(created.id));
        QVERIFY2(again, "the sign-in or the card did not survive the restart");
        QCOMPARE(again->status, created.status);
        QCOMPARE(call<Card>(customer.getCard(QStringLiteral("300001")))->status,
                 CardStatus::Frozen);
        // The idempotency key is remembered too: a replay returns the same card.
        CreateCardRequest replay;
        replay.type = CardType::IndividualVirtualDebitCard;
        replay.accountId = QStringLiteral("200001");
        replay.idempotencyKey = QStringLiteral("state-test-1");
        QCOMPARE(call<Card>(customer.createCard(replay))->id, created.id);
        // New cards get new ids, not ones already used before the restart.
        replay.idempotencyKey = QStringLiteral("state-test-2");
        const auto next = call<Card>(customer.createCard(replay));
        QVERIFY(next);
        QVERIFY(next->id.toLongLong() > created.id.toLongLong());
    }

    void forgetCustomerDropsTheirTokensFromTheStateFile()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(QStringLiteral("state.json"));
        SandboxServer server;
        QVERIFY(server.setStateFile(stateFile));
        QVERIFY(server.start() != 0);
        ApiClient org(&m_network);
        org.setBaseUrl(server.baseUrl());
        org.setBearerToken(server.orgToken());
        CreateTokenRequest readOnly;
        readOnly.scopes = {QStringLiteral("customers"), QStringLiteral("cards")};
        const auto maya =
            call<CustomerToken>(org.createCustomerToken(QStringLiteral("100001"), readOnly));
        const auto mayaAgain =
            call<CustomerToken>(org.createCustomerToken(QStringLiteral("100001"), readOnly));
        const auto daniel =
            call<CustomerToken>(org.createCustomerToken(QStringLiteral("100002"), readOnly));
        QVERIFY(maya && mayaAgain && daniel);
        const auto pending = call<CustomerTokenVerification>(
            org.createCustomerTokenVerification(QStringLiteral("100001"), {}));
        QVERIFY(pending);
        const QByteArray before = readFile(stateFile);
        QVERIFY(before.contains(fingerprint(maya->token)));
        QVERIFY(before.contains(fingerprint(mayaAgain->token)));
        QVERIFY(before.contains(fingerprint(daniel->token)));

        server.forgetCustomer(QStringLiteral("100001"));

        const QByteArray after = readFile(stateFile);
        QVERIFY(!after.isEmpty());
        QVERIFY2(!after.contains(fingerprint(maya->token)), "a signed-out token is still saved");
        QVERIFY2(!after.contains(fingerprint(mayaAgain->token)),
                 "a signed-out token is still saved");
        QVERIFY(after.contains(fingerprint(daniel->token)));
        ApiClient customer(&m_network);
        customer.setBaseUrl(server.baseUrl());
        customer.setBearerToken(maya->token);
        QVERIFY(!call<CardPage>(customer.listCards()));
        customer.setBearerToken(daniel->token);
        QVERIFY(call<CardPage>(customer.listCards()));
        // Their pending code is gone too.
        CreateTokenRequest withCode = readOnly;
        withCode.verificationToken = pending->verificationToken;
        withCode.verificationCode = QStringLiteral("000001");
        QVERIFY(!call<CustomerToken>(org.createCustomerToken(QStringLiteral("100001"), withCode)));

        // A restart from that file does not bring them back either.
        SandboxServer restarted;
        QVERIFY(restarted.setStateFile(stateFile));
        QVERIFY(restarted.start() != 0);
        ApiClient afterRestart(&m_network);
        afterRestart.setBaseUrl(restarted.baseUrl());
        afterRestart.setBearerToken(maya->token);
        QVERIFY(!call<CardPage>(afterRestart.listCards()));
        afterRestart.setBearerToken(daniel->token);
        QVERIFY(call<CardPage>(afterRestart.listCards()));
    }

    void damagedStateFallsBackToTheSeed()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(QStringLiteral("state.json"));
        QFile file(stateFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version":1,"store":{"cards":[{"type":"individualDebitCard"}]}})");
        file.close();
        SandboxServer server;
        QString error;
        QVERIFY(!server.setStateFile(stateFile, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(server.start() != 0);
        QVERIFY(server.cardCount() > 5000); // the seed is still served
    }
};

QTEST_GUILESS_MAIN(TestSandboxState)
#include "tst_sandboxstate.moc"
