#include "Style.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QStyleOptionViewItem>
#include <QVBoxLayout>

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

void makeRowList(QListView *list, bool uniformRows)
{
    list->setUniformItemSizes(uniformRows);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setFrameShape(QFrame::NoFrame);
}

QWidget *messageState(QWidget *parent, const char *objectName, QLabel *label,
                      const QList<QPushButton *> &buttons)
{
    auto *page = new QWidget(parent);
    page->setObjectName(QLatin1String(objectName));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
    for (QPushButton *button : buttons)
        layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

void clearButtonOnceTyped(QLineEdit *field)
{
    if (!field->text().isEmpty()) {
        field->setClearButtonEnabled(true);
        return;
    }
    // From empty, the first change is the first text.
    QObject::connect(
        field, &QLineEdit::textChanged, field, [field] { field->setClearButtonEnabled(true); },
        Qt::SingleShotConnection);
}

QWidget *loadingState(QWidget *parent, const char *objectName, const QString &text)
{
    auto *page = new QWidget(parent);
    page->setObjectName(QLatin1String(objectName));
    auto *bar = new QProgressBar(page);
    bar->setRange(0, 0);
    bar->setMaximumWidth(240);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(new QLabel(text, page), 0, Qt::AlignHCenter);
    layout->addWidget(bar, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

void paintTile(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect)
{
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
    painter->fillPath(shape, palette.color(selected ? QPalette::Highlight : QPalette::Base));
    painter->setPen(QPen(palette.color(QPalette::Mid), 1));
    painter->drawPath(shape);
    if (option.state.testFlag(QStyle::State_HasFocus)) {
        painter->setPen(QPen(palette.color(QPalette::Highlight).darker(130), 2));
        painter->drawPath(shape);
    }
}

QIcon appIcon()
{
    return appIcon(appIconImages());
}

QIcon appIcon(const QList<QImage> &images)
{
    QIcon builtIn;
    for (const QImage &image : images)
        builtIn.addPixmap(QPixmap::fromImage(image));
    return QIcon::fromTheme(QStringLiteral("io.github.tessera_banking.Tessera"), builtIn);
}

QList<QImage> appIconImages()
{
    QList<QImage> images;
    for (const int size : {16, 32, 48, 64, 128, 256}) {
        const QImage image(
            QStringLiteral(":/icons/%1/io.github.tessera_banking.Tessera.png").arg(size));
        if (!image.isNull())
            images.append(image);
    }
    return images;
}

} // namespace tessera::ui::Style
