// The throughput benchmark's floor: answers every request with one file's bytes through the
// HTTP stack tessera-sandbox uses (FixedResponseServer), on an ephemeral loopback port.

#include "FixedResponseServer.h"

#include <cstdio>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    tessera::bench::FixedResponseServer server;
    quint16 port = 0;
    if (const int exitCode = tessera::bench::serveBodyFileArgument(&server, &port))
        return exitCode;
    // The line ChildServer waits for.
    std::printf("bench_fixed_server listening on http://127.0.0.1:%u\n", unsigned(port));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
