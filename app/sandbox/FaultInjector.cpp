#include "FaultInjector.h"

namespace tessera::sandbox {

namespace {

struct FaultName
{
    const char *name;
    FaultInjector::Fault fault;
};

constexpr FaultName FaultNames[] = {
    {"delay", FaultInjector::Fault::Delay},
    {"500", FaultInjector::Fault::InternalError},
    {"502", FaultInjector::Fault::BadGateway},
    {"503", FaultInjector::Fault::Unavailable},
    {"408", FaultInjector::Fault::RequestTimeout},
    {"429", FaultInjector::Fault::TooManyRequests},
    {"drop-before-response", FaultInjector::Fault::DropBeforeResponse},
    {"drop-after-commit", FaultInjector::Fault::DropAfterCommit},
    {"malformed-json", FaultInjector::Fault::MalformedJson},
    {"wrong-shape", FaultInjector::Fault::WrongShape},
    {"missing-scope", FaultInjector::Fault::MissingScope},
};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

std::optional<FaultInjector::Fault> FaultInjector::faultFromName(const QString &name)
{
    for (const FaultName &entry : FaultNames) {
        if (name == QLatin1String(entry.name))
            return entry.fault;
    }
    return std::nullopt;
}

std::optional<FaultInjector::Rule> FaultInjector::parseRule(const QString &spec, QString *error)
{
    const QStringList words = spec.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() < 3) {
        fail(error, QStringLiteral("a fault needs METHOD PATH FAULT: \"%1\"").arg(spec));
        return std::nullopt;
    }
    Rule rule;
    rule.method = words.at(0).toUpper().toLatin1();
    if (!words.at(1).startsWith(QLatin1Char('/'))) {
        fail(error, QStringLiteral("the path must start with /: \"%1\"").arg(words.at(1)));
        return std::nullopt;
    }
    rule.path = words.at(1).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const auto fault = faultFromName(words.at(2));
    if (!fault) {
        fail(error, QStringLiteral("unknown fault \"%1\"").arg(words.at(2)));
        return std::nullopt;
    }
    rule.fault = *fault;
    for (const QString &option : words.mid(3)) {
        const QString key = option.section(QLatin1Char('='), 0, 0);
        const QString value = option.section(QLatin1Char('='), 1);
        bool ok = false;
        if (key == QLatin1String("p")) {
            rule.probability = value.toDouble(&ok);
            ok = ok && rule.probability >= 0.0 && rule.probability <= 1.0;
        } else if (key == QLatin1String("n")) {
            rule.remaining = value.toInt(&ok);
        } else if (key == QLatin1String("delay")) {
            rule.delayMs = value.toInt(&ok);
        } else if (key == QLatin1String("retry-after")) {
            rule.retryAfterSeconds = value.toInt(&ok);
        }
        if (!ok) {
            fail(error, QStringLiteral("bad option \"%1\"").arg(option));
            return std::nullopt;
        }
    }
    return rule;
}

bool FaultInjector::matches(const Rule &rule, const QByteArray &method, const QStringList &segments)
{
    if (rule.method != "*" && rule.method != method)
        return false;
    for (int i = 0; i < rule.path.size(); ++i) {
        if (rule.path.at(i) == QLatin1String("**"))
            return true;
        if (i >= segments.size())
            return false;
        if (rule.path.at(i) != QLatin1String("*") && rule.path.at(i) != segments.at(i))
            return false;
    }
    return rule.path.size() == segments.size();
}

FaultInjector::Decision FaultInjector::decide(const QByteArray &method, const QString &path)
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (Rule &rule : m_rules) {
        if (rule.remaining == 0 || !matches(rule, method, segments))
            continue;
        if (m_random.generateDouble() >= rule.probability)
            continue;
        if (rule.remaining > 0)
            --rule.remaining;
        ++m_injected;
        return Decision{rule.fault, rule.delayMs, rule.retryAfterSeconds};
    }
    return {};
}

} // namespace tessera::sandbox
