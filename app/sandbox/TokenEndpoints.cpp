#include "TokenEndpoints.h"

#include "CustomerToken.h"
#include "CustomerTokenVerification.h"
#include "JsonApiBody.h"
#include "JsonApiCodec.h"
#include "Logging.h"
#include "SandboxStore.h"
#include "TokenAuthority.h"
#include "VerificationLanguage.h"

#include <algorithm>
#include <QJsonArray>
#include <QRegularExpression>

namespace tessera::sandbox {

namespace {

SandboxResponse verificationFailure(TokenAuthority::VerificationResult result)
{
    using R = TokenAuthority::VerificationResult;
    const QString tokenPointer = JsonApiBody::attributePointer(QStringLiteral("verificationToken"));
    const QString codePointer = JsonApiBody::attributePointer(QStringLiteral("verificationCode"));
    switch (result) {
    case R::UnknownToken:
        return SandboxResponse::badRequest(
            QStringLiteral("The verification token is unknown or belongs to another customer."),
            tokenPointer);
    case R::Used:
        return SandboxResponse::badRequest(
            QStringLiteral("This verification was already used; request a new code."),
            tokenPointer);
    case R::Superseded:
        return SandboxResponse::badRequest(
            QStringLiteral("A newer verification was requested for this customer; use the "
                           "latest code."),
            tokenPointer);
    case R::Expired:
        return SandboxResponse::badRequest(
            QStringLiteral("The verification expired after %1 minutes; request a new code.")
                .arg(TokenAuthority::VerificationLifetimeSeconds / 60),
            tokenPointer);
    case R::TooManyAttempts:
        return SandboxResponse::badRequest(
            QStringLiteral("Too many wrong codes (%1); request a new code.")
                .arg(TokenAuthority::MaxWrongCodes),
            tokenPointer);
    case R::WrongCode:
        return SandboxResponse::badRequest(QStringLiteral("The verification code is incorrect."),
                                           codePointer);
    case R::Accepted:
        break;
    }
    return SandboxResponse::badRequest(QStringLiteral("Verification failed."), tokenPointer);
}

// Unit does not publish its JWT error titles; these say what was wrong in Unit's tone, for the
// sandbox's log and whoever tries a JWT against it.
QString jwtRefusal(const TokenAuthority::JwtCheck &check)
{
    using O = TokenAuthority::JwtCheck::Outcome;
    using V = JwtVerifier::Result;
    switch (check.outcome) {
    case O::NoIdentityProvider:
        return QStringLiteral("JWT authentication is not enabled for this org: no identity "
                              "provider is configured.");
    case O::CustomerHasNoSubject:
        return QStringLiteral("The customer has no jwtSubject, so a JWT cannot authenticate them.");
    case O::WrongSubject:
        return QStringLiteral("The JWT subject does not match the customer's jwtSubject.");
    case O::Accepted:
    case O::NotVerified:
        break;
    }
    switch (check.verification) {
    case V::UnsupportedAlgorithm:
        return QStringLiteral("The JWT must be signed with RS256.");
    case V::UnknownKey:
        return QStringLiteral("The JWT is signed with a key the identity provider does not "
                              "publish.");
    case V::BadSignature:
        return QStringLiteral("The JWT signature is invalid.");
    case V::WrongIssuer:
        return QStringLiteral("The JWT issuer does not match the identity provider.");
    case V::WrongAudience:
        return QStringLiteral("The JWT audience does not match the identity provider.");
    case V::Expired:
        return QStringLiteral("The JWT has expired or has no \"exp\" claim.");
    case V::NotYetValid:
        return QStringLiteral("The JWT is not valid yet.");
    case V::WrongNonce:
        return QStringLiteral("The JWT nonce does not match.");
    case V::MissingSubject:
        return QStringLiteral("The JWT has no \"sub\" claim.");
    case V::Malformed:
    case V::Accepted:
        break;
    }
    return QStringLiteral("jwtToken must be a JWT (header.payload.signature, base64url).");
}

SandboxResponse customerNotFound(const QString &customerId)
{
    return SandboxResponse::notFound(
        QStringLiteral("The specified customer with id %1 was not found.").arg(customerId));
}

const QString CustomerTokenWrite = QStringLiteral("customer-token-write");

// A space-separated scope attribute: every scope must be one of Unit's, and none may be an
// org-only scope, since the token is a customer token whoever mints it.
QStringList readScopes(JsonApiBody &body, const char *name, bool required)
{
    const QString pointer = JsonApiBody::attributePointer(QLatin1String(name));
    const QStringList scopes =
        body.string(name, required, 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &scope : scopes) {
        if (!TokenAuthority::knownScopes().contains(scope))
            body.addError(QStringLiteral("\"%1\" is not a Unit scope.").arg(scope), pointer);
        else if (TokenAuthority::orgOnlyScopes().contains(scope))
            body.addError(QStringLiteral("\"%1\" is an org-token scope; a customer token cannot "
                                         "hold it.")
                              .arg(scope),
                          pointer);
    }
    return scopes;
}

// The `resources` attribute as Unit's schema has it: [{"type":"card"|"account","ids":[id,...]}],
// at least one item, each with at least one id (an Identifier, ^[1-9]\d*$).
struct RequestedResources
{
    struct Named
    {
        bool card;
        QString id;
        QString pointer;
    };
    TokenAuthority::Resources resources;
    QList<Named> named; // in request order, for the first unknown one to be reported
};

RequestedResources readResources(JsonApiBody &body)
{
    static const QRegularExpression identifier(QStringLiteral("^[1-9][0-9]*$"));
    RequestedResources result;
    if (!body.hasAttribute("resources"))
        return result;
    const QString pointer = JsonApiBody::attributePointer(QStringLiteral("resources"));
    const QJsonValue value = body.attributes().value(QLatin1String("resources"));
    if (!value.isArray() || value.toArray().isEmpty()) {
        body.addError(QStringLiteral("\"resources\" must be a non-empty array of {\"type\": "
                                     "\"card\" or \"account\", \"ids\": [...]}."),
                      pointer);
        return result;
    }
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPointer = pointer + QLatin1Char('/') + QString::number(i);
        if (!items.at(i).isObject()) {
            body.addError(QStringLiteral("Each resource must be an object {type, ids}."),
                          itemPointer);
            continue;
        }
        const QJsonObject item = items.at(i).toObject();
        for (auto it = item.begin(); it != item.end(); ++it) {
            if (it.key() != QLatin1String("type") && it.key() != QLatin1String("ids"))
                body.addError(QStringLiteral("\"%1\" is not allowed in a resource.").arg(it.key()),
                              itemPointer + QLatin1Char('/') + it.key());
        }
        const QString type = item.value(QLatin1String("type")).toString();
        const bool card = type == QLatin1String("card");
        if (!card && type != QLatin1String("account"))
            body.addError(QStringLiteral("\"type\" must be \"card\" or \"account\"."),
                          itemPointer + QStringLiteral("/type"));
        const QJsonValue ids = item.value(QLatin1String("ids"));
        if (!ids.isArray() || ids.toArray().isEmpty()) {
            body.addError(QStringLiteral("\"ids\" must be a non-empty array of ids."),
                          itemPointer + QStringLiteral("/ids"));
            continue;
        }
        const QJsonArray idList = ids.toArray();
        for (qsizetype j = 0; j < idList.size(); ++j) {
            const QString idPointer = itemPointer + QStringLiteral("/ids/") + QString::number(j);
            const QString id = idList.at(j).toString();
            if (!idList.at(j).isString() || !identifier.match(id).hasMatch()) {
                body.addError(QStringLiteral("Each id must be a string of digits such as "
                                             "\"10001\"."),
                              idPointer);
                continue;
            }
            (card ? result.resources.cardIds : result.resources.accountIds).insert(id);
            result.named.append({card, id, idPointer});
        }
    }
    return result;
}

} // namespace

TokenEndpoints::TokenEndpoints(const SandboxStore &store, TokenAuthority &tokens)
    : m_store(store)
    , m_tokens(tokens)
{}

SandboxResponse TokenEndpoints::createVerification(const SandboxRequest &request,
                                                   const Caller &caller, const QString &customerId)
{
    // A customer token works for its own customer only; another one is "not found".
    const Customer *customer = m_store.customer(customerId);
    if (!customer || !caller.canSeeCustomer(customerId))
        return customerNotFound(customerId);

    JsonApiBody body(request.json, {QStringLiteral("customerTokenVerification")});
    body.requireAttributesObject();
    body.rejectUnknownAttributes({QStringLiteral("channel"), QStringLiteral("phone"),
                                  QStringLiteral("appHash"), QStringLiteral("language")});
    const QString channel = body.string("channel", true);
    if (!channel.isEmpty() && channel != QLatin1String("sms") && channel != QLatin1String("call"))
        body.addError(QStringLiteral("\"channel\" must be \"sms\" or \"call\"."),
                      JsonApiBody::attributePointer(QStringLiteral("channel")));
    const QString appHash = body.string("appHash", false, 11, 11);
    if (!appHash.isEmpty() && channel == QLatin1String("call"))
        body.addError(QStringLiteral("\"appHash\" only applies to the sms channel."),
                      JsonApiBody::attributePointer(QStringLiteral("appHash")));
    const QString language = body.string("language", false);
    if (body.hasAttribute("language") && !VerificationLanguage::supported().contains(language))
        body.addError(QStringLiteral("\"language\" must be one of: %1.")
                          .arg(VerificationLanguage::supported().join(QStringLiteral(", "))),
                      JsonApiBody::attributePointer(QStringLiteral("language")));
    const QJsonObject phone = body.object("phone");
    // Unit: "Business customers only": it picks one of a business's authorized users.
    if (body.hasAttribute("phone") && !customer->isBusiness())
        body.addError(QStringLiteral("\"phone\" applies to business customers only; an "
                                     "individual customer gets the code on their own phone."),
                      JsonApiBody::attributePointer(QStringLiteral("phone")));
    // Without a phone the code goes to the business's contact (an individual's own phone).
    Phone recipient = customer->codePhone();
    QString recipientRole = customer->isBusiness() ? QStringLiteral("the business contact")
                                                   : QStringLiteral("the customer");
    if (body.hasAttribute("phone") && body.ok()) {
        const QJsonValue countryCode = phone.value(QLatin1String("countryCode"));
        const QJsonValue number = phone.value(QLatin1String("number"));
        const Phone named{countryCode.toString(), number.toString()};
        const auto user =
            std::find_if(customer->authorizedUsers.begin(), customer->authorizedUsers.end(),
                         [&named](const Person &person) { return person.phone == named; });
        if (!countryCode.isString() || !number.isString() || phone.size() != 2)
            body.addError(QStringLiteral("\"phone\" must be {countryCode, number}, both strings."),
                          JsonApiBody::attributePointer(QStringLiteral("phone")));
        // Unit: it "must match one of the authorized users' phones".
        else if (user == customer->authorizedUsers.end())
            body.addError(QStringLiteral("\"phone\" must be the phone of one of the business's "
                                         "authorized users."),
                          JsonApiBody::attributePointer(QStringLiteral("phone")));
        else {
            recipient = named;
            recipientRole = QStringLiteral("an authorized user");
        }
    }
    if (!body.ok())
        return SandboxResponse::errors(400, body.errors());

    CustomerTokenVerification verification;
    verification.verificationToken = m_tokens.startVerification(customerId);
    qCInfo(lcSandbox).noquote() << "verification started for customer" << customerId << "via"
                                << channel << "in"
                                << (language.isEmpty() ? QStringLiteral("en") : language) << "to"
                                << recipientRole << recipient.masked()
                                << "(no message sent; the sandbox code is fixed)";
    return SandboxResponse::document(
        201, JsonApiCodec::singleDocument(JsonApiCodec::encode(verification)));
}

SandboxResponse TokenEndpoints::createToken(const SandboxRequest &request, const Caller &caller,
                                            const QString &customerId)
{
    const Customer *customer = m_store.customer(customerId);
    if (!customer || !caller.canSeeCustomer(customerId))
        return customerNotFound(customerId);

    JsonApiBody body(request.json, {QStringLiteral("customerToken")});
    body.requireAttributesObject();
    body.rejectUnknownAttributes({QStringLiteral("scope"), QStringLiteral("verificationToken"),
                                  QStringLiteral("verificationCode"), QStringLiteral("jwtToken"),
                                  QStringLiteral("expiresIn"), QStringLiteral("resources"),
                                  QStringLiteral("upgradableScope")});
    const QStringList scopes = readScopes(body, "scope", true);
    const QStringList upgradableScopes = readScopes(body, "upgradableScope", false);
    const QString upgradablePointer =
        JsonApiBody::attributePointer(QStringLiteral("upgradableScope"));
    // Only a token that can mint can later upgrade itself (unit-api-notes §2.2).
    if (!upgradableScopes.isEmpty() && !scopes.contains(CustomerTokenWrite))
        body.addError(
            QStringLiteral("upgradableScope needs \"%1\" in scope.").arg(CustomerTokenWrite),
            upgradablePointer);
    const RequestedResources requested = readResources(body);
    const QString verificationToken = body.string("verificationToken", false, 1);
    const QString verificationCode = body.string("verificationCode", false, 1);
    const QString jwtToken = body.string("jwtToken", false, 1);
    const qint64 expiresIn =
        body.integer("expiresIn").value_or(TokenAuthority::MaxTokenLifetimeSeconds);
    if (body.hasAttribute("expiresIn") &&
        (expiresIn < 1 || expiresIn > TokenAuthority::MaxTokenLifetimeSeconds))
        body.addError(QStringLiteral("\"expiresIn\" must be between 1 and %1 seconds.")
                          .arg(TokenAuthority::MaxTokenLifetimeSeconds),
                      JsonApiBody::attributePointer(QStringLiteral("expiresIn")));
    if (!body.ok())
        return SandboxResponse::errors(400, body.errors());

    // Everything below is decided before a verification is redeemed, so a refused request
    // does not use up the customer's code.
    // A customer token grants nothing beyond its own scope and upgradableScope.
    for (const QString &scope : scopes + upgradableScopes) {
        if (!caller.mayGrant(scope))
            return SandboxResponse::error(
                403,
                QStringLiteral("This token cannot grant \"%1\": it is in neither its scope nor "
                               "its upgradableScope.")
                    .arg(scope),
                scopes.contains(scope) ? JsonApiBody::attributePointer(QStringLiteral("scope"))
                                       : upgradablePointer);
    }
    // A card or account the minting token does not see (missing, another customer's, or
    // outside its own resources) is reported exactly as a missing one, with the 404 every
    // other endpoint gives for it: Unit's docs say nothing of this case, and a 404 reveals no
    // more than GET /cards/{id} would. This also keeps a narrowed token from widening.
    for (const RequestedResources::Named &named : requested.named) {
        if (named.card) {
            const Card *card = m_store.card(named.id);
            if (!card || card->customerId != customerId || !caller.canSeeCard(*card))
                return SandboxResponse::error(
                    404,
                    QStringLiteral("The specified card with id %1 was not found.").arg(named.id),
                    named.pointer);
        } else {
            const Account *account = m_store.account(named.id);
            if (!account || account->customerId != customerId || !caller.canSeeAccount(*account))
                return SandboxResponse::error(
                    404,
                    QStringLiteral("The specified account with id %1 was not found.").arg(named.id),
                    named.pointer);
        }
    }
    if (caller.resources.isRestricted() && !requested.resources.isRestricted())
        return SandboxResponse::error(
            403,
            QStringLiteral("This token is narrowed to particular cards or accounts; a token it "
                           "mints must be narrowed to them too (send resources)."),
            JsonApiBody::attributePointer(QStringLiteral("resources")));

    bool needsTwoFactor = false;
    for (const QString &scope : scopes)
        needsTwoFactor = needsTwoFactor || m_tokens.twoFactorScopes().contains(scope);

    // A JWT from the customer's IdP replaces the OTP (unit-api-notes §2.3).
    if (!jwtToken.isEmpty()) {
        const TokenAuthority::JwtCheck check = m_tokens.checkJwt(jwtToken, customer->jwtSubject);
        if (check.outcome != TokenAuthority::JwtCheck::Outcome::Accepted) {
            const QString title = jwtRefusal(check);
            qCInfo(lcSandbox).noquote() << "JWT refused for customer" << customerId << "-" << title;
            return SandboxResponse::badRequest(
                title, JsonApiBody::attributePointer(QStringLiteral("jwtToken")));
        }
    } else if (!verificationToken.isEmpty() || !verificationCode.isEmpty()) {
        // A supplied verification is always checked, even for scopes that would not need it,
        // so a client never believes a wrong code was accepted.
        if (verificationToken.isEmpty() || verificationCode.isEmpty())
            return SandboxResponse::badRequest(
                QStringLiteral("verificationToken and verificationCode go together."),
                JsonApiBody::attributePointer(verificationToken.isEmpty()
                                                  ? QStringLiteral("verificationToken")
                                                  : QStringLiteral("verificationCode")));
        const TokenAuthority::VerificationResult result =
            m_tokens.redeemVerification(customerId, verificationToken, verificationCode);
        if (result != TokenAuthority::VerificationResult::Accepted)
            return verificationFailure(result);
    } else if (needsTwoFactor) {
        return SandboxResponse::badRequest(
            QStringLiteral("The requested scopes need two-factor authentication: send "
                           "verificationToken and verificationCode, or jwtToken."),
            JsonApiBody::attributePointer(QStringLiteral("verificationToken")));
    }

    CustomerToken token;
    token.expiresIn = int(expiresIn);
    token.token = m_tokens.issueCustomerToken(customerId, scopes, token.expiresIn, upgradableScopes,
                                              requested.resources);
    qCInfo(lcSandbox).noquote() << "customer token issued for customer" << customerId << "by"
                                << (caller.isOrg ? "the org token" : "a customer token")
                                << "scopes:" << scopes.join(QLatin1Char(' '))
                                << "upgradable:" << upgradableScopes.join(QLatin1Char(' '))
                                << "restricted:" << requested.resources.isRestricted()
                                << "expiresIn:" << token.expiresIn;
    return SandboxResponse::document(201,
                                     JsonApiCodec::singleDocument(JsonApiCodec::encode(token)));
}

} // namespace tessera::sandbox
