// Run by tst_secretredactor: logs secrets after main() has returned, from a static object's
// destructor and from an atexit handler, when every static that was created while main() ran
// (Qt's and the redactor's own) has been destroyed. Its stderr must show those messages, and
// redacted.
#include "SecretRedactor.h"

#include <cstdlib>
#include <QCoreApplication>

using tessera::SecretRedactor;

namespace {

// Fake secrets, made up for this program; the test looks for "Zq81" in the output.
const char *const Remembered = "remembered-late-secret-Zq81";

void logAtExit()
{
    qWarning("at exit: remembered %s", Remembered);
    qWarning("at exit: Authorization: Bearer bearer-late-secret-Zq81");
    qWarning(R"(at exit: {"data":{"attributes":{"token":"json-late-secret-Zq81"}}})");
    qWarning("at exit: v2.public.unit-late-secret-Zq81");
}

struct LogsWhenDestroyed
{
    ~LogsWhenDestroyed() { qWarning("static destructor: remembered %s", Remembered); }
};

} // namespace

int main(int argc, char *argv[])
{
    // Registered first, so it runs last: after every static made from here on is gone.
    std::atexit(logAtExit);
    static LogsWhenDestroyed logsWhenDestroyed;
    SecretRedactor::installMessageHandler();
    QCoreApplication app(argc, argv);
    SecretRedactor::remember(QString::fromLatin1(Remembered));
    // Uses every part of the redactor while the program runs, as the app does.
    qWarning("running: remembered %s, Bearer bearer-early-secret-Zq81", Remembered);
    qDebug(R"(running: {"verificationCode":"code-early-secret-Zq81"} v2.local.x-Zq81)");
    return 0;
}
