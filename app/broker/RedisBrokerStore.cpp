#include "RedisBrokerStore.h"

#include "BrokerLogging.h"

#include <csignal>
#include <hiredis.h>
#include <limits>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

namespace tessera::broker {

namespace {

// One hit in one round trip, atomically whichever broker sends it: the first hit of a window
// sets its expiry, later hits keep it, so the window starts with its first hit. Checking PTTL
// instead of `PEXPIRE ... NX` keeps Redis 6 usable as well as Debian 12's Redis 7.
constexpr char HitScript[] = R"lua(
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
end
return {hits, ttl}
)lua";

// The hits and the time left of a window, read together so they belong to the same window.
constexpr char PeekScript[] = R"lua(
local hits = redis.call('GET', KEYS[1])
if not hits then
    return {0, 0}
end
return {tonumber(hits), redis.call('PTTL', KEYS[1])}
)lua";

struct Endpoint
{
    QByteArray unixPath;
    QByteArray host;
    int port = RedisBrokerStore::DefaultPort;
};

// "host:port", "host", "[v6]:port", a bare IPv6 address, or a unix socket path.
Endpoint parseAddress(const QString &address)
{
    Endpoint endpoint;
    if (address.startsWith(QLatin1Char('/'))) {
        endpoint.unixPath = QFile::encodeName(address);
        return endpoint;
    }
    QString host = address;
    QString port;
    if (address.startsWith(QLatin1Char('['))) {
        const qsizetype close = address.indexOf(QLatin1Char(']'));
        host = address.mid(1, close - 1);
        if (close >= 0 && address.mid(close + 1).startsWith(QLatin1Char(':')))
            port = address.mid(close + 2);
    } else if (address.count(QLatin1Char(':')) == 1) {
        host = address.section(QLatin1Char(':'), 0, 0);
        port = address.section(QLatin1Char(':'), 1);
    }
    endpoint.host = host.toUtf8();
    if (!port.isEmpty()) {
        bool ok = false;
        endpoint.port = port.toInt(&ok);
        if (!ok || endpoint.port < 1 || endpoint.port > 65535)
            endpoint.port = 0; // refused when connecting
    }
    return endpoint;
}

timeval timeoutOf(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

QByteArray serialized(const BrokerStore::PendingSignIn &signIn)
{
    return QJsonDocument(QJsonObject{
                             {QStringLiteral("customerId"), signIn.customerId},
                             {QStringLiteral("verificationToken"), signIn.verificationToken},
                             {QStringLiteral("identifierKey"),
                              QString::fromLatin1(signIn.identifierKey.toBase64())},
                         })
        .toJson(QJsonDocument::Compact);
}

bool deserialize(const QByteArray &id, const QByteArray &bytes, BrokerStore::PendingSignIn *out)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return false;
    // Keys it does not know are ignored: an older broker's "wrongCodes" (attempts are counted
    // by BrokerRateLimits now) still reads during a rolling upgrade.
    const QJsonObject object = document.object();
    out->id = id;
    out->customerId = object.value(QStringLiteral("customerId")).toString();
    out->verificationToken = object.value(QStringLiteral("verificationToken")).toString();
    out->identifierKey =
        QByteArray::fromBase64(object.value(QStringLiteral("identifierKey")).toString().toLatin1());
    return true;
}

int secondsFromMs(long long ms)
{
    // Rounded up like InMemoryBrokerStore: a client told "0" would come straight back.
    return ms > 0 ? int((ms + 999) / 1000) : 0;
}

} // namespace

void RedisBrokerStore::ReplyDeleter::operator()(redisReply *reply) const
{
    freeReplyObject(reply);
}

RedisBrokerStore::RedisBrokerStore(Options options)
    : m_options(std::move(options))
{
    // hiredis writes with write(): a Redis that went away would end the broker with SIGPIPE
    // instead of a failed call. The broker handles no SIGPIPE of its own.
    struct sigaction current = {};
    if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
        std::signal(SIGPIPE, SIG_IGN);
}

RedisBrokerStore::~RedisBrokerStore()
{
    disconnect();
}

bool RedisBrokerStore::open(QString *error)
{
    if (!ensureConnected(error))
        return false;
    if (!command({QByteArrayLiteral("PING")})) {
        *error = m_lastFailure;
        return false;
    }
    return true;
}

QByteArray RedisBrokerStore::readPasswordFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the Redis password file %1: %2")
                     .arg(path, file.errorString());
        return {};
    }
    // A password is short; a huge file is a wrong path, not a password.
    const QByteArray bytes = file.read(4096).trimmed();
    if (bytes.isEmpty() || bytes.contains('\n')) {
        *error = QStringLiteral("the Redis password file %1 does not hold one password on one line")
                     .arg(path);
        return {};
    }
    return bytes;
}

BrokerStore::Status RedisBrokerStore::putSignIn(const PendingSignIn &signIn, int ttlSeconds)
{
    const qint64 ttlMs = qMax<qint64>(1, qint64(ttlSeconds) * 1000);
    const Reply reply =
        command({"SET", signInKey(signIn.id), serialized(signIn), "PX", QByteArray::number(ttlMs)});
    return reply ? Status::Ok : Status::Unavailable;
}

BrokerStore::Status RedisBrokerStore::updateSignIn(const PendingSignIn &signIn)
{
    // XX: only while it exists (an expired one stays gone); KEEPTTL: its code lifetime holds.
    const Reply reply = command({"SET", signInKey(signIn.id), serialized(signIn), "XX", "KEEPTTL"});
    if (!reply)
        return Status::Unavailable;
    return reply->type == REDIS_REPLY_NIL ? Status::NotFound : Status::Ok;
}

BrokerStore::Status RedisBrokerStore::signIn(const QByteArray &id, PendingSignIn *out)
{
    const Reply reply = command({"GET", signInKey(id)});
    if (!reply)
        return Status::Unavailable;
    if (reply->type == REDIS_REPLY_NIL)
        return Status::NotFound;
    if (reply->type != REDIS_REPLY_STRING ||
        !deserialize(id, QByteArray(reply->str, qsizetype(reply->len)), out)) {
        reportFailure(QStringLiteral("a stored sign-in is not one (is another program writing "
                                     "under the prefix %1?)")
                          .arg(QString::fromUtf8(m_options.keyPrefix)));
        return Status::Unavailable;
    }
    return Status::Ok;
}

BrokerStore::Status RedisBrokerStore::removeSignIn(const QByteArray &id)
{
    const Reply reply = command({"DEL", signInKey(id)});
    if (!reply)
        return Status::Unavailable;
    return reply->integer > 0 ? Status::Ok : Status::NotFound;
}

BrokerStore::Count RedisBrokerStore::hit(const QByteArray &key, int windowSeconds)
{
    const qint64 windowMs = qMax<qint64>(1, qint64(windowSeconds) * 1000);
    return countFrom(
        command({"EVAL", HitScript, "1", counterKey(key), QByteArray::number(windowMs)}));
}

BrokerStore::Count RedisBrokerStore::peek(const QByteArray &key)
{
    return countFrom(command({"EVAL", PeekScript, "1", counterKey(key)}));
}

BrokerStore::Count RedisBrokerStore::countFrom(const Reply &reply)
{
    if (!reply)
        return Count{Status::Unavailable, 0, 0};
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 ||
        reply->element[0]->type != REDIS_REPLY_INTEGER ||
        reply->element[1]->type != REDIS_REPLY_INTEGER) {
        reportFailure(QStringLiteral("a counter script answered something else than two numbers"));
        return Count{Status::Unavailable, 0, 0};
    }
    const long long hits = reply->element[0]->integer;
    const long long ttlMs = reply->element[1]->integer;
    if (ttlMs == -2) // expired between GET and PTTL: no window is open
        return Count{Status::Ok, 0, 0};
    return Count{Status::Ok, int(qMin<long long>(hits, std::numeric_limits<int>::max())),
                 secondsFromMs(ttlMs)};
}

bool RedisBrokerStore::ensureConnected(QString *error)
{
    if (m_context)
        return true;
    const Endpoint endpoint = parseAddress(m_options.address);
    const timeval timeout = timeoutOf(m_options.timeoutMs);
    redisContext *context =
        endpoint.unixPath.isEmpty()
            ? redisConnectWithTimeout(endpoint.host.constData(), endpoint.port, timeout)
            : redisConnectUnixWithTimeout(endpoint.unixPath.constData(), timeout);
    if (!context) {
        *error =
            QStringLiteral("cannot connect to Redis at %1: out of memory").arg(m_options.address);
        return false;
    }
    if (context->err) {
        *error = QStringLiteral("cannot connect to Redis at %1: %2")
                     .arg(m_options.address, QString::fromLocal8Bit(context->errstr));
        redisFree(context);
        return false;
    }
    if (redisSetTimeout(context, timeout) != REDIS_OK) {
        *error = QStringLiteral("cannot set a timeout on the connection to Redis at %1")
                     .arg(m_options.address);
        redisFree(context);
        return false;
    }
    m_context = context;
    if (!m_options.password.isEmpty()) {
        const char *argv[] = {"AUTH", m_options.password.constData()};
        const size_t lengths[] = {4, size_t(m_options.password.size())};
        const Reply reply(static_cast<redisReply *>(redisCommandArgv(m_context, 2, argv, lengths)));
        if (!reply || reply->type == REDIS_REPLY_ERROR) {
            // Redis's own words ("WRONGPASS invalid username-password pair") never quote it.
            *error = QStringLiteral("Redis at %1 refused the password: %2")
                         .arg(m_options.address,
                              reply ? QString::fromUtf8(reply->str, qsizetype(reply->len))
                                    : QString::fromLocal8Bit(m_context->errstr));
            disconnect();
            return false;
        }
    }
    return true;
}

RedisBrokerStore::Reply RedisBrokerStore::command(std::initializer_list<QByteArray> arguments)
{
    QString error;
    if (!ensureConnected(&error)) {
        reportFailure(error);
        return nullptr;
    }
    QVarLengthArray<const char *, 8> argv;
    QVarLengthArray<size_t, 8> lengths;
    for (const QByteArray &argument : arguments) {
        argv.append(argument.constData());
        lengths.append(size_t(argument.size()));
    }
    Reply reply(static_cast<redisReply *>(
        redisCommandArgv(m_context, int(argv.size()), argv.data(), lengths.constData())));
    if (!reply) {
        reportFailure(QStringLiteral("Redis at %1 failed: %2")
                          .arg(m_options.address, QString::fromLocal8Bit(m_context->errstr)));
        disconnect();
        return nullptr;
    }
    if (reply->type == REDIS_REPLY_ERROR) {
        reportFailure(
            QStringLiteral("Redis at %1 answered: %2")
                .arg(m_options.address, QString::fromUtf8(reply->str, qsizetype(reply->len))));
        disconnect(); // NOAUTH, LOADING, READONLY...: a fresh connection starts clean
        return nullptr;
    }
    if (m_failing) {
        m_failing = false;
        qCInfo(lcBroker).noquote() << "Redis at" << m_options.address << "answers again";
    }
    return reply;
}

void RedisBrokerStore::disconnect()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
}

void RedisBrokerStore::reportFailure(const QString &reason)
{
    m_lastFailure = reason;
    // While Redis is down every request fails the same way: the first one says so.
    if (m_failing)
        return;
    m_failing = true;
    qCWarning(lcBroker).noquote() << reason << "- refusing requests until it answers";
}

QByteArray RedisBrokerStore::signInKey(const QByteArray &id) const
{
    return m_options.keyPrefix + "signin:" + id;
}

QByteArray RedisBrokerStore::counterKey(const QByteArray &key) const
{
    return m_options.keyPrefix + "count:" + key;
}

} // namespace tessera::broker
