#include "OtpDialog.h"

#include "Style.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace tessera::ui {

OtpDialog::OtpDialog(Authenticator *authenticator, Authenticator::Purpose purpose,
                     const QString &phoneHint, QWidget *parent)
    : QDialog(parent)
    , m_authenticator(authenticator)
    , m_explanation(new QLabel(this))
    , m_sentTo(new QLabel(this))
    , m_sandboxHint(new QLabel(this))
    , m_code(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_sms(new QRadioButton(tr("Text message"), this))
    , m_call(new QRadioButton(tr("Voice call"), this))
    , m_resend(new QPushButton(this))
    , m_busy(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("otpDialog"));
    setWindowTitle(tr("Enter your code"));
    setModal(true);

    switch (purpose) {
    case Authenticator::Purpose::SignIn:
        m_explanation->setText(tr("To confirm it is you, enter the 6-digit code we sent to your "
                                  "phone."));
        break;
    case Authenticator::Purpose::StepUp:
        m_explanation->setText(tr("This action needs extra confirmation. Enter the 6-digit code "
                                  "we sent to your phone."));
        break;
    case Authenticator::Purpose::Unlock:
        m_explanation->setText(tr("Tessera is locked. Enter the 6-digit code we sent to your "
                                  "phone to unlock it."));
        break;
    case Authenticator::Purpose::Renew:
        if (authenticator->renewsForMoreAccess())
            m_explanation->setText(tr("To show this, Tessera needs to renew your sign-in. Enter "
                                      "the 6-digit code we sent to your phone."));
        else
            m_explanation->setText(tr("Your session has expired. Enter the 6-digit code we sent "
                                      "to your phone to continue where you left off."));
        break;
    }
    m_explanation->setWordWrap(true);
    m_explanation->setObjectName(QStringLiteral("otpExplanation"));

    m_sentTo->setObjectName(QStringLiteral("otpSentTo"));
    m_sentTo->setText(phoneHint.isEmpty() ? tr("Sending the code…")
                                          : tr("Sending the code to %1…").arg(phoneHint));
    m_sentTo->setProperty("phoneHint", phoneHint);

    m_sandboxHint->setObjectName(QStringLiteral("otpSandboxHint"));
    m_sandboxHint->setText(tr("Sandbox code: 000001 (no SMS is sent)"));
    m_sandboxHint->setVisible(false);
    QFont hintFont = m_sandboxHint->font();
    hintFont.setItalic(true);
    m_sandboxHint->setFont(hintFont);

    m_code->setObjectName(QStringLiteral("otpCode"));
    m_code->setAccessibleName(tr("One-time code"));
    m_code->setAccessibleDescription(tr("Six digits"));
    m_code->setPlaceholderText(QStringLiteral("123456"));
    m_code->setMaxLength(32); // room for a pasted "000 001"; digitsOnly() trims to six
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.8);
    codeFont.setLetterSpacing(QFont::AbsoluteSpacing, 4);
    m_code->setFont(codeFont);
    m_code->setAlignment(Qt::AlignCenter);
    connect(m_code, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString digits = digitsOnly(text);
        if (digits != text)
            m_code->setText(digits);
        m_error->clear();
        m_error->hide();
        m_submitWhenReady = false;
        updateVerifyButton();
    });
    connect(m_code, &QLineEdit::returnPressed, this, &OtpDialog::submit);

    m_error->setObjectName(QStringLiteral("otpError"));
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Error"));
    Style::markAsError(m_error);
    m_error->hide();

    m_sms->setObjectName(QStringLiteral("otpChannelSms"));
    m_call->setObjectName(QStringLiteral("otpChannelCall"));
    m_sms->setChecked(true);
    m_resend->setObjectName(QStringLiteral("otpResend"));
    m_resend->setAccessibleName(tr("Resend code"));
    connect(m_resend, &QPushButton::clicked, this, &OtpDialog::resend);

    m_busy->setObjectName(QStringLiteral("otpBusy"));
    Style::makeBusyBar(m_busy);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->setVisible(false);

    m_verify = m_buttons->addButton(tr("&Verify"), QDialogButtonBox::AcceptRole);
    m_verify->setObjectName(QStringLiteral("otpVerify"));
    m_verify->setDefault(true);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("otpCancel"));
    connect(m_verify, &QPushButton::clicked, this, &OtpDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &OtpDialog::reject);

    auto *channelRow = new QHBoxLayout;
    channelRow->addWidget(m_sms);
    channelRow->addWidget(m_call);
    channelRow->addStretch();
    channelRow->addWidget(m_resend);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addWidget(m_sentTo);
    layout->addWidget(m_sandboxHint);
    layout->addSpacing(8);
    layout->addWidget(m_code);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Didn't get it? Send it again by:"), this));
    layout->addLayout(channelRow);
    layout->addStretch();
    layout->addWidget(m_buttons);

    setTabOrder(m_code, m_verify);
    setTabOrder(m_verify, cancel);
    setTabOrder(cancel, m_sms);
    setTabOrder(m_sms, m_call);
    setTabOrder(m_call, m_resend);

    m_cooldownTimer.setInterval(1000);
    connect(&m_cooldownTimer, &QTimer::timeout, this, &OtpDialog::tickCooldown);

    connect(authenticator, &Authenticator::codeSent, this, &OtpDialog::showSent);
    connect(authenticator, &Authenticator::codeSendFailed, this, [this](const QString &message) {
        showError(tr("The code could not be sent: %1").arg(message));
        m_cooldownLeft = 0;
        refreshResendButton();
    });
    connect(authenticator, &Authenticator::codeRejected, this, [this](const QString &message) {
        m_verifying = false;
        showError(message);
    });
    connect(authenticator, &Authenticator::busyChanged, this, &OtpDialog::setBusy);
    connect(authenticator, &Authenticator::authenticated, this, [this] {
        m_closing = true;
        accept();
    });
    connect(authenticator, &Authenticator::cancelled, this, [this] {
        m_closing = true;
        QDialog::reject();
    });

    setBusy(authenticator->isBusy());
    m_code->setFocus();
    resize(440, sizeHint().height());
}

void OtpDialog::showSent(Authenticator::Channel channel)
{
    const QString phone = m_sentTo->property("phoneHint").toString();
    const QString how = channel == Authenticator::Channel::Call
                            ? tr("We are calling %1 with your code.")
                            : tr("We sent a code by text message to %1.");
    m_sentTo->setText(how.arg(phone.isEmpty() ? tr("your phone") : phone));
    startCooldown();
}

void OtpDialog::setSandboxHint(bool visible)
{
    m_sandboxHint->setVisible(visible);
}

QString OtpDialog::digitsOnly(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit() && c.unicode() < 128 && digits.size() < 6)
            digits.append(c);
    }
    return digits;
}

void OtpDialog::reject()
{
    if (m_closing) {
        QDialog::reject();
        return;
    }
    // Cancelling the dialog cancels the flow; the authenticator's cancelled() closes us.
    m_authenticator->cancel();
    if (isVisible())
        QDialog::reject();
}

void OtpDialog::submit()
{
    if (m_code->text().size() != 6) {
        showError(tr("Enter all 6 digits of the code."));
        return;
    }
    if (m_verifying)
        return; // one attempt at a time: each wrong code counts against the customer
    if (m_isBusy) {
        // Typed before the code was even sent: verify as soon as the flow is ready.
        m_submitWhenReady = true;
        return;
    }
    m_verifying = true;
    m_error->hide();
    m_authenticator->submitCode(m_code->text());
}

void OtpDialog::resend()
{
    m_error->hide();
    m_resend->setEnabled(false);
    m_authenticator->resendCode(channel());
}

void OtpDialog::startCooldown()
{
    m_cooldownLeft = ResendCooldownSeconds;
    m_cooldownTimer.start();
    refreshResendButton();
}

void OtpDialog::tickCooldown()
{
    if (--m_cooldownLeft <= 0) {
        m_cooldownLeft = 0;
        m_cooldownTimer.stop();
    }
    refreshResendButton();
}

void OtpDialog::refreshResendButton()
{
    m_resend->setEnabled(m_cooldownLeft == 0 && !m_isBusy);
    m_resend->setText(m_cooldownLeft > 0 ? tr("Resend in %1 s").arg(m_cooldownLeft)
                                         : tr("&Resend code"));
}

void OtpDialog::setBusy(bool busy)
{
    m_isBusy = busy;
    m_busy->setVisible(busy);
    m_sms->setEnabled(!busy);
    m_call->setEnabled(!busy);
    updateVerifyButton();
    refreshResendButton();
    if (!busy && std::exchange(m_submitWhenReady, false))
        submit();
}

void OtpDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_code->setFocus();
    m_code->selectAll();
}

void OtpDialog::updateVerifyButton()
{
    m_verify->setEnabled(m_code->text().size() == 6 && !m_isBusy);
}

Authenticator::Channel OtpDialog::channel() const
{
    return m_call->isChecked() ? Authenticator::Channel::Call : Authenticator::Channel::Sms;
}

} // namespace tessera::ui
