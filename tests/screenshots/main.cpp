// Renders Tessera's pages to PNG files, driving the real widgets against the in-process
// sandbox the way a person would. `./dev screenshots` runs it under Xvfb, once as is, once with
// a dark palette, once at scale 2 and once in Spanish. Like the app, it speaks the system
// locale's language (LANGUAGE=es LANG=es_ES.UTF-8 for Spanish).
#include "AccountsModel.h"
#include "AccountsPage.h"
#include "ActivityEntry.h"
#include "ActivityModel.h"
#include "ActivityPage.h"
#include "Backend.h"
#include "BrowserStandIn.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "ClosedPort.h"
#include "CreateCardWizard.h"
#include "FakeIdentityProvider.h"
#include "MainWindow.h"
#include "OtpDialog.h"
#include "Provisioning.h"
#include "ProvisioningFile.h"
#include "SandboxServer.h"
#include "ScriptedBrowser.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "Translations.h"

#include <cstdio>
#include <functional>
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace tessera;

namespace {

QDir g_out;
QString g_prefix;
int g_failures = 0;

bool waitUntil(const std::function<bool()> &condition, int ms = 8000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

void shoot(QWidget *widget, const QString &name)
{
    QTest::qWait(200); // let pending paints and layouts settle
    const QString path = g_out.filePath(g_prefix + name + QStringLiteral(".png"));
    if (widget->grab().save(path)) {
        std::printf("wrote %s\n", qPrintable(path));
    } else {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        ++g_failures;
    }
}

void require(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "screenshot script failed at: %s\n", what);
        ++g_failures;
    }
}

template <class T> T *find(QObject *root, const char *name)
{
    return root->findChild<T *>(QLatin1String(name));
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x24, 0x24, 0x24));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x2d, 0x2d, 0x2d));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x44, 0x44, 0x44));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

void typeCode(ui::MainWindow &window, const QString &code)
{
    require(waitUntil([&] { return window.otpDialog() != nullptr; }), "code dialog");
    if (!window.otpDialog())
        return;
    auto *field = find<QLineEdit>(window.otpDialog(), "otpCode");
    field->selectAll();
    QTest::keyClicks(field, code);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("TesseraScreenshots"));
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    const QString language = ui::Translations::install();
    std::printf("language %s, locale %s\n", qPrintable(language), qPrintable(QLocale().name()));

    QCommandLineParser parser;
    QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("Use a dark palette."));
    QCommandLineOption prefixOption(QStringLiteral("prefix"), QStringLiteral("File prefix."),
                                    QStringLiteral("text"));
    QCommandLineOption shortOption(QStringLiteral("short"),
                                   QStringLiteral("Only sign-in, cards and the wizard review."));
    parser.addOptions({darkOption, prefixOption, shortOption});
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Output folder."));
    parser.process(app);
    const bool full = !parser.isSet(shortOption);
    g_prefix = parser.value(prefixOption);
    g_out = QDir(parser.positionalArguments().value(0, QStringLiteral("screenshots")));
    g_out.mkpath(QStringLiteral("."));
    if (parser.isSet(darkOption)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    {
        // Production as a bank ships it (a provisioning file names it and its broker): the
        // phone-or-email form, then the broker out of reach (nothing listens at its address).
        QTemporaryDir provisioningDir;
        const Provisioning provisioning = test::provisioningFile(
            provisioningDir.path(),
            "[bank]\nname=Example Bank\nbrokerUrl=" + test::closedLoopbackUrl().toEncoded() + "\n");
        require(provisioning.isProvisioned(), "provisioned");
        Backend production(Environment::production(provisioning.brokerUrl()), QString());
        production.setProvisioning(provisioning);
        ui::MainWindow window(&production);
        window.resize(1100, 720);
        window.show();
        require(QTest::qWaitForWindowExposed(&window), "production window shown");
        auto *identifier = find<QLineEdit>(&window, "signInIdentifier");
        QTest::keyClicks(identifier, QStringLiteral("(415) 555-0142"));
        shoot(&window, QStringLiteral("01b-production-sign-in"));
        QTest::mouseClick(find<QPushButton>(&window, "sendCodeButton"), Qt::LeftButton);
        require(waitUntil([&] { return find<QWidget>(&window, "brokerProblem")->isVisible(); }),
                "broker problem shown");
        shoot(&window, QStringLiteral("01c-broker-problem"));
    }

    {
        // A bank that signs its customers in at its identity provider: "Sign in with Example
        // Bank" above the code form, then the page while the browser is out (the test's own
        // provider; the browser is a stand-in that only notes the address).
        test::FakeIdentityProvider provider;
        require(provider.listen(), "identity provider");
        test::BrowserStandIn browser;
        QTemporaryDir provisioningDir;
        const Provisioning provisioning = test::provisioningFile(
            provisioningDir.path(),
            "[bank]\nname=Example Bank\nbrokerUrl=" + test::closedLoopbackUrl().toEncoded() +
                "\n[identityProvider]\nissuer=" + provider.issuer().toEncoded() +
                "\nclientId=" + provider.clientId().toUtf8() + "\n");
        require(provisioning.isProvisioned(), "provisioned with an identity provider");
        Backend production(Environment::production(provisioning.brokerUrl()), QString());
        production.setProvisioning(provisioning);
        ui::MainWindow window(&production);
        window.resize(1100, 720);
        window.show();
        require(QTest::qWaitForWindowExposed(&window), "bank sign-in window shown");
        shoot(&window, QStringLiteral("01d-bank-sign-in"));
        QTest::mouseClick(find<QPushButton>(&window, "signInWithBankButton"), Qt::LeftButton);
        require(waitUntil([&] { return !browser.opened.isEmpty(); }), "browser asked for");
        shoot(&window, QStringLiteral("01e-browser-waiting"));
        QTest::mouseClick(find<QPushButton>(&window, "cancelBrowserSignInButton"), Qt::LeftButton);

        // The provider answers with a token meant for another app: said under the button.
        provider.setMisbehaviour(test::FakeIdentityProvider::Misbehaviour::WrongAudience);
        browser.opened.clear();
        QTest::mouseClick(find<QPushButton>(&window, "signInWithBankButton"), Qt::LeftButton);
        require(waitUntil([&] { return !browser.opened.isEmpty(); }), "browser asked for again");
        test::ScriptedBrowser().openAndLogIn(browser.opened.first(), {}, {});
        require(waitUntil([&] { return find<QWidget>(&window, "bankSignInStatus")->isVisible(); }),
                "refusal said");
        shoot(&window, QStringLiteral("01f-bank-sign-in-refused"));
    }

    sandbox::SandboxServer server;
    server.start();
    Backend backend(Environment::demo(server.baseUrl()), server.orgToken());
    backend.tokenStore()->setWatchdogInterval(3000);
    ui::MainWindow window(&backend);
    window.resize(1100, 720);
    window.show();
    require(QTest::qWaitForWindowExposed(&window), "window shown");

    auto *customers = find<QListView>(&window, "customerList");
    require(waitUntil([&] { return customers->model()->rowCount() > 0; }), "customers listed");
    shoot(&window, QStringLiteral("01-sign-in"));

    QTest::mouseClick(find<QPushButton>(&window, "signInButton"), Qt::LeftButton);
    require(waitUntil([&] { return window.otpDialog() != nullptr; }), "code dialog opened");
    require(waitUntil([&] { return !backend.authenticator()->isBusy(); }), "code sent");
    if (full) {
        shoot(window.otpDialog(), QStringLiteral("02-otp-dialog"));
        typeCode(window, QStringLiteral("123456"));
        require(
            waitUntil([&] { return find<QLabel>(window.otpDialog(), "otpError")->isVisible(); }),
            "wrong code shown");
        shoot(window.otpDialog(), QStringLiteral("03-otp-wrong-code"));
    }
    typeCode(window, QStringLiteral("000001"));
    require(waitUntil([&] { return backend.session()->isActive(); }), "signed in");

    CardsModel *cards = window.cardsPage()->model();
    auto *list = find<QListView>(window.cardsPage(), "cardList");
    require(waitUntil([&] { return cards->rowCount() > 0; }), "cards listed");
    // The greeting names the customer once their profile is in.
    require(waitUntil([&] {
                return find<QLabel>(window.cardsPage(), "greeting")->text() !=
                       ui::CardsPage::tr("Your cards");
            }),
            "greeting");
    list->setCurrentIndex(cards->index(0));
    require(waitUntil([&] {
                return find<QLabel>(window.cardsPage(), "cardLimits")
                    ->text()
                    .contains(QLatin1String("$"));
            }),
            "limits");
    shoot(&window, QStringLiteral("04-cards"));
    // The smallest window the cards page is laid out for, and a large one: nothing may be cut
    // off or scroll sideways at the first, and the second must use its room well.
    for (const QSize size : {QSize(1024, 640), QSize(1600, 1000)}) {
        window.resize(size);
        QTest::qWait(200);
        shoot(&window, QStringLiteral("04-cards-%1x%2").arg(size.width()).arg(size.height()));
    }
    window.resize(1100, 720);

    // The create-card wizard, page by page.
    QTest::mouseClick(find<QPushButton>(window.cardsPage(), "createCardButton"), Qt::LeftButton);
    ui::CreateCardWizard *wizard = nullptr;
    require(waitUntil([&] { return (wizard = window.findChild<ui::CreateCardWizard *>()); }),
            "wizard opened");
    if (!wizard)
        return 1;
    find<QRadioButton>(wizard, "physicalCardOption")->setChecked(true);
    if (full)
        shoot(wizard, QStringLiteral("05-wizard-kind"));
    auto *next = find<QAbstractButton>(wizard, "wizardNextButton");
    QTest::mouseClick(next, Qt::LeftButton);
    auto *accounts = find<QListWidget>(wizard, "accountList");
    require(waitUntil([&] { return accounts->count() > 0; }), "accounts");
    accounts->setCurrentRow(0);
    if (full)
        shoot(wizard, QStringLiteral("06-wizard-account"));
    QTest::mouseClick(next, Qt::LeftButton);
    auto *zip = find<QLineEdit>(wizard, "postalCodeField");
    require(waitUntil([&] { return !zip->text().isEmpty(); }), "address prefilled");
    if (full) {
        shoot(wizard, QStringLiteral("07-wizard-address"));
        const QString good = zip->text();
        zip->setText(QStringLiteral("941"));
        QTest::mouseClick(next, Qt::LeftButton);
        shoot(wizard, QStringLiteral("08-wizard-address-error"));
        zip->setText(good);
    }
    QTest::mouseClick(next, Qt::LeftButton);
    shoot(wizard, QStringLiteral("09-wizard-review"));
    QTest::mouseClick(find<QAbstractButton>(wizard, "createCardButton"), Qt::LeftButton);
    require(waitUntil([&] { return window.otpDialog() != nullptr; }), "step-up code dialog");
    if (full) {
        require(waitUntil([&] { return !backend.authenticator()->isBusy(); }), "code sent");
        shoot(&window, QStringLiteral("10-step-up-otp"));
    }
    typeCode(window, QStringLiteral("000001"));
    require(waitUntil([&] { return wizard->createdCard().has_value(); }), "card created");
    if (full)
        shoot(wizard, QStringLiteral("11-wizard-result"));
    QTest::mouseClick(find<QAbstractButton>(wizard, "wizardFinishButton"), Qt::LeftButton);
    // The new physical card is not activated yet: the details say how, and the demo offers to
    // simulate its arrival.
    list->setCurrentIndex(cards->index(0));
    require(
        waitUntil([&] { return find<QLabel>(window.cardsPage(), "activationNote")->isVisible(); }),
        "activation explained");
    window.resize(1024, 640);
    QTest::qWait(200);
    shoot(&window, QStringLiteral("11b-new-card-not-activated"));
    window.resize(1100, 720);

    // Freeze the new card: the confirmation, then the updated tile.
    QTest::mouseClick(find<QPushButton>(window.cardsPage(), "action-freeze"), Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    require(waitUntil([&] {
                return (confirm =
                            window.findChild<QMessageBox *>(QStringLiteral("confirmCardAction")));
            }),
            "confirmation");
    if (full && confirm)
        shoot(confirm, QStringLiteral("12-confirm-freeze"));
    if (confirm)
        QTest::mouseClick(find<QPushButton>(confirm, "confirmButton"), Qt::LeftButton);
    // The new card is confirmed on its own: one code, one card.
    require(waitUntil([&] { return window.otpDialog() != nullptr; }), "freeze code dialog");
    typeCode(window, QStringLiteral("000001"));
    require(waitUntil([&] { return cards->cardAt(0)->status == CardStatus::Frozen; }), "frozen");
    shoot(&window, QStringLiteral("13-cards-after-freeze"));

    // Accounts: balances and holds, and the selected account's statements.
    window.customerTabs()->setCurrentWidget(window.accountsPage());
    AccountsModel *accountsModel = window.accountsPage()->model();
    require(waitUntil([&] { return accountsModel->rowCount() > 0; }), "accounts listed");
    auto *statementList = find<QListView>(window.accountsPage(), "statementList");
    require(waitUntil([&] { return statementList->model()->rowCount() > 0; }), "statements");
    statementList->setCurrentIndex(statementList->model()->index(0, 0));
    shoot(&window, QStringLiteral("20-accounts"));

    // A card's activity: pending and declined payments among the settled ones, a row's details.
    window.customerTabs()->setCurrentWidget(window.cardsPage());
    for (int row = 0; row < cards->rowCount(); ++row) {
        if (cards->cardAt(row)->status == CardStatus::Active) {
            list->setCurrentIndex(cards->index(row));
            break;
        }
    }
    QTest::mouseClick(find<QPushButton>(window.cardsPage(), "showCardActivityButton"),
                      Qt::LeftButton);
    ui::ActivityPage *activityPage = window.activityPage();
    ActivityModel *activity = activityPage->model();
    require(waitUntil([&] { return activity->rowCount() > 0; }), "activity listed");
    auto *activityList = find<QListView>(activityPage, "activityList");
    activityList->setCurrentIndex(activity->index(0));
    shoot(&window, QStringLiteral("21-card-activity"));

    // A simulated purchase, pending at the top of the list.
    QTimer::singleShot(300, &window, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog)
            return;
        if (full)
            shoot(dialog, QStringLiteral("22-simulate-purchase"));
        QTest::mouseClick(find<QPushButton>(dialog, "simulateButton"), Qt::LeftButton);
    });
    QTest::mouseClick(find<QPushButton>(activityPage, "simulatePurchaseButton"), Qt::LeftButton);
    require(waitUntil([&] {
                const ActivityEntry *top = activity->entryAt(0);
                return top && top->status() == ActivityEntry::Status::Pending;
            }),
            "simulated purchase pending");
    activityList->setCurrentIndex(activity->index(0));
    shoot(&window, QStringLiteral("23-purchase-pending"));

    if (full) {
        // A search with an amount range, sent to Unit as filters.
        QTest::keyClicks(find<QLineEdit>(activityPage, "activitySearch"), QStringLiteral("coffee"));
        QTest::keyClicks(find<QLineEdit>(activityPage, "activityMinAmount"), QStringLiteral("4"));
        QTest::keyClick(find<QLineEdit>(activityPage, "activityMinAmount"), Qt::Key_Return);
        require(waitUntil([&] {
                    return activity->filter().minAmount.has_value() &&
                           activity->state() == ActivityModel::State::Idle;
                }),
                "filtered");
        QTest::qWait(300);
        shoot(&window, QStringLiteral("24-activity-filtered"));
        QTest::mouseClick(find<QToolButton>(activityPage, "clearActivityFilters"), Qt::LeftButton);
    }
    window.customerTabs()->setCurrentWidget(window.cardsPage());

    // Lock now (Ctrl+L): nothing of the customer stays on screen; a code unlocks.
    find<QAction>(&window, "lockNowAction")->trigger();
    require(waitUntil([&] { return find<QPushButton>(&window, "unlockButton")->isVisible(); }),
            "locked");
    shoot(&window, QStringLiteral("16-locked"));
    QTest::mouseClick(find<QPushButton>(&window, "unlockButton"), Qt::LeftButton);
    require(waitUntil([&] { return window.otpDialog() != nullptr; }), "unlock code dialog");
    typeCode(window, QStringLiteral("000001"));
    require(waitUntil([&] { return !find<QPushButton>(&window, "unlockButton")->isVisible(); }),
            "unlocked");

    if (full) {
        // An error state: the cards page of a server that is not there.
        Backend offline(Environment::demo(QUrl(QStringLiteral("http://127.0.0.1:9"))), {});
        StoredToken token = backend.session()->token();
        offline.session()->begin(token);
        ui::CardsPage errorPage(&offline);
        errorPage.resize(900, 560);
        errorPage.show();
        errorPage.activate();
        require(waitUntil([&] { return find<QWidget>(&errorPage, "errorState")->isVisible(); }),
                "error state");
        shoot(&errorPage, QStringLiteral("14-cards-error"));

        ui::SettingsDialog settings(backend.environment(), backend.tokenStore(), &window);
        settings.show();
        auto *kind = find<QComboBox>(&settings, "environmentKind");
        kind->setCurrentIndex(kind->findData(int(Environment::Kind::Production)));
        QTest::keyClicks(find<QLineEdit>(&settings, "brokerUrlField"),
                         QStringLiteral("http://bank.example/tokens"));
        settings.accept(); // refused: not https
        shoot(&settings, QStringLiteral("15-settings-error"));
        settings.reject();
    }

    QSignalSpy removed(backend.tokenStore(), &TokenStore::removeFinished);
    backend.authenticator()->signOut();
    removed.wait(3000);
    return g_failures == 0 ? 0 : 1;
}
