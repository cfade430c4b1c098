#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace tessera::test {

// One request to tessera-broker's API as the tests send it (bodies as README, "tessera-broker
// API", describes them), and what came back.
struct BrokerCall
{
    int status = 0; // 0: no HTTP answer within the time given
    QByteArray body;
    QByteArray retryAfter;
    QJsonObject json;
    qint64 elapsedUs = 0;

    // Sends `body` (JSON:API) with `method` to base + path and waits at most `timeoutMs`.
    static BrokerCall send(QNetworkAccessManager &network, const QByteArray &method,
                           const QUrl &base, const QByteArray &path, const QByteArray &body = {},
                           const QString &bearer = {},
                           const QByteArray &contentType = "application/vnd.api+json",
                           int timeoutMs = 20000);
    // What a reply sent some other way answered (status 0 while it is unfinished), for
    // requests that must be in flight together.
    static BrokerCall answerOf(QNetworkReply *reply);

    // {"data":{"type":"signIn","attributes":{key: value}}}; `value` a JSON object or a string.
    static QByteArray startBody(const char *key, const QByteArray &value);
    static QByteArray codeBody(const QString &code);
    static QByteArray jwtBody(const QString &jwt);

    QJsonObject data() const;
    QString id() const;
    QJsonObject attributes() const;
    QString attribute(const QString &name) const; // as text, whatever its JSON type
    // The first error's object, title, source pointer and meta.attemptsLeft (-1: none).
    QJsonObject error() const;
    QString title() const;
    QString pointer() const;
    int attemptsLeft() const;
    // What an observer sees of the answer (status, Retry-After, body) but the random sign-in
    // id: equal for two answers that tell nothing apart.
    QByteArray withoutId() const;
};

} // namespace tessera::test
