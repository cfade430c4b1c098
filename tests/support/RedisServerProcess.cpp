#include "RedisServerProcess.h"

#include "ClosedPort.h"

#include <csignal>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace tessera::test {

namespace {

QByteArray encoded(const QByteArrayList &arguments)
{
    QByteArray bytes = '*' + QByteArray::number(arguments.size()) + "\r\n";
    for (const QByteArray &argument : arguments)
        bytes += '$' + QByteArray::number(argument.size()) + "\r\n" + argument + "\r\n";
    return bytes;
}

QByteArray readLine(QTcpSocket &socket, QDeadlineTimer deadline)
{
    while (!socket.canReadLine()) {
        if (deadline.hasExpired() || !socket.waitForReadyRead(int(deadline.remainingTime())))
            return {};
    }
    return socket.readLine().trimmed();
}

} // namespace

RedisServerProcess::RedisServerProcess(const QByteArray &password)
    : m_password(password)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

RedisServerProcess::~RedisServerProcess()
{
    stop();
}

bool RedisServerProcess::start(int timeoutMs)
{
    if (m_port != 0)
        return startOnce(timeoutMs); // again on its port: the stores under test point there
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freeLoopbackPort();
        if (startOnce(timeoutMs))
            return true;
    }
    return false;
}

bool RedisServerProcess::startOnce(int timeoutMs)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (program.isEmpty()) {
        qWarning("redis-server is not installed (Debian: redis-server; ./dev installs it)");
        return false;
    }
    if (!m_dir.isValid() || m_port == 0) {
        qWarning("no temporary folder or no free port for redis-server");
        return false;
    }
    // Everything in a configuration file of its own: the password stays off the command line.
    QByteArray configuration =
        "port " + QByteArray::number(m_port) + "\nbind 127.0.0.1\nsave \"\"\nappendonly no\n";
    configuration += "dir " + QFile::encodeName(m_dir.path()) + '\n';
    configuration += "unixsocket " + QFile::encodeName(socketPath()) + "\nunixsocketperm 700\n";
    if (!m_password.isEmpty())
        configuration += "requirepass " + m_password + '\n';
    QFile file(m_dir.filePath(QStringLiteral("redis.conf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(configuration) != configuration.size()) {
        qWarning("cannot write the redis-server configuration");
        return false;
    }
    file.close();

    m_process.start(program, {file.fileName()});
    if (!m_process.waitForStarted(timeoutMs)) {
        qWarning("redis-server did not start: %s", qPrintable(m_process.errorString()));
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (answersPing())
            return true;
        if (m_process.state() == QProcess::NotRunning) {
            qWarning("redis-server on port %u exited: %s", m_port,
                     m_process.readAll().right(400).constData());
            return false;
        }
        QThread::msleep(20);
    }
    qWarning("redis-server on port %u did not answer PING within %d ms", m_port, timeoutMs);
    stop();
    return false;
}

void RedisServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    thaw(); // a frozen one would not end on SIGTERM
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void RedisServerProcess::freeze()
{
    if (m_process.state() == QProcess::Running)
        ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void RedisServerProcess::thaw()
{
    if (m_process.state() == QProcess::Running)
        ::kill(pid_t(m_process.processId()), SIGCONT);
}

QString RedisServerProcess::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString RedisServerProcess::socketPath() const
{
    return m_dir.filePath(QStringLiteral("redis.sock"));
}

QByteArray RedisServerProcess::command(const QByteArrayList &arguments) const
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    const QDeadlineTimer deadline(2000);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return {};
    if (!m_password.isEmpty()) {
        socket.write(encoded({"AUTH", m_password}));
        if (readLine(socket, deadline) != "+OK")
            return {};
    }
    socket.write(encoded(arguments));
    const QByteArray line = readLine(socket, deadline);
    if (!line.startsWith('$') || line == "$-1")
        return line;
    const qsizetype length = line.mid(1).toLongLong() + 2; // with its CRLF
    while (socket.bytesAvailable() < length) {
        if (deadline.hasExpired() || !socket.waitForReadyRead(int(deadline.remainingTime())))
            return {};
    }
    return socket.read(length).chopped(2);
}

bool RedisServerProcess::answersPing() const
{
    return command({"PING"}) == "+PONG";
}

} // namespace tessera::test
