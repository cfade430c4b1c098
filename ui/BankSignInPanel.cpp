#include "BankSignInPanel.h"

#include "Authenticator.h"
#include "Backend.h"
#include "Logging.h"
#include "OidcSignIn.h"
#include "Style.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

BankSignInPanel::BankSignInPanel(Backend *backend, const IdentityProvider &provider,
                                 QWidget *parent)
    : QFrame(parent)
    , m_backend(backend)
    , m_signIn(backend->identitySignIn())
    , m_button(new QPushButton(this))
    , m_waiting(new QFrame(this))
    , m_waitingText(new QLabel(m_waiting))
    , m_address(new QLabel(m_waiting))
    , m_reopen(new QPushButton(tr("Open the &page again"), m_waiting))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("bankSignIn"));
    const QString name = provider.displayName;
    m_button->setObjectName(QStringLiteral("signInWithBankButton"));
    // A '&' in the bank's name is a letter, not a shortcut.
    m_button->setText(name.isEmpty()
                          ? tr("Sign in with your &bank")
                          : tr("Sign &in with %1")
                                .arg(QString(name).replace(QLatin1Char('&'), QLatin1String("&&"))));
    m_button->setMinimumHeight(m_button->sizeHint().height() * 3 / 2);
    connect(m_button, &QPushButton::clicked, this, &BankSignInPanel::start);

    m_waiting->setObjectName(QStringLiteral("browserWaiting"));
    m_waiting->setFrameShape(QFrame::StyledPanel);
    m_waitingText->setObjectName(QStringLiteral("browserWaitingText"));
    m_waitingText->setWordWrap(true);
    m_address->setObjectName(QStringLiteral("authorizationAddress"));
    m_address->setWordWrap(true);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_address->hide();
    m_reopen->setObjectName(QStringLiteral("reopenBrowserButton"));
    connect(m_reopen, &QPushButton::clicked, this, [this] { openBrowser(m_authorizationUrl); });
    auto *cancel = new QPushButton(tr("&Cancel"), m_waiting);
    cancel->setObjectName(QStringLiteral("cancelBrowserSignInButton"));
    connect(cancel, &QPushButton::clicked, this, &BankSignInPanel::cancel);
    auto *waitingButtons = new QHBoxLayout;
    waitingButtons->addStretch();
    waitingButtons->addWidget(m_reopen);
    waitingButtons->addWidget(cancel);
    auto *waitingLayout = new QVBoxLayout(m_waiting);
    waitingLayout->addWidget(m_waitingText);
    waitingLayout->addWidget(m_address);
    waitingLayout->addLayout(waitingButtons);
    m_waiting->hide();

    m_status->setObjectName(QStringLiteral("bankSignInStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_waiting);
    layout->addWidget(m_status);

    connect(m_signIn, &OidcSignIn::openBrowser, this, [this](const QUrl &url) {
        m_authorizationUrl = url;
        showWaiting(true);
        openBrowser(url);
    });
    connect(m_signIn, &OidcSignIn::failed, this,
            [this](OidcSignIn::Problem, const QString &message) {
                showWaiting(false);
                showProblem(message);
                setActive(false);
            });
    // Backend hands the ID token to the broker; here the customer is brought back.
    connect(m_signIn, &OidcSignIn::idTokenReceived, this, [this] {
        showWaiting(false);
        m_exchanging = true;
        m_status->setText(tr("Signing you in…"));
        Style::markAsError(m_status, false);
        m_status->show();
        window()->raise();
        window()->activateWindow();
    });
    Authenticator *auth = backend->authenticator();
    connect(auth, &Authenticator::codeRejected, this, [this](const QString &message) {
        if (!m_exchanging)
            return;
        m_exchanging = false;
        showProblem(message);
        setActive(false);
    });
    connect(auth, &Authenticator::signedIn, this, [this] {
        m_exchanging = false;
        m_status->hide();
        setActive(false);
    });
}

void BankSignInPanel::setBusy(bool busy)
{
    m_button->setEnabled(!busy && !m_active);
}

void BankSignInPanel::start()
{
    if (m_active)
        return;
    m_status->setText(tr("Opening your bank's sign-in page…"));
    Style::markAsError(m_status, false);
    m_status->show();
    setActive(true);
    const std::optional<IdentityProvider> provider = m_backend->provisioning().identityProvider();
    if (provider)
        m_signIn->start(*provider);
}

void BankSignInPanel::cancel()
{
    m_signIn->cancel();
    m_authorizationUrl.clear();
    showWaiting(false);
    m_status->hide();
    setActive(false);
    m_button->setFocus();
}

void BankSignInPanel::openBrowser(const QUrl &url)
{
    if (QDesktopServices::openUrl(url)) {
        m_address->hide();
        return;
    }
    // No browser to hand the page to: the customer can still copy the address into one.
    qCWarning(lcUi) << "no browser could be opened for the bank's sign-in page";
    m_address->setText(tr("Tessera could not open your browser. Open this address in it:") +
                       QLatin1String("<br><tt>") + url.toString().toHtmlEscaped() +
                       QLatin1String("</tt>"));
    m_address->show();
}

void BankSignInPanel::showWaiting(bool waiting)
{
    if (waiting) {
        m_status->hide();
        m_waitingText->setText(
            tr("Continue in your browser: sign in on your bank's page there. Tessera carries "
               "on by itself once you are done."));
    } else {
        m_address->hide();
    }
    m_waiting->setVisible(waiting);
    m_button->setVisible(!waiting);
}

void BankSignInPanel::showProblem(const QString &message)
{
    m_status->setText(message);
    Style::markAsError(m_status, true);
    m_status->show();
    m_button->setFocus();
}

void BankSignInPanel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    m_button->setEnabled(!active);
    emit activeChanged(active);
}

} // namespace tessera::ui
