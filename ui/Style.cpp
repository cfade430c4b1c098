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

QIcon appIcon()
{
    const QString name = QStringLiteral("io.github.tessera_banking.Tessera");
    QIcon builtIn;
    for (const int size : {16, 32, 48, 64, 128, 256})
        builtIn.addFile(QStringLiteral(":/icons/%1/%2.png").arg(size).arg(name), QSize(size, size));
    return QIcon::fromTheme(name, builtIn);
}

} // namespace tessera::ui::Style
