#include "ApiClient.h"
#include "Backend.h"
#include "BrokerProcess.h"
#include "MainWindow.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"
#include "Session.h"
#include "SuiteSetup.h"
#include "TestSigningKey.h"

#include <QAction>
#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::MainWindow;

// "Sign in with token" on the sign-in page, which environments with a token broker show only to
// a support person (--support-sign-in): the real tessera-broker, with the sandbox as Unit. The
// JWT a person pastes is a credential: it is kept after a rejection so it can be fixed, and
// gone once it signed the customer in and when the customer signs out.
class TestSignInJwt : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_unit;
    std::unique_ptr<test::BrokerProcess> m_broker;
    QString m_customerId = QStringLiteral("100001");
    QString m_email;
    QString m_subject;

    test::TestSigningKey m_identityProvider; // the bank's, known to "Unit" and the broker
    const QString m_issuer = QStringLiteral("https://id.bank.example/");
    const QString m_clientId = QStringLiteral("tessera-desktop");
    QTemporaryDir m_dir;

    // The identity provider's JWT for `subject`, which "Unit" verifies; the broker finds the
    // customer by its email claim.
    QString jwtFor(const QString &subject) const
    {
        QJsonObject claims = test::TestSigningKey::standardClaims(m_issuer, m_clientId, subject);
        claims.insert(QStringLiteral("email"), m_email);
        return m_identityProvider.sign(claims);
    }

    struct Page
    {
        QLineEdit *identifier;
        QPlainTextEdit *jwt;
        QPushButton *signInWithJwt;
    };

    static Page signInPage(MainWindow &window)
    {
        return {window.findChild<QLineEdit *>(QStringLiteral("signInIdentifier")),
                window.findChild<QPlainTextEdit *>(QStringLiteral("jwtField")),
                window.findChild<QPushButton *>(QStringLiteral("signInWithJwtButton"))};
    }

    // Types the JWT into the field the way a paste would land, replacing what was there.
    static void enterJwt(QPlainTextEdit *field, const QString &jwt)
    {
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, jwt);
    }

    static bool isGone(QPlainTextEdit *field)
    {
        return field->toPlainText().isEmpty() && !field->document()->isUndoAvailable();
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_signinjwt")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");

        m_unit = std::make_unique<SandboxServer>();
        m_unit->setIdentityProvider(*Jwks::fromJson(m_identityProvider.jwksJson(), nullptr),
                                    m_issuer);
        QVERIFY(m_unit->start() != 0);
        const QString jwksPath = m_dir.filePath(QStringLiteral("jwks.json"));
        QFile jwks(jwksPath);
        QVERIFY(jwks.open(QIODevice::WriteOnly));
        QVERIFY(jwks.write(m_identityProvider.jwksJson()) > 0);
        jwks.close();
        m_broker = std::make_unique<test::BrokerProcess>(
            m_unit->baseUrl(), m_unit->orgToken(),
            QStringList{QStringLiteral("[identityProvider]"), QStringLiteral("jwks=") + jwksPath,
                        QStringLiteral("issuer=") + m_issuer,
                        QStringLiteral("audience=") + m_clientId});
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
        QNetworkAccessManager network;
        ApiClient org(&network);
        org.setBaseUrl(m_unit->baseUrl());
        org.setBearerToken(m_unit->orgToken());
        std::unique_ptr<ApiReply> customer(org.getCustomer(m_customerId));
        QVERIFY(test::waitForFinished(customer.get()));
        QVERIFY(!customer->hasError());
        m_subject = customer->valueAs<Customer>().jwtSubject;
        m_email = customer->valueAs<Customer>().email;
        QVERIFY(!m_subject.isEmpty() && !m_email.isEmpty());
    }

    void jwtIsKeptAfterARejectionAndClearedAfterSignInAndSignOut()
    {
        Backend backend(Environment::custom(m_unit->baseUrl(), m_broker->baseUrl()), {});
        backend.setSupportSignIn(true);
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
        const Page page = signInPage(window);
        QVERIFY(page.identifier && page.jwt && page.signInWithJwt);
        QVERIFY(page.jwt->isVisible());
        Authenticator *auth = backend.authenticator();

        // A JWT for somebody else is refused: the person still sees what they pasted.
        const QString wrongJwt = jwtFor(QStringLiteral("auth0|somebody-else"));
        enterJwt(page.jwt, wrongJwt);
        QVERIFY(page.signInWithJwt->isEnabled());
        QSignalSpy rejected(auth, &Authenticator::codeRejected);
        QTest::mouseClick(page.signInWithJwt, Qt::LeftButton);
        QVERIFY(rejected.wait(10000));
        QVERIFY(!backend.session()->isActive());
        QVERIFY2(page.jwt->toPlainText() == wrongJwt, "the rejected JWT was not kept");
        // In plain words, and the same whoever the token was for.
        const QString said = rejected.first().first().toString();
        QCOMPARE(said, QStringLiteral("Your bank did not accept this sign-in. Sign in again."));

        // The right one signs in, and the field no longer holds it (nor can undo restore it).
        enterJwt(page.jwt, jwtFor(m_subject));
        QSignalSpy signedIn(auth, &Authenticator::signedIn);
        QTest::mouseClick(page.signInWithJwt, Qt::LeftButton);
        QVERIFY(signedIn.wait(10000));
        QCOMPARE(backend.session()->customerId(), m_customerId);
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("cardsPage"));
        QVERIFY2(isGone(page.jwt), "the JWT stayed in the field after the sign-in");

        // Whatever the field holds when the customer signs out is gone for the next person.
        page.jwt->setPlainText(jwtFor(m_subject));
        QSignalSpy signedOut(auth, &Authenticator::signedOut);
        window.findChild<QAction *>(QStringLiteral("actionSignOut"))->trigger();
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("signInPage"));
        QVERIFY2(isGone(page.jwt), "the JWT stayed in the field after the sign-out");
    }
};

QTEST_MAIN(TestSignInJwt)
#include "tst_signinjwt.moc"
