#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>

class QLabel;
class QProgressBar;

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
// Tessera's icon: the icon theme's (where the installed package puts it), else the sizes
// compiled in, for a run from the build tree, Windows and macOS.
QIcon appIcon();
} // namespace Style

} // namespace tessera::ui
