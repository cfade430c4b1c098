#include "ApiReply.h"

#include "JsonApiCodec.h"
#include "Logging.h"

#include <QNetworkReply>

namespace tessera {

ApiReply::ApiReply(QNetworkReply *reply, Decoder decoder, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_decoder(std::move(decoder))
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onNetworkFinished);
}

ApiReply::~ApiReply()
{
    if (m_reply && m_reply->isRunning()) {
        m_aborted = true;
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ApiReply::abort()
{
    if (m_finished || !m_reply)
        return;
    m_aborted = true;
    m_reply->abort(); // emits QNetworkReply::finished synchronously
}

void ApiReply::onNetworkFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QNetworkReply::NetworkError networkError = reply->error();

    if (m_aborted) {
        m_error = ApiError::cancelled();
    } else if (m_httpStatus >= 400) {
        m_error = JsonApiCodec::decodeError(m_httpStatus, body);
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

    if (m_error.isError())
        qCInfo(lcApi).noquote() << reply->operation() << reply->url().path()
                                << "failed:" << m_httpStatus << m_error.title << m_error.code;
    else
        qCDebug(lcApi).noquote() << reply->url().path() << m_httpStatus;

    m_finished = true;
    reply->deleteLater();
    emit finished();
}

} // namespace tessera
