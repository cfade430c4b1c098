#pragma once

#include "ApiError.h"
#include "RequiredAccess.h"

#include <functional>
#include <QObject>
#include <QPointer>
#include <QVariant>

namespace tessera {

class ApiReply;
class Authenticator;

// One API operation on the customer's behalf, with authentication handled once, here, for
// every caller (as Nextcloud desktop's network jobs do). The request says what it needs
// (ApiReply::access()); when no token covers it, or Unit answers 401, the job waits for the
// Authenticator — a sign-in renewal, or a one-time code for a 2FA action — and sends the
// request again, once, with the new token. Callers see success, a typed error, or Cancelled,
// never a 401. finished() is emitted exactly once; the job may be deleted from it.
class ApiJob : public QObject
{
    Q_OBJECT
public:
    using Request = std::function<ApiReply *()>;

    // `request` makes the call (e.g. [api] { return api->getCard(id); }); it runs again for the
    // re-send, so the new attempt picks up the renewed token.
    ApiJob(Authenticator *authenticator, Request request, QObject *parent = nullptr);
    ~ApiJob() override;

    void start();

    bool isFinished() const { return m_finished; }
    bool hasError() const { return m_error.isError(); }
    bool isCancelled() const { return m_error.kind == ApiError::Kind::Cancelled; }
    const ApiError &error() const { return m_error; }
    const QVariant &value() const { return m_value; }
    template <class T> T valueAs() const { return m_value.value<T>(); }
    // What the operation needed, as its last request said.
    const RequiredAccess &access() const { return m_access; }

signals:
    // A retryable failure; the same request goes out again after `delayMs` (ApiReply's rule).
    void retrying(int nextAttempt, int delayMs, const tessera::ApiError &error);
    void finished();

private:
    void send();
    void onReplyFinished();
    void finish(const ApiError &error, const QVariant &value = {});

    QPointer<Authenticator> m_authenticator;
    Request m_request;
    QPointer<ApiReply> m_reply;
    RequiredAccess m_access;
    QVariant m_value;
    ApiError m_error;
    bool m_resentAfterRefusal = false;
    int m_authorizations = 0;
    bool m_finished = false;
};

} // namespace tessera
