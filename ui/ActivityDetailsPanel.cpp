#include "ActivityDetailsPanel.h"

#include "ActivityDelegate.h"
#include "Money.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace tessera::ui {

ActivityDetailsPanel::ActivityDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_amount(new QLabel(this))
    , m_placeholder(new QLabel(tr("Select a row to see its details."), this))
    , m_body(new QWidget(this))
    , m_form(new QFormLayout(m_body))
{
    setObjectName(QStringLiteral("activityDetails"));
    m_title->setObjectName(QStringLiteral("activityDetailsTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_amount->setObjectName(QStringLiteral("activityDetailsAmount"));
    QFont amountFont = m_amount->font();
    amountFont.setPointSizeF(amountFont.pointSizeF() * 1.6);
    amountFont.setBold(true);
    m_amount->setFont(amountFont);
    m_placeholder->setObjectName(QStringLiteral("activityDetailsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_form->setContentsMargins(0, 8, 0, 0);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_title);
    layout->addWidget(m_amount);
    layout->addWidget(m_body);
    layout->addStretch();
    clear();
}

void ActivityDetailsPanel::clear()
{
    m_title->hide();
    m_amount->hide();
    m_body->hide();
    m_placeholder->show();
}

void ActivityDetailsPanel::addRow(const QString &label, const QString &value,
                                  const char *objectName)
{
    if (value.isEmpty())
        return;
    auto *field = new QLabel(value, m_body);
    field->setObjectName(QLatin1String(objectName));
    field->setWordWrap(true);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, field);
}

void ActivityDetailsPanel::showEntry(const ActivityEntry &entry)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);

    m_title->setText(entry.counterparty());
    const qint64 amount = entry.signedAmount();
    m_amount->setText(amount > 0 ? QStringLiteral("+") + Money::format(amount)
                                 : QStringLiteral("−") + Money::format(-amount));
    QPalette palette = m_amount->palette();
    palette.setColor(QPalette::WindowText, amount > 0
                                               ? ActivityDelegate::creditColor(palette)
                                               : this->palette().color(QPalette::WindowText));
    m_amount->setPalette(palette);

    const QString status = entry.statusText();
    addRow(tr("Status:"), status.isEmpty() ? tr("Settled") : status, "activityDetailsStatus");
    const QDateTime when = entry.createdAt().toLocalTime();
    addRow(tr("Date:"),
           tr("%1, %2").arg(QLocale().toString(when.date(), QLocale::LongFormat),
                            ActivityDelegate::timeText(when.time())),
           "activityDetailsDate");
    addRow(tr("Type:"), entry.kindText(), "activityDetailsType");

    QString card, category, location, summary, id;
    if (const auto *transaction = std::get_if<Transaction>(&entry.record)) {
        card = transaction->cardLast4Digits;
        if (transaction->merchant) {
            category = transaction->merchant->category;
            location = transaction->merchant->location;
        } else if (!transaction->atmLocation.isEmpty()) {
            location = transaction->atmLocation;
        }
        summary =
            transaction->description.isEmpty() ? transaction->summary : transaction->description;
        id = transaction->id;
    } else if (const auto *authorization = std::get_if<Authorization>(&entry.record)) {
        card = authorization->cardLast4Digits;
        category = authorization->merchant.category;
        location = authorization->merchant.location;
        summary = authorization->summary;
        id = authorization->id;
    }
    addRow(tr("Card:"), card.isEmpty() ? QString() : QStringLiteral("•••• ") + card,
           "activityDetailsCard");
    addRow(tr("Category:"), category, "activityDetailsCategory");
    addRow(tr("Where:"), location, "activityDetailsLocation");
    if (summary != entry.counterparty())
        addRow(tr("Description:"), summary, "activityDetailsDescription");
    if (const auto balance = entry.balanceAfter())
        addRow(tr("Balance after:"), Money::format(*balance), "activityDetailsBalance");
    addRow(entry.status() == ActivityEntry::Status::Settled ? tr("Transaction ID:")
                                                            : tr("Authorization ID:"),
           id, "activityDetailsId");

    m_placeholder->hide();
    m_title->show();
    m_amount->show();
    m_body->show();
}

} // namespace tessera::ui
