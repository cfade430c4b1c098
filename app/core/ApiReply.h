#pragma once

#include "ApiError.h"
#include "RequiredAccess.h"
#include "RetryPolicy.h"

#include <functional>
#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariant>

class QNetworkReply;

namespace tessera {

// One API call: emits finished() exactly once, then holds either the decoded value (a Card,
// CardPage, CustomerToken, ... in a QVariant) or an ApiError. When its RetryPolicy allows, a
// retryable failure (5xx, 408, 429, a dropped connection, a timeout) sends the same request
// again after a backoff, announcing it with retrying(). The caller owns the reply
// (deleteLater() in the finished handler is the usual pattern).
class ApiReply : public QObject
{
    Q_OBJECT
public:
    using Decoder = std::function<QVariant(const QByteArray &body, ApiError *error)>;
    using Sender = std::function<QNetworkReply *()>;

    ApiReply(Sender send, Decoder decoder, RetryPolicy policy, QObject *parent = nullptr);
    // A request refused before it was sent (e.g. an address that may not be used): finishes
    // with `error` from the event loop, so callers connect as usual.
    static ApiReply *refused(const ApiError &error, QObject *parent);
    ~ApiReply() override;

    bool isFinished() const { return m_finished; }
    bool hasError() const { return m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    // How many times the request went out (1 without retries).
    int attempts() const { return m_attempt; }
    const QVariant &value() const { return m_value; }
    // What the call needs of its bearer token (set by ApiClient; ApiJob renews it on a 401).
    const RequiredAccess &access() const { return m_access; }
    void setAccess(const RequiredAccess &access) { m_access = access; }
    template <class T> T valueAs() const { return m_value.value<T>(); }

    void abort();

signals:
    // The attempt failed with `error` and the request goes out again after `delayMs`.
    void retrying(int nextAttempt, int delayMs, const tessera::ApiError &error);
    void finished();

private:
    void sendAttempt();
    void onNetworkFinished();
    void finish();

    Sender m_send;
    Decoder m_decoder;
    RetryPolicy m_policy;
    RequiredAccess m_access;
    QPointer<QNetworkReply> m_reply;
    QTimer m_backoff;
    QVariant m_value;
    ApiError m_error;
    int m_httpStatus = 0;
    int m_attempt = 0;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace tessera
