#include "UserFacingError.h"

#include "Logging.h"

#include <algorithm>

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

QString UserFacingError::forVerification(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Invalid)
        return error.message(); // Tessera's own check, in its own words
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 400) {
        for (const ApiError::Entry &entry : error.allEntries()) {
            if (entry.sourcePointer.endsWith(QLatin1String("/verificationCode")))
                return tr("That code is not right. Check it and try again.");
            if (entry.sourcePointer.endsWith(QLatin1String("/verificationToken")))
                return tr("This code can no longer be used. Ask for a new code.");
            if (entry.sourcePointer.endsWith(QLatin1String("/jwtToken")))
                return tr("Your bank's sign-in was not accepted. Sign in with your bank again.");
        }
    }
    return UserFacingError(error).message();
}

QString UserFacingError::forBrokerSignIn(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Invalid)
        return error.message(); // Tessera's own check, in its own words
    if (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout)
        return tr("Your bank's sign-in service cannot be reached. Check your internet "
                  "connection and try again.");
    if (error.kind != ApiError::Kind::Http || error.httpStatus >= 500) {
        if (error.kind == ApiError::Kind::Cancelled)
            return UserFacingError(error).message();
        return tr("Your bank's sign-in service is not working as it should right now. Try again "
                  "in a few minutes.");
    }
    switch (error.httpStatus) {
    case 429: {
        if (!error.retryAfterSeconds)
            return tr("Too many attempts. Try again later.");
        const int minutes = std::max(1, (*error.retryAfterSeconds + 59) / 60);
        return tr("Too many attempts. Try again in %n minute(s).", nullptr, minutes);
    }
    case 404:
        return tr("This sign-in has ended. Ask for a new code.");
    case 401:
    case 403:
        return tr("Your bank did not accept this sign-in. Sign in again.");
    case 400:
        for (const ApiError::Entry &entry : error.allEntries()) {
            if (entry.sourcePointer.endsWith(QLatin1String("/code"))) {
                const QString wrong = tr("That code is not right. Check it and try again.");
                if (!error.attemptsLeft)
                    return wrong;
                return wrong + QLatin1Char(' ') +
                       tr("%n attempt(s) left.", nullptr, *error.attemptsLeft);
            }
        }
        return tr("Check the phone number or email address and try again.");
    default:
        break;
    }
    return UserFacingError(error).message();
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
    case ApiError::Kind::OutcomeUnknown:
        return error.message(); // ApiError's own words for these are already plain
    case ApiError::Kind::Http:
        break;
    }
    switch (error.httpStatus) {
    case 400:
    case 422: {
        // Unit points at the attribute it refused; a refusal that points nowhere is about the
        // resource as it stands (a card whose status does not allow the action).
        const QList<ApiError::Entry> entries = error.allEntries();
        const bool pointsAtAttribute =
            std::any_of(entries.cbegin(), entries.cend(),
                        [](const ApiError::Entry &e) { return !e.sourcePointer.isEmpty(); });
        if (pointsAtAttribute)
            return tr("The bank did not accept this request. Check the details and try again.");
        return tr("The bank refused this in the card's current state. Refresh to see its latest "
                  "status.");
    }
    case 401:
    case 403:
    case 429:
        return error.message(); // plain already, and one wording for both places
    case 404:
        return tr("The bank could not find this. Refresh to see what is there now.");
    case 409:
        return tr("This clashes with a change made elsewhere. Refresh and try again.");
    default:
        break;
    }
    if (error.httpStatus >= 500)
        return tr("The bank had a problem handling this. Try again later.");
    return tr("The request could not be completed.");
}

} // namespace tessera
