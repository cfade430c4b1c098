#pragma once

#include <QDateTime>

namespace tessera::sandbox {

// The sandbox's idea of "now". Tests shift it forward to expire tokens and verifications
// without sleeping; every time-dependent rule in the sandbox reads it from here.
class SandboxClock
{
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_offsetSeconds); }
    void setOffset(qint64 seconds) { m_offsetSeconds = seconds; }
    qint64 offset() const { return m_offsetSeconds; }

private:
    qint64 m_offsetSeconds = 0;
};

} // namespace tessera::sandbox
