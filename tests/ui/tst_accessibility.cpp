// Every control a person can operate, on every page and dialog of the app, has a name a screen
// reader can say (asked through QAccessible, as assistive technology does) and can be reached
// with the keyboard (Tab focus). Walks the demo journey through the real widgets.
#include "AccountsPage.h"
#include "ActivityModel.h"
#include "ActivityPage.h"
#include "Backend.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "CreateCardWizard.h"
#include "DemoBackend.h"
#include "DemoSignIn.h"
#include "MainWindow.h"
#include "OtpDialog.h"
#include "ReplaceCardDialog.h"
#include "SandboxServer.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "SignInPage.h"
#include "StatementsModel.h"
#include "TokenStore.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QButtonGroup>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace tessera;
using namespace tessera::ui;

namespace {

bool isControl(const QWidget *widget)
{
    if (qobject_cast<const QScrollBar *>(widget))
        return false; // part of a scroll area, driven by the keys of the view it scrolls
    if (qobject_cast<const QLineEdit *>(widget) &&
        qobject_cast<const QComboBox *>(widget->parentWidget()))
        return false; // an editable combo box's own line edit
    if (qobject_cast<const QLineEdit *>(widget) &&
        qobject_cast<const QAbstractSpinBox *>(widget->parentWidget()))
        return false; // a spin box's own line edit: the spin box carries the name
    if (const auto *text = qobject_cast<const QPlainTextEdit *>(widget))
        return !text->isReadOnly();
    return qobject_cast<const QAbstractButton *>(widget) ||
           qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractItemView *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget);
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

// What is wrong with the visible, enabled controls under root: "<objectName> (<class>): …".
QStringList problems(QWidget *root)
{
    QStringList found;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible() || !widget->isEnabled() || !isControl(widget))
            continue;
        const QString who = QStringLiteral("%1 (%2)").arg(
            widget->objectName(), QString::fromLatin1(widget->metaObject()->className()));
        if (accessibleName(widget).isEmpty())
            found << who + QStringLiteral(": no accessible name");
        // Qt takes the unchecked buttons of an exclusive group out of the Tab chain on
        // purpose: Tab reaches the checked one, the arrow keys move between them.
        const auto *button = qobject_cast<const QAbstractButton *>(widget);
        const bool arrowKeysReachIt =
            button && (button->autoExclusive() || button->group()) && !button->isChecked();
        if (!arrowKeysReachIt && !(widget->focusPolicy() & Qt::TabFocus))
            found << who + QStringLiteral(": not reachable with Tab");
    }
    return found;
}

} // namespace

#define CHECK_ACCESSIBLE(root)                                                                     \
    do {                                                                                           \
        const QStringList found = problems(root);                                                  \
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("\n"))));                   \
    } while (false)

class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    sandbox::SandboxServer m_sandbox;

    std::unique_ptr<Backend> demoBackend()
    {
        auto backend = test::makeDemoBackend(m_sandbox);
        backend->tokenStore()->setWatchdogInterval(3000);
        return backend;
    }

    static void typeCode(MainWindow &window)
    {
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        auto *field = window.otpDialog()->findChild<QLineEdit *>(QStringLiteral("otpCode"));
        QTest::keyClicks(field, QStringLiteral("000001"));
        QTest::keyClick(field, Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sandbox.start() != 0);
    }

    // The check itself: an icon-only button and a focus-less field are caught.
    void findsUnnamedAndUnreachableControls()
    {
        QWidget form;
        auto *iconOnly = new QToolButton(&form);
        iconOnly->setObjectName(QStringLiteral("iconOnly"));
        iconOnly->setIcon(form.style()->standardIcon(QStyle::SP_BrowserReload));
        auto *field = new QLineEdit(&form);
        field->setObjectName(QStringLiteral("field"));
        field->setAccessibleName(QStringLiteral("Customer ID"));
        field->setFocusPolicy(Qt::ClickFocus);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QCOMPARE(problems(&form),
                 (QStringList{QStringLiteral("iconOnly (QToolButton): no accessible name"),
                              QStringLiteral("field (QLineEdit): not reachable with Tab")}));
        iconOnly->setAccessibleName(QStringLiteral("Refresh"));
        field->setFocusPolicy(Qt::StrongFocus);
        QCOMPARE(problems(&form), QStringList());
    }

    void demoJourney()
    {
        auto backend = demoBackend();
        MainWindow window(backend.get());
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *customers = window.findChild<QListView *>(QStringLiteral("customerList"));
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() > 0, 5000);
        CHECK_ACCESSIBLE(&window);

        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.otpDialog() != nullptr, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!backend->authenticator()->isBusy(), 5000);
        CHECK_ACCESSIBLE(window.otpDialog());
        typeCode(window);
        QTRY_VERIFY_WITH_TIMEOUT(backend->session()->isActive(), 5000);

        CardsModel *cards = window.cardsPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(cards->rowCount() > 0, 5000);
        auto *list = window.cardsPage()->findChild<QListView *>(QStringLiteral("cardList"));
        list->setCurrentIndex(cards->index(0)); // details with every action the card allows
        const auto shown = [&window](const char *name) {
            auto *button = window.cardsPage()->findChild<QPushButton *>(QLatin1String(name));
            return button && button->isVisible();
        };
        QTRY_VERIFY_WITH_TIMEOUT(shown("action-freeze") || shown("action-unfreeze"), 5000);
        CHECK_ACCESSIBLE(&window);

        // The card's activity with a row's details, then the accounts with their statements.
        window.openCardActivity(*cards->cardAt(0));
        ActivityModel *activity = window.activityPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(activity->rowCount() > 0, 10000);
        window.activityPage()
            ->findChild<QListView *>(QStringLiteral("activityList"))
            ->setCurrentIndex(activity->index(0));
        CHECK_ACCESSIBLE(&window);
        window.customerTabs()->setCurrentWidget(window.accountsPage());
        QTRY_VERIFY_WITH_TIMEOUT(window.accountsPage()->statements()->rowCount() > 0, 10000);
        CHECK_ACCESSIBLE(&window);
        window.customerTabs()->setCurrentWidget(window.cardsPage());

        // The wizard, page by page, the physical card path (the longest).
        QTest::mouseClick(
            window.cardsPage()->findChild<QPushButton *>(QStringLiteral("createCardButton")),
            Qt::LeftButton);
        CreateCardWizard *wizard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((wizard = window.findChild<CreateCardWizard *>()), 5000);
        wizard->findChild<QRadioButton *>(QStringLiteral("physicalCardOption"))->setChecked(true);
        CHECK_ACCESSIBLE(wizard);
        auto *next = wizard->findChild<QAbstractButton *>(QStringLiteral("wizardNextButton"));
        QTest::mouseClick(next, Qt::LeftButton);
        auto *accounts = wizard->findChild<QListWidget *>(QStringLiteral("accountList"));
        QTRY_VERIFY_WITH_TIMEOUT(accounts->count() > 0, 5000);
        accounts->setCurrentRow(0);
        CHECK_ACCESSIBLE(wizard);
        QTest::mouseClick(next, Qt::LeftButton);
        auto *zip = wizard->findChild<QLineEdit *>(QStringLiteral("postalCodeField"));
        QTRY_VERIFY_WITH_TIMEOUT(!zip->text().isEmpty(), 5000);
        CHECK_ACCESSIBLE(wizard);
        QTest::mouseClick(next, Qt::LeftButton);
        CHECK_ACCESSIBLE(wizard); // review
        QTest::mouseClick(wizard->findChild<QAbstractButton *>(QStringLiteral("createCardButton")),
                          Qt::LeftButton);
        typeCode(window);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->createdCard().has_value(), 5000);
        CHECK_ACCESSIBLE(wizard); // result
        const QString createdId = wizard->createdCard()->id;
        QTest::mouseClick(
            wizard->findChild<QAbstractButton *>(QStringLiteral("wizardFinishButton")),
            Qt::LeftButton);

        // A confirmation, then the replace dialog for the new physical card.
        QTRY_VERIFY_WITH_TIMEOUT(shown("action-freeze"), 5000);
        QTest::mouseClick(
            window.cardsPage()->findChild<QPushButton *>(QStringLiteral("action-freeze")),
            Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmCardAction"))) &&
                confirm->isVisible(),
            5000);
        CHECK_ACCESSIBLE(confirm);
        confirm->reject();
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("confirmCardAction")));

        const std::optional<Card> created = cards->cardAt(cards->rowOf(createdId));
        QVERIFY(created);
        ReplaceCardDialog replace(backend.get(), *created, &window);
        replace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&replace));
        QTRY_VERIFY_WITH_TIMEOUT(
            !replace.findChild<QLineEdit *>(QStringLiteral("postalCodeField"))->text().isEmpty(),
            5000);
        CHECK_ACCESSIBLE(&replace);
        replace.reject();

        QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
        backend->authenticator()->signOut();
        removed.wait(3000);
    }

    void settingsForEveryEnvironment_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("demo") << int(Environment::Kind::Demo);
        QTest::newRow("unit-sandbox") << int(Environment::Kind::UnitSandbox);
        QTest::newRow("production") << int(Environment::Kind::Production);
        QTest::newRow("custom") << int(Environment::Kind::Custom);
    }

    void settingsForEveryEnvironment()
    {
        QFETCH(int, kind);
        auto backend = demoBackend();
        SettingsDialog settings(backend->environment(), backend->tokenStore());
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        auto *kinds = settings.findChild<QComboBox *>(QStringLiteral("environmentKind"));
        kinds->setCurrentIndex(kinds->findData(kind));
        CHECK_ACCESSIBLE(&settings);
    }

    // Outside the demo the sign-in page asks for a customer id and takes a JWT.
    void signInOutsideTheDemo()
    {
        Backend backend(Environment::production(QUrl(QStringLiteral("https://bank.example/t"))),
                        {});
        SignInPage page(&backend);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        CHECK_ACCESSIBLE(&page);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
