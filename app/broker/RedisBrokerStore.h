#pragma once

#include "BrokerStore.h"

#include <initializer_list>
#include <memory>
#include <QByteArray>
#include <QString>

struct redisContext;
struct redisReply;

namespace tessera::broker {

// The broker's store in Redis, so several brokers behind a load balancer share pending sign-ins
// and rate-limit counters: a limit is one limit whichever instance a request reaches.
//
// What Redis holds: each pending sign-in, Unit's verification token with it, for at most the
// code lifetime (the key's TTL); counters keyed by client address or by a keyed hash of the
// phone or email (never one in clear). So the Redis must be reachable by the brokers only:
// bind it to loopback or a private network, and set `requirepass` (or an ACL for the default
// user) with the password in the file `[store] redisPasswordFile` names. The password is read
// from that file, sent with AUTH and never logged nor put on a command line.
//
// One connection, used from one thread, with a short connect and command timeout. A call that
// fails answers Unavailable (the broker then refuses with 503 rather than skipping a limit) and
// drops the connection; the next call connects again.
class RedisBrokerStore : public BrokerStore
{
public:
    static constexpr int DefaultTimeoutMs = 200;
    static constexpr int DefaultPort = 6379;

    struct Options
    {
        QString address;     // "host:port", "host" (port 6379), "[::1]:port" or a unix socket path
        QByteArray password; // empty: no AUTH
        QByteArray keyPrefix = QByteArrayLiteral("tessera-broker:");
        int timeoutMs = DefaultTimeoutMs; // for connecting and for each command
    };

    explicit RedisBrokerStore(Options options);
    ~RedisBrokerStore() override;
    RedisBrokerStore(const RedisBrokerStore &) = delete;
    RedisBrokerStore &operator=(const RedisBrokerStore &) = delete;

    // Connects, authenticates and pings now: the broker checks its Redis at start-up. False
    // with a reason that never quotes the password.
    bool open(QString *error);

    // The password in `path` (surrounding whitespace trimmed), or empty with a reason that never
    // quotes it.
    static QByteArray readPasswordFile(const QString &path, QString *error);

    Status putSignIn(const PendingSignIn &signIn, int ttlSeconds) override;
    Status updateSignIn(const PendingSignIn &signIn) override;
    Status signIn(const QByteArray &id, PendingSignIn *out) override;
    Status removeSignIn(const QByteArray &id) override;
    Count hit(const QByteArray &key, int windowSeconds) override;
    Count peek(const QByteArray &key) override;

private:
    struct ReplyDeleter
    {
        void operator()(redisReply *reply) const;
    };
    using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

    bool ensureConnected(QString *error);
    // Runs one command; null (connection dropped, failure logged) on any failure or error reply.
    Reply command(std::initializer_list<QByteArray> arguments);
    void disconnect();
    void reportFailure(const QString &reason);
    Count countFrom(const Reply &reply);
    QByteArray signInKey(const QByteArray &id) const;
    QByteArray counterKey(const QByteArray &key) const;

    Options m_options;
    redisContext *m_context = nullptr;
    bool m_failing = false; // logs the first failure of a run, not one per request
    QString m_lastFailure;
};

} // namespace tessera::broker
