#include "ApiReply.h"

#include "JsonApiCodec.h"
#include "Logging.h"
#include "PaddedBody.h"
#include "SingleAttemptReply.h"

#include <QNetworkReply>

namespace tessera {

ApiReply::ApiReply(Sender send, Decoder decoder, RetryPolicy policy, QObject *parent)
    : QObject(parent)
    , m_send(std::move(send))
    , m_decoder(std::move(decoder))
    , m_policy(std::move(policy))
{
    qRegisterMetaType<ApiError>();
    m_backoff.setSingleShot(true);
    connect(&m_backoff, &QTimer::timeout, this, &ApiReply::sendAttempt);
    sendAttempt();
}

ApiReply *ApiReply::refused(const ApiError &error, QObject *parent)
{
    auto *reply = new ApiReply([] { return nullptr; }, {}, RetryPolicy::none(), parent);
    reply->m_error = error;
    return reply;
}

ApiReply::~ApiReply()
{
    if (m_reply && m_reply->isRunning()) {
        m_aborted = true;
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ApiReply::sendAttempt()
{
    if (m_aborted) {
        m_error = ApiError::cancelled();
        finish();
        return;
    }
    ++m_attempt;
    QNetworkReply *reply = m_send();
    if (!reply) {
        // Nothing was sent: refused by the client, or the network manager is gone because the
        // application is shutting down. Finish from the event loop, like any other reply.
        QTimer::singleShot(0, this, [this] {
            if (!m_error.isError())
                m_error = ApiError::cancelled();
            finish();
        });
        return;
    }
    reply->setParent(this);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onNetworkFinished);
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_backoff.isActive()) {
        m_backoff.stop();
        m_error = ApiError::cancelled();
        finish();
        return;
    }
    if (m_reply)
        m_reply->abort(); // emits QNetworkReply::finished synchronously
}

void ApiReply::onNetworkFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = PaddedBody::read(reply);
    const QNetworkReply::NetworkError networkError = reply->error();

    m_error = {};
    if (m_aborted) {
        m_error = ApiError::cancelled();
    } else if (m_httpStatus >= 400) {
        m_error = JsonApiCodec::decodeError(m_httpStatus, body);
        bool hasRetryAfter = false;
        const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&hasRetryAfter);
        if (hasRetryAfter && retryAfter >= 0)
            m_error.retryAfterSeconds = retryAfter;
    } else if (m_httpStatus >= 300 && m_httpStatus < 400) {
        // Not followed (ApiClient's ManualRedirectPolicy). Only where it pointed is logged:
        // its path or query could hold anything.
        const QUrl to = reply->url().resolved(
            reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
        qCInfo(lcApi).noquote() << reply->url().path() << "redirect" << m_httpStatus
                                << "not followed, to" << to.scheme() << to.host() << to.port();
        m_error = ApiError::redirect(m_httpStatus);
    } else if (reply->attribute(SingleAttemptReply::OutcomeUnknownAttribute).toBool()) {
        // A one-shot request went out and no whole answer came back (dropped or timed out).
        m_error = ApiError::outcomeUnknown();
    } else if (networkError == QNetworkReply::OperationCanceledError ||
               networkError == QNetworkReply::TimeoutError) {
        // Only the transfer timeout cancels a request we did not abort ourselves.
        m_error = ApiError::timeout();
    } else if (networkError != QNetworkReply::NoError) {
        m_error = ApiError::network(reply->errorString());
    } else if (m_httpStatus < 200 || m_httpStatus >= 300) {
        m_error = ApiError::decode(QStringLiteral("unexpected HTTP status %1").arg(m_httpStatus));
    } else {
        m_value = m_decoder(body, &m_error);
    }

    if (m_error.isError() && !m_aborted && m_policy.shouldRetry(m_attempt, m_error)) {
        bool ok = false;
        const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        const int delay =
            m_policy.delayMs(m_attempt, ok ? std::optional<int>(retryAfter) : std::nullopt);
        qCInfo(lcApi).noquote() << reply->url().path() << "attempt" << m_attempt << "failed ("
                                << m_httpStatus << m_error.message() << "); retrying in" << delay
                                << "ms";
        // Timer first: a retrying() handler that aborts must find the wait to stop.
        m_backoff.start(delay);
        emit retrying(m_attempt + 1, delay, m_error);
        return;
    }

    if (m_error.isError())
        qCInfo(lcApi).noquote() << reply->url().path() << "failed:" << m_httpStatus
                                << (m_error.title.isEmpty() ? m_error.message() : m_error.title)
                                << m_error.code;
    else
        qCDebug(lcApi).noquote() << reply->url().path() << m_httpStatus;
    finish();
}

void ApiReply::finish()
{
    m_finished = true;
    emit finished();
}

} // namespace tessera
