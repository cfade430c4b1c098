#include "UserFacingError.h"

#include "Logging.h"

namespace tessera {

UserFacingError::UserFacingError(const ApiError &error)
    : m_message(plainMessage(error))
{
    for (const ApiError::Entry &entry : error.allEntries()) {
        if (!entry.supportId.isEmpty()) {
            m_supportId = entry.supportId;
            break;
        }
    }
}

void UserFacingError::log(const ApiError &error, const char *context)
{
    qCInfo(lcApi).noquote() << context << "failed: kind" << int(error.kind) << "status"
                            << error.httpStatus;
    for (const ApiError::Entry &entry : error.allEntries())
        qCInfo(lcApi).noquote() << "  title:" << entry.title << "code:" << entry.code
                                << "detail:" << entry.detail << "pointer:" << entry.sourcePointer
                                << "supportId:" << entry.supportId;
}

QString UserFacingError::plainMessage(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Network:
        return tr("The bank could not be reached. Check your internet connection and try again.");
    case ApiError::Kind::Timeout:
        return tr("The bank did not answer in time. Try again in a moment.");
    case ApiError::Kind::Decode:
        return tr("The bank's answer could not be read. Try again later.");
    case ApiError::Kind::Cancelled:
        return tr("The request was cancelled.");
    case ApiError::Kind::Invalid:
        return tr("Tessera could not send this request. Check the details and try again.");
    case ApiError::Kind::NoCredential:
        return tr("You need to confirm who you are first.");
    case ApiError::Kind::Redirect:
        return error.message(); // already plain: says why the redirect was refused
    case ApiError::Kind::Http:
        break;
    }
    const QString code = error.code;
    if (code == QLatin1String("InvalidCardStatus"))
        return tr("The card's current status does not allow this. Refresh to see its latest "
                  "status.");
    switch (error.httpStatus) {
    case 400:
    case 422:
        return tr("The bank did not accept this request.");
    case 401:
        return tr("Your sign-in has expired. Sign in again and retry.");
    case 403:
        return tr("Your sign-in does not allow this.");
    case 404:
        return tr("The bank could not find this. Refresh to see what is there now.");
    case 409:
        return tr("This clashes with a change made elsewhere. Refresh and try again.");
    case 429:
        return tr("The bank is busy with too many requests. Wait a moment and try again.");
    default:
        break;
    }
    if (error.httpStatus >= 500)
        return tr("The bank had a problem handling this. Try again later.");
    return tr("The request could not be completed.");
}

} // namespace tessera
