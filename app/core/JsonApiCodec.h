#pragma once

#include "Account.h"
#include "ApiError.h"
#include "CardLimits.h"
#include "Customer.h"
#include "CustomerToken.h"
#include "CustomerTokenVerification.h"
#include "Page.h"
#include "Requests.h"
#include "Result.h"
#include "SignInStarted.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace tessera {

// Translates between Unit's JSON:API documents and Tessera's value types, both ways, so the
// client and the sandbox speak exactly the same format. Decoding is lenient about extra keys
// (Unit adds attributes over time) and strict about the shape it relies on.
class JsonApiCodec
{
public:
    static constexpr const char *MediaType = "application/vnd.api+json";

    // Resources <-> JSON:API resource objects
    static QJsonObject encode(const Card &card);
    static QJsonObject encode(const Account &account);
    static QJsonObject encode(const Customer &customer);
    static QJsonObject encode(const CustomerTokenVerification &verification);
    static QJsonObject encode(const CustomerToken &token);
    static QJsonObject encode(const CardLimits &limits);
    static QJsonObject encode(const Address &address);

    static Result<Card> decodeCard(const QJsonObject &resource);
    static Result<Account> decodeAccount(const QJsonObject &resource);
    static Result<Customer> decodeCustomer(const QJsonObject &resource);
    static Result<CustomerTokenVerification> decodeTokenVerification(const QJsonObject &resource);
    static Result<CustomerToken> decodeCustomerToken(const QJsonObject &resource);
    static Result<CardLimits> decodeCardLimits(const QJsonObject &resource);
    static Result<Address> decodeAddress(const QJsonObject &object);

    // Whole documents from response bodies.
    static Result<QJsonObject> parseDocument(const QByteArray &body);
    static Result<Card> cardFromDocument(const QByteArray &body);
    static Result<CardPage> cardPageFromDocument(const QByteArray &body);
    static Result<Account> accountFromDocument(const QByteArray &body);
    static Result<AccountPage> accountPageFromDocument(const QByteArray &body);
    static Result<Customer> customerFromDocument(const QByteArray &body);
    static Result<CustomerPage> customerPageFromDocument(const QByteArray &body);
    static Result<CustomerTokenVerification> tokenVerificationFromDocument(const QByteArray &body);
    static Result<CustomerToken> customerTokenFromDocument(const QByteArray &body);
    static Result<CardLimits> cardLimitsFromDocument(const QByteArray &body);
    // Lets go of what decoding on this thread keeps from the documents read so far (the card
    // decoder's included records and buffers): for when the customer signs out.
    static void forgetKeptDocuments();

    // Documents for the server side.
    static QByteArray singleDocument(const QJsonObject &resource, const QJsonArray &included = {});
    static QByteArray listDocument(const QJsonArray &resources, const Pagination &pagination,
                                   const QJsonArray &included = {});

    // Request bodies.
    static QByteArray encode(const CreateTokenVerificationRequest &request);
    static QByteArray encode(const CreateTokenRequest &request);
    static QByteArray encode(const CreateCardRequest &request);
    static QByteArray encodeReplaceCard(const std::optional<Address> &shippingAddress);
    // PATCH /cards/{id} setting only `tags`: Unit merges them into the card's tags.
    static QByteArray encodeCardTagsUpdate(const QString &cardTypeName, const Tags &tags);

    // The bank's broker (README, "The token broker"): sign-in by phone or email and a code,
    // or by an identity provider's token. Its token answer is customerTokenFromDocument().
    static QByteArray encode(const StartSignInRequest &request);
    static QByteArray encodeSignInCode(const QString &code);
    static QByteArray encodeJwtSignIn(const QString &jwt);
    static Result<SignInStarted> decodeSignInStarted(const QJsonObject &resource);
    static Result<SignInStarted> signInStartedFromDocument(const QByteArray &body);

    // Errors: {"errors":[...]} both ways. A body that is not a valid errors document still
    // yields an Http error carrying the status.
    static QByteArray encodeErrors(const QList<ApiError> &errors);
    static ApiError decodeError(int httpStatus, const QByteArray &body);
};

} // namespace tessera
