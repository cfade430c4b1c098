#pragma once

#include <QByteArray>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace tessera::test {

// What one HTTP request got back: the status (0 when no answer came), the body, the Location of
// a redirect (resolved against the request's URL), and the network error in words, if any.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QUrl location;
    QString error;
};

// Sends one request and waits for its answer (at most `timeoutMs`) in a local event loop, so that
// servers in this process (the app's loopback listener, a fake provider) keep answering meanwhile.
// Redirects are never followed: a test follows them itself, step by step, as a browser would.
// `verb`: "GET", "POST", "PUT", ...; a body is sent as JSON when it starts with '{'.
HttpAnswer exchange(QNetworkAccessManager &network, QNetworkRequest request, const QByteArray &verb,
                    const QByteArray &body = {}, int timeoutMs = 10000);

} // namespace tessera::test
