#pragma once

#include <QString>
#include <QStringList>

namespace tessera {

// The logging layer's last line of defence: every log message passes through redact() before
// it is written, so a token that slips into a message still never reaches a log. Code should
// not log secrets in the first place; this catches mistakes, including in Qt's own messages.
class SecretRedactor
{
public:
    // Exact values to hide wherever they appear (the session's tokens, the org token).
    static void remember(const QString &secret);
    static void forget(const QString &secret);

    // Hides remembered secrets, bearer credentials, Unit-style tokens ("v2.public.…") and the
    // values of JSON attributes that carry secrets (token, verificationToken, verificationCode,
    // jwtToken, orgToken).
    static QString redact(const QString &message);

    // Routes Qt's messages through redact() and on to the previous handler, until the process
    // ends: messages from static destructors and atexit handlers are redacted too.
    static void installMessageHandler();

    static constexpr const char *Mask = "[redacted]";
};

} // namespace tessera
