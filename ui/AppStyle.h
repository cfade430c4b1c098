#pragma once

#include <QProxyStyle>

namespace tessera::ui {

// The platform's style (whatever QApplication chose, a user's -style or QT_STYLE_OVERRIDE
// included), with the icons of a menu bar's and a tool bar's overflow buttons made when first
// drawn (DeferredIconEngine): QMenuBar asks for its one in its constructor, and reading that
// image, the first of the process, loaded Qt's image format plugins (2-3 ms) while the window
// was being built, for a button that only shows when the menus do not fit.
class AppStyle : public QProxyStyle
{
    Q_OBJECT
public:
    // Takes `base` over, as QProxyStyle does.
    explicit AppStyle(QStyle *base);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace tessera::ui
