#include "MainWindow.h"

#include "Backend.h"
#include "CardsPage.h"
#include "CreateCardWizard.h"
#include "EnvironmentSettings.h"
#include "Logging.h"
#include "OtpDialog.h"
#include "ReplaceCardDialog.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "SignInPage.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace tessera::ui {

namespace {

QString formatDuration(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    return QStringLiteral("%1:%2:%3")
        .arg(h)
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace

MainWindow::MainWindow(Backend *backend, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_pages(new QStackedWidget(this))
    , m_signInPage(new SignInPage(backend, this))
    , m_cardsPage(new CardsPage(backend, this))
    , m_badge(new QLabel(this))
    , m_expiry(new QLabel(this))
    , m_keychainWarning(new QLabel(this))
    , m_message(new QLabel(this))
    , m_statusSignOut(new QPushButton(tr("Sign out"), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tessera — %1").arg(backend->environment().displayName()));

    m_pages->addWidget(m_signInPage);
    m_pages->addWidget(m_cardsPage);
    connect(m_cardsPage, &CardsPage::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_cardsPage, &CardsPage::createCardRequested, this, &MainWindow::openCreateCardWizard);
    connect(m_cardsPage, &CardsPage::replaceCardRequested, this,
            &MainWindow::openReplaceCardDialog);
    setCentralWidget(m_pages);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *settings = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setShortcut(QKeySequence(tr("Ctrl+,")));
    m_signOutAction = fileMenu->addAction(tr("Sign &out"));
    m_signOutAction->setObjectName(QStringLiteral("actionSignOut"));
    m_signOutAction->setShortcut(QKeySequence(tr("Ctrl+Shift+Q")));
    connect(m_signOutAction, &QAction::triggered, backend->authenticator(),
            &Authenticator::signOut);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Tessera"), this, [this] {
        QMessageBox::about(
            this, tr("About Tessera"),
            tr("<h3>Tessera %1</h3><p>A desktop banking client for Unit's customer API.</p>"
               "<p>Environment: %2 (%3)</p><p>Built with Qt %4.</p>")
                .arg(QApplication::applicationVersion(),
                     m_backend->environment().displayName().toHtmlEscaped(),
                     m_backend->environment().apiUrl.toDisplayString().toHtmlEscaped(),
                     QLatin1String(qVersion())));
    });
    about->setObjectName(QStringLiteral("actionAbout"));

    m_badge->setObjectName(QStringLiteral("environmentBadge"));
    m_badge->setText(backend->environment().badge());
    m_badge->setToolTip(tr("%1 at %2")
                            .arg(backend->environment().displayName(),
                                 backend->environment().apiUrl.toDisplayString()));
    m_badge->setAccessibleName(tr("Environment: %1").arg(backend->environment().displayName()));
    m_badge->setContentsMargins(8, 1, 8, 1);
    m_badge->setAutoFillBackground(true);
    QPalette badgePalette = m_badge->palette();
    const bool live = backend->environment().kind == Environment::Kind::Production;
    badgePalette.setColor(QPalette::Window,
                          live ? QColor(0x26, 0xa2, 0x69) : QColor(0xe6, 0x61, 0x00));
    badgePalette.setColor(QPalette::WindowText, Qt::white);
    m_badge->setPalette(badgePalette);
    QFont badgeFont = m_badge->font();
    badgeFont.setBold(true);
    m_badge->setFont(badgeFont);

    m_expiry->setObjectName(QStringLiteral("sessionExpiry"));
    m_keychainWarning->setObjectName(QStringLiteral("keychainWarning"));
    m_keychainWarning->setText(tr("⚠ Sign-in not remembered"));
    m_keychainWarning->hide();
    m_statusSignOut->setObjectName(QStringLiteral("statusSignOut"));
    m_statusSignOut->setFlat(true);
    connect(m_statusSignOut, &QPushButton::clicked, backend->authenticator(),
            &Authenticator::signOut);

    // Messages go to a label of their own: QStatusBar::showMessage() would hide the
    // environment badge and the keychain warning while it shows.
    m_message->setObjectName(QStringLiteral("statusMessage"));
    m_messageTimer.setSingleShot(true);
    connect(&m_messageTimer, &QTimer::timeout, m_message, &QLabel::clear);
    statusBar()->addWidget(m_badge);
    statusBar()->addWidget(m_keychainWarning);
    statusBar()->addWidget(m_message, 1);
    statusBar()->addPermanentWidget(m_expiry);
    statusBar()->addPermanentWidget(m_statusSignOut);

    Authenticator *auth = backend->authenticator();
    connect(auth, &Authenticator::codeRequired, this, &MainWindow::openOtpDialog);
    connect(auth, &Authenticator::signedIn, this, &MainWindow::showSignedIn);
    connect(auth, &Authenticator::signedOut, this, &MainWindow::showSignIn);
    connect(auth, &Authenticator::keychainProblem, this, &MainWindow::showKeychainProblem);
    connect(backend->session(), &Session::expiringSoon, this, [this](qint64 secondsLeft) {
        showStatusMessage(
            tr("Your session ends in %n minute(s).", nullptr, int((secondsLeft + 59) / 60)));
    });

    m_expiryTicker.setInterval(1000);
    connect(&m_expiryTicker, &QTimer::timeout, this, &MainWindow::updateExpiry);
    m_expiryTicker.start();

    showSignIn();
    resize(1040, 700);
    // Where the window was, not anything about the customer.
    restoreGeometry(QSettings().value(QStringLiteral("mainWindow/geometry")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::openCreateCardWizard()
{
    qCInfo(lcUi) << "opening the create-card wizard";
    auto *wizard = new CreateCardWizard(m_backend, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CreateCardWizard::cardCreated, m_cardsPage, &CardsPage::addCreatedCard);
    connect(wizard, &CreateCardWizard::cardCreated, this, [this](const Card &card) {
        showStatusMessage(tr("Your new card •••• %1 was created.").arg(card.last4Digits));
    });
    wizard->open();
}

void MainWindow::openReplaceCardDialog(const Card &card)
{
    auto *dialog = new ReplaceCardDialog(m_backend, card, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString oldId = card.id;
    connect(dialog, &ReplaceCardDialog::cardReplaced, this, [this, oldId](const Card &newCard) {
        m_cardsPage->addCreatedCard(newCard);
        m_cardsPage->refreshCard(oldId);
        showStatusMessage(tr("Replacement card •••• %1 is on its way.").arg(newCard.last4Digits));
    });
    dialog->open();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_backend->environment(), m_backend->tokenStore(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Environment chosen = dialog->environment();
        const Environment &current = m_backend->environment();
        EnvironmentSettings::save(chosen);
        // The same environment (the demo's address is its own, picked at start) needs no
        // restart; a new org token for Unit's sandbox takes effect at once.
        const bool same =
            chosen.kind == current.kind &&
            (chosen.kind == Environment::Kind::Demo ||
             (chosen.apiUrl == current.apiUrl && chosen.tokenBrokerUrl == current.tokenBrokerUrl));
        if (!same) {
            emit environmentChanged(chosen);
            return;
        }
        if (chosen.kind == Environment::Kind::UnitSandbox)
            m_backend->loadOrgTokenFromKeychain();
    });
    dialog->open();
}

void MainWindow::showSignedIn()
{
    qCInfo(lcUi) << "showing the cards page";
    m_cardsPage->activate();
    m_pages->setCurrentWidget(m_cardsPage);
    m_signOutAction->setEnabled(true);
    m_statusSignOut->show();
    updateExpiry();
}

void MainWindow::showSignIn()
{
    qCInfo(lcUi) << "showing the sign-in page";
    m_pages->setCurrentWidget(m_signInPage);
    m_signOutAction->setEnabled(false);
    m_statusSignOut->hide();
    updateExpiry();
}

void MainWindow::openOtpDialog(Authenticator::Purpose purpose, const QString &customerId)
{
    if (m_otpDialog)
        return; // one dialog serves the whole flow, resends included
    // From the demo's customer list, or, after a sign-in restored from the keychain (no list
    // loaded), from the customer the cards page heard of.
    QString phone = m_signInPage->maskedPhone(customerId);
    const std::optional<Customer> &known = m_cardsPage->customer();
    if (phone.isEmpty() && known && known->id == customerId)
        phone = known->phone.masked();
    auto *dialog = new OtpDialog(m_backend->authenticator(), purpose, phone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSandboxHint(m_backend->environment().usesOrgToken());
    m_otpDialog = dialog;
    connect(dialog, &QDialog::rejected, this, [this, purpose] {
        // Giving up on renewal means the expired session is over.
        if (purpose == Authenticator::Purpose::Renew)
            m_backend->authenticator()->signOut();
    });
    dialog->open();
}

void MainWindow::updateExpiry()
{
    Session *session = m_backend->session();
    if (!session->isActive()) {
        m_expiry->setText(tr("Signed out"));
        return;
    }
    if (session->isExpired()) {
        m_expiry->setText(tr("Session expired"));
        return;
    }
    m_expiry->setText(tr("Session ends in %1").arg(formatDuration(session->secondsLeft())));
}

void MainWindow::showStatusMessage(const QString &message)
{
    m_message->setText(message);
    m_messageTimer.start(15000);
}

void MainWindow::showKeychainProblem(const QString &message)
{
    m_keychainWarning->setToolTip(message);
    m_keychainWarning->show();
    showStatusMessage(message);
}

} // namespace tessera::ui
