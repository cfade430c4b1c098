#include "MessageCapture.h"

#include <atomic>
#include <cstdio>

namespace tessera::test {

namespace {

// qInstallMessageHandler() takes a plain function: it finds the capture through this.
std::atomic<MessageCapture *> g_current{nullptr};

} // namespace

MessageCapture::MessageCapture()
{
    Q_ASSERT(!g_current.load());
    g_current = this;
    m_previous = qInstallMessageHandler(&MessageCapture::collect);
    m_capturing = true;
}

MessageCapture::~MessageCapture()
{
    stop();
}

void MessageCapture::stop()
{
    if (!m_capturing)
        return;
    m_capturing = false;
    qInstallMessageHandler(m_previous);
    g_current = nullptr;
}

QStringList MessageCapture::messages() const
{
    QMutexLocker lock(&m_mutex);
    return m_messages;
}

void MessageCapture::collect(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    MessageCapture *capture = g_current.load();
    if (!capture) { // a handler installed on top of ours kept calling it: print, as Qt would
        fprintf(stderr, "%s\n", qPrintable(message));
        return;
    }
    QMutexLocker lock(&capture->m_mutex);
    capture->m_messages << QStringLiteral("%1: %2").arg(
        QLatin1String(context.category ? context.category : "default"), message);
}

} // namespace tessera::test
