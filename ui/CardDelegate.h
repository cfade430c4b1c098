#pragma once

#include "Card.h"

#include <QStyledItemDelegate>

namespace tessera::ui {

// Draws a card as a tile: kind, last four digits, expiry, the account it draws on, its
// nickname or tags, and a status badge that says the status in words as well as colour.
// Colours come from the palette, so dark themes work.
class CardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge colour for a status, readable on the given palette.
    static QColor statusColor(CardStatus status, const QPalette &palette);
    // The tile's last line for `width`: the account (its digits never cut) and the tags.
    static QString detailLine(const QModelIndex &index, const Card &card,
                              const QFontMetrics &metrics, int width);
};

} // namespace tessera::ui
