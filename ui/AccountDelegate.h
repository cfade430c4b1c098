#pragma once

#include <QStyledItemDelegate>

namespace tessera::ui {

// One deposit account as a tile: its name and masked number, the available balance large on
// the right, the current balance and what is on hold under it, and its status when not open.
class AccountDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace tessera::ui
