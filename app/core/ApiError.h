#pragma once

#include <optional>
#include <QList>
#include <QMetaType>
#include <QString>

namespace tessera {

// One error as Unit reports it (a JSON:API error object), or a failure of the transport or of
// decoding, so that every caller handles a single type.
struct ApiError
{
    enum class Kind {
        None,      // no error
        Http,      // the server answered with a 4xx/5xx status
        Network,   // connection refused, dropped, DNS, TLS
        Timeout,   // the transfer timeout elapsed
        Decode,    // the server's reply is not the document we expect
        Cancelled, // the caller aborted the request
        Invalid,   // refused before sending: the input cannot be valid
        // Refused before sending: no token covers what the call needs (signed out, expired,
        // or a 2FA action with no verified token); the Authenticator has to act first.
        NoCredential,
        Redirect, // the server answered 3xx: never followed (it could take a token elsewhere)
        // The request went out and the connection ended before the answer: the server may or
        // may not have carried it out (unlike Network, where nothing reached it). Only a fresh
        // look (e.g. GET the card) tells; never resend a request without an idempotencyKey.
        OutcomeUnknown,
    };

    // One entry of Unit's "errors" array. A 400 names every offending field at once, e.g. one
    // entry per address field with its own source pointer.
    struct Entry
    {
        QString title;
        QString detail;
        QString code;
        QString supportId;
        QString sourcePointer;

        friend bool operator==(const Entry &a, const Entry &b)
        {
            return a.title == b.title && a.detail == b.detail && a.code == b.code &&
                   a.supportId == b.supportId && a.sourcePointer == b.sourcePointer;
        }
        friend bool operator!=(const Entry &a, const Entry &b) { return !(a == b); }
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    // The first (or only) entry, as every caller has always read it.
    QString title;
    QString detail;
    QString code;
    QString supportId;
    QString sourcePointer;
    // Every entry the server sent, the first one included; empty when the error was made here
    // (see allEntries()).
    QList<Entry> entries;
    // A 429's (or 503's) Retry-After, in seconds, when the server sent one.
    std::optional<int> retryAfterSeconds;
    // The bank's broker counts wrong codes: how many more a sign-in takes (meta.attemptsLeft).
    std::optional<int> attemptsLeft;

    // `entries`, or else the one entry the fields above describe (none for a bare error).
    QList<Entry> allEntries() const;

    bool isError() const { return kind != Kind::None; }
    // 5xx, 408 and 429 per Unit's retry guidance; transport failures too, an unknown outcome
    // included: only a RetryPolicy for a request safe to repeat acts on it (see ApiClient).
    bool isRetryable() const;
    // The call needs a (new) token before it can go through: a 401, or no token for it. A 403
    // too: whether Unit answers a token without the scope with 401 or 403 is unverified.
    bool needsAuthentication() const
    {
        return kind == Kind::NoCredential ||
               (kind == Kind::Http && (httpStatus == 401 || httpStatus == 403));
    }
    // Text for a person: the server's detail when it gave one, else a plain description.
    QString message() const;

    static ApiError http(int status, QString title, QString detail = {}, QString code = {});
    static ApiError network(QString detail);
    static ApiError timeout();
    static ApiError decode(QString detail);
    static ApiError cancelled();
    static ApiError invalid(QString detail);
    static ApiError noCredential();
    // `status` is the 3xx the server sent; where it pointed is for the log, not the person.
    static ApiError redirect(int status);
    static ApiError outcomeUnknown();

    friend bool operator==(const ApiError &a, const ApiError &b)
    {
        return a.kind == b.kind && a.httpStatus == b.httpStatus && a.title == b.title &&
               a.detail == b.detail && a.code == b.code && a.supportId == b.supportId &&
               a.sourcePointer == b.sourcePointer && a.allEntries() == b.allEntries() &&
               a.retryAfterSeconds == b.retryAfterSeconds && a.attemptsLeft == b.attemptsLeft;
    }
};

} // namespace tessera

Q_DECLARE_METATYPE(tessera::ApiError)
