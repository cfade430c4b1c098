// The throughput benchmark's floor: answers every request with one file's bytes through the
// HTTP stack tessera-sandbox uses (FixedResponseServer), on an ephemeral loopback port.

#include "FixedResponseServer.h"

#include <cstdio>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: bench_fixed_server BODY_FILE\n");
        return 2;
    }
    QFile file(arguments.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_fixed_server: %s\n", qPrintable(file.errorString()));
        return 1;
    }
    tessera::bench::FixedResponseServer server(file.readAll());
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return 1;
    // The line ChildServer waits for.
    std::printf("bench_fixed_server listening on http://127.0.0.1:%u\n", unsigned(port));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
