#pragma once

#include "ActivityEntry.h"

#include <QStyledItemDelegate>

namespace tessera::ui {

// One row of activity: the day on the left; who was paid or paid in, with the kind and any
// pending or declined status under it; the amount on the right — money in in green with a
// plus, money out with a minus, a declined amount struck through — and the balance after it.
class ActivityDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // Green for money in, red for a declined payment, amber for a pending one; readable on the
    // palette's base colour, light or dark.
    static QColor creditColor(const QPalette &palette);
    static QColor statusColor(ActivityEntry::Status status, const QPalette &palette);
    // "Today", "Yesterday", else the short date of the user's locale.
    static QString dayText(const QDate &day, const QDate &today = QDate::currentDate());
    static QString timeText(const QTime &time);
};

} // namespace tessera::ui
