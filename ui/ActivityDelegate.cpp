#include "ActivityDelegate.h"

#include "ActivityModel.h"

#include <QLocale>
#include <QPainter>

namespace tessera::ui {

namespace {

constexpr int Padding = 8;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

QColor ActivityDelegate::creditColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x57, 0xe3, 0x89) : QColor(0x1a, 0x7f, 0x37);
}

QColor ActivityDelegate::statusColor(ActivityEntry::Status status, const QPalette &palette)
{
    switch (status) {
    case ActivityEntry::Status::Pending:
        return isDark(palette) ? QColor(0xf8, 0xe4, 0x5c) : QColor(0x9c, 0x5d, 0x00);
    case ActivityEntry::Status::Declined:
        return isDark(palette) ? QColor(0xff, 0x7b, 0x63) : QColor(0xc0, 0x1c, 0x28);
    case ActivityEntry::Status::Settled:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QString ActivityDelegate::dayText(const QDate &day, const QDate &today)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    // The year only when it is not this one: "Nov 28" / "28 nov", "Nov 28, 2025" / "28 nov 2025".
    const QLocale locale;
    const bool monthFirst =
        locale.territory() == QLocale::UnitedStates || locale.language() == QLocale::C;
    if (day.year() == today.year())
        return locale.toString(day, monthFirst ? QStringLiteral("MMM d") : QStringLiteral("d MMM"));
    return locale.toString(day, monthFirst ? QStringLiteral("MMM d, yyyy")
                                           : QStringLiteral("d MMM yyyy"));
}

QString ActivityDelegate::timeText(const QTime &time)
{
    // The locale's short time without seconds ("5:01 PM", "17:01"): the C locale's short
    // format has them.
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return QLocale().toString(time, format);
}

QSize ActivityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return QSize(360, Padding * 2 + metrics.height() * 2 + 4);
}

void ActivityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const auto status = ActivityEntry::Status(index.data(ActivityModel::StatusRole).toInt());
    const qint64 amount = index.data(ActivityModel::AmountRole).toLongLong();
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);

    painter->save();
    painter->fillRect(
        option.rect,
        palette.color(selected ? QPalette::Highlight
                               : (index.row() % 2 ? QPalette::AlternateBase : QPalette::Base)));
    if (option.state.testFlag(QStyle::State_HasFocus)) {
        painter->setPen(QPen(palette.color(QPalette::Highlight).darker(130), 1));
        painter->drawRect(option.rect.adjusted(0, 0, -1, -1));
    }
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor secondary = selected ? text : palette.color(QPalette::PlaceholderText);
    const QRect content = option.rect.adjusted(Padding * 2, Padding, -Padding * 2, -Padding);
    const QFont font = option.font;
    const QFontMetrics metrics(font);
    const int line = metrics.height();

    // Day column, as wide as the longest day text of the locale needs.
    const int dayWidth = metrics.horizontalAdvance(QStringLiteral("00 MMM 0000"));
    const QDateTime when = index.data(ActivityModel::DateRole).toDateTime().toLocalTime();
    painter->setFont(font);
    painter->setPen(secondary);
    painter->drawText(QRect(content.left(), content.top(), dayWidth, line),
                      Qt::AlignLeft | Qt::AlignVCenter, dayText(when.date()));
    painter->drawText(QRect(content.left(), content.top() + line + 4, dayWidth, line),
                      Qt::AlignLeft | Qt::AlignVCenter, timeText(when.time()));

    // Amount column on the right.
    QFont amountFont = font;
    amountFont.setBold(true);
    const QFontMetrics amountMetrics(amountFont);
    const QString amountText = index.data(ActivityModel::AmountTextRole).toString();
    const QString balanceText = index.data(ActivityModel::BalanceTextRole).toString();
    const QString balanceLine =
        balanceText.isEmpty() ? QString() : tr("Balance %1").arg(balanceText);
    const int amountWidth =
        qMax(amountMetrics.horizontalAdvance(amountText), metrics.horizontalAdvance(balanceLine));
    const QRect amountRect(content.right() - amountWidth, content.top(), amountWidth, line);
    amountFont.setStrikeOut(status == ActivityEntry::Status::Declined);
    painter->setFont(amountFont);
    QColor amountColor = text;
    if (!selected && status == ActivityEntry::Status::Declined)
        amountColor = secondary;
    else if (!selected && amount > 0)
        amountColor = creditColor(palette);
    painter->setPen(amountColor);
    painter->drawText(amountRect, Qt::AlignRight | Qt::AlignVCenter, amountText);
    painter->setFont(font);
    painter->setPen(secondary);
    painter->drawText(amountRect.translated(0, line + 4), Qt::AlignRight | Qt::AlignVCenter,
                      balanceLine);

    // Middle: who, then what kind and its status.
    const int middleLeft = content.left() + dayWidth + Padding * 2;
    const int middleWidth = amountRect.left() - Padding * 2 - middleLeft;
    QFont whoFont = font;
    whoFont.setWeight(QFont::DemiBold);
    const QFontMetrics whoMetrics(whoFont);
    painter->setFont(whoFont);
    painter->setPen(text);
    painter->drawText(QRect(middleLeft, content.top(), middleWidth, line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      whoMetrics.elidedText(index.data(ActivityModel::CounterpartyRole).toString(),
                                            Qt::ElideRight, middleWidth));
    painter->setFont(font);
    const QString kind = index.data(ActivityModel::KindTextRole).toString();
    const QString statusText = index.data(ActivityModel::StatusTextRole).toString();
    QRect second(middleLeft, content.top() + line + 4, middleWidth, line);
    if (!statusText.isEmpty()) {
        QFont statusFont = font;
        statusFont.setBold(true);
        const QFontMetrics statusMetrics(statusFont);
        const QString shown = statusMetrics.elidedText(statusText, Qt::ElideRight, middleWidth);
        painter->setFont(statusFont);
        painter->setPen(selected ? text : statusColor(status, palette));
        painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter, shown);
        second.setLeft(second.left() +
                       statusMetrics.horizontalAdvance(shown + QStringLiteral(" · ")));
        painter->setFont(font);
    }
    painter->setPen(secondary);
    painter->drawText(
        second, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText((statusText.isEmpty() ? QString() : QStringLiteral("· ")) + kind,
                           Qt::ElideRight, qMax(0, second.width())));
    painter->restore();
}

} // namespace tessera::ui
