#include "TokenEndpoints.h"

#include "CustomerToken.h"
#include "CustomerTokenVerification.h"
#include "JsonApiBody.h"
#include "JsonApiCodec.h"
#include "Logging.h"
#include "SandboxStore.h"
#include "TokenAuthority.h"

namespace tessera::sandbox {

namespace {

const QStringList &verificationLanguages()
{
    static const QStringList languages =
        QStringLiteral("en af ar ca zh zh-CN zh-HK hr cs da nl en-GB et fi fr de el he hi hu id "
                       "it ja kn ko ms mr nb pl pt-BR pt ro ru sk es sv tl te th tr vi")
            .split(QLatin1Char(' '));
    return languages;
}

SandboxResponse verificationFailure(TokenAuthority::VerificationResult result)
{
    using R = TokenAuthority::VerificationResult;
    const QString tokenPointer = JsonApiBody::attributePointer(QStringLiteral("verificationToken"));
    const QString codePointer = JsonApiBody::attributePointer(QStringLiteral("verificationCode"));
    switch (result) {
    case R::UnknownToken:
        return SandboxResponse::badRequest(
            QStringLiteral("The verification token is unknown or belongs to another customer."),
            QStringLiteral("InvalidVerificationToken"), tokenPointer);
    case R::Used:
        return SandboxResponse::badRequest(
            QStringLiteral("This verification was already used; request a new code."),
            QStringLiteral("VerificationUsed"), tokenPointer);
    case R::Superseded:
        return SandboxResponse::badRequest(
            QStringLiteral("A newer verification was requested for this customer; use the "
                           "latest code."),
            QStringLiteral("VerificationSuperseded"), tokenPointer);
    case R::Expired:
        return SandboxResponse::badRequest(
            QStringLiteral("The verification expired after %1 minutes; request a new code.")
                .arg(TokenAuthority::VerificationLifetimeSeconds / 60),
            QStringLiteral("VerificationExpired"), tokenPointer);
    case R::TooManyAttempts:
        return SandboxResponse::badRequest(
            QStringLiteral("Too many wrong codes (%1); request a new code.")
                .arg(TokenAuthority::MaxWrongCodes),
            QStringLiteral("TooManyAttempts"), tokenPointer);
    case R::WrongCode:
        return SandboxResponse::badRequest(QStringLiteral("The verification code is incorrect."),
                                           QStringLiteral("InvalidVerificationCode"), codePointer);
    case R::Accepted:
        break;
    }
    return SandboxResponse::badRequest(QStringLiteral("Verification failed."),
                                       QStringLiteral("InvalidVerificationToken"), tokenPointer);
}

SandboxResponse jwtFailure(TokenAuthority::JwtResult result)
{
    using R = TokenAuthority::JwtResult;
    const QString pointer = JsonApiBody::attributePointer(QStringLiteral("jwtToken"));
    switch (result) {
    case R::WrongSubject:
        return SandboxResponse::badRequest(
            QStringLiteral("The JWT subject does not match the customer's jwtSubject."),
            QStringLiteral("InvalidJwtSubject"), pointer);
    case R::Expired:
        return SandboxResponse::badRequest(QStringLiteral("The JWT has expired."),
                                           QStringLiteral("JwtExpired"), pointer);
    case R::Malformed:
    case R::Accepted:
        break;
    }
    return SandboxResponse::badRequest(
        QStringLiteral("jwtToken must be a JWT (header.payload.signature, base64url) with a "
                       "\"sub\" claim."),
        QStringLiteral("InvalidJwt"), pointer);
}

} // namespace

TokenEndpoints::TokenEndpoints(const SandboxStore &store, TokenAuthority &tokens)
    : m_store(store)
    , m_tokens(tokens)
{}

SandboxResponse TokenEndpoints::createVerification(const SandboxRequest &request,
                                                   const QString &customerId)
{
    if (!m_store.customer(customerId))
        return SandboxResponse::notFound(
            QStringLiteral("The specified customer with id %1 was not found.").arg(customerId));

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
    if (body.hasAttribute("language") && !verificationLanguages().contains(language))
        body.addError(QStringLiteral("\"language\" must be one of: %1.")
                          .arg(verificationLanguages().join(QStringLiteral(", "))),
                      JsonApiBody::attributePointer(QStringLiteral("language")));
    const QJsonObject phone = body.object("phone");
    if (body.hasAttribute("phone") && body.ok()) {
        const QJsonValue countryCode = phone.value(QLatin1String("countryCode"));
        const QJsonValue number = phone.value(QLatin1String("number"));
        if (!countryCode.isString() || !number.isString() || phone.size() != 2)
            body.addError(QStringLiteral("\"phone\" must be {countryCode, number}, both strings."),
                          JsonApiBody::attributePointer(QStringLiteral("phone")));
    }
    if (!body.ok())
        return SandboxResponse::errors(400, body.errors());

    CustomerTokenVerification verification;
    verification.verificationToken = m_tokens.startVerification(customerId);
    qCInfo(lcSandbox).noquote() << "verification started for customer" << customerId << "via"
                                << channel << "(no message sent; the sandbox code is fixed)";
    return SandboxResponse::document(
        201, JsonApiCodec::singleDocument(JsonApiCodec::encode(verification)));
}

SandboxResponse TokenEndpoints::createToken(const SandboxRequest &request,
                                            const QString &customerId)
{
    const Customer *customer = m_store.customer(customerId);
    if (!customer)
        return SandboxResponse::notFound(
            QStringLiteral("The specified customer with id %1 was not found.").arg(customerId));

    JsonApiBody body(request.json, {QStringLiteral("customerToken")});
    body.requireAttributesObject();
    body.rejectUnknownAttributes({QStringLiteral("scope"), QStringLiteral("verificationToken"),
                                  QStringLiteral("verificationCode"), QStringLiteral("jwtToken"),
                                  QStringLiteral("expiresIn"), QStringLiteral("resources"),
                                  QStringLiteral("upgradableScope")});
    const QString scopeText = body.string("scope", true, 1);
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

    const QStringList scopes = scopeText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &scope : scopes) {
        if (!TokenAuthority::knownScopes().contains(scope))
            body.addError(QStringLiteral("\"%1\" is not a Unit scope.").arg(scope),
                          JsonApiBody::attributePointer(QStringLiteral("scope")),
                          QStringLiteral("InvalidScope"));
    }
    if (!body.ok())
        return SandboxResponse::errors(400, body.errors());

    bool needsTwoFactor = false;
    for (const QString &scope : scopes)
        needsTwoFactor = needsTwoFactor || m_tokens.twoFactorScopes().contains(scope);

    // A JWT from the customer's IdP replaces the OTP (unit-api-notes §2.3).
    if (!jwtToken.isEmpty()) {
        const TokenAuthority::JwtResult result = m_tokens.checkJwt(jwtToken, customer->jwtSubject);
        if (result != TokenAuthority::JwtResult::Accepted)
            return jwtFailure(result);
    } else if (!verificationToken.isEmpty() || !verificationCode.isEmpty()) {
        // A supplied verification is always checked, even for scopes that would not need it,
        // so a client never believes a wrong code was accepted.
        if (verificationToken.isEmpty() || verificationCode.isEmpty())
            return SandboxResponse::badRequest(
                QStringLiteral("verificationToken and verificationCode go together."),
                QStringLiteral("MissingAttribute"),
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
            QStringLiteral("VerificationRequired"),
            JsonApiBody::attributePointer(QStringLiteral("verificationToken")));
    }

    CustomerToken token;
    token.expiresIn = int(expiresIn);
    token.token = m_tokens.issueCustomerToken(customerId, scopes, token.expiresIn);
    qCInfo(lcSandbox).noquote() << "customer token issued for customer" << customerId
                                << "scopes:" << scopes.join(QLatin1Char(' '))
                                << "expiresIn:" << token.expiresIn;
    return SandboxResponse::document(201,
                                     JsonApiCodec::singleDocument(JsonApiCodec::encode(token)));
}

} // namespace tessera::sandbox
