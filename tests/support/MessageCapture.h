#pragma once

#include <QMutex>
#include <QStringList>
#include <QtGlobal>

namespace tessera::test {

// Collects every message logged while it lives (or until stop()), as "category: message",
// instead of printing it; then puts the previous message handler back. One at a time.
class MessageCapture
{
public:
    MessageCapture();
    ~MessageCapture();
    MessageCapture(const MessageCapture &) = delete;
    MessageCapture &operator=(const MessageCapture &) = delete;

    // Puts the previous handler back now; the messages stay readable.
    void stop();
    QStringList messages() const;

private:
    static void collect(QtMsgType type, const QMessageLogContext &context, const QString &message);

    QtMessageHandler m_previous = nullptr;
    bool m_capturing = false;
    mutable QMutex m_mutex; // messages come from any thread
    QStringList m_messages;
};

} // namespace tessera::test
