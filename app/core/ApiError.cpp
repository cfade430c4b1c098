#include "ApiError.h"

#include <QCoreApplication>

namespace tessera {

bool ApiError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::OutcomeUnknown:
        return true;
    case Kind::Http:
        return httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
    case Kind::None:
    case Kind::Decode:
    case Kind::Cancelled:
    case Kind::Invalid:
    case Kind::NoCredential:
    case Kind::Redirect:
        return false;
    }
    return false;
}

QList<ApiError::Entry> ApiError::allEntries() const
{
    if (!entries.isEmpty())
        return entries;
    const Entry first{title, detail, code, supportId, sourcePointer};
    if (first == Entry{})
        return {};
    return {first};
}

QString ApiError::message() const
{
    // A reply that could not be decoded has only our own technical note (in English) as its
    // detail: say what happened in the customer's language and keep the note for support.
    if (kind == Kind::Decode) {
        return detail.isEmpty()
                   ? QCoreApplication::translate("ApiError",
                                                 "The server's reply could not be read.")
                   : QCoreApplication::translate("ApiError",
                                                 "The server's reply could not be read (%1).")
                         .arg(detail);
    }
    // A redirect is refused whatever its page says: a person needs to know why.
    if (kind == Kind::Redirect)
        return QCoreApplication::translate("ApiError",
                                           "The server sent Tessera to another address; Tessera "
                                           "does not follow redirects for your safety.");
    if (kind == Kind::OutcomeUnknown)
        return QCoreApplication::translate("ApiError",
                                           "The connection dropped before the bank answered; it "
                                           "may or may not have been done.");
    // Unit's words for its rate limit speak of requests per minute; what a person can do about
    // a 429 that outlasted the retries is wait.
    if (kind == Kind::Http && httpStatus == 429)
        return QCoreApplication::translate("ApiError",
                                           "The bank is receiving too many requests right now. "
                                           "Wait a minute and try again.");
    // Unit's words for a refused token are about bearer headers and scopes; after the one
    // renewal ApiJob tries, the person can only sign in again.
    if (kind == Kind::Http && (httpStatus == 401 || httpStatus == 403))
        return QCoreApplication::translate("ApiError",
                                           "The bank did not accept your sign-in for this. Sign "
                                           "in again and try once more.");
    // Anything else is the server's own words when it sent some (left as sent).
    if (!detail.isEmpty())
        return detail;
    if (!title.isEmpty())
        return title;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Http:
        return QCoreApplication::translate("ApiError", "The server answered with status %1.")
            .arg(httpStatus);
    case Kind::Network:
        return QCoreApplication::translate("ApiError", "The server could not be reached.");
    case Kind::Timeout:
        return QCoreApplication::translate("ApiError", "The server did not answer in time.");
    case Kind::Decode: // handled above
    case Kind::Redirect:
    case Kind::OutcomeUnknown:
        break;
    case Kind::Cancelled:
        return QCoreApplication::translate("ApiError", "The request was cancelled.");
    case Kind::Invalid:
        return QCoreApplication::translate("ApiError", "The input is not valid.");
    case Kind::NoCredential:
        return QCoreApplication::translate("ApiError", "You need to confirm who you are first.");
    }
    return {};
}

ApiError ApiError::http(int status, QString title, QString detail, QString code)
{
    ApiError e;
    e.kind = Kind::Http;
    e.httpStatus = status;
    e.title = std::move(title);
    e.detail = std::move(detail);
    e.code = std::move(code);
    return e;
}

ApiError ApiError::network(QString detail)
{
    ApiError e;
    e.kind = Kind::Network;
    e.detail = std::move(detail);
    return e;
}

ApiError ApiError::timeout()
{
    ApiError e;
    e.kind = Kind::Timeout;
    return e;
}

ApiError ApiError::decode(QString detail)
{
    ApiError e;
    e.kind = Kind::Decode;
    e.title = QStringLiteral("Malformed response");
    e.detail = std::move(detail);
    return e;
}

ApiError ApiError::cancelled()
{
    ApiError e;
    e.kind = Kind::Cancelled;
    return e;
}

ApiError ApiError::invalid(QString detail)
{
    ApiError e;
    e.kind = Kind::Invalid;
    e.detail = std::move(detail);
    return e;
}

ApiError ApiError::noCredential()
{
    ApiError e;
    e.kind = Kind::NoCredential;
    return e;
}

ApiError ApiError::redirect(int status)
{
    ApiError e;
    e.kind = Kind::Redirect;
    e.httpStatus = status;
    e.title = QStringLiteral("Redirect not followed");
    return e;
}

ApiError ApiError::outcomeUnknown()
{
    ApiError e;
    e.kind = Kind::OutcomeUnknown;
    return e;
}

} // namespace tessera
