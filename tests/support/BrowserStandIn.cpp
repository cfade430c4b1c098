#include "BrowserStandIn.h"

#include <QDesktopServices>

namespace tessera::test {

BrowserStandIn::BrowserStandIn(const QStringList &schemes)
    : m_schemes(schemes)
{
    for (const QString &scheme : m_schemes)
        QDesktopServices::setUrlHandler(scheme, this, "open");
}

BrowserStandIn::~BrowserStandIn()
{
    for (const QString &scheme : std::as_const(m_schemes))
        QDesktopServices::unsetUrlHandler(scheme);
}

void BrowserStandIn::open(const QUrl &url)
{
    opened.append(url);
}

} // namespace tessera::test
