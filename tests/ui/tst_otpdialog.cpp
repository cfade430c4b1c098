#include "ApiClient.h"
#include "Backend.h"
#include "ChildByName.h"
#include "DemoBackend.h"
#include "OtpDialog.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"
#include "Session.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::ui::OtpDialog;

// Drives the real dialog with keyboard and mouse against the in-process sandbox.
class TestOtpDialog : public QObject
{
    Q_OBJECT

private:
    SandboxServer m_sandbox;
    QString m_customerId;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<OtpDialog> m_dialog;

    template <class T> T *child(const char *name) { return test::child<T>(m_dialog.get(), name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start() != 0);
        // Customer ids come from the sandbox's own seed through its API.
        m_backend = test::makeDemoBackend(m_sandbox);
        std::unique_ptr<ApiReply> reply(m_backend->tokenApi()->listAccounts());
        QVERIFY(test::waitForFinished(reply.get()));
        QVERIFY(!reply->hasError());
        m_customerId = reply->valueAs<AccountPage>().items.first().customerId;
    }

    void init()
    {
        m_backend = test::makeDemoBackend(m_sandbox);
        m_backend->authenticator()->setEnvironmentId(QStringLiteral("test-") +
                                                     QUuid::createUuid().toString(QUuid::Id128));
        QSignalSpy sent(m_backend->authenticator(), &Authenticator::codeSent);
        m_backend->authenticator()->signIn(m_customerId);
        m_dialog =
            std::make_unique<OtpDialog>(m_backend->authenticator(), Authenticator::Purpose::SignIn,
                                        QStringLiteral("+1 ******0123"));
        m_dialog->setSandboxHint(true);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        QVERIFY(sent.wait(5000));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_backend.reset();
    }

    void typingKeepsDigitsOnly()
    {
        auto *code = child<QLineEdit>("otpCode");
        auto *verify = child<QPushButton>("otpVerify");
        QVERIFY(code->hasFocus());
        QTest::keyClicks(code, QStringLiteral("12a3-4 5"));
        QCOMPARE(code->text(), QStringLiteral("12345"));
        QVERIFY(!verify->isEnabled());
        QTest::keyClicks(code, QStringLiteral("67"));
        QCOMPARE(code->text(), QStringLiteral("123456"));
        QVERIFY(verify->isEnabled());
    }

    void pasteWithSpaceWorks()
    {
        auto *code = child<QLineEdit>("otpCode");
        QGuiApplication::clipboard()->setText(QStringLiteral("000 001"));
        QTest::keySequence(code, QKeySequence::Paste);
        QCOMPARE(code->text(), QStringLiteral("000001"));
        QVERIFY(child<QPushButton>("otpVerify")->isEnabled());
    }

    void sandboxHintAndSentTo()
    {
        QVERIFY(child<QLabel>("otpSandboxHint")->isVisible());
        QVERIFY(child<QLabel>("otpSandboxHint")->text().contains(QLatin1String("000001")));
        QVERIFY(child<QLabel>("otpSentTo")->text().contains(QLatin1String("+1 ******0123")));
    }

    void resendHasAVisibleCooldown()
    {
        auto *resend = child<QPushButton>("otpResend");
        QVERIFY(!resend->isEnabled());
        QVERIFY2(resend->text().contains(QLatin1String("30")), qPrintable(resend->text()));
        QCOMPARE(m_dialog->cooldownRemaining(), OtpDialog::ResendCooldownSeconds);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->cooldownRemaining(), 29, 2000);
        QVERIFY(resend->text().contains(QLatin1String("29")));
        QVERIFY(!resend->isEnabled());
    }

    void wrongCodeShowsAnErrorAndKeepsTheCode()
    {
        auto *code = child<QLineEdit>("otpCode");
        auto *error = child<QLabel>("otpError");
        QSignalSpy rejected(m_backend->authenticator(), &Authenticator::codeRejected);
        QTest::keyClicks(code, QStringLiteral("999999"));
        QTest::mouseClick(child<QPushButton>("otpVerify"), Qt::LeftButton);
        QVERIFY(rejected.wait(5000));
        QVERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        QCOMPARE(code->text(), QStringLiteral("999999"));
        QVERIFY(m_dialog->isVisible());
        QVERIFY(!code->isReadOnly()); // no longer busy

        // Correcting the code and pressing Enter signs in and closes the dialog.
        code->selectAll();
        QTest::keyClicks(code, QStringLiteral("000001"));
        QVERIFY(!error->isVisible()); // editing clears the old error
        QSignalSpy finished(m_dialog.get(), &QDialog::finished);
        QTest::keyClick(code, Qt::Key_Return);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QVERIFY(m_backend->session()->isActive());
        QSignalSpy removed(m_backend->tokenStore(), &TokenStore::removeFinished);
        m_backend->authenticator()->signOut();
        removed.wait(5000);
    }

    void shortCodeIsRefusedLocally()
    {
        auto *code = child<QLineEdit>("otpCode");
        QTest::keyClicks(code, QStringLiteral("123"));
        QTest::keyClick(code, Qt::Key_Return);
        QVERIFY(child<QLabel>("otpError")->isVisible());
        QVERIFY(m_backend->authenticator()->isWaitingForCode());
    }

    void cancelCancelsTheFlow()
    {
        QSignalSpy cancelled(m_backend->authenticator(), &Authenticator::cancelled);
        QTest::mouseClick(child<QPushButton>("otpCancel"), Qt::LeftButton);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
        QVERIFY(!m_backend->authenticator()->isWaitingForCode());
        QVERIFY(!m_backend->session()->isActive());
    }

    void accessibleNamesAndTabOrder()
    {
        for (const char *name : {"otpCode", "otpResend", "otpBusy"})
            QVERIFY2(
                !m_dialog->findChild<QWidget *>(QLatin1String(name))->accessibleName().isEmpty(),
                name);
        auto *code = child<QLineEdit>("otpCode");
        QCOMPARE(code->nextInFocusChain(), child<QPushButton>("otpVerify"));
        QVERIFY(!child<QRadioButton>("otpChannelSms")->text().isEmpty());
        QVERIFY(child<QRadioButton>("otpChannelSms")->isChecked());
    }

    void digitsOnly()
    {
        QCOMPARE(OtpDialog::digitsOnly(QStringLiteral("000-001")), QStringLiteral("000001"));
        QCOMPARE(OtpDialog::digitsOnly(QStringLiteral("1234567")), QStringLiteral("123456"));
        QCOMPARE(OtpDialog::digitsOnly(QStringLiteral("١٢٣")), QString()); // non-ASCII digits
    }
};

QTEST_MAIN(TestOtpDialog)
#include "tst_otpdialog.moc"
