#include "SignInPage.h"

#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "BankSignInPanel.h"
#include "CustomerListModel.h"
#include "CustomerState.h"
#include "Page.h"
#include "SignInIdentifier.h"
#include "Style.h"
#include "UserFacingError.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace tessera::ui {

SignInPage::SignInPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_customers(new CustomerListModel(this))
    , m_status(new QLabel(this))
    , m_retry(new QPushButton(tr("&Try again"), this))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
{
    setObjectName(QStringLiteral("signInPage"));
    const Environment &environment = backend->environment();
    const QString bankName = backend->provisioning().bankName();

    auto *title = new QLabel(
        bankName.isEmpty() ? tr("Sign in to Tessera") : tr("Sign in to %1").arg(bankName), this);
    title->setObjectName(QStringLiteral("signInTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("signInIntro"));
    intro->setWordWrap(true);

    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("signInRetry"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &SignInPage::reload);

    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);

    // One column of a readable width on the left, however wide the window is.
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("signInColumn"));
    column->setMaximumWidth(ColumnMaximumWidth);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(32, 24, 32, 24);
    outer->addWidget(column, 1);
    outer->addStretch(0);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(intro);

    if (environment.kind == Environment::Kind::Demo)
        buildDemoList(layout, intro);
    else if (environment.usesOrgToken())
        buildCustomerIdForm(layout, intro);
    else
        buildBrokerForm(layout, intro);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_retry);
    layout->addLayout(statusRow);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    if (m_signInJwt)
        buttons->addWidget(m_signInJwt);
    buttons->addWidget(m_signIn);
    layout->addLayout(buttons);

    Authenticator *auth = backend->authenticator();
    connect(auth, &Authenticator::busyChanged, this, &SignInPage::updateButtons);
    connect(auth, &Authenticator::signInServiceUnavailable, this,
            [this](Authenticator::Purpose purpose, const QString &message) {
                if (purpose == Authenticator::Purpose::SignIn)
                    showBrokerProblem(message);
            });
    connect(auth, &Authenticator::codeNotSent, this,
            [this](Authenticator::Purpose purpose, const QString &message) {
                if (purpose != Authenticator::Purpose::SignIn)
                    return;
                if (m_brokerProblem && m_brokerProblem->isVisibleTo(this))
                    showStatus({}, false); // the problem box says it, with Try again
                else
                    showStatus(message, true);
            });
    connect(auth, &Authenticator::codeSent, this, [this] {
        if (m_identifier)
            showStatus({}, false);
    });
    connect(auth, &Authenticator::codeRejected, this, [this](const QString &message) {
        // Shown here too for the JWT path, which has no code dialog.
        if (m_jwt && !m_jwt->toPlainText().isEmpty())
            showStatus(message, true);
    });

    // A JWT is a credential: it stays in the field only while it may still need fixing (after
    // a rejection), never once it was used, nor for whoever uses the page after a sign-out.
    // clear() also empties the undo history, so Ctrl+Z cannot bring it back.
    const auto forgetJwt = [this] {
        if (m_jwt)
            m_jwt->clear();
    };
    connect(auth, &Authenticator::signInAgainRequired, this,
            [this](const QString &message) { showStatus(message, false); });
    connect(auth, &Authenticator::signedIn, this, forgetJwt);
    connect(auth, &Authenticator::signedOut, this, forgetJwt);

    connect(backend, &Backend::orgTokenMissing, this,
            [this](const QString &message) { showStatus(message, true); });
    // Said before this page was built (it is built when first shown).
    if (!backend->orgTokenProblem().isEmpty())
        showStatus(backend->orgTokenProblem(), true);

    connect(auth, &Authenticator::restoreFinished, this, [this](bool restored) {
        if (!restored && isVisible())
            loadIfNeeded();
    });

    updateButtons();
}

void SignInPage::buildDemoList(QVBoxLayout *layout, QLabel *intro)
{
    intro->setText(tr("This is a demo with made-up customers. Choose one to sign in as; "
                      "the one-time code is always 000001."));
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("customerList"));
    m_list->setAccessibleName(tr("Demo customers"));
    m_list->setModel(m_customers);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Not uniform: a person's row has two lines, a business's one.
    m_list->setSpacing(4);
    m_list->setAlternatingRowColors(true);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SignInPage::updateButtons);
    connect(m_list, &QListView::activated, this, &SignInPage::signInSelected);
    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::signInSelected);
    layout->addWidget(m_list, 1);
}

void SignInPage::buildCustomerIdForm(QVBoxLayout *layout, QLabel *intro)
{
    intro->setText(tr("Enter your customer ID; we will send a one-time code to the phone on "
                      "file. If your bank signed you in already, paste its token instead."));
    m_customerId = new QLineEdit(this);
    m_customerId->setObjectName(QStringLiteral("customerIdField"));
    m_customerId->setAccessibleName(tr("Customer ID"));
    m_customerId->setPlaceholderText(tr("e.g. 10001"));
    m_customerId->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[1-9][0-9]{0,18}")), m_customerId));
    connect(m_customerId, &QLineEdit::textChanged, this, &SignInPage::updateButtons);
    connect(m_customerId, &QLineEdit::returnPressed, this, &SignInPage::signInWithCode);
    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::signInWithCode);

    auto *form = new QFormLayout;
    form->addRow(tr("Customer &ID:"), m_customerId);
    layout->addLayout(form);
    addJwtField();
    form->addRow(tr("Identity &token:"), m_jwt);
    layout->addStretch();
}

void SignInPage::addJwtField()
{
    m_jwt = new QPlainTextEdit(this);
    m_jwt->setObjectName(QStringLiteral("jwtField"));
    m_jwt->setAccessibleName(tr("Identity token (JWT)"));
    m_jwt->setPlaceholderText(tr("eyJhbGciOi…"));
    m_jwt->setMaximumHeight(80);
    m_jwt->setTabChangesFocus(true);
    m_signInJwt = new QPushButton(tr("Sign in with &token"), this);
    m_signInJwt->setObjectName(QStringLiteral("signInWithJwtButton"));
    connect(m_jwt, &QPlainTextEdit::textChanged, this, &SignInPage::updateButtons);
    connect(m_signInJwt, &QPushButton::clicked, this, &SignInPage::signInWithJwt);
}

void SignInPage::buildBrokerForm(QVBoxLayout *layout, QLabel *intro)
{
    m_signIn->setObjectName(QStringLiteral("sendCodeButton"));
    m_signIn->setText(tr("&Send code"));

    // A bank's setup that cannot be used, or a broker address that may not be: nothing here
    // can sign in, and the customer is told why instead of being shown a form.
    const Provisioning &provisioning = m_backend->provisioning();
    const std::optional<QString> problem = provisioning.isPresent() && !provisioning.isProvisioned()
                                               ? std::optional<QString>(provisioning.problem())
                                               : m_backend->environment().check();
    if (problem) {
        m_unusable = true;
        intro->setObjectName(QStringLiteral("setupProblem"));
        intro->setText(*problem);
        Style::markAsError(intro);
        m_signIn->hide();
        layout->addStretch();
        return;
    }

    intro->setText(tr("Enter the phone number or email address of your account. We will send a "
                      "one-time code to the phone on your account."));
    if (const std::optional<IdentityProvider> provider = provisioning.identityProvider();
        provider && m_backend->identitySignIn()) {
        // The bank's own sign-in comes first; a code to the phone stays the way without it.
        intro->setText(tr("Sign in with your bank's online banking details in your browser, or "
                          "get a one-time code on the phone on your account."));
        m_bankSignIn = new BankSignInPanel(m_backend, *provider, this);
        connect(m_bankSignIn, &BankSignInPanel::activeChanged, this, [this](bool active) {
            if (active)
                showStatus({}, false); // the panel speaks for this sign-in
            updateButtons();
        });
        layout->addWidget(m_bankSignIn);
        auto *orCode = new QLabel(tr("Or get a code instead:"), this);
        orCode->setObjectName(QStringLiteral("orCodeLabel"));
        layout->addSpacing(12);
        layout->addWidget(orCode);
    }
    m_identifier = new QLineEdit(this);
    m_identifier->setObjectName(QStringLiteral("signInIdentifier"));
    m_identifier->setAccessibleName(tr("Phone number or email"));
    m_identifier->setPlaceholderText(tr("(555) 555-0100 or name@example.com"));
    m_identifier->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    connect(m_identifier, &QLineEdit::textChanged, this, &SignInPage::updateButtons);
    connect(m_identifier, &QLineEdit::returnPressed, this, &SignInPage::sendCode);
    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::sendCode);

    m_byText = new QRadioButton(tr("Text message"), this);
    m_byText->setObjectName(QStringLiteral("signInChannelSms"));
    m_byText->setChecked(true);
    m_byCall = new QRadioButton(tr("Phone call"), this);
    m_byCall->setObjectName(QStringLiteral("signInChannelCall"));
    auto *channels = new QHBoxLayout;
    channels->addWidget(m_byText);
    channels->addWidget(m_byCall);
    channels->addStretch();

    auto *form = new QFormLayout;
    auto *identifierLabel = new QLabel(tr("&Phone number or email:"), this);
    identifierLabel->setBuddy(m_identifier);
    form->addRow(identifierLabel, m_identifier);
    form->addRow(tr("Send the code by:"), channels);
    layout->addLayout(form);

    // Unreachable or refusing: a box of its own with Try again, and what was typed stays.
    m_brokerProblem = new QFrame(this);
    m_brokerProblem->setObjectName(QStringLiteral("brokerProblem"));
    m_brokerProblem->setFrameShape(QFrame::StyledPanel);
    m_brokerProblemText = new QLabel(m_brokerProblem);
    m_brokerProblemText->setObjectName(QStringLiteral("brokerProblemText"));
    m_brokerProblemText->setWordWrap(true);
    Style::markAsError(m_brokerProblemText);
    auto *retry = new QPushButton(tr("T&ry again"), m_brokerProblem);
    retry->setObjectName(QStringLiteral("brokerRetryButton"));
    connect(retry, &QPushButton::clicked, this, &SignInPage::sendCode);
    auto *problemLayout = new QHBoxLayout(m_brokerProblem);
    problemLayout->addWidget(m_brokerProblemText, 1);
    problemLayout->addWidget(retry);
    m_brokerProblem->hide();
    layout->addWidget(m_brokerProblem);

    if (m_backend->supportSignIn()) {
        // Support only: an identity provider's token pasted by hand, through the broker.
        addJwtField();
        form->addRow(tr("Identity &token (support):"), m_jwt);
    }
    layout->addStretch();
}

void SignInPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadIfNeeded();
}

void SignInPage::loadIfNeeded()
{
    if (!m_list || m_loading || m_customers->rowCount() > 0)
        return;
    if (m_backend->authenticator()->isRestoring()) {
        showStatus(tr("Looking for a saved sign-in…"), false);
        return;
    }
    reload();
}

void SignInPage::reload()
{
    if (!m_list || m_loading)
        return;
    showStatus(tr("Loading demo customers…"), false);
    m_retry->hide();
    m_loading = true;
    ApiReply *reply = m_backend->tokenApi()->listCustomers(100, 0);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_loading = false;
        if (reply->hasError()) {
            UserFacingError::log(reply->error(), "listing the demo customers");
            showStatus(tr("The demo customers could not be loaded: %1")
                           .arg(UserFacingError(reply->error()).message()),
                       true);
            m_retry->show();
            return;
        }
        m_customers->setCustomers(reply->valueAs<CustomerPage>().items);
        const int last = m_customers->rowOf(m_backend->lastCustomerId());
        m_list->setCurrentIndex(m_customers->index(qMax(0, last)));
        m_list->setFocus();
        showStatus({}, false);
        updateButtons();
    });
}

void SignInPage::signInSelected()
{
    const int row = m_list->currentIndex().row();
    const Customer *customer = m_customers->customerAt(row);
    if (!customer)
        return;
    showStatus({}, false);
    // A business's authorized user gets the code on their own phone, named in the request.
    m_backend->authenticator()->signIn(customer->id, Authenticator::Channel::Sms,
                                       m_customers->codeRecipientAt(row));
    // The code goes to the phone the list shows; the code dialog names it from core.
    m_backend->customerState()->note(*customer);
}

void SignInPage::signInWithCode()
{
    if (m_customerId->text().isEmpty()) {
        showStatus(tr("Enter your customer ID."), true);
        return;
    }
    showStatus({}, false);
    m_backend->authenticator()->signIn(m_customerId->text());
}

void SignInPage::signInWithJwt()
{
    if (!m_customerId) { // through the bank's broker, which finds whom the token is for
        showStatus(tr("Signing in…"), false);
        m_backend->authenticator()->signInWithJwt(m_jwt->toPlainText());
        return;
    }
    if (m_customerId->text().isEmpty()) {
        showStatus(tr("Enter your customer ID."), true);
        return;
    }
    showStatus(tr("Signing in…"), false);
    m_backend->authenticator()->signInWithJwt(m_customerId->text(), m_jwt->toPlainText());
}

void SignInPage::sendCode()
{
    if (m_backend->authenticator()->isBusy())
        return;
    const std::optional<SignInIdentifier> identifier =
        SignInIdentifier::parse(m_identifier->text());
    if (!identifier) {
        showStatus(SignInIdentifier::problem(m_identifier->text()), true);
        m_identifier->setFocus();
        return;
    }
    m_brokerProblem->hide();
    showStatus(tr("Sending the code…"), false);
    m_backend->authenticator()->signIn(*identifier, m_byCall->isChecked()
                                                        ? Authenticator::Channel::Call
                                                        : Authenticator::Channel::Sms);
}

void SignInPage::showBrokerProblem(const QString &message)
{
    if (!m_brokerProblem)
        return;
    m_brokerProblemText->setText(message);
    m_brokerProblem->show();
}

void SignInPage::showStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    Style::markAsError(m_status, isError);
    m_status->setVisible(!text.isEmpty());
}

void SignInPage::updateButtons()
{
    bool busy = m_backend->authenticator()->isBusy();
    if (m_list) {
        m_signIn->setEnabled(!busy && m_list->currentIndex().isValid());
    } else if (m_customerId) {
        m_signIn->setEnabled(!busy && !m_customerId->text().isEmpty());
        m_signInJwt->setEnabled(!busy && !m_customerId->text().isEmpty() &&
                                !m_jwt->toPlainText().trimmed().isEmpty());
    } else if (m_identifier) {
        // While the customer is at their bank's page, the code form waits.
        if (m_bankSignIn) {
            m_bankSignIn->setBusy(busy);
            busy = busy || m_bankSignIn->isActive();
        }
        m_signIn->setEnabled(!busy && !m_identifier->text().trimmed().isEmpty());
        for (QWidget *widget : {static_cast<QWidget *>(m_identifier),
                                static_cast<QWidget *>(m_byText), static_cast<QWidget *>(m_byCall)})
            widget->setEnabled(!busy);
        if (m_signInJwt)
            m_signInJwt->setEnabled(!busy && !m_jwt->toPlainText().trimmed().isEmpty());
    } else {
        m_signIn->setEnabled(false);
    }
}

} // namespace tessera::ui
