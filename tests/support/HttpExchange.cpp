#include "HttpExchange.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace tessera::test {

HttpAnswer exchange(QNetworkAccessManager &network, QNetworkRequest request, const QByteArray &verb,
                    const QByteArray &body, int timeoutMs)
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty() && !request.header(QNetworkRequest::ContentTypeHeader).isValid())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          body.startsWith('{')
                              ? QByteArrayLiteral("application/json")
                              : QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    HttpAnswer answer;
    if (!reply->isFinished()) {
        reply->abort();
        answer.error = QStringLiteral("no answer from %1 within %2 ms")
                           .arg(request.url().toString(QUrl::RemoveQuery))
                           .arg(timeoutMs);
    } else {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.contentType = reply->rawHeader("Content-Type");
        const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        if (location.isValid())
            answer.location = request.url().resolved(location);
        if (reply->error() != QNetworkReply::NoError && answer.status == 0)
            answer.error = reply->errorString();
    }
    reply->deleteLater();
    return answer;
}

} // namespace tessera::test
