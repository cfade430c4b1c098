#include "AddressRules.h"
#include "ApiClient.h"
#include "ApiError.h"
#include "Backend.h"
#include "CardDetailsPanel.h"
#include "CardsModel.h"
#include "CardsPage.h"
#include "ChildByName.h"
#include "CreateCardWizard.h"
#include "DemoBackend.h"
#include "DemoSignIn.h"
#include "Environment.h"
#include "MainWindow.h"
#include "Money.h"
#include "OtpDialog.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "TokenStore.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QUuid>

using namespace tessera;
using tessera::sandbox::SandboxServer;
using tessera::test::child;
using tessera::ui::Translations;

namespace {

// Installed before the real translators, so it is asked last: whatever reaches it no
// translator knew. Qt's own contexts all start with 'Q'; every other one is Tessera's.
class UntranslatedRecorder : public QTranslator
{
public:
    bool recording = true;
    mutable QStringList misses;

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (recording && context && context[0] != 'Q' && sourceText && *sourceText) {
            const QString miss =
                QStringLiteral("%1: %2").arg(QLatin1String(context), QString::fromUtf8(sourceText));
            if (!misses.contains(miss))
                misses << miss;
        }
        return {};
    }
};

QString minutesLeft(int n)
{
    return QCoreApplication::translate("tessera::ui::MainWindow",
                                       "Your session ends in %n minute(s).", nullptr, n);
}

} // namespace

// The Spanish UI through the app's own Translations class: real widgets show Spanish, Qt's
// buttons too, money and dates follow the locale, and no Tessera message goes untranslated
// on the way.
class TestTranslations : public QObject
{
    Q_OBJECT

private:
    SandboxServer m_sandbox;
    UntranslatedRecorder m_recorder;
    std::unique_ptr<Backend> m_backend;
    QString m_customerId;

    std::unique_ptr<Backend> makeBackend()
    {
        auto backend = test::makeDemoBackend(m_sandbox);
        backend->authenticator()->setEnvironmentId(QStringLiteral("test-") +
                                                   QUuid::createUuid().toString(QUuid::Id128));
        return backend;
    }

    static bool waitUntil(const std::function<bool()> &condition, int ms = 8000)
    {
        return QTest::qWaitFor(condition, ms);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
        QVERIFY(m_sandbox.start() != 0);
        QCoreApplication::installTranslator(&m_recorder);

        // What LANG=es_ES.UTF-8 gives the app: the default QLocale() is Spanish (Spain).
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        QCOMPARE(Translations::install(QLocale()), QStringLiteral("es"));

        m_backend = makeBackend();
        std::unique_ptr<ApiReply> reply(m_backend->tokenApi()->listAccounts());
        QVERIFY(test::waitForFinished(reply.get()));
        QVERIFY(!reply->hasError());
        m_customerId = reply->valueAs<AccountPage>().items.first().customerId;
    }

    void cleanupTestCase()
    {
        m_backend.reset();
        Translations::remove();
        QCoreApplication::removeTranslator(&m_recorder);
        QLocale::setDefault(QLocale::c());
    }

    void bothLanguagesAreEmbedded()
    {
        const QStringList languages = Translations::available();
        QVERIFY2(languages.contains(QStringLiteral("es")), qPrintable(languages.join(u',')));
        QVERIFY2(languages.contains(QStringLiteral("en")), qPrintable(languages.join(u',')));
    }

    void signInPageIsSpanish()
    {
        ui::MainWindow window(m_backend.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Tessera — Demostración"));
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Archivo"));
        QCOMPARE(child<QLabel>(&window, "environmentBadge")->text(), QStringLiteral("DEMO"));
        QCOMPARE(child<QPushButton>(&window, "signInButton")->text(),
                 QStringLiteral("&Iniciar sesión"));
        auto *customers = child<QListView>(&window, "customerList");
        QVERIFY(waitUntil([&] { return customers->model()->rowCount() > 0; }));
        const QString first = customers->model()->index(0, 0).data().toString();
        QVERIFY2(first.contains(QStringLiteral("\nEl código se envía al +1 ")), qPrintable(first));
        QCOMPARE(child<QLabel>(&window, "sessionExpiry")->text(), QStringLiteral("Sesión cerrada"));
        window.grab(); // paints everything, so nothing drawn goes unchecked
    }

    void otpDialogIsSpanish()
    {
        auto backend = makeBackend();
        QSignalSpy sent(backend->authenticator(), &Authenticator::codeSent);
        backend->authenticator()->signIn(m_customerId);
        ui::OtpDialog dialog(backend->authenticator(), Authenticator::Purpose::StepUp,
                             QStringLiteral("+1 ******0123"));
        dialog.setSandboxHint(true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(sent.wait(5000));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Escribe tu código"));
        QCOMPARE(
            child<QLabel>(&dialog, "otpExplanation")->text(),
            QStringLiteral("Esta acción necesita una confirmación adicional. Escribe el código "
                           "de 6 dígitos que enviamos a tu teléfono."));
        QCOMPARE(child<QLabel>(&dialog, "otpSentTo")->text(),
                 QStringLiteral("Enviamos un código por mensaje de texto al +1 ******0123."));
        QCOMPARE(child<QPushButton>(&dialog, "otpVerify")->text(), QStringLiteral("&Verificar"));
        // A standard button: Qt's own Spanish translation.
        QCOMPARE(child<QPushButton>(&dialog, "otpCancel")->text(), QStringLiteral("Cancelar"));
        QCOMPARE(child<QPushButton>(&dialog, "otpResend")->text(),
                 QStringLiteral("Reenviar en %1 s").arg(ui::OtpDialog::ResendCooldownSeconds));

        auto *code = child<QLineEdit>(&dialog, "otpCode");
        QTest::keyClicks(code, QStringLiteral("12"));
        QTest::keyClick(code, Qt::Key_Return);
        QCOMPARE(child<QLabel>(&dialog, "otpError")->text(),
                 QStringLiteral("Escribe los 6 dígitos del código."));
        dialog.grab();
        backend->authenticator()->cancel();
    }

    void cardsPageIsSpanish()
    {
        ui::MainWindow window(m_backend.get());
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::signInWithCode(m_backend->authenticator(), m_customerId));

        ui::CardsPage *page = window.cardsPage();
        auto *greeting = child<QLabel>(page, "greeting");
        QVERIFY(waitUntil([&] { return greeting->text().startsWith(QStringLiteral("Hola, ")); }));
        QVERIFY2(greeting->text().endsWith(QStringLiteral(" — tus tarjetas")),
                 qPrintable(greeting->text()));
        auto *filter = child<QComboBox>(page, "statusFilter");
        QCOMPARE(filter->itemText(0), QStringLiteral("Todas las tarjetas"));
        QCOMPARE(child<QPushButton>(page, "createCardButton")->text(),
                 QStringLiteral("&Crear tarjeta…"));
        QVERIFY(child<QLabel>(&window, "sessionExpiry")
                    ->text()
                    .startsWith(QStringLiteral("La sesión termina en ")));

        auto *list = child<QListView>(page, "cardList");
        QVERIFY(waitUntil([&] { return list->model()->rowCount() > 0; }));
        list->setCurrentIndex(list->model()->index(0, 0));
        auto *limits = child<QLabel>(page, "cardLimits");
        QVERIFY(waitUntil([&] { return limits->text().contains(QStringLiteral("US$")); }));
        QVERIFY2(limits->text().startsWith(QStringLiteral("Compras diarias: ")),
                 qPrintable(limits->text()));
        QVERIFY2(limits->text().contains(QStringLiteral(" usados")), qPrintable(limits->text()));
        QVERIFY(!child<QLabel>(page, "detailStatus")->text().isEmpty());
        const QString tooltip = list->model()->index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tooltip.contains(QStringLiteral(" terminada en ")), qPrintable(tooltip));
        window.grab(); // the card tiles: "Vence …", "Con cargo a …"

        QSignalSpy removed(m_backend->tokenStore(), &TokenStore::removeFinished);
        m_backend->authenticator()->signOut();
        removed.wait(3000);
    }

    void detailsFollowTheLocale()
    {
        Card card;
        card.id = QStringLiteral("999999");
        card.type = CardType::IndividualDebitCard;
        card.status = CardStatus::Frozen;
        card.freezeReason = QStringLiteral("Travel");
        card.last4Digits = QStringLiteral("4321");
        card.expirationDate = QStringLiteral("2029-03");
        card.createdAt = QDateTime(QDate(2026, 3, 14), QTime(12, 30), Qt::UTC);
        card.accountId = QStringLiteral("200001");
        ui::CardDetailsPanel panel(m_backend.get());
        panel.showCard(card, QString());
        QCOMPARE(child<QLabel>(&panel, "cardDetailsTitle")->text(),
                 QStringLiteral("Tarjeta de débito física •••• 4321"));
        QCOMPARE(child<QLabel>(&panel, "detailStatus")->text(),
                 QStringLiteral("Congelada (Travel)"));
        QCOMPARE(child<QLabel>(&panel, "detailExpiry")->text(), QStringLiteral("03/29"));
        QCOMPARE(child<QLabel>(&panel, "detailAccount")->text(), QStringLiteral("Cuenta 200001"));
        // Day first, as Spain writes dates.
        const QString created = child<QLabel>(&panel, "detailCreated")->text();
        QVERIFY2(created.startsWith(QStringLiteral("14/3/26 ")), qPrintable(created));
        QCOMPARE(child<QPushButton>(&panel, "action-unfreeze")->text(),
                 QStringLiteral("&Descongelar"));
    }

    void wizardIsSpanish()
    {
        ui::MainWindow window(m_backend.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::signInWithCode(m_backend->authenticator(), m_customerId));

        ui::CreateCardWizard wizard(m_backend.get(), &window);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.windowTitle(), QStringLiteral("Nueva tarjeta"));
        QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Elige una tarjeta"));
        QCOMPARE(child<QRadioButton>(&wizard, "physicalCardOption")->text(),
                 QStringLiteral("Tarjeta de débito &física"));
        // QWizard's own buttons come from Qt's qtbase_es.qm.
        auto *next = child<QAbstractButton>(&wizard, "wizardNextButton");
        QCOMPARE(next->text(), QStringLiteral("Siguie&nte >"));
        QCOMPARE(child<QAbstractButton>(&wizard, "wizardCancelButton")->text(),
                 QStringLiteral("Cancelar"));

        QTest::mouseClick(next, Qt::LeftButton);
        auto *accounts = child<QListWidget>(&wizard, "accountList");
        QVERIFY(waitUntil([&] { return accounts->count() > 0; }));
        QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Elige la cuenta"));
        QCOMPARE(child<QAbstractButton>(&wizard, "wizardBackButton")->text(),
                 QStringLiteral("< &Atrás"));
        bool sawAvailable = false;
        for (int row = 0; row < accounts->count(); ++row) {
            const QString text = accounts->item(row)->text();
            if (text.endsWith(QStringLiteral("\u00a0US$ disponibles")))
                sawAvailable = true;
            else
                QVERIFY2(text.contains(QStringLiteral("las tarjetas solo se pueden cargar")),
                         qPrintable(text));
        }
        QVERIFY(sawAvailable);
        for (int row = 0; row < accounts->count(); ++row) {
            if (accounts->item(row)->flags() & Qt::ItemIsEnabled) {
                accounts->setCurrentRow(row);
                break;
            }
        }
        wizard.grab();

        QTest::mouseClick(next, Qt::LeftButton);
        auto *zip = child<QLineEdit>(&wizard, "postalCodeField");
        QVERIFY(waitUntil([&] { return !zip->text().isEmpty(); }));
        QCOMPARE(wizard.currentPage()->title(), QStringLiteral("¿A dónde enviamos la tarjeta?"));
        QCOMPARE(child<QLabel>(&wizard, "streetLabel")->text(), QStringLiteral("&Calle y número"));
        auto *state = child<QComboBox>(&wizard, "stateField");
        QCOMPARE(state->itemText(state->findData(QStringLiteral("NY"))),
                 QStringLiteral("NY — Nueva York"));
        const QString good = zip->text();
        zip->setText(QStringLiteral("941"));
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(child<QLabel>(&wizard, "postalCodeError")->text(),
                 QStringLiteral("Usa un código postal de 5 dígitos, opcionalmente seguido de "
                                "-1234."));
        wizard.grab();
        zip->setText(good);

        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Revisa y crea"));
        QCOMPARE(child<QAbstractButton>(&wizard, "createCardButton")->text(),
                 QStringLiteral("&Crear tarjeta"));
        QCOMPARE(child<QLabel>(&wizard, "reviewKind")->text(),
                 QStringLiteral("Tarjeta de débito física"));
        QVERIFY(child<QLabel>(&wizard, "reviewAddress")
                    ->text()
                    .endsWith(QStringLiteral("\nEstados Unidos")));
        wizard.grab();
        wizard.reject();

        QSignalSpy removed(m_backend->tokenStore(), &TokenStore::removeFinished);
        m_backend->authenticator()->signOut();
        removed.wait(3000);
    }

    void lockIsSpanish()
    {
        auto backend = makeBackend();
        ui::MainWindow window(backend.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::signInWithCode(backend->authenticator(), m_customerId));
        auto *lockNow = child<QAction>(&window, "lockNowAction");
        QCOMPARE(lockNow->text(), QStringLiteral("&Bloquear ahora"));
        lockNow->trigger();
        QCOMPARE(child<QLabel>(&window, "lockTitle")->text(),
                 QStringLiteral("Tessera está bloqueado"));
        QCOMPARE(child<QPushButton>(&window, "unlockButton")->text(),
                 QStringLiteral("&Desbloquear"));
        window.grab();

        ui::SettingsDialog settings(backend->environment(), backend->tokenStore());
        QCOMPARE(child<QSpinBox>(&settings, "idleLockMinutes")->suffix(), QStringLiteral(" min"));
        settings.grab();

        QSignalSpy removed(backend->tokenStore(), &TokenStore::removeFinished);
        backend->authenticator()->signOut();
        removed.wait(3000);
    }

    void moneyFollowsTheLocale()
    {
        // Spain: comma for decimals, dot for thousands from five digits on (CLDR's minimum
        // grouping), and "US$" after the amount, joined by a no-break space.
        QCOMPARE(Money::format(123456), QStringLiteral("1234,56\u00a0US$"));
        QCOMPARE(Money::format(1234567), QStringLiteral("12.345,67\u00a0US$"));
        // Qt 6.4 alone writes "1234.567,89 US$" here; Money puts the first dot back.
        QCOMPARE(Money::format(123456789), QStringLiteral("1.234.567,89\u00a0US$"));
        QCOMPARE(Money::format(123456789012), QStringLiteral("1.234.567.890,12\u00a0US$"));
        QCOMPARE(Money::format(-500), QStringLiteral("-5,00\u00a0US$"));

        // Where the dollar is the local currency it is just "$".
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::UnitedStates));
        QCOMPARE(Money::format(377050), QStringLiteral("$3,770.50"));
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Mexico));
        QCOMPARE(Money::format(377050), QStringLiteral("US$3,770.50"));
        QLocale::setDefault(QLocale::c());
        QCOMPARE(Money::format(377050), QStringLiteral("$3,770.50"));
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
    }

    void coreMessagesAreSpanish()
    {
        QCOMPARE(ApiError::timeout().message(),
                 QStringLiteral("El servidor no respondió a tiempo."));
        QCOMPARE(ApiError::http(503, QString()).message(),
                 QStringLiteral("El servidor respondió con el estado 503."));
        QCOMPARE(ApiError::decode(QStringLiteral("the reply is empty")).message(),
                 QStringLiteral("No se pudo leer la respuesta del servidor (the reply is empty)."));
        // The server's own words stay as sent.
        QCOMPARE(
            ApiError::http(400, QStringLiteral("Bad Request"), QStringLiteral("ZIP is invalid"))
                .message(),
            QStringLiteral("ZIP is invalid"));

        Address abroad;
        abroad.country = QStringLiteral("MX");
        QStringList problems;
        for (const AddressRules::Problem &problem : AddressRules::validate(abroad))
            problems << problem.message;
        QVERIFY2(problems.contains(QStringLiteral("Escribe la calle y el número.")),
                 qPrintable(problems.join(u'|')));
        QVERIFY2(problems.contains(QStringLiteral("Las tarjetas solo se pueden enviar a EE. UU.")),
                 qPrintable(problems.join(u'|')));
        Address tooLong;
        tooLong.street = QString(300, QLatin1Char('x'));
        QCOMPARE(AddressRules::validate(tooLong).first().message,
                 QStringLiteral("Debe tener como máximo 255 caracteres."));

        QCOMPARE(Environment::production({}).displayName(), QStringLiteral("Producción"));
        QCOMPARE(Environment::production({}).badge(), QStringLiteral("REAL"));
        QCOMPARE(*Environment::production({}).check(),
                 QStringLiteral("Este entorno necesita la dirección de un servidor de tokens."));
        QCOMPARE(TokenStore::describe(TokenStore::Status::TimedOut),
                 QStringLiteral("El llavero no respondió a tiempo."));
        for (CardStatus status :
             {CardStatus::Active, CardStatus::Inactive, CardStatus::Stolen, CardStatus::Lost,
              CardStatus::Frozen, CardStatus::ClosedByCustomer, CardStatus::SuspectedFraud,
              CardStatus::ActiveForOnlineUse, CardStatus::Unknown}) {
            Card card;
            card.status = status;
            (void)CardsModel::statusText(card); // the recorder flags any left in English
        }
    }

    void pluralsInBothLanguages()
    {
        QCOMPARE(minutesLeft(1), QStringLiteral("Tu sesión termina en 1 minuto."));
        QCOMPARE(minutesLeft(5), QStringLiteral("Tu sesión termina en 5 minutos."));

        // English is the source language; its plurals-only file gets "1 minute" right, for
        // an English locale and for one Tessera has no translation for alike.
        m_recorder.recording = false;
        for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedStates),
                                      QLocale::c(), QLocale(QLocale::German, QLocale::Germany)}) {
            QCOMPARE(Translations::install(locale), QStringLiteral("en"));
            QCOMPARE(minutesLeft(1), QStringLiteral("Your session ends in 1 minute."));
            QCOMPARE(minutesLeft(5), QStringLiteral("Your session ends in 5 minutes."));
        }
        // No German Qt buttons in an English window.
        {
            ui::CreateCardWizard wizard(m_backend.get());
            QCOMPARE(wizard.button(QWizard::NextButton)->text(), QStringLiteral("&Next >"));
            QCOMPARE(wizard.windowTitle(), QStringLiteral("New card"));
        }
        m_recorder.recording = true;
        QCOMPARE(Translations::install(QLocale(QLocale::Spanish, QLocale::Mexico)),
                 QStringLiteral("es"));
        QCOMPARE(minutesLeft(2), QStringLiteral("Tu sesión termina en 2 minutos."));
    }

    // Last: everything above went through the recorder.
    void noTesseraMessageWasLeftUntranslated()
    {
        QVERIFY2(m_recorder.misses.isEmpty(), qPrintable(m_recorder.misses.join(u'\n')));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
