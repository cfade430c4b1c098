#include "CardDelegate.h"

#include "CardsModel.h"
#include "Style.h"

#include <QApplication>
#include <QPainter>

namespace tessera::ui {

namespace {

constexpr int Margin = 6;
constexpr int Padding = 12;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// Nickname if the card has one, else its tags as "key: value".
QString tagLine(const Card &card)
{
    if (card.tags.contains(QStringLiteral("nickname")))
        return card.tags.value(QStringLiteral("nickname"));
    QStringList parts;
    for (auto it = card.tags.begin(); it != card.tags.end(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key(), it.value());
    return parts.join(QStringLiteral(" · "));
}

} // namespace

// "From Checking (…1234), $1,234.56 available  ·  nickname" in `width`: the tags give way
// first, then the account's name; its last digits and balance always show.
QString CardDelegate::detailLine(const QModelIndex &index, const Card &card,
                                 const QFontMetrics &metrics, int width)
{
    const QString title = index.data(CardsModel::AccountTitleRole).toString();
    const QString digits = index.data(CardsModel::AccountDigitsRole).toString();
    const QString available = index.data(CardsModel::AccountAvailableRole).toString();
    const QString tags = tagLine(card);
    const auto account = [&digits, &available](const QString &name) {
        const QString from =
            digits.isEmpty() ? tr("From %1").arg(name) : tr("From %1 (%2)").arg(name, digits);
        return available.isEmpty() ? from : tr("%1, %2 available").arg(from, available);
    };
    const QString separator = QStringLiteral("  ·  ");
    QString line = title.isEmpty() ? QString() : account(title);
    if (line.isEmpty())
        return metrics.elidedText(tags, Qt::ElideRight, width);
    if (metrics.horizontalAdvance(line) <= width) {
        if (tags.isEmpty())
            return line;
        const int room = width - metrics.horizontalAdvance(line + separator);
        const QString shownTags = metrics.elidedText(tags, Qt::ElideRight, room);
        return shownTags.size() > 1 ? line + separator + shownTags : line;
    }
    const int nameRoom = width - metrics.horizontalAdvance(account(QString()));
    return account(metrics.elidedText(title, Qt::ElideRight, qMax(0, nameRoom)));
}

QColor CardDelegate::statusColor(CardStatus status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case CardStatus::Active:
    case CardStatus::ActiveForOnlineUse:
        return dark ? QColor(0x57, 0xe3, 0x89) : QColor(0x1a, 0x7f, 0x37);
    case CardStatus::Inactive:
        return dark ? QColor(0x99, 0xc1, 0xf1) : QColor(0x1c, 0x71, 0xd8);
    case CardStatus::Frozen:
        return dark ? QColor(0x8f, 0xf0, 0xf4) : QColor(0x0b, 0x6e, 0x99);
    case CardStatus::Lost:
    case CardStatus::Stolen:
    case CardStatus::SuspectedFraud:
        return dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xc0, 0x1c, 0x28);
    case CardStatus::ClosedByCustomer:
    case CardStatus::Unknown:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::WindowText);
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return QSize(320, Margin * 2 + Padding * 2 + metrics.height() * 4 + 6);
}

void CardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    const Card card = index.data(CardsModel::CardRole).value<Card>();
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QRect tile = option.rect.adjusted(Margin, Margin, -Margin, -Margin);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    Style::paintTile(painter, option, tile);

    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor secondary = selected ? text : palette.color(QPalette::PlaceholderText);
    const QRect content = tile.adjusted(Padding, Padding, -Padding, -Padding);
    QFont font = option.font;
    const QFontMetrics metrics(font);
    const int line = metrics.height();

    // Chip: a small card outline, solid for physical and dashed for virtual cards.
    const QRect chip(content.left(), content.top() + 2, 34, 24);
    painter->setPen(QPen(text, 1.4, card.isVirtual() ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(chip, 4, 4);
    painter->fillRect(QRect(chip.left() + 5, chip.top() + 7, 9, 7), text);

    const int textLeft = chip.right() + 12;
    QRect row(textLeft, content.top(), content.right() - textLeft, line);

    // Status badge on the right of the first line.
    const QString status = CardsModel::statusText(card);
    QFont badgeFont = font;
    badgeFont.setBold(true);
    badgeFont.setPointSizeF(font.pointSizeF() * 0.9);
    const QFontMetrics badgeMetrics(badgeFont);
    const int badgeWidth = badgeMetrics.horizontalAdvance(status) + 16;
    const QRect badge(content.right() - badgeWidth, content.top(), badgeWidth,
                      badgeMetrics.height() + 4);
    const QColor badgeColor = statusColor(card.status, palette);
    painter->setPen(QPen(badgeColor, 1.2));
    painter->setBrush(QColor(badgeColor.red(), badgeColor.green(), badgeColor.blue(), 40));
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setFont(badgeFont);
    painter->setPen(selected ? text : badgeColor);
    painter->drawText(badge, Qt::AlignCenter, status);

    painter->setFont(font);
    painter->setPen(secondary);
    painter->drawText(row.adjusted(0, 0, -badgeWidth - 8, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      CardsModel::kindText(card));

    QFont numberFont = font;
    numberFont.setPointSizeF(font.pointSizeF() * 1.35);
    numberFont.setBold(true);
    const QFontMetrics numberMetrics(numberFont);
    row = QRect(textLeft, row.bottom() + 4, row.width(), numberMetrics.height());
    painter->setFont(numberFont);
    painter->setPen(text);
    painter->drawText(row, Qt::AlignLeft | Qt::AlignVCenter,
                      QStringLiteral("•••• %1").arg(card.last4Digits));
    painter->setFont(font);
    painter->setPen(secondary);
    painter->drawText(row, Qt::AlignRight | Qt::AlignVCenter,
                      tr("Expires %1").arg(CardsModel::expiryText(card)));

    row = QRect(textLeft, row.bottom() + 2, row.width(), line);
    painter->drawText(row, Qt::AlignLeft | Qt::AlignVCenter,
                      detailLine(index, card, metrics, row.width()));
    painter->restore();
}

} // namespace tessera::ui
