#include "Style.h"

#include <QLabel>
#include <QProgressBar>

namespace tessera::ui::Style {

QColor errorColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xc0, 0x1c, 0x28);
}

void markAsError(QLabel *label, bool error)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : QPalette();
    if (error)
        palette.setColor(QPalette::WindowText, errorColor(palette));
    label->setPalette(palette);
}

void makeBusyBar(QProgressBar *bar)
{
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(6);
}

} // namespace tessera::ui::Style
