#include "AddressForm.h"

#include "AddressRules.h"
#include "AddressText.h"
#include "Style.h"

#include <QComboBox>
#include <QFocusEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace tessera::ui {

namespace {

const QString Street = QStringLiteral("street");
const QString Street2 = QStringLiteral("street2");
const QString City = QStringLiteral("city");
const QString State = QStringLiteral("state");
const QString PostalCode = QStringLiteral("postalCode");
const QString Country = QStringLiteral("country");

struct StateName
{
    const char *code;
    const char *name;
};

// Names for AddressRules' codes; a code missing here still works, shown on its own.
constexpr StateName StateNames[] = {
    {"AL", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Alabama")},
    {"AK", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Alaska")},
    {"AZ", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Arizona")},
    {"AR", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Arkansas")},
    {"CA", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "California")},
    {"CO", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Colorado")},
    {"CT", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Connecticut")},
    {"DE", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Delaware")},
    {"DC", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "District of Columbia")},
    {"FL", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Florida")},
    {"GA", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Georgia")},
    {"HI", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Hawaii")},
    {"ID", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Idaho")},
    {"IL", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Illinois")},
    {"IN", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Indiana")},
    {"IA", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Iowa")},
    {"KS", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Kansas")},
    {"KY", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Kentucky")},
    {"LA", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Louisiana")},
    {"ME", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Maine")},
    {"MD", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Maryland")},
    {"MA", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Massachusetts")},
    {"MI", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Michigan")},
    {"MN", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Minnesota")},
    {"MS", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Mississippi")},
    {"MO", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Missouri")},
    {"MT", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Montana")},
    {"NE", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Nebraska")},
    {"NV", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Nevada")},
    {"NH", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "New Hampshire")},
    {"NJ", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "New Jersey")},
    {"NM", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "New Mexico")},
    {"NY", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "New York")},
    {"NC", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "North Carolina")},
    {"ND", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "North Dakota")},
    {"OH", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Ohio")},
    {"OK", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Oklahoma")},
    {"OR", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Oregon")},
    {"PA", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Pennsylvania")},
    {"RI", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Rhode Island")},
    {"SC", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "South Carolina")},
    {"SD", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "South Dakota")},
    {"TN", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Tennessee")},
    {"TX", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Texas")},
    {"UT", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Utah")},
    {"VT", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Vermont")},
    {"VA", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Virginia")},
    {"WA", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Washington")},
    {"WV", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "West Virginia")},
    {"WI", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Wisconsin")},
    {"WY", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Wyoming")},
    {"AS", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "American Samoa")},
    {"GU", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Guam")},
    {"MP", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Northern Mariana Islands")},
    {"PR", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "Puerto Rico")},
    {"VI", QT_TRANSLATE_NOOP("tessera::ui::AddressForm", "U.S. Virgin Islands")},
};

QString stateLabel(const QString &code)
{
    for (const StateName &state : StateNames) {
        if (code == QLatin1String(state.code))
            return AddressForm::tr("%1 — %2").arg(code, AddressForm::tr(state.name));
    }
    return code;
}

QLabel *makeErrorLabel(const QString &field, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(field + QStringLiteral("Error"));
    label->setWordWrap(true);
    Style::markAsError(label);
    label->hide();
    return label;
}

} // namespace

AddressForm::AddressForm(QWidget *parent)
    : QWidget(parent)
    , m_formError(makeErrorLabel(QStringLiteral("address"), this))
{
    setObjectName(QStringLiteral("addressForm"));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    grid->addWidget(m_formError, 0, 0, 1, 2);

    m_street = addLineField(Street, tr("&Street"), tr("Street address"), 1);
    m_street->setPlaceholderText(tr("e.g. 742 Valencia St"));
    m_street2 = addLineField(Street2, tr("Apt, s&uite"), tr("Apartment or suite (optional)"), 3);
    m_street2->setPlaceholderText(tr("Optional"));
    m_city = addLineField(City, tr("C&ity"), tr("City"), 5);

    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateField"));
    m_state->setAccessibleName(tr("State"));
    m_state->setPlaceholderText(tr("Choose a state"));
    for (const QString &code : AddressRules::usStateCodes())
        m_state->addItem(stateLabel(code), code);
    m_state->setCurrentIndex(-1);
    // Long enough for "MP — Northern Mariana Islands" without stretching across the form.
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        if (m_settingAddress)
            return;
        // Picking from a list is a finished choice, so check it at once.
        validateField(State);
        emit changed();
    });
    addRow(State, new QLabel(tr("S&tate"), this), m_state, 7);

    m_postalCode = addLineField(PostalCode, tr("&ZIP code"), tr("ZIP code"), 9);
    m_postalCode->setPlaceholderText(tr("94110 or 94110-1234"));
    m_postalCode->setMaxLength(10);
    m_postalCode->setMinimumWidth(
        m_postalCode->fontMetrics().horizontalAdvance(QStringLiteral("00000-00000")) + 16);
    m_postalCode->setInputMethodHints(Qt::ImhPreferNumbers);
    // Only what could still become a ZIP code can be typed; a short one is caught on leaving.
    m_postalCode->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,5}(-[0-9]{0,4})?")), m_postalCode));

    auto *country = new QLabel(tr("United States"), this);
    country->setObjectName(QStringLiteral("countryField"));
    country->setAccessibleName(tr("Country"));
    country->setToolTip(tr("Cards can only be shipped within the United States."));
    country->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addRow(Country, new QLabel(tr("Country"), this), country, 11);

    setTabOrder(m_street, m_street2);
    setTabOrder(m_street2, m_city);
    setTabOrder(m_city, m_state);
    setTabOrder(m_state, m_postalCode);
    setFocusProxy(m_street);
}

QLineEdit *AddressForm::addLineField(const QString &field, const QString &label,
                                     const QString &accessibleName, int row)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(field + QStringLiteral("Field"));
    edit->setAccessibleName(accessibleName);
    edit->setMaxLength(255);
    connect(edit, &QLineEdit::textChanged, this, [this, field] { onEdited(field); });
    addRow(field, new QLabel(label, this), edit, row);
    return edit;
}

void AddressForm::addRow(const QString &field, QLabel *label, QWidget *input, int row)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    label->setObjectName(field + QStringLiteral("Label"));
    label->setBuddy(input);
    grid->addWidget(label, row, 0, Qt::AlignRight | Qt::AlignVCenter);
    // Short values get short fields, so the form shows what is expected there.
    const bool shortField = field == State || field == PostalCode;
    grid->addWidget(input, row, 1, shortField ? Qt::AlignLeft : Qt::Alignment());
    QLabel *error = makeErrorLabel(field, this);
    grid->addWidget(error, row + 1, 1);
    m_inputs.insert(field, input);
    m_errors.insert(field, error);
    if (input->focusPolicy() != Qt::NoFocus)
        input->installEventFilter(this);
}

void AddressForm::setAddress(const Address &address)
{
    m_settingAddress = true;
    m_street->setText(address.street);
    m_street2->setText(address.street2);
    m_city->setText(address.city);
    m_state->setCurrentIndex(m_state->findData(address.state.trimmed().toUpper()));
    m_postalCode->setText(address.postalCode);
    m_settingAddress = false;
    clearErrors();
    emit changed();
}

Address AddressForm::address() const
{
    Address a;
    a.street = m_street->text().trimmed();
    a.street2 = m_street2->text().trimmed();
    a.city = m_city->text().trimmed();
    a.state = m_state->currentData().toString();
    a.postalCode = m_postalCode->text().trimmed();
    a.country = QStringLiteral("US");
    return a;
}

bool AddressForm::isComplete() const
{
    return AddressRules::validate(address()).isEmpty();
}

bool AddressForm::validate()
{
    clearErrors();
    const QList<AddressRules::Problem> problems = AddressRules::validate(address());
    for (const AddressRules::Problem &problem : problems)
        showFieldError(problem.field, problem.message);
    if (!problems.isEmpty()) {
        if (QWidget *input = m_inputs.value(problems.first().field);
            input && input->focusPolicy() != Qt::NoFocus)
            input->setFocus(Qt::OtherFocusReason);
    }
    return problems.isEmpty();
}

void AddressForm::showServerError(const QString &field, const QString &message)
{
    showServerProblems({{field, message}});
}

void AddressForm::showServerProblems(const QList<AddressRules::Problem> &problems)
{
    clearErrors();
    for (const AddressRules::Problem &problem : problems)
        showFieldError(problem.field, problem.message);
    if (problems.isEmpty())
        return;
    if (QWidget *input = m_inputs.value(problems.first().field);
        input && input->focusPolicy() != Qt::NoFocus)
        input->setFocus(Qt::OtherFocusReason);
}

void AddressForm::clearErrors()
{
    m_formError->clear();
    m_formError->hide();
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        clearFieldError(it.key());
}

bool AddressForm::eventFilter(QObject *watched, QEvent *event)
{
    // Checking on focus-out (rather than editingFinished) also catches a field left empty.
    if (event->type() == QEvent::FocusOut) {
        for (auto it = m_inputs.cbegin(); it != m_inputs.cend(); ++it) {
            if (it.value() == watched) {
                // Opening the state list or switching windows (to the code dialog, say) is
                // not leaving the field.
                const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
                if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason)
                    validateField(it.key());
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void AddressForm::validateField(const QString &field)
{
    const QList<AddressRules::Problem> problems = AddressRules::validate(address());
    for (const AddressRules::Problem &problem : problems) {
        if (problem.field == field) {
            showFieldError(field, problem.message);
            return;
        }
    }
    clearFieldError(field);
}

void AddressForm::showFieldError(const QString &field, const QString &message)
{
    QLabel *error = m_errors.value(field, m_formError);
    error->setText(message);
    error->show();
    // Screen readers announce the description with the field, so the problem is heard too.
    if (QWidget *input = m_inputs.value(field))
        input->setAccessibleDescription(message);
}

void AddressForm::clearFieldError(const QString &field)
{
    if (QLabel *error = m_errors.value(field)) {
        error->clear();
        error->hide();
    }
    if (QWidget *input = m_inputs.value(field))
        input->setAccessibleDescription(QString());
}

void AddressForm::onEdited(const QString &field)
{
    if (m_settingAddress)
        return;
    // While a problem is shown, re-check as the customer types so it goes away once fixed;
    // new problems wait until they leave the field.
    if (QLabel *error = m_errors.value(field); error && !error->isHidden())
        validateField(field);
    if (!m_formError->isHidden()) {
        m_formError->clear();
        m_formError->hide();
    }
    emit changed();
}

QString AddressForm::displayText(const Address &address)
{
    return AddressText::display(address);
}

} // namespace tessera::ui
