#pragma once

#include <optional>
#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace tessera::sandbox {

// Makes chosen requests fail the ways real networks and servers fail, so the client's retry,
// timeout and idempotency handling can be tested. Decisions come from a seeded generator:
// the same seed and the same requests give the same faults.
class FaultInjector
{
public:
    enum class Fault {
        None,
        Delay,              // answer, but only after delayMs
        InternalError,      // 500, nothing done
        BadGateway,         // 502, nothing done
        Unavailable,        // 503, nothing done
        RequestTimeout,     // 408, nothing done
        TooManyRequests,    // 429 with Retry-After, nothing done
        DropBeforeResponse, // close the connection, nothing done
        DropAfterCommit,    // do the work, then close the connection without answering
        MalformedJson,      // 200 with a truncated document, nothing done
        WrongShape,         // 200 with valid JSON that is not the expected document
        // Refused as if the token lacked the route's scope (SandboxApi::missingScope()),
        // nothing done: a token the client believes sufficient, which Unit does not accept.
        MissingScope,
    };

    struct Rule
    {
        QByteArray method = "*"; // or GET, POST, ...
        QStringList path;        // segments; "*" matches one segment, "**" the rest
        Fault fault = Fault::None;
        double probability = 1.0;
        int remaining = -1; // how many more times it may fire; -1: no limit
        int delayMs = 0;
        int retryAfterSeconds = 1;
    };

    struct Decision
    {
        Fault fault = Fault::None;
        int delayMs = 0;
        int retryAfterSeconds = 0;
    };

    // "POST /cards drop-after-commit p=0.3 n=10 delay=200 retry-after=2"
    static std::optional<Rule> parseRule(const QString &spec, QString *error = nullptr);
    static std::optional<Fault> faultFromName(const QString &name);

    void setSeed(quint32 seed) { m_random.seed(seed); }
    void addRule(const Rule &rule) { m_rules.append(rule); }
    void clear() { m_rules.clear(); }
    int injectedCount() const { return m_injected; }

    // The first matching rule that fires decides; each rule draws from the generator.
    Decision decide(const QByteArray &method, const QString &path);

private:
    static bool matches(const Rule &rule, const QByteArray &method, const QStringList &segments);

    QList<Rule> m_rules;
    QRandomGenerator m_random{1};
    int m_injected = 0;
};

} // namespace tessera::sandbox
