#pragma once

#include <QApplication>
#include <QTest>
#include <QWidget>

namespace tessera::test {

// Makes `window` the active one again, as a window manager would when a dialog closes (offscreen
// has none).
inline bool activate(QWidget *window)
{
    if (QApplication::activeWindow() != window)
        window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

} // namespace tessera::test
