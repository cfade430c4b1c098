#include "AppStyle.h"

#include "DeferredIconEngine.h"

#include <QGuiApplication>
#include <QPointer>
#include <QStyleOption>
#include <QWidget>

namespace tessera::ui {

AppStyle::AppStyle(QStyle *base)
    : QProxyStyle(base)
{}

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                             const QWidget *widget) const
{
    if (standardIcon != SP_ToolBarHorizontalExtensionButton &&
        standardIcon != SP_ToolBarVerticalExtensionButton)
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    // Neither the option nor the widget may outlive this call: what the icon depends on, the
    // arrow's direction, is kept.
    QStyleOption direction;
    direction.direction = option   ? option->direction
                          : widget ? widget->layoutDirection()
                                   : QGuiApplication::layoutDirection();
    QPointer<QStyle> base = baseStyle();
    return QIcon(new DeferredIconEngine([base, direction, standardIcon] {
        return base ? base->standardIcon(standardIcon, &direction) : QIcon();
    }));
}

} // namespace tessera::ui
