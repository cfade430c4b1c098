#include "SandboxRateLimiter.h"

namespace tessera::sandbox {

bool SandboxRateLimiter::admit(const QString &address, const QDateTime &now)
{
    Window &window = m_windows[address];
    if (!window.start.isValid() || window.start.secsTo(now) >= WindowSeconds || now < window.start)
        window = Window{now, 0};
    if (window.count >= m_limit)
        return false;
    ++window.count;
    return true;
}

} // namespace tessera::sandbox
