#include "SignInPage.h"

#include "ApiClient.h"
#include "Authenticator.h"
#include "Backend.h"
#include "CustomerListModel.h"
#include "CustomerState.h"
#include "Page.h"
#include "Style.h"
#include "UserFacingError.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
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
    const bool demo = backend->environment().kind == Environment::Kind::Demo;

    auto *title = new QLabel(tr("Sign in to Tessera"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);

    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("signInRetry"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &SignInPage::reload);

    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(title);
    layout->addWidget(intro);

    if (demo) {
        intro->setText(tr("This is a demo with made-up customers. Choose one to sign in as; "
                          "the one-time code is always 000001."));
        m_list = new QListView(this);
        m_list->setObjectName(QStringLiteral("customerList"));
        m_list->setAccessibleName(tr("Demo customers"));
        m_list->setModel(m_customers);
        m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_list->setUniformItemSizes(true);
        m_list->setSpacing(4);
        m_list->setAlternatingRowColors(true);
        connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &SignInPage::updateButtons);
        connect(m_list, &QListView::activated, this, &SignInPage::signInSelected);
        connect(m_signIn, &QPushButton::clicked, this, &SignInPage::signInSelected);
        layout->addWidget(m_list, 1);
    } else {
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

        auto *form = new QFormLayout;
        form->addRow(tr("Customer &ID:"), m_customerId);
        form->addRow(tr("Identity &token:"), m_jwt);
        layout->addLayout(form);
        layout->addStretch();
    }

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
    connect(auth, &Authenticator::codeNotSent, this,
            [this](Authenticator::Purpose purpose, const QString &message) {
                if (purpose == Authenticator::Purpose::SignIn)
                    showStatus(message, true);
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
    connect(auth, &Authenticator::signedIn, this, forgetJwt);
    connect(auth, &Authenticator::signedOut, this, forgetJwt);

    connect(backend, &Backend::orgTokenMissing, this,
            [this](const QString &message) { showStatus(message, true); });

    connect(auth, &Authenticator::restoreFinished, this, [this](bool restored) {
        if (!restored && isVisible())
            loadIfNeeded();
    });

    updateButtons();
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
    if (m_customerId->text().isEmpty()) {
        showStatus(tr("Enter your customer ID."), true);
        return;
    }
    showStatus(tr("Signing in…"), false);
    m_backend->authenticator()->signInWithJwt(m_customerId->text(), m_jwt->toPlainText());
}

void SignInPage::showStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    Style::markAsError(m_status, isError);
    m_status->setVisible(!text.isEmpty());
}

void SignInPage::updateButtons()
{
    const bool busy = m_backend->authenticator()->isBusy();
    if (m_list) {
        m_signIn->setEnabled(!busy && m_list->currentIndex().isValid());
    } else {
        m_signIn->setEnabled(!busy && !m_customerId->text().isEmpty());
        m_signInJwt->setEnabled(!busy && !m_customerId->text().isEmpty() &&
                                !m_jwt->toPlainText().trimmed().isEmpty());
    }
}

} // namespace tessera::ui
