#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace tessera::test {

// Stands in for the desktop's browser (or another handler of `schemes`, such as "file" for the
// system's PDF viewer) while it lives: QDesktopServices hands it what Tessera opens — the
// bank's sign-in page, a saved statement — instead of starting a real program, and it notes
// them for the test to follow (ScriptedBrowser) or look at.
class BrowserStandIn : public QObject
{
    Q_OBJECT
public:
    explicit BrowserStandIn(const QStringList &schemes = {QStringLiteral("http"),
                                                          QStringLiteral("https")});
    ~BrowserStandIn() override;

    QList<QUrl> opened;

private:
    QStringList m_schemes;

private slots:
    void open(const QUrl &url);
};

} // namespace tessera::test
