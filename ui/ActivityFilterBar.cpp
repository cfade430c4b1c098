#include "ActivityFilterBar.h"

#include "Money.h"
#include "Style.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace tessera::ui {

namespace {

enum class Period { Any, Last7Days, Last30Days, ThisMonth, LastMonth, ThisYear, Custom };

constexpr int TypingPauseMs = 350;

} // namespace

ActivityFilterBar::ActivityFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_until(new QDateEdit(this))
    , m_minAmount(new QLineEdit(this))
    , m_maxAmount(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_clear(new QToolButton(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("activityFilterBar"));

    m_text->setObjectName(QStringLiteral("activitySearch"));
    m_text->setPlaceholderText(tr("Search merchant, description or amount"));
    m_text->setAccessibleName(tr("Search activity"));
    Style::clearButtonOnceTyped(m_text);

    m_period->setObjectName(QStringLiteral("activityPeriod"));
    m_period->setAccessibleName(tr("Period"));
    m_period->addItem(tr("Any time"), int(Period::Any));
    m_period->addItem(tr("Last 7 days"), int(Period::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(Period::Last30Days));
    m_period->addItem(tr("This month"), int(Period::ThisMonth));
    m_period->addItem(tr("Last month"), int(Period::LastMonth));
    m_period->addItem(tr("This year"), int(Period::ThisYear));
    m_period->addItem(tr("Dates…"), int(Period::Custom));

    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setMaximumDate(today);
    }
    m_from->setObjectName(QStringLiteral("activityFrom"));
    m_from->setAccessibleName(tr("From"));
    m_from->setDate(today.addMonths(-1));
    m_until->setObjectName(QStringLiteral("activityUntil"));
    m_until->setAccessibleName(tr("Until"));
    m_until->setDate(today);

    m_minAmount->setObjectName(QStringLiteral("activityMinAmount"));
    m_minAmount->setPlaceholderText(tr("Min $"));
    m_minAmount->setAccessibleName(tr("Smallest amount"));
    m_maxAmount->setObjectName(QStringLiteral("activityMaxAmount"));
    m_maxAmount->setPlaceholderText(tr("Max $"));
    m_maxAmount->setAccessibleName(tr("Largest amount"));
    for (QLineEdit *edit : {m_minAmount, m_maxAmount})
        edit->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000000.00")) + 16);

    m_type->setObjectName(QStringLiteral("activityType"));
    m_type->setAccessibleName(tr("Type"));
    m_type->addItem(tr("All types"), QVariantList());
    const QList<std::pair<QString, QList<TransactionKind>>> types = {
        {tr("Card purchases"), {TransactionKind::Purchase, TransactionKind::Card}},
        {tr("ATM"), {TransactionKind::Atm}},
        {tr("Deposits"), {TransactionKind::ReceivedAch}},
        {tr("Transfers"), {TransactionKind::OriginatedAch, TransactionKind::Book}},
        {tr("Fees"), {TransactionKind::Fee, TransactionKind::FeeReversal}},
        {tr("Refunds"), {TransactionKind::CardReversal}},
        {tr("Interest"), {TransactionKind::Interest}},
    };
    for (const auto &[label, kinds] : types) {
        QVariantList values;
        for (TransactionKind kind : kinds)
            values << int(kind);
        m_type->addItem(label, values);
    }

    m_direction->setObjectName(QStringLiteral("activityDirection"));
    m_direction->setAccessibleName(tr("Money in or out"));
    m_direction->addItem(tr("In and out"), QVariant());
    m_direction->addItem(tr("Money out"), int(Direction::Debit));
    m_direction->addItem(tr("Money in"), int(Direction::Credit));

    m_clear->setObjectName(QStringLiteral("clearActivityFilters"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show all activity again"));
    connect(m_clear, &QToolButton::clicked, this, &ActivityFilterBar::clear);

    m_problem->setObjectName(QStringLiteral("activityFilterProblem"));
    m_problem->setWordWrap(true);
    Style::markAsError(m_problem);
    m_problem->hide();

    auto *first = new QHBoxLayout;
    first->setContentsMargins(0, 0, 0, 0);
    first->addWidget(m_text, 1);
    first->addWidget(m_type);
    first->addWidget(m_direction);
    auto *second = new QHBoxLayout;
    second->setContentsMargins(0, 0, 0, 0);
    second->addWidget(m_period);
    second->addWidget(m_from);
    second->addWidget(m_until);
    second->addSpacing(12);
    second->addWidget(m_minAmount);
    auto *dash = new QLabel(QStringLiteral("–"), this);
    dash->setAccessibleName(tr("to"));
    second->addWidget(dash);
    second->addWidget(m_maxAmount);
    second->addStretch();
    second->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(first);
    layout->addLayout(second);
    layout->addWidget(m_problem);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(TypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &ActivityFilterBar::rebuild);
    for (QLineEdit *edit : {m_text, m_minAmount, m_maxAmount}) {
        connect(edit, &QLineEdit::textEdited, &m_typingPause, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &ActivityFilterBar::rebuild);
    }
    // The clear button inside the search field does not count as an edit.
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_typingPause.start();
    });
    for (QComboBox *combo : {m_period, m_type, m_direction})
        connect(combo, &QComboBox::currentIndexChanged, this, &ActivityFilterBar::rebuild);
    for (QDateEdit *edit : {m_from, m_until})
        connect(edit, &QDateEdit::dateChanged, this, &ActivityFilterBar::rebuild);
    connect(m_period, &QComboBox::currentIndexChanged, this,
            &ActivityFilterBar::updatePeriodEditors);
    updatePeriodEditors();
}

void ActivityFilterBar::clear()
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_text),      QSignalBlocker(m_period),
                                       QSignalBlocker(m_minAmount), QSignalBlocker(m_maxAmount),
                                       QSignalBlocker(m_type),      QSignalBlocker(m_direction)};
    m_text->clear();
    m_period->setCurrentIndex(0);
    m_minAmount->clear();
    m_maxAmount->clear();
    m_type->setCurrentIndex(0);
    m_direction->setCurrentIndex(0);
    updatePeriodEditors();
    rebuild();
}

void ActivityFilterBar::updatePeriodEditors()
{
    const bool custom = Period(m_period->currentData().toInt()) == Period::Custom;
    m_from->setVisible(custom);
    m_until->setVisible(custom);
}

void ActivityFilterBar::rebuild()
{
    m_typingPause.stop();
    ActivityFilter filter;
    filter.text = m_text->text().trimmed();

    const QDate today = QDate::currentDate();
    switch (Period(m_period->currentData().toInt())) {
    case Period::Any:
        break;
    case Period::Last7Days:
        filter.from = today.addDays(-6);
        filter.until = today;
        break;
    case Period::Last30Days:
        filter.from = today.addDays(-29);
        filter.until = today;
        break;
    case Period::ThisMonth:
        filter.from = QDate(today.year(), today.month(), 1);
        filter.until = today;
        break;
    case Period::LastMonth: {
        const QDate lastMonth = today.addMonths(-1);
        filter.from = QDate(lastMonth.year(), lastMonth.month(), 1);
        filter.until = filter.from.addMonths(1).addDays(-1);
        break;
    }
    case Period::ThisYear:
        filter.from = QDate(today.year(), 1, 1);
        filter.until = today;
        break;
    case Period::Custom:
        filter.from = m_from->date();
        filter.until = m_until->date();
        break;
    }

    QStringList problems;
    const auto readAmount = [&](QLineEdit *edit, std::optional<qint64> *into, const QString &what) {
        const QString typed = edit->text().trimmed();
        if (typed.isEmpty())
            return;
        *into = Money::parse(typed);
        if (!*into)
            problems << tr("The %1 is not an amount of dollars, such as %2.")
                            .arg(what, QLocale().toString(12.5, 'f', 2));
    };
    readAmount(m_minAmount, &filter.minAmount, tr("smallest amount"));
    readAmount(m_maxAmount, &filter.maxAmount, tr("largest amount"));
    if (filter.minAmount && filter.maxAmount && *filter.minAmount > *filter.maxAmount)
        problems << tr("The smallest amount is larger than the largest.");
    if (filter.from.isValid() && filter.until.isValid() && filter.from > filter.until)
        problems << tr("The first date is after the last one.");

    for (const QVariant &kind : m_type->currentData().toList())
        filter.kinds << TransactionKind(kind.toInt());
    if (m_direction->currentData().isValid())
        filter.direction = Direction(m_direction->currentData().toInt());

    m_problem->setText(problems.join(QLatin1Char(' ')));
    m_problem->setVisible(!problems.isEmpty());
    // Nothing is asked of the server while what was typed cannot be meant; the list keeps
    // showing the last good filter and what was typed stays for correcting.
    if (!problems.isEmpty())
        return;
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged(m_filter);
}

} // namespace tessera::ui
