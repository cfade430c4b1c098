#include "SignInRequestParser.h"

#include "VerificationLanguage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace tessera::broker {

namespace {

const QString DataPointer = QStringLiteral("/data");
const QString AttributesPointer = QStringLiteral("/data/attributes");

QString attributePointer(const QString &name)
{
    return AttributesPointer + QLatin1Char('/') + name;
}

BrokerResponse badRequest(const QString &title, const QString &pointer)
{
    return BrokerResponse::error(400, title, pointer);
}

bool matches(const char *pattern, const QString &text)
{
    const QRegularExpression expression{QString::fromLatin1(pattern)};
    return expression.match(text).hasMatch();
}

// The attributes of {"data":{"type":<type>,"attributes":{...}}}, each name one of `allowed`
// (so a `scope` or anything else the broker decides itself is refused, not ignored).
std::variant<QJsonObject, BrokerResponse>
readAttributes(const QByteArray &body, const QString &type, const QStringList &allowed)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return badRequest(QStringLiteral("The request is not a JSON object."), QStringLiteral(""));
    const QJsonValue data = document.object().value(QLatin1String("data"));
    if (!data.isObject())
        return badRequest(QStringLiteral("The request needs a data object."), DataPointer);
    if (data.toObject().value(QLatin1String("type")) != QJsonValue(type))
        return badRequest(QStringLiteral("The data type must be %1.").arg(type),
                          QStringLiteral("/data/type"));
    const QJsonValue attributes = data.toObject().value(QLatin1String("attributes"));
    if (!attributes.isObject())
        return badRequest(QStringLiteral("The request needs an attributes object."),
                          AttributesPointer);
    const QJsonObject object = attributes.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return badRequest(QStringLiteral("This attribute is not accepted here."),
                              attributePointer(it.key()));
    }
    return object;
}

// `expiresIn`, when present: a whole number of seconds from 1 to a day.
std::optional<BrokerResponse> readExpiresIn(const QJsonObject &attributes,
                                            std::optional<int> *expiresIn)
{
    const QJsonValue value = attributes.value(QLatin1String("expiresIn"));
    if (value.isUndefined())
        return std::nullopt;
    const double seconds = value.toDouble(-1);
    if (!value.isDouble() || seconds < 1 || seconds > SignInRequestParser::MaxExpiresIn ||
        seconds != double(qint64(seconds)))
        return badRequest(QStringLiteral("expiresIn must be a whole number of seconds from 1 to "
                                         "%1.")
                              .arg(SignInRequestParser::MaxExpiresIn),
                          attributePointer(QStringLiteral("expiresIn")));
    *expiresIn = int(seconds);
    return std::nullopt;
}

BrokerRequest parseStart(const QByteArray &body)
{
    auto read = readAttributes(body, QStringLiteral("signIn"),
                               {QStringLiteral("phone"), QStringLiteral("email"),
                                QStringLiteral("channel"), QStringLiteral("language")});
    if (auto *error = std::get_if<BrokerResponse>(&read))
        return *error;
    const QJsonObject attributes = std::get<QJsonObject>(read);
    StartSignIn start;
    const QJsonValue phone = attributes.value(QLatin1String("phone"));
    const QJsonValue email = attributes.value(QLatin1String("email"));
    if (phone.isUndefined() == email.isUndefined())
        return badRequest(QStringLiteral("Send a phone number or an email address."),
                          AttributesPointer);
    if (!phone.isUndefined()) {
        const QJsonObject object = phone.toObject();
        const QJsonValue countryCode = object.value(QLatin1String("countryCode"));
        const QJsonValue number = object.value(QLatin1String("number"));
        const QString pointer = attributePointer(QStringLiteral("phone"));
        // E.164: a country code of 1 to 3 digits and at most 15 digits in all.
        if (!phone.isObject() || object.size() != 2 || !countryCode.isString() ||
            !number.isString() || !matches("^[1-9][0-9]{0,2}$", countryCode.toString()) ||
            !matches("^[0-9]{4,14}$", number.toString()) ||
            countryCode.toString().size() + number.toString().size() > 15)
            return badRequest(QStringLiteral("That is not a phone number in international form."),
                              pointer);
        start.phone = Phone{countryCode.toString(), number.toString()};
    } else {
        const QString text = email.toString();
        if (!email.isString() || text.size() > 254 ||
            !matches("^[^@\\s\"<>()\\[\\],;:\\\\]+@[^@\\s\"<>()\\[\\],;:\\\\]+\\.[^@\\s\"<>()\\[\\]"
                     ",;:\\\\]+$",
                     text))
            return badRequest(QStringLiteral("That is not an email address."),
                              attributePointer(QStringLiteral("email")));
        start.email = text.toLower();
    }
    const QJsonValue channel = attributes.value(QLatin1String("channel"));
    if (!channel.isUndefined()) {
        if (channel != QJsonValue(QStringLiteral("sms")) &&
            channel != QJsonValue(QStringLiteral("call")))
            return badRequest(QStringLiteral("channel must be sms or call."),
                              attributePointer(QStringLiteral("channel")));
        start.byCall = channel == QJsonValue(QStringLiteral("call"));
    }
    const QJsonValue language = attributes.value(QLatin1String("language"));
    if (!language.isUndefined()) {
        if (!language.isString() ||
            !VerificationLanguage::supported().contains(language.toString()))
            return badRequest(QStringLiteral("That language is not one a code can be sent in."),
                              attributePointer(QStringLiteral("language")));
        start.language = language.toString();
    }
    return start;
}

BrokerRequest parseFinish(const QByteArray &signInId, const QByteArray &body)
{
    auto read = readAttributes(body, QStringLiteral("signInCode"),
                               {QStringLiteral("code"), QStringLiteral("expiresIn")});
    if (auto *error = std::get_if<BrokerResponse>(&read))
        return *error;
    const QJsonObject attributes = std::get<QJsonObject>(read);
    FinishSignIn finish;
    finish.signInId = signInId;
    const QJsonValue code = attributes.value(QLatin1String("code"));
    if (!code.isString() || !matches("^[0-9]{4,10}$", code.toString()))
        return badRequest(QStringLiteral("The code is the digits the message gave."),
                          attributePointer(QStringLiteral("code")));
    finish.code = code.toString();
    if (auto error = readExpiresIn(attributes, &finish.expiresIn))
        return *error;
    return finish;
}

BrokerRequest parseJwt(const QByteArray &body)
{
    auto read = readAttributes(body, QStringLiteral("jwtSignIn"),
                               {QStringLiteral("jwtToken"), QStringLiteral("expiresIn")});
    if (auto *error = std::get_if<BrokerResponse>(&read))
        return *error;
    const QJsonObject attributes = std::get<QJsonObject>(read);
    JwtSignIn jwt;
    const QJsonValue token = attributes.value(QLatin1String("jwtToken"));
    if (!token.isString() || token.toString().isEmpty())
        return badRequest(QStringLiteral("The request needs the identity token."),
                          attributePointer(QStringLiteral("jwtToken")));
    jwt.jwtToken = token.toString();
    if (auto error = readExpiresIn(attributes, &jwt.expiresIn))
        return *error;
    return jwt;
}

bool isJson(const QByteArray &contentType)
{
    const QByteArray mediaType = contentType.split(';').first().trimmed().toLower();
    return mediaType == "application/vnd.api+json" || mediaType == "application/json";
}

} // namespace

BrokerResponse SignInRequestParser::signInEnded()
{
    return BrokerResponse::error(404,
                                 QStringLiteral("This sign-in has ended. Ask for a new code."));
}

BrokerRequest SignInRequestParser::parse(const QByteArray &method, const QByteArray &path,
                                         const QByteArray &contentType, const QByteArray &body)
{
    static const QRegularExpression finishPath(QStringLiteral("^/v1/sign-ins/([^/]*)/token$"));
    const bool isPost = method == "POST";
    const auto wrongMethod = [](const char *allowed) {
        return BrokerResponse::error(405,
                                     QStringLiteral("Use %1 here.").arg(QLatin1String(allowed)));
    };
    if (path == "/healthz")
        return method == "GET" ? BrokerRequest(HealthCheck{}) : wrongMethod("GET");

    const QRegularExpressionMatch finish = finishPath.match(QString::fromLatin1(path));
    const bool known = path == "/v1/sign-ins" || path == "/v1/jwt-sign-ins" || finish.hasMatch();
    if (!known)
        return BrokerResponse::error(404, QStringLiteral("There is nothing at this address."));
    if (!isPost)
        return wrongMethod("POST");
    if (body.size() > MaxBodyBytes)
        return BrokerResponse::error(413, QStringLiteral("The request is too large."));
    if (!isJson(contentType))
        return BrokerResponse::error(415, QStringLiteral("Send the request as JSON:API "
                                                         "(application/vnd.api+json)."));
    if (path == "/v1/sign-ins")
        return parseStart(body);
    if (path == "/v1/jwt-sign-ins")
        return parseJwt(body);
    const QString id = finish.captured(1);
    // An id the broker never gives out is answered like one that ended.
    if (!matches("^[0-9a-f]{32}$", id))
        return signInEnded();
    return parseFinish(id.toLatin1(), body);
}

} // namespace tessera::broker
