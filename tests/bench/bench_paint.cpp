// Painting the cards list (issue 15's bumps): the first paint of a list of N card tiles, and the
// cost of repainting one tile, drawn by CardDelegate as the cards page draws them. The floor is
// a plain QListView of the same N rows ("•••• 1234", Qt's own delegate), the same view set-up
// (Style::makeRowList) and size. Each paint renders the view's viewport into an image
// offscreen; medians of --runs paints.

#include "BenchSupport.h"
#include "CardDelegate.h"
#include "CardsModel.h"
#include "Style.h"

#include <QApplication>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QStandardItemModel>

using namespace tessera;
using namespace tessera::bench;

namespace {

// The left half of the cards page in a 1040-pixel window.
const QSize ViewSize(520, 700);

// Cards as a page of them looks: every status and kind, some with a nickname or tags.
Card cardNumber(int i)
{
    static const QList<CardType> types = {CardType::IndividualDebitCard,
                                          CardType::IndividualVirtualDebitCard,
                                          CardType::BusinessDebitCard};
    static const QList<CardStatus> statuses = {CardStatus::Active, CardStatus::Inactive,
                                               CardStatus::Frozen, CardStatus::Lost,
                                               CardStatus::ClosedByCustomer};
    Card card;
    card.id = QString::number(100000 + i);
    card.type = types.at(i % types.size());
    card.typeName = cardTypeName(card.type);
    card.status = statuses.at(i % statuses.size());
    card.statusName = cardStatusName(card.status);
    card.last4Digits = QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
    card.expirationDate = QStringLiteral("2029-%1").arg(i % 12 + 1, 2, 10, QLatin1Char('0'));
    card.accountId = QStringLiteral("10001");
    card.customerId = QStringLiteral("100001");
    if (i % 3 == 0)
        card.tags.insert(QStringLiteral("nickname"), QStringLiteral("Groceries %1").arg(i));
    else if (i % 3 == 1)
        card.tags.insert(QStringLiteral("team"), QStringLiteral("Operations"));
    return card;
}

struct PaintFigures
{
    double firstMs = 0;   // the first paint, laying out the N rows
    double repaintMs = 0; // median of later paints
    int visibleRows = 0;
};

int visibleRows(const QListView &view)
{
    int rows = 0;
    const QRect viewport = view.viewport()->rect();
    for (int row = 0; row < view.model()->rowCount(); ++row) {
        const QRect rect = view.visualRect(view.model()->index(row, 0));
        if (rect.intersects(viewport))
            ++rows;
        else if (rect.top() > viewport.bottom())
            break;
    }
    return rows;
}

PaintFigures paintFigures(QListView *view, int runs)
{
    ui::Style::makeRowList(view);
    view->resize(ViewSize);
    QImage image(ViewSize, QImage::Format_ARGB32_Premultiplied);
    const auto paint = [view, &image] {
        QElapsedTimer timer;
        timer.start();
        view->viewport()->render(&image);
        return elapsedMs(timer);
    };
    PaintFigures figures;
    figures.firstMs = paint();
    QList<double> repaints;
    for (int i = 0; i < runs; ++i)
        repaints << paint();
    figures.repaintMs = median(repaints);
    figures.visibleRows = visibleRows(*view);
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    quietLogs();
    int cards = 5000;
    int runs = 21;
    const QStringList arguments = QCoreApplication::arguments();
    for (int i = 1; i + 1 < arguments.size(); i += 2) {
        if (arguments.at(i) == QLatin1String("--cards"))
            cards = qMax(1, arguments.at(i + 1).toInt());
        else if (arguments.at(i) == QLatin1String("--runs"))
            runs = qMax(1, arguments.at(i + 1).toInt());
        else
            return fail(QStringLiteral("usage: bench_paint [--cards N] [--runs N]"));
    }

    QStandardItemModel tiles;
    QStandardItemModel plain;
    for (int i = 0; i < cards; ++i) {
        const Card card = cardNumber(i);
        auto *tile = new QStandardItem;
        tile->setData(QVariant::fromValue(card), CardsModel::CardRole);
        tile->setData(QStringLiteral("Checking"), CardsModel::AccountTitleRole);
        tile->setData(QStringLiteral("…1234"), CardsModel::AccountDigitsRole);
        tile->setData(QStringLiteral("$1,234.56"), CardsModel::AccountAvailableRole);
        tiles.appendRow(tile);
        plain.appendRow(new QStandardItem(QStringLiteral("•••• %1").arg(card.last4Digits)));
    }

    QListView cardList;
    cardList.setModel(&tiles);
    cardList.setItemDelegate(new ui::CardDelegate(&cardList));
    QListView plainList;
    plainList.setModel(&plain);

    // The floor first: the process's first text drawing (fonts, shaping caches) is on it.
    const PaintFigures floor = paintFigures(&plainList, runs);
    const PaintFigures tessera = paintFigures(&cardList, runs);
    const double perTile = tessera.repaintMs / qMax(1, tessera.visibleRows);
    const double perRow = floor.repaintMs / qMax(1, floor.visibleRows);
    figure(versusFloor(QStringLiteral("paint: first paint of %4 cards: tiles %1 ms, plain rows %2 "
                                      "ms, ratio %3"),
                       tessera.firstMs, floor.firstMs, 2)
               .arg(cards));
    figure(versusFloor(QStringLiteral("paint: repaint per row: tile %1 ms (%4 tiles in view), "
                                      "plain row %2 ms (%5 rows), ratio %3"),
                       perTile, perRow, 4)
               .arg(tessera.visibleRows)
               .arg(floor.visibleRows));
    return 0;
}
