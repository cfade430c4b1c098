#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

namespace tessera::test {

// Stands in for the desktop's browser while it lives: QDesktopServices hands it the http and
// https pages Tessera opens (the bank's sign-in page) instead of starting a real browser, and
// it notes them for the test to follow (ScriptedBrowser) or look at.
class BrowserStandIn : public QObject
{
    Q_OBJECT
public:
    BrowserStandIn();
    ~BrowserStandIn() override;

    QList<QUrl> opened;

private slots:
    void open(const QUrl &url);
};

} // namespace tessera::test
