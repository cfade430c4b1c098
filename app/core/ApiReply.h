#pragma once

#include "ApiError.h"

#include <functional>
#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QVariant>

class QNetworkReply;

namespace tessera {

// One API call in flight: emits finished() exactly once, then holds either the decoded value
// (a Card, CardPage, CustomerToken, ... in a QVariant) or an ApiError. Deletes nothing by
// itself; the caller owns it (deleteLater() in the finished handler is the usual pattern).
class ApiReply : public QObject
{
    Q_OBJECT
public:
    using Decoder = std::function<QVariant(const QByteArray &body, ApiError *error)>;

    ApiReply(QNetworkReply *reply, Decoder decoder, QObject *parent = nullptr);
    ~ApiReply() override;

    bool isFinished() const { return m_finished; }
    bool hasError() const { return m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    const QVariant &value() const { return m_value; }
    template <class T> T valueAs() const { return m_value.value<T>(); }

    void abort();

signals:
    void finished();

private:
    void onNetworkFinished();

    QPointer<QNetworkReply> m_reply;
    Decoder m_decoder;
    QVariant m_value;
    ApiError m_error;
    int m_httpStatus = 0;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace tessera
