#pragma once

// What the benchmarks share: the start of their main() and their command line, timing,
// statistics, figure lines, memory figures, waiting in the event loop, the GET /cards query the
// app sends, a customer token minted by the app's own code, and server programs started as
// children.

#include "ApiClient.h"
#include "Authenticator.h"
#include "CustomerTokenService.h"
#include "Scopes.h"
#include "SecretRedactor.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace tessera::bench {

// "Bulk Demo" in the built-in demo seed: 5000 generated cards, so every page is full
// (bench_paging sets how many).
inline const QString BulkCustomer = QStringLiteral("100005");
// A demo customer with a few months of history (her accounts' activity is small).
inline const QString MayaThompson = QStringLiteral("100001");

inline const QLoggingCategory &lcBench()
{
    static const QLoggingCategory category("tessera.bench");
    return category;
}

// Only warnings and worse from the bench's own process (Tessera's code logs every request at
// debug and info level); QT_LOGGING_RULES still overrides this to look inside.
inline void quietLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
}

// Diagnostics go to the log; figures go to stdout (see figure()).
inline int fail(const QString &message)
{
    qCCritical(lcBench).noquote() << message;
    return 1;
}

// A benchmark's process, which its main() starts with: SecretRedactor's message handler from
// the first message on (no token can reach a log), the QCoreApplication, quietLogs(), and a
// command line of whole-number options, each with a default and an allowed range. A main
// states only its options:
//
//     BenchApplication bench(argc, argv, "What it measures.");
//     bench.addInt("runs", "Timed launches.", "N", 10, 1);
//     if (!bench.parse())
//         return 1;
//     const int runs = bench.value("runs");
class BenchApplication
{
public:
    BenchApplication(int &argc, char **argv, const char *description)
        : m_app(argc, argv)
    {
        quietLogs();
        m_parser.setApplicationDescription(QString::fromUtf8(description));
        m_parser.addHelpOption();
    }

    // --name VALUE_NAME, shown with `help` by --help; `defaultValue` when it is not given.
    void addInt(const char *name, const char *help, const char *valueName, int defaultValue,
                int min, int max = std::numeric_limits<int>::max())
    {
        const QCommandLineOption option(QString::fromLatin1(name), QString::fromUtf8(help),
                                        QString::fromLatin1(valueName),
                                        QString::number(defaultValue));
        m_parser.addOption(option);
        m_options.append({option, min, max, defaultValue});
    }

    // --help, and an option it does not know, print and exit here (QCommandLineParser::process).
    // False after saying which value is not a whole number in its range.
    bool parse()
    {
        m_parser.process(m_app);
        for (IntOption &option : m_options) {
            const QString text = m_parser.value(option.option);
            bool ok = false;
            option.value = text.toInt(&ok);
            if (!ok || option.value < option.min || option.value > option.max) {
                const QString range =
                    option.max == std::numeric_limits<int>::max()
                        ? QStringLiteral("at least %1").arg(option.min)
                        : QStringLiteral("%1..%2").arg(option.min).arg(option.max);
                fail(QStringLiteral("--%1 must be %2, not %3")
                         .arg(option.option.names().constFirst(), range, text));
                return false;
            }
        }
        return true;
    }

    // The value of an option added with addInt(), after parse().
    int value(const char *name) const
    {
        const auto found =
            std::find_if(m_options.cbegin(), m_options.cend(), [name](const IntOption &option) {
                return option.option.names().constFirst() == QLatin1String(name);
            });
        if (found == m_options.cend())
            qFatal("BenchApplication: no option --%s", name);
        return found->value;
    }

private:
    struct RedactedLog
    {
        RedactedLog() { SecretRedactor::installMessageHandler(); }
    };
    struct IntOption
    {
        QCommandLineOption option;
        int min;
        int max;
        int value;
    };

    // Before the application, so even its own start-up messages are redacted.
    RedactedLog m_redactedLog;
    QCoreApplication m_app;
    QCommandLineParser m_parser;
    QList<IntOption> m_options;
};

// Milliseconds since `timer` started, to its nanosecond.
inline double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// One line of figures on stdout, flushed at once so ./dev bench shows each as it comes.
inline void figure(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Medians, because on a shared 2-core machine one run slowed by a neighbour should not move
// the figure.
inline double median(QList<double> samples)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype mid = samples.size() / 2;
    return samples.size() % 2 ? samples.at(mid) : (samples.at(mid - 1) + samples.at(mid)) / 2;
}

inline QString ratio(double value, double floor)
{
    return floor > 0 ? QString::number(value / floor, 'f', 2) : QStringLiteral("n/a");
}

// A figure line's comparison: `format` with %1 Tessera's value and %2 the floor's (both with
// `decimals` decimals) and %3 their ratio; arg() fills the placeholders after those.
inline QString versusFloor(const QString &format, double value, double floor, int decimals)
{
    return format.arg(value, 0, 'f', decimals)
        .arg(floor, 0, 'f', decimals)
        .arg(ratio(value, floor));
}

// A field of /proc/self/status ("VmRSS", "VmHWM") in KiB; -1 when it cannot be read.
inline qint64 procStatusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Runs the event loop until done() holds or timeoutMs pass; done() is checked again whenever
// `object` emits one of `wakeSignals`. Waiting on a state rather than on a signal cannot miss
// a signal emitted before the wait began.
template <class Object, class... Signals>
bool waitUntil(const std::function<bool()> &done, int timeoutMs, const Object *object,
               Signals... wakeSignals)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    (QObject::connect(object, wakeSignals, &loop, [&loop] { loop.quit(); }), ...);
    timer.start(timeoutMs);
    while (!done() && timer.isActive())
        loop.exec();
    return done();
}

// The path and query CardsModel asks for (newest first, accounts included). The brackets are
// percent-encoded so the same text works on a command line (wrk) and in QUrl.
inline QString cardsPath(int limit, int offset)
{
    return QLatin1String("/cards?page%5Blimit%5D=") + QString::number(limit) +
           QLatin1String("&page%5Boffset%5D=") + QString::number(offset) +
           QLatin1String("&sort=-createdAt&include=account");
}

inline QUrl withPath(const QUrl &baseUrl, const QString &pathAndQuery)
{
    return QUrl(baseUrl.toString(QUrl::StripTrailingSlash) + pathAndQuery, QUrl::StrictMode);
}

// A request with the headers ApiClient sends (Accept, bearer token).
inline QNetworkRequest apiRequest(const QUrl &url, const QString &bearer)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/vnd.api+json");
    request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    return request;
}

// The body of a successful GET, or nothing after a logged reason.
inline std::optional<QByteArray> httpGet(QNetworkAccessManager *network, const QUrl &url,
                                         const QString &bearer)
{
    QNetworkReply *reply = network->get(apiRequest(url, bearer));
    waitUntil([reply] { return reply->isFinished(); }, 30000, reply, &QNetworkReply::finished);
    std::optional<QByteArray> body;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isFinished() && reply->error() == QNetworkReply::NoError && status == 200)
        body = reply->readAll();
    else
        qCCritical(lcBench).noquote()
            << "GET" << url.path() << "failed:" << status << reply->errorString();
    reply->deleteLater();
    return body;
}

// The path and query ActivityStream asks for: an account's transactions, newest first.
inline QString transactionsPath(const QString &accountId, int limit, int offset)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter[accountId]"), accountId);
    query.addQueryItem(QStringLiteral("page[limit]"), QString::number(limit));
    query.addQueryItem(QStringLiteral("page[offset]"), QString::number(offset));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("-createdAt"));
    return QStringLiteral("/transactions?") + query.toString(QUrl::FullyEncoded);
}

// meta.pagination.total of the account's transactions; -1 when the answer has none.
inline int transactionCount(QNetworkAccessManager *network, const QUrl &baseUrl,
                            const QString &token, const QString &accountId)
{
    const std::optional<QByteArray> body =
        httpGet(network, withPath(baseUrl, transactionsPath(accountId, 1, 0)), token);
    if (!body)
        return -1;
    return QJsonDocument::fromJson(*body)
        .object()
        .value(QLatin1String("meta"))
        .toObject()
        .value(QLatin1String("pagination"))
        .toObject()
        .value(QLatin1String("total"))
        .toInt(-1);
}

// The customer's accounts' ids (GET /accounts with the customer's token).
inline QStringList accountIds(QNetworkAccessManager *network, const QUrl &baseUrl,
                              const QString &token)
{
    QStringList ids;
    const std::optional<QByteArray> body =
        httpGet(network, withPath(baseUrl, QStringLiteral("/accounts?page[limit]=100")), token);
    if (!body)
        return ids;
    const QJsonArray data =
        QJsonDocument::fromJson(*body).object().value(QLatin1String("data")).toArray();
    for (const QJsonValue &account : data)
        ids << account.toObject().value(QLatin1String("id")).toString();
    return ids;
}

// The customer's account with the most transactions and how many it has (the bulk customer's
// is the demo's 200 000-row account); an empty id when the customer has none.
inline std::pair<QString, int> largestAccount(QNetworkAccessManager *network, const QUrl &baseUrl,
                                              const QString &token)
{
    std::pair<QString, int> largest{QString(), -1};
    for (const QString &id : accountIds(network, baseUrl, token)) {
        const int count = transactionCount(network, baseUrl, token, id);
        if (count > largest.second)
            largest = {id, count};
    }
    return largest;
}

// A customer token with the app's sign-in scopes, minted the way the app mints one
// (CustomerTokenService: a verification, then the sandbox's code). It is registered with
// SecretRedactor, so no log line can show it; benches never print it.
inline std::optional<QString> mintCustomerToken(QNetworkAccessManager *network, const QUrl &apiUrl,
                                                const QString &orgToken, const QString &customerId)
{
    SecretRedactor::remember(orgToken);
    ApiClient tokenApi(network);
    tokenApi.setBaseUrl(apiUrl);
    tokenApi.setBearerToken(orgToken);
    CustomerTokenService tokens(&tokenApi);
    bool sent = false;
    bool failed = false;
    std::optional<QString> minted;
    QObject::connect(&tokens, &CustomerTokenService::verificationSent, [&sent] { sent = true; });
    QObject::connect(&tokens, &CustomerTokenService::tokenCreated,
                     [&minted](const StoredToken &token) { minted = token.token; });
    QObject::connect(&tokens, &CustomerTokenService::verificationFailed,
                     [&failed] { failed = true; });
    QObject::connect(&tokens, &CustomerTokenService::tokenFailed, [&failed] { failed = true; });

    tokens.requestVerification(customerId);
    waitUntil([&] { return sent || failed; }, 10000, &tokens,
              &CustomerTokenService::verificationSent, &CustomerTokenService::verificationFailed);
    if (sent)
        tokens.createToken(customerId, Authenticator::signInRequest(), QStringLiteral("000001"));
    waitUntil([&] { return minted || failed || !sent; }, 10000, &tokens,
              &CustomerTokenService::tokenCreated, &CustomerTokenService::tokenFailed);
    if (!minted) {
        qCCritical(lcBench).noquote() << "no customer token for" << customerId;
        return std::nullopt;
    }
    SecretRedactor::remember(*minted);
    return minted;
}

// A server program run as a child that prints "... listening on URL" on stdout once it
// accepts connections (tessera-sandbox, bench_fixed_server). Stopped when this goes.
class ChildServer
{
public:
    ChildServer() = default;
    ChildServer(const ChildServer &) = delete;
    ChildServer &operator=(const ChildServer &) = delete;
    ~ChildServer() { stop(); }

    bool start(const QString &program, const QStringList &arguments, QString *error)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // The sandbox logs every request at debug level; that would time the log, not the
        // server. Warnings still reach the bench's stderr.
        environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                           QStringLiteral("*.debug=false;*.info=false"));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("%1: %2").arg(program, m_process.errorString());
            return false;
        }
        static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
        QByteArray output;
        while (m_process.state() == QProcess::Running && m_process.waitForReadyRead(20000)) {
            output += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                return true;
            }
        }
        *error = QStringLiteral("%1 did not start listening").arg(program);
        stop();
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QUrl baseUrl() const { return m_url; }

private:
    QProcess m_process;
    QUrl m_url;
};

// tessera-sandbox as a child on an ephemeral loopback port. Its org token travels through a
// file readable by the owner only (--org-token-file), never a terminal; returns it.
inline std::optional<QString> startSandbox(ChildServer *server, const QString &program,
                                           QStringList arguments, QString *error)
{
    QTemporaryDir dir;
    const QString tokenFile = dir.filePath(QStringLiteral("org-token"));
    arguments << QStringLiteral("--port") << QStringLiteral("0") << QStringLiteral("--bind")
              << QStringLiteral("127.0.0.1") << QStringLiteral("--org-token-file") << tokenFile;
    if (!dir.isValid() || !server->start(program, arguments, error))
        return std::nullopt;
    QFile file(tokenFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("org token file: %1").arg(file.errorString());
        return std::nullopt;
    }
    const QString token = QString::fromUtf8(file.readAll()).trimmed();
    SecretRedactor::remember(token);
    return token;
}

} // namespace tessera::bench
