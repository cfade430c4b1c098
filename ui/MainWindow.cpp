#include "MainWindow.h"

#include "AccountsPage.h"
#include "ActivityPage.h"
#include "AppLock.h"
#include "Backend.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "CreateCardWizard.h"
#include "CustomerState.h"
#include "EnvironmentSettings.h"
#include "LockView.h"
#include "Logging.h"
#include "OtpDialog.h"
#include "ReplaceCardDialog.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "SignInPage.h"
#include "Style.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolTip>

namespace tessera::ui {

namespace {

// The customer's tabs, in order.
enum CustomerTab { CardsTab, AccountsTab, ActivityTab };

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
    , m_restoringPage(Style::loadingState(this, "restoringPage", tr("Opening your saved sign-in…")))
    , m_customerTabs(new QTabWidget(this))
    , m_cardsPage(new CardsPage(backend, this))
    , m_lockView(new LockView(this))
    , m_lock(new AppLock(this))
    , m_badge(new QLabel(this))
    , m_expiry(new QLabel(this))
    , m_keychainWarning(new QLabel(this))
    , m_message(new QLabel(this))
    , m_statusSignOut(new QPushButton(tr("Sign out"), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tessera — %1").arg(backend->environment().displayName()));

    m_pages->addWidget(m_restoringPage);
    m_customerTabs->setObjectName(QStringLiteral("customerTabs"));
    m_customerTabs->setDocumentMode(true);
    m_customerTabs->addTab(m_cardsPage, tr("Cards"));
    // Placeholders until the pages are built, when they first show (accountsPage()).
    m_customerTabs->addTab(new QWidget(m_customerTabs), tr("Accounts"));
    m_customerTabs->addTab(new QWidget(m_customerTabs), tr("Activity"));
    // Ctrl+1, Ctrl+2, Ctrl+3 go to the tabs, as in a browser.
    for (int tab = 0; tab < m_customerTabs->count(); ++tab) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + tab)));
        connect(go, &QAction::triggered, this,
                [this, tab] { showCustomerTab(m_customerTabs->widget(tab)); });
        m_customerTabs->addAction(go);
        m_customerTabs->setTabToolTip(tab, go->shortcut().toString(QKeySequence::NativeText));
    }
    connect(m_customerTabs, &QTabWidget::currentChanged, this, [this] {
        if (m_pages->currentWidget() == m_customerTabs)
            showCustomerTab(m_customerTabs->currentWidget());
    });
    m_pages->addWidget(m_customerTabs);
    m_pages->addWidget(m_lockView);
    connect(m_lockView, &LockView::unlockRequested, backend->authenticator(),
            &Authenticator::unlock);
    connect(m_cardsPage, &CardsPage::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_cardsPage, &CardsPage::createCardRequested, this, &MainWindow::openCreateCardWizard);
    connect(m_cardsPage, &CardsPage::replaceCardRequested, this,
            &MainWindow::openReplaceCardDialog);
    connect(m_cardsPage, &CardsPage::activityRequested, this, &MainWindow::openCardActivity);
    setCentralWidget(m_pages);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *settings = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setShortcut(QKeySequence(tr("Ctrl+,")));
    m_lockAction = fileMenu->addAction(tr("&Lock now"), m_lock, &AppLock::lock);
    m_lockAction->setObjectName(QStringLiteral("lockNowAction"));
    m_lockAction->setShortcut(QKeySequence(tr("Ctrl+L")));
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
    connect(auth, &Authenticator::codeSent, this, [this, auth](Authenticator::Channel channel) {
        if (auth->isWaitingForCode())
            openOtpDialog(auth->purpose(), auth->pendingCustomerId(), channel);
    });
    connect(auth, &Authenticator::codeNotSent, this, &MainWindow::showCodeNotSent);
    connect(auth, &Authenticator::signedIn, this, &MainWindow::showSignedIn);
    connect(auth, &Authenticator::signedOut, this, &MainWindow::showSignIn);
    // A restore that finds a token signs in (showSignedIn); one that does not leaves the
    // restoring page for the sign-in page.
    connect(auth, &Authenticator::restoreFinished, this, [this](bool restored) {
        if (restored) {
            // Long enough for the sandbox's or a near server's first page, short enough not
            // to look stuck; a page that takes longer shows its loading state.
            m_cardsWait.start(400);
            return;
        }
        showCurrentPage();
        updateExpiry();
    });
    m_cardsWait.setSingleShot(true);
    connect(&m_cardsWait, &QTimer::timeout, this, &MainWindow::showCurrentPage);
    connect(m_cardsPage->model(), &CardsModel::stateChanged, this, [this] {
        if (m_pages->currentWidget() == m_restoringPage)
            showCurrentPage();
    });
    connect(auth, &Authenticator::keychainProblem, this, &MainWindow::showKeychainProblem);
    connect(m_lock, &AppLock::lockedChanged, this, &MainWindow::applyLock);
    connect(auth, &Authenticator::unlocked, m_lock, &AppLock::setUnlocked);
    connect(auth, &Authenticator::authenticated, this, [this, auth] {
        // A code proves the customer is here: a sign-in with one forgets a lock kept from
        // before (showSignedIn follows), and a renewal over the lock view unlocks, as the
        // Unlock button's code would.
        if (auth->purpose() == Authenticator::Purpose::SignIn)
            m_freshSignIn = true;
        else if (auth->purpose() == Authenticator::Purpose::Renew && m_lock->isLocked())
            m_lock->setUnlocked();
    });
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

AccountsPage *MainWindow::accountsPage()
{
    if (m_accountsPage)
        return m_accountsPage;
    qCInfo(lcUi) << "building the accounts page";
    m_accountsPage = new AccountsPage(m_backend, m_customerTabs);
    connect(m_accountsPage, &AccountsPage::activityRequested, this,
            [this](const QString &accountId, const QString &title) {
                activityPage()->showAccount(accountId, title);
                showCustomerTab(m_activityPage);
            });
    connect(m_accountsPage, &AccountsPage::statusMessage, this, &MainWindow::showStatusMessage);
    replaceTab(AccountsTab, m_accountsPage);
    return m_accountsPage;
}

ActivityPage *MainWindow::activityPage()
{
    if (m_activityPage)
        return m_activityPage;
    qCInfo(lcUi) << "building the activity page";
    m_activityPage = new ActivityPage(m_backend, m_customerTabs);
    connect(m_activityPage, &ActivityPage::statusMessage, this, &MainWindow::showStatusMessage);
    replaceTab(ActivityTab, m_activityPage);
    return m_activityPage;
}

void MainWindow::replaceTab(int index, QWidget *page)
{
    // The tab keeps its place, text, tooltip and whether it is current; the swap itself is no
    // change of tab for anyone listening.
    const QSignalBlocker quiet(m_customerTabs);
    const int current = m_customerTabs->currentIndex();
    const QString text = m_customerTabs->tabText(index);
    const QString toolTip = m_customerTabs->tabToolTip(index);
    QWidget *placeholder = m_customerTabs->widget(index);
    m_customerTabs->removeTab(index);
    m_customerTabs->insertTab(index, page, text);
    m_customerTabs->setTabToolTip(index, toolTip);
    m_customerTabs->setCurrentIndex(current);
    placeholder->deleteLater();
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
    dialog->setProvisioning(m_backend->provisioning());
    dialog->setIdleLockMinutes(AppLock::savedIdleMinutes());
    dialog->setConfirmationMinutes(Authenticator::savedVerifiedMinutes());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_lock->setIdleMinutes(dialog->idleLockMinutes());
        Authenticator::saveVerifiedMinutes(dialog->confirmationMinutes());
        m_backend->authenticator()->setVerifiedLifetime(dialog->confirmationMinutes() * 60);
        if (dialog->isProvisioned())
            return; // the bank's environment: nothing the customer chose to save
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

QString MainWindow::lockKey() const
{
    return m_backend->environment().id() + QLatin1Char('/') + m_backend->session()->customerId();
}

void MainWindow::showSignedIn()
{
    const QString key = lockKey();
    if (std::exchange(m_freshSignIn, false))
        AppLock::forgetSaved(key);
    m_cardsActive = false;
    m_signOutAction->setEnabled(true);
    m_statusSignOut->show();
    // Locked at once when this sign-in was locked as Tessera quit: the lock view shows and
    // the cards are not even loaded until a code unlocks it.
    m_lock->setKey(key);
    m_accountsActive = false;
    if (m_activityPage)
        m_activityPage->reset();
    m_customerTabs->setCurrentWidget(m_cardsPage);
    showCurrentPage();
    updateExpiry();
}

void MainWindow::showSignIn()
{
    // Signing out ends the lock too; what it hid belonged to the customer who left.
    for (const QPointer<QWidget> &window : std::exchange(m_hiddenWindows, {})) {
        if (window)
            window->close();
    }
    m_heldMessage.clear();
    m_lock->setUnlocked();
    m_lock->setKey(QString());
    m_cardsActive = false;
    m_accountsActive = false;
    if (m_activityPage)
        m_activityPage->reset();
    if (m_accountsPage)
        m_accountsPage->reset();
    m_signOutAction->setEnabled(false);
    showCurrentPage();
    m_statusSignOut->hide();
    updateExpiry();
}

void MainWindow::showCurrentPage()
{
    const bool signedIn = m_backend->session()->isActive();
    const bool locked = signedIn && m_lock->isLocked();
    m_lockAction->setEnabled(signedIn && !locked);
    QWidget *page = signedIn ? (locked ? static_cast<QWidget *>(m_lockView)
                                       : static_cast<QWidget *>(m_customerTabs))
                    : m_backend->authenticator()->isRestoring() ? m_restoringPage
                                                                : signInPage();
    if (page == m_customerTabs)
        showCustomerTab(m_customerTabs->currentWidget());
    if (m_pages->currentWidget() == page || waitsForCards(page))
        return;
    m_cardsWait.stop();
    qCInfo(lcUi).noquote() << "showing" << page->objectName();
    const bool fromRestoring = m_pages->currentWidget() == m_restoringPage;
    m_pages->setCurrentWidget(page);
    // The restoring page holds no focus, so the stack passes none on: the page gets it as a
    // window does when it is activated on it.
    if (fromRestoring && isActiveWindow() && !focusWidget())
        focusNextPrevChild(true);
}

bool MainWindow::waitsForCards(QWidget *page) const
{
    return page == m_customerTabs && m_pages->currentWidget() == m_restoringPage &&
           m_customerTabs->currentWidget() == m_cardsPage &&
           m_cardsPage->model()->state() == CardsModel::State::Loading && m_cardsWait.isActive();
}

SignInPage *MainWindow::signInPage()
{
    if (!m_signInPage) {
        m_signInPage = new SignInPage(m_backend, this);
        m_pages->addWidget(m_signInPage);
    }
    return m_signInPage;
}

QWidget *MainWindow::currentPage() const
{
    QWidget *page = m_pages->currentWidget();
    return page == m_customerTabs ? m_customerTabs->currentWidget() : page;
}

void MainWindow::showCustomerTab(QWidget *tab)
{
    // A placeholder stands for a page not built yet: it is built now, in its place.
    if (!m_accountsPage && tab == m_customerTabs->widget(AccountsTab))
        tab = accountsPage();
    else if (!m_activityPage && tab == m_customerTabs->widget(ActivityTab))
        tab = activityPage();
    if (m_customerTabs->currentWidget() != tab) {
        m_customerTabs->setCurrentWidget(tab); // comes back here through currentChanged
        return;
    }
    // Each page loads the first time it shows after a sign-in, not before.
    if (tab == m_cardsPage && !std::exchange(m_cardsActive, true))
        m_cardsPage->activate();
    if ((tab == m_accountsPage || tab == m_activityPage) && !std::exchange(m_accountsActive, true))
        accountsPage()->activate();
}

void MainWindow::openCardActivity(const Card &card)
{
    activityPage()->showCard(card,
                             tr("%1 •••• %2").arg(CardsModel::kindText(card), card.last4Digits));
    showCustomerTab(m_activityPage);
}

void MainWindow::applyLock(bool locked)
{
    if (locked) {
        // Hidden first, so nothing with the customer's data is on screen however the rest
        // goes. A code flow other than unlocking stops (its dialog closes); a renewal that
        // stops this way does not sign out: the unlock code renews the sign-in as well.
        hideCustomerWindows();
        m_locking = true;
        m_backend->authenticator()->lock(); // every verified token goes
        m_locking = false;
        m_messageTimer.stop();
        m_message->clear();
    } else {
        restoreCustomerWindows();
        if (!m_heldMessage.isEmpty())
            showStatusMessage(std::exchange(m_heldMessage, {}));
    }
    showCurrentPage();
}

// Every window of this one but the code dialog: the create-card wizard, the replace dialog, a
// card action's confirmation (they name cards and addresses), and the rest alike.
void MainWindow::hideCustomerWindows()
{
    QToolTip::hideText();
    for (int i = 0; i < 8 && QApplication::activePopupWidget(); ++i)
        QApplication::activePopupWidget()->close();
    const QList<QDialog *> dialogs = findChildren<QDialog *>();
    for (QDialog *dialog : dialogs) {
        if (dialog == m_otpDialog || !dialog->isWindow() || !dialog->isVisible())
            continue;
        qCInfo(lcUi).noquote() << "hiding" << dialog->objectName() << "while locked";
        dialog->hide();
        m_hiddenWindows << dialog;
    }
}

void MainWindow::restoreCustomerWindows()
{
    for (const QPointer<QWidget> &window : std::exchange(m_hiddenWindows, {})) {
        if (window)
            window->show();
    }
}

void MainWindow::openOtpDialog(Authenticator::Purpose purpose, const QString &customerId,
                               Authenticator::Channel channel)
{
    if (m_otpDialog)
        return; // one dialog serves the whole flow, resends included
    // Whoever brought the customer along (the demo's customer list, the cards) told core.
    const QString phone = m_backend->customerState()->maskedPhone(customerId);
    auto *dialog = new OtpDialog(m_backend->authenticator(), purpose, phone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSandboxHint(m_backend->environment().usesOrgToken());
    dialog->showSent(channel);
    m_otpDialog = dialog;
    const bool forMoreAccess = m_backend->authenticator()->renewsForMoreAccess();
    connect(dialog, &QDialog::rejected, this, [this, purpose, forMoreAccess] {
        // Giving up on renewal means the expired session is over; a renewal only for more
        // access leaves the session as it was (what needed it fails). Giving up on unlocking
        // leaves Tessera locked.
        if (purpose == Authenticator::Purpose::Renew && !m_locking && !forMoreAccess)
            m_backend->authenticator()->signOut();
    });
    dialog->open();
}

void MainWindow::showCodeNotSent(Authenticator::Purpose purpose, const QString &message)
{
    switch (purpose) {
    case Authenticator::Purpose::SignIn:
        break; // the sign-in page says it, under the button that was pressed
    case Authenticator::Purpose::StepUp:
        break; // the action that needed it fails with this reason, where it was started
    case Authenticator::Purpose::Unlock:
        m_lockView->showProblem(message);
        break;
    case Authenticator::Purpose::Renew:
        showStatusMessage(message);
        break;
    }
}

void MainWindow::updateExpiry()
{
    Session *session = m_backend->session();
    if (!session->isActive()) {
        // Not "signed out" while a saved sign-in is being opened.
        m_expiry->setText(m_backend->authenticator()->isRestoring() ? QString() : tr("Signed out"));
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
    if (m_lock->isLocked()) {
        m_heldMessage = message;
        return;
    }
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
