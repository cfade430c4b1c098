#include "ApiJob.h"

#include "ApiReply.h"
#include "Authenticator.h"
#include "Logging.h"

namespace tessera {

ApiJob::ApiJob(Authenticator *authenticator, Request request, QObject *parent)
    : QObject(parent)
    , m_authenticator(authenticator)
    , m_request(std::move(request))
{}

ApiJob::~ApiJob()
{
    // ~ApiReply aborts a call still in flight without a word.
    delete m_reply;
}

void ApiJob::start()
{
    send();
}

void ApiJob::send()
{
    if (m_finished)
        return;
    delete m_reply;
    ApiReply *reply = m_request();
    m_reply = reply;
    m_access = reply->access();
    connect(reply, &ApiReply::retrying, this, &ApiJob::retrying);
    connect(reply, &ApiReply::finished, this, &ApiJob::onReplyFinished);
}

void ApiJob::onReplyFinished()
{
    ApiReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const ApiError error = reply->error();
    if (!error.needsAuthentication()) {
        finish(error, reply->value());
        return;
    }
    if (!m_authenticator) {
        finish(error);
        return;
    }
    // Unit refused a token it was sent: once only, so a token that keeps failing ends in an
    // error instead of a loop of codes.
    if (error.kind == ApiError::Kind::Http) {
        if (m_resentAfterRefusal) {
            finish(error);
            return;
        }
        m_resentAfterRefusal = true;
        m_authenticator->reportRefused(m_access);
    }
    // A token was just obtained for this very access and still none covers it: stop.
    if (++m_authorizations > 2) {
        finish(error);
        return;
    }
    qCInfo(lcAuth).noquote() << "an operation waits for a token with"
                             << m_access.scopes.join(QLatin1Char(' '));
    m_authenticator->authorize(
        m_access, this, [this] { send(); }, [this](const ApiError &why) { finish(why); });
}

void ApiJob::finish(const ApiError &error, const QVariant &value)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_value = value;
    emit finished();
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_ApiJob.cpp"
