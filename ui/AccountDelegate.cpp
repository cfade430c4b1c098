#include "AccountDelegate.h"

#include "AccountsModel.h"
#include "Style.h"

#include <QPainter>

namespace tessera::ui {

namespace {

constexpr int Margin = 6;
constexpr int Padding = 12;

} // namespace

QSize AccountDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // Two lines: the available balance, larger, over the details.
    QFont bigFont = option.font;
    bigFont.setPointSizeF(option.font.pointSizeF() * 1.35);
    bigFont.setBold(true);
    return QSize(320, Margin * 2 + Padding * 2 + QFontMetrics(bigFont).height() +
                          QFontMetrics(option.font).height() + 4);
}

void AccountDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QRect tile = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    Style::paintTile(painter, option, tile);
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor secondary = selected ? text : palette.color(QPalette::PlaceholderText);
    const QRect content = tile.adjusted(Padding, Padding, -Padding, -Padding);
    const QFont font = option.font;
    const QFontMetrics metrics(font);
    const int line = metrics.height();

    QFont bigFont = font;
    bigFont.setPointSizeF(font.pointSizeF() * 1.35);
    bigFont.setBold(true);
    const QFontMetrics bigMetrics(bigFont);
    const QString available = index.data(AccountsModel::AvailableTextRole).toString();
    const int availableWidth = bigMetrics.horizontalAdvance(available);

    // Left: name, then the status when the account is not open.
    const int leftWidth = content.width() - availableWidth - Padding;
    QFont nameFont = font;
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(text);
    painter->drawText(
        QRect(content.left(), content.top(), leftWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(nameFont).elidedText(index.data(AccountsModel::NameRole).toString(),
                                          Qt::ElideRight, leftWidth));
    painter->setFont(font);
    painter->setPen(secondary);
    painter->drawText(QRect(content.left(), content.top() + line + 4, leftWidth, line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(AccountsModel::StatusTextRole).toString());

    // Right: available, large; current balance and holds under it.
    painter->setFont(bigFont);
    painter->setPen(text);
    painter->drawText(
        QRect(content.right() - availableWidth, content.top(), availableWidth, bigMetrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, available);
    painter->setFont(font);
    painter->setPen(secondary);
    const QString detail = tr("available · balance %1 · on hold %2")
                               .arg(index.data(AccountsModel::BalanceTextRole).toString(),
                                    index.data(AccountsModel::HoldTextRole).toString());
    painter->drawText(
        QRect(content.left(), content.top() + bigMetrics.height() + 4, content.width(), line),
        Qt::AlignRight | Qt::AlignVCenter,
        metrics.elidedText(detail, Qt::ElideLeft, content.width()));
    painter->restore();
}

} // namespace tessera::ui
