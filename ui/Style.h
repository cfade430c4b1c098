#pragma once

#include <QColor>
#include <QIcon>
#include <QImage>
#include <QList>
#include <QPalette>
#include <QRect>

class QLabel;
class QLineEdit;
class QListView;
class QPainter;
class QProgressBar;
class QPushButton;
class QStyleOptionViewItem;
class QWidget;

namespace tessera::ui {

// The few looks Tessera's widgets share, so an error or a busy bar looks the same everywhere
// and stays readable in light and dark palettes.
namespace Style {
// Red that keeps its contrast on the palette's window colour.
QColor errorColor(const QPalette &palette);
// Shows the label's text in the error colour (and back to normal with error = false).
void markAsError(QLabel *label, bool error = true);
// A thin indeterminate progress bar.
void makeBusyBar(QProgressBar *bar);
// A list of painted rows (cards, accounts, activity): one row selected at a time, scrolled by
// pixels, no frame; `uniformRows` when every row has the same height (fast for long lists).
void makeRowList(QListView *list, bool uniformRows = true);
// A page's state in a stacked widget: `label` centred with buttons under it (empty, error).
QWidget *messageState(QWidget *parent, const char *objectName, QLabel *label,
                      const QList<QPushButton *> &buttons = {});
// A search field's clear button, made when the first text is typed: it only shows while there
// is text, and making it loads the style's icon, a sixth of building the main window at
// start-up.
void clearButtonOnceTyped(QLineEdit *field);
// "Loading your cards…" over a busy bar, centred.
QWidget *loadingState(QWidget *parent, const char *objectName, const QString &text);
// A row painted as a rounded tile of `rect` (cards, accounts): the palette's base, highlighted
// when selected, with a focus ring when it has the focus.
void paintTile(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect);
// Tessera's icon: the icon theme's (where the installed package puts it), else the sizes
// compiled in, for a run from the build tree, Windows and macOS.
QIcon appIcon();
// The same from the compiled-in sizes decoded beforehand by appIconImages(), which any thread
// may call (decoding them takes ~10 ms, most of it Qt finding its image plugins).
QIcon appIcon(const QList<QImage> &images);
QList<QImage> appIconImages();
} // namespace Style

} // namespace tessera::ui
