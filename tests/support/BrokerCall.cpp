#include "BrokerCall.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace tessera::test {

BrokerCall BrokerCall::send(QNetworkAccessManager &network, const QByteArray &method,
                            const QUrl &base, const QByteArray &path, const QByteArray &body,
                            const QString &bearer, const QByteArray &contentType, int timeoutMs)
{
    QNetworkRequest request(QUrl(base.toString() + QString::fromLatin1(path)));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    BrokerCall result = answerOf(reply);
    result.elapsedUs = timer.nsecsElapsed() / 1000;
    reply->deleteLater();
    return result;
}

BrokerCall BrokerCall::answerOf(QNetworkReply *reply)
{
    BrokerCall result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.retryAfter = reply->rawHeader("Retry-After");
    result.json = QJsonDocument::fromJson(result.body).object();
    return result;
}

QByteArray BrokerCall::startBody(const char *key, const QByteArray &value)
{
    const QByteArray json = value.startsWith('{') ? value : '"' + value + '"';
    return R"({"data":{"type":"signIn","attributes":{")" + QByteArray(key) + "\":" + json + "}}}";
}

QByteArray BrokerCall::codeBody(const QString &code)
{
    return R"({"data":{"type":"signInCode","attributes":{"code":")" + code.toLatin1() + "\"}}}";
}

QByteArray BrokerCall::jwtBody(const QString &jwt)
{
    return R"({"data":{"type":"jwtSignIn","attributes":{"jwtToken":")" + jwt.toLatin1() + "\"}}}";
}

QJsonObject BrokerCall::data() const
{
    return json.value(QLatin1String("data")).toObject();
}

QString BrokerCall::id() const
{
    return data().value(QLatin1String("id")).toString();
}

QJsonObject BrokerCall::attributes() const
{
    return data().value(QLatin1String("attributes")).toObject();
}

QString BrokerCall::attribute(const QString &name) const
{
    return attributes().value(name).toVariant().toString();
}

QJsonObject BrokerCall::error() const
{
    return json.value(QLatin1String("errors")).toArray().first().toObject();
}

QString BrokerCall::title() const
{
    return error().value(QLatin1String("title")).toString();
}

QString BrokerCall::pointer() const
{
    return error()
        .value(QLatin1String("source"))
        .toObject()
        .value(QLatin1String("pointer"))
        .toString();
}

int BrokerCall::attemptsLeft() const
{
    return error()
        .value(QLatin1String("meta"))
        .toObject()
        .value(QLatin1String("attemptsLeft"))
        .toInt(-1);
}

QByteArray BrokerCall::withoutId() const
{
    QJsonObject copy = json;
    QJsonObject inner = data();
    if (inner.contains(QLatin1String("id")))
        inner.insert(QStringLiteral("id"), QStringLiteral("{id}"));
    if (!inner.isEmpty())
        copy.insert(QStringLiteral("data"), inner);
    return QByteArray::number(status) + ' ' + retryAfter + ' ' +
           QJsonDocument(copy).toJson(QJsonDocument::Compact);
}

} // namespace tessera::test
