#include "BrowserStandIn.h"

#include <QDesktopServices>

namespace tessera::test {

BrowserStandIn::BrowserStandIn()
{
    for (const QString &scheme : {QStringLiteral("http"), QStringLiteral("https")})
        QDesktopServices::setUrlHandler(scheme, this, "open");
}

BrowserStandIn::~BrowserStandIn()
{
    for (const QString &scheme : {QStringLiteral("http"), QStringLiteral("https")})
        QDesktopServices::unsetUrlHandler(scheme);
}

void BrowserStandIn::open(const QUrl &url)
{
    opened.append(url);
}

} // namespace tessera::test
