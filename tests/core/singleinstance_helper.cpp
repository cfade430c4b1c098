// Another launch, in a process of its own, for tst_singleinstance.
// singleinstance_helper KEY [--stay]: prints "primary" or "secondary" on stdout. With --stay a
// primary keeps running and prints "activated" for every activation request.

#include "SingleInstance.h"

#include <cstdio>
#include <QCoreApplication>
#include <QStringList>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2)
        return 2;
    const auto say = [](const char *line) {
        std::printf("%s\n", line);
        std::fflush(stdout);
    };
    tessera::SingleInstance instance;
    if (!instance.tryBecomePrimary(arguments.at(1))) {
        say("secondary");
        return 0;
    }
    say("primary");
    if (!arguments.contains(QStringLiteral("--stay")))
        return 0;
    QObject::connect(&instance, &tessera::SingleInstance::activationRequested,
                     [&say] { say("activated"); });
    return QCoreApplication::exec();
}
