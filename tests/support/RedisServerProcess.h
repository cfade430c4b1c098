#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace tessera::test {

// A real, throwaway redis-server for one test: on a free loopback port, persisting nothing,
// its files in a temporary folder, stopped when this goes. With a password it requires AUTH
// (set in its configuration file, never on its command line). Tests of RedisBrokerStore and
// of several tessera-broker processes sharing one Redis use it:
//
//   test::RedisServerProcess redis;
//   QVERIFY(redis.start());
//   ... "[store]\nredis=" + redis.address() ...
class RedisServerProcess
{
public:
    explicit RedisServerProcess(const QByteArray &password = {});
    ~RedisServerProcess();
    RedisServerProcess(const RedisServerProcess &) = delete;
    RedisServerProcess &operator=(const RedisServerProcess &) = delete;

    // Starts it (on the port it had before, after stop()) and waits until it answers PING.
    // False, with a warning that says why, when it does not within `timeoutMs`.
    [[nodiscard]] bool start(int timeoutMs = 10000);
    // Ends it and waits until it has exited; what it held is gone (nothing is persisted).
    void stop();
    // SIGSTOP / SIGCONT: a Redis that holds connections open and never answers.
    void freeze();
    void thaw();

    quint16 port() const { return m_port; }
    QString address() const;    // "127.0.0.1:port", as [store] redis takes it
    QString socketPath() const; // its unix socket, which [store] redis takes too

    // Sends one command on a fresh connection (after AUTH when it has a password) and returns
    // its answer: "+OK", ":1234", "-ERR ...", "$-1" for none, a bulk string's bytes as they are
    // (the first line of an array's answer); empty when it failed.
    QByteArray command(const QByteArrayList &arguments) const;

private:
    bool startOnce(int timeoutMs);
    bool answersPing() const;

    QByteArray m_password;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace tessera::test
