#include "AddressForm.h"
#include "AddressRules.h"
#include "ChildByName.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using tessera::ui::AddressForm;

// Types into the real form and checks where each problem is shown.
class TestAddressForm : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AddressForm> m_form;

    template <class T> T *child(const char *name) { return test::child<T>(m_form.get(), name); }

    bool errorShown(const char *name) { return !child<QLabel>(name)->isHidden(); }

    static Address maya()
    {
        Address a;
        a.street = QStringLiteral("742 Valencia St");
        a.street2 = QStringLiteral("Apt 3");
        a.city = QStringLiteral("San Francisco");
        a.state = QStringLiteral("CA");
        a.postalCode = QStringLiteral("94110");
        return a;
    }

    void leave(QWidget *field)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_Tab);
    }

private slots:
    void init()
    {
        m_form = std::make_unique<AddressForm>();
        m_form->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
        m_form->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    }

    void cleanup() { m_form.reset(); }

    void emptyFormShowsEveryProblemAtItsField()
    {
        QVERIFY(!m_form->isComplete());
        for (const char *name : {"streetError", "cityError", "stateError", "postalCodeError"})
            QVERIFY2(!errorShown(name), name); // nothing shown before the customer acts
        QVERIFY(!m_form->validate());
        for (const char *name : {"streetError", "cityError", "stateError", "postalCodeError"})
            QVERIFY2(errorShown(name), name);
        QVERIFY(!errorShown("street2Error"));
        QCOMPARE(child<QLabel>("streetError")->text(), QStringLiteral("Enter the street address."));
        QCOMPARE(child<QLabel>("stateError")->text(), QStringLiteral("Choose a state."));
        QVERIFY(child<QLineEdit>("streetField")->hasFocus()); // first problem gets focus
    }

    void leavingAFieldChecksIt()
    {
        auto *zip = child<QLineEdit>("postalCodeField");
        zip->setFocus();
        QTest::keyClicks(zip, QStringLiteral("9411"));
        QVERIFY(!errorShown("postalCodeError")); // not while typing
        QTest::keyClick(zip, Qt::Key_Tab);
        QVERIFY(!zip->hasFocus());
        QVERIFY(errorShown("postalCodeError"));
        QVERIFY(child<QLabel>("postalCodeError")->text().contains(QLatin1String("5-digit")));
        QVERIFY(!zip->accessibleDescription().isEmpty());

        // Fixing the field clears its problem as soon as it is right.
        zip->setFocus();
        zip->end(false);
        QTest::keyClicks(zip, QStringLiteral("0"));
        QVERIFY(!errorShown("postalCodeError"));
        QVERIFY(zip->accessibleDescription().isEmpty());

        // Only fields that were left are checked: the street had the focus at first.
        QVERIFY(!errorShown("cityError"));
        QVERIFY(errorShown("streetError"));
        QVERIFY(errorShown("streetError"));
        QTest::keyClicks(child<QLineEdit>("streetField"), QStringLiteral("1 Main St"));
        QVERIFY(!errorShown("streetError"));
    }

    void zipAcceptsOnlyZipShapes()
    {
        auto *zip = child<QLineEdit>("postalCodeField");
        QTest::keyClicks(zip, QStringLiteral("94a1b10"));
        QCOMPARE(zip->text(), QStringLiteral("94110"));
        QTest::keyClicks(zip, QStringLiteral("-12345"));
        QCOMPARE(zip->text(), QStringLiteral("94110-1234"));
        QVERIFY(AddressRules::isValidPostalCode(m_form->address().postalCode));

        // A short ZIP+4 is caught.
        zip->clear();
        QTest::keyClicks(zip, QStringLiteral("94110-12"));
        leave(zip);
        QVERIFY(errorShown("postalCodeError"));
    }

    void stateListShowsNamesAndPlaceholder()
    {
        auto *state = child<QComboBox>("stateField");
        QCOMPARE(state->currentIndex(), -1);
        QCOMPARE(state->placeholderText(), QStringLiteral("Choose a state"));
        QCOMPARE(state->count(), AddressRules::usStateCodes().size());
        const int ca = state->findData(QStringLiteral("CA"));
        QVERIFY(ca >= 0);
        QCOMPARE(state->itemText(ca), QStringLiteral("CA — California"));

        QVERIFY(!m_form->validate());
        QVERIFY(errorShown("stateError"));
        state->setCurrentIndex(ca); // choosing is a finished action: checked at once
        QVERIFY(!errorShown("stateError"));
        QCOMPARE(m_form->address().state, QStringLiteral("CA"));
    }

    void invalidStateFromDataIsReported()
    {
        Address a = maya();
        a.state = QStringLiteral("ZZ");
        m_form->setAddress(a);
        QVERIFY(!m_form->isComplete());
        QVERIFY(!m_form->validate());
        QVERIFY(errorShown("stateError"));
        QVERIFY(!errorShown("streetError"));
        QVERIFY(!errorShown("postalCodeError"));
    }

    void setAddressRoundTrips()
    {
        QSignalSpy changed(m_form.get(), &AddressForm::changed);
        m_form->setAddress(maya());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_form->address(), maya());
        QVERIFY(m_form->isComplete());
        QVERIFY(m_form->validate());
        QCOMPARE(child<QLineEdit>("street2Field")->text(), QStringLiteral("Apt 3"));
        QVERIFY(child<QComboBox>("stateField")->currentText().startsWith(QLatin1String("CA")));

        // Lower-case state codes and stray spaces are tidied; the country is always US.
        Address loose = maya();
        loose.state = QStringLiteral("ca");
        loose.street = QStringLiteral("  742 Valencia St ");
        loose.street2.clear();
        m_form->setAddress(loose);
        Address expected = maya();
        expected.street2.clear();
        QCOMPARE(m_form->address(), expected);

        QTest::keyClicks(child<QLineEdit>("cityField"), QStringLiteral("x"));
        QCOMPARE(changed.count(), 3);
    }

    void settingAnAddressClearsOldProblems()
    {
        QVERIFY(!m_form->validate());
        m_form->setAddress(maya());
        for (const char *name : {"streetError", "cityError", "stateError", "postalCodeError"})
            QVERIFY2(!errorShown(name), name);
    }

    void serverErrorLandsOnTheField()
    {
        m_form->setAddress(maya());
        m_form->showServerError(QStringLiteral("postalCode"),
                                QStringLiteral("ZIP code does not match the state."));
        QVERIFY(errorShown("postalCodeError"));
        QCOMPARE(child<QLabel>("postalCodeError")->text(),
                 QStringLiteral("ZIP code does not match the state."));
        QVERIFY(child<QLineEdit>("postalCodeField")->hasFocus());
        QVERIFY(!errorShown("streetError"));

        // Something the form has no field for is still shown, above the fields.
        m_form->showServerError(QString(), QStringLiteral("Address is not deliverable."));
        QVERIFY(errorShown("addressError"));
        m_form->showServerError(QStringLiteral("country"), QStringLiteral("US only."));
        QVERIFY(errorShown("countryError"));

        m_form->clearErrors();
        QVERIFY(!errorShown("postalCodeError"));
        QVERIFY(!errorShown("addressError"));
    }

    void aServerErrorNamingTwoFieldsMarksBoth()
    {
        m_form->setAddress(maya());
        ApiError error = ApiError::http(400, QStringLiteral("Bad Request"));
        error.entries = {{QStringLiteral("Bad Request"),
                          QStringLiteral("Unknown state."),
                          {},
                          {},
                          QStringLiteral("/data/attributes/shippingAddress/state")},
                         {QStringLiteral("Bad Request"),
                          QStringLiteral("Unknown ZIP code."),
                          {},
                          {},
                          QStringLiteral("/data/attributes/shippingAddress/postalCode")}};
        m_form->showServerProblems(AddressRules::problemsIn(error));
        QVERIFY(errorShown("stateError"));
        QCOMPARE(child<QLabel>("stateError")->text(), QStringLiteral("Unknown state."));
        QVERIFY(errorShown("postalCodeError"));
        QCOMPARE(child<QLabel>("postalCodeError")->text(), QStringLiteral("Unknown ZIP code."));
        QVERIFY(!errorShown("streetError"));
        QVERIFY(!errorShown("addressError"));
        // The first field named has the focus.
        QVERIFY(child<QWidget>("stateField")->hasFocus());
    }

    void accessibleNamesBuddiesAndTabOrder()
    {
        const char *fields[] = {"streetField", "street2Field", "cityField", "stateField",
                                "postalCodeField"};
        for (const char *name : fields) {
            auto *field = child<QWidget>(name);
            QVERIFY2(!field->accessibleName().isEmpty(), name);
            const QString label =
                QString::fromLatin1(name).replace(QLatin1String("Field"), QLatin1String("Label"));
            QCOMPARE(m_form->findChild<QLabel *>(label)->buddy(), field);
        }
        // Tab walks the fields top to bottom.
        child<QWidget>(fields[0])->setFocus();
        for (int i = 0; i + 1 < int(std::size(fields)); ++i) {
            QCOMPARE(QApplication::focusWidget(), child<QWidget>(fields[i]));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QCOMPARE(QApplication::focusWidget(), child<QWidget>(fields[std::size(fields) - 1]));
        QVERIFY(child<QLabel>("countryField")->text().contains(QLatin1String("United States")));
        QVERIFY(!(child<QLabel>("countryField")->focusPolicy() & Qt::TabFocus));
    }
};

QTEST_MAIN(TestAddressForm)
#include "tst_addressform.moc"
