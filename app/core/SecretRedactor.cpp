#include "SecretRedactor.h"

#include <QMutex>
#include <QRegularExpression>

namespace tessera {

namespace {

QMutex g_mutex;
QStringList g_secrets;
QtMessageHandler g_previous = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString safe = SecretRedactor::redact(message);
    if (g_previous)
        g_previous(type, context, safe);
}

} // namespace

void SecretRedactor::remember(const QString &secret)
{
    if (secret.size() < 6)
        return; // too short to hide without hiding ordinary words
    QMutexLocker lock(&g_mutex);
    if (!g_secrets.contains(secret))
        g_secrets.append(secret);
}

void SecretRedactor::forget(const QString &secret)
{
    QMutexLocker lock(&g_mutex);
    g_secrets.removeAll(secret);
}

QString SecretRedactor::redact(const QString &message)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("(Bearer\\s+)[^\\s\"',;]+"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("v2\\.(public|local)\\.[A-Za-z0-9_\\-.=]+")),
        QRegularExpression(QStringLiteral(
            "(\"(?:token|verificationToken|verificationCode|jwtToken|orgToken)\"\\s*:\\s*\")"
            "[^\"]*")),
    };
    QString result = message;
    {
        QMutexLocker lock(&g_mutex);
        for (const QString &secret : std::as_const(g_secrets))
            result.replace(secret, QLatin1String(Mask));
    }
    result.replace(patterns[0], QStringLiteral("\\1") + QLatin1String(Mask));
    result.replace(patterns[1], QLatin1String(Mask));
    result.replace(patterns[2], QStringLiteral("\\1") + QLatin1String(Mask));
    return result;
}

void SecretRedactor::installMessageHandler()
{
    QtMessageHandler previous = qInstallMessageHandler(redactingHandler);
    if (previous != redactingHandler)
        g_previous = previous;
}

} // namespace tessera
