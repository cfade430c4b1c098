#include "ApiClient.h"
#include "Backend.h"
#include "MainWindow.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"
#include "Session.h"
#include "SuiteSetup.h"

#include <QAction>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::MainWindow;

// "Sign in with token" on the sign-in page, which only environments with a token broker show
// (here a custom one: the sandbox acting as the bank's broker). The JWT a person pastes is a
// credential: it is kept after a rejection so it can be fixed, and gone once it signed the
// customer in and when the customer signs out.
class TestSignInJwt : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_broker;
    QString m_customerId = QStringLiteral("100001");
    QString m_subject;

    // Shaped like an identity provider's JWT for `subject` (the sandbox checks no signature).
    static QString jwtFor(const QString &subject)
    {
        const auto part = [](const QByteArray &json) {
            return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        return QString::fromLatin1(part(R"({"alg":"HS256","typ":"JWT"})") + '.' +
                                   part(R"({"sub":")" + subject.toUtf8() + R"("})") + '.' +
                                   part("signature"));
    }

    struct Page
    {
        QLineEdit *customerId;
        QPlainTextEdit *jwt;
        QPushButton *signInWithJwt;
    };

    static Page signInPage(MainWindow &window)
    {
        return {window.findChild<QLineEdit *>(QStringLiteral("customerIdField")),
                window.findChild<QPlainTextEdit *>(QStringLiteral("jwtField")),
                window.findChild<QPushButton *>(QStringLiteral("signInWithJwtButton"))};
    }

    static QString currentPage(MainWindow &window)
    {
        return window.findChild<QStackedWidget *>()->currentWidget()->objectName();
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
        // Outside the demo a JWT now goes to the bank's broker (POST /v1/jwt-sign-ins), which
        // the sandbox's old broker mode does not serve: this suite moves to the real broker.
        QSKIP("waits for tessera-broker's sign-in API (test::BrokerProcess)");
        if (!test::prepareKeychainSuite(QStringLiteral("tst_signinjwt")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");

        m_broker = std::make_unique<SandboxServer>();
        m_broker->setBrokerMode(true);
        QVERIFY(m_broker->start() != 0);
        QNetworkAccessManager network;
        ApiClient org(&network);
        org.setBaseUrl(m_broker->baseUrl());
        org.setBearerToken(m_broker->orgToken());
        std::unique_ptr<ApiReply> customer(org.getCustomer(m_customerId));
        QVERIFY(test::waitForFinished(customer.get()));
        QVERIFY(!customer->hasError());
        m_subject = customer->valueAs<Customer>().jwtSubject;
        QVERIFY(!m_subject.isEmpty());
    }

    void jwtIsKeptAfterARejectionAndClearedAfterSignInAndSignOut()
    {
        Backend backend(Environment::custom(m_broker->baseUrl(), m_broker->baseUrl()), {});
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(currentPage(window), QStringLiteral("signInPage"));
        const Page page = signInPage(window);
        QVERIFY(page.customerId && page.jwt && page.signInWithJwt);
        QVERIFY(page.jwt->isVisible());
        Authenticator *auth = backend.authenticator();

        // A JWT for somebody else is refused: the person still sees what they pasted.
        QTest::keyClicks(page.customerId, m_customerId);
        const QString wrongJwt = jwtFor(QStringLiteral("auth0|somebody-else"));
        enterJwt(page.jwt, wrongJwt);
        QVERIFY(page.signInWithJwt->isEnabled());
        QSignalSpy rejected(auth, &Authenticator::codeRejected);
        QTest::mouseClick(page.signInWithJwt, Qt::LeftButton);
        QVERIFY(rejected.wait(5000));
        QVERIFY(!backend.session()->isActive());
        QVERIFY2(page.jwt->toPlainText() == wrongJwt, "the rejected JWT was not kept");
        // In plain words: Unit's detail names the attribute ("jwtSubject").
        const QString said = rejected.first().first().toString();
        QCOMPARE(said, QStringLiteral("Your bank's sign-in was not accepted. Sign in with your "
                                      "bank again."));

        // The right one signs in, and the field no longer holds it (nor can undo restore it).
        enterJwt(page.jwt, jwtFor(m_subject));
        QSignalSpy signedIn(auth, &Authenticator::signedIn);
        QTest::mouseClick(page.signInWithJwt, Qt::LeftButton);
        QVERIFY(signedIn.wait(5000));
        QCOMPARE(currentPage(window), QStringLiteral("cardsPage"));
        QVERIFY2(isGone(page.jwt), "the JWT stayed in the field after the sign-in");

        // Whatever the field holds when the customer signs out is gone for the next person.
        page.jwt->setPlainText(jwtFor(m_subject));
        QSignalSpy signedOut(auth, &Authenticator::signedOut);
        window.findChild<QAction *>(QStringLiteral("actionSignOut"))->trigger();
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(currentPage(window), QStringLiteral("signInPage"));
        QVERIFY2(isGone(page.jwt), "the JWT stayed in the field after the sign-out");
    }
};

QTEST_MAIN(TestSignInJwt)
#include "tst_signinjwt.moc"
