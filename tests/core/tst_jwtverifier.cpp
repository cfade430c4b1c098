#include "JwtVerifier.h"
#include "TestSigningKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace tessera;
using tessera::test::TestSigningKey;

namespace {

const QString Issuer = QStringLiteral("https://id.bank.example");
const QString ClientId = QStringLiteral("tessera-desktop");
const QString Subject = QStringLiteral("maya@example.test");

Jwks jwksOf(const QByteArray &json)
{
    QString error;
    const auto keys = Jwks::fromJson(json, &error);
    if (!keys)
        qFatal("test JWKS refused: %s", qPrintable(error));
    return *keys;
}

JwtExpectations expectations()
{
    JwtExpectations expected;
    expected.issuer = Issuer;
    expected.audience = ClientId;
    return expected;
}

QByteArray compact(const QJsonObject &object)
{
    return TestSigningKey::base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A token with the given header and claims and a signature of the caller's making.
QString assemble(const QJsonObject &header, const QJsonObject &claims, const QByteArray &signature)
{
    return QString::fromLatin1(compact(header) + '.' + compact(claims) + '.' +
                               TestSigningKey::base64Url(signature));
}

} // namespace

class TestJwtVerifier : public QObject
{
    Q_OBJECT

private:
    TestSigningKey m_key;
    TestSigningKey m_otherKey;
    Jwks m_keys = jwksOf(m_key.jwksJson());

    QJsonObject claims(int lifetimeSeconds = 3600) const
    {
        return TestSigningKey::standardClaims(Issuer, ClientId, Subject, lifetimeSeconds);
    }
    JwtVerifier::Result verify(const QString &jwt,
                               const JwtExpectations &expected = expectations()) const
    {
        return JwtVerifier::verify(jwt, m_keys, expected);
    }

private slots:
    void aTokenSignedByTheKeyIsAcceptedAndItsClaimsRead()
    {
        QJsonObject content = claims();
        content.insert(QStringLiteral("email"), QStringLiteral("maya@example.test"));
        content.insert(QStringLiteral("nonce"), QStringLiteral("n-0S6_WzA2Mj"));
        JwtExpectations expected = expectations();
        expected.nonce = QStringLiteral("n-0S6_WzA2Mj");
        JwtClaims read;
        QCOMPARE(JwtVerifier::verify(m_key.sign(content), m_keys, expected, &read),
                 JwtVerifier::Result::Accepted);
        QCOMPARE(read.subject, Subject);
        QCOMPARE(read.issuer, Issuer);
        QCOMPARE(read.audience, QStringList{ClientId});
        QCOMPARE(read.email, QStringLiteral("maya@example.test"));
        QCOMPARE(read.nonce, QStringLiteral("n-0S6_WzA2Mj"));
        QCOMPARE(read.expiresAt.toSecsSinceEpoch(),
                 qint64(content.value(QStringLiteral("exp")).toDouble()));
        QCOMPARE(read.expiresAt.timeSpec(), Qt::UTC);
    }

    void claimsAreLeftUntouchedWhenATokenIsRefused()
    {
        JwtClaims read;
        read.subject = QStringLiteral("untouched");
        QCOMPARE(JwtVerifier::verify(m_otherKey.sign(claims()), m_keys, expectations(), &read),
                 JwtVerifier::Result::UnknownKey);
        QCOMPARE(read.subject, QStringLiteral("untouched"));
    }

    void aTokenWithoutKidIsCheckedAgainstTheOnlyKeyOfASet()
    {
        const QJsonObject noKid{{QStringLiteral("kid"), QJsonValue::Null}};
        QCOMPARE(verify(m_key.sign(claims(), noKid)), JwtVerifier::Result::Accepted);
        QCOMPARE(verify(m_otherKey.sign(claims(), noKid)), JwtVerifier::Result::BadSignature);
        const QByteArray twoKeys =
            QJsonDocument(QJsonObject{{QStringLiteral("keys"),
                                       QJsonArray{m_key.publicJwk(), m_otherKey.publicJwk()}}})
                .toJson();
        QCOMPARE(JwtVerifier::verify(m_key.sign(claims(), noKid), jwksOf(twoKeys), expectations()),
                 JwtVerifier::Result::UnknownKey);
    }

    void aTokenSignedByAnotherKeyIsRefusedAsAnUnknownKey()
    {
        QCOMPARE(verify(m_otherKey.sign(claims())), JwtVerifier::Result::UnknownKey);
    }

    void aTokenSignedByAnotherKeyUnderTheSameKidHasABadSignature()
    {
        const TestSigningKey impostor(m_key.kid());
        QCOMPARE(verify(impostor.sign(claims())), JwtVerifier::Result::BadSignature);
    }

    void aPayloadEditedAfterSigningHasABadSignature()
    {
        const QStringList parts = m_key.sign(claims()).split(QLatin1Char('.'));
        QJsonObject edited = claims();
        edited.insert(QStringLiteral("sub"), QStringLiteral("someone-else"));
        const QString forged = parts.at(0) + QLatin1Char('.') +
                               QString::fromLatin1(compact(edited)) + QLatin1Char('.') +
                               parts.at(2);
        QCOMPARE(verify(forged), JwtVerifier::Result::BadSignature);
    }

    void aTokenWithoutSignatureHasABadSignature()
    {
        const QStringList parts = m_key.sign(claims()).split(QLatin1Char('.'));
        QCOMPARE(verify(parts.at(0) + QLatin1Char('.') + parts.at(1) + QLatin1Char('.')),
                 JwtVerifier::Result::BadSignature);
    }

    void algNoneIsRefusedAsUnsupported()
    {
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("none")},
                                 {QStringLiteral("kid"), m_key.kid()}};
        QCOMPARE(verify(assemble(header, claims(), {})), JwtVerifier::Result::UnsupportedAlgorithm);
    }

    void hs256WithThePublicKeyAsSecretIsRefusedAsUnsupported()
    {
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                 {QStringLiteral("kid"), m_key.kid()}};
        const QByteArray signingInput = compact(header) + '.' + compact(claims());
        const QByteArray mac = QMessageAuthenticationCode::hash(signingInput, m_key.jwksJson(),
                                                                QCryptographicHash::Sha256);
        QCOMPARE(verify(assemble(header, claims(), mac)),
                 JwtVerifier::Result::UnsupportedAlgorithm);
    }

    void aCriticalHeaderExtensionIsRefusedAsUnsupported()
    {
        const QJsonObject crit{{QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")}}};
        QCOMPARE(verify(m_key.sign(claims(), crit)), JwtVerifier::Result::UnsupportedAlgorithm);
    }

    void aTokenExpiredBeyondTheLeewayIsRefused()
    {
        QCOMPARE(verify(m_key.sign(claims(-61))), JwtVerifier::Result::Expired);
    }

    void aTokenExpiredWithinTheLeewayIsAccepted()
    {
        QCOMPARE(verify(m_key.sign(claims(-30))), JwtVerifier::Result::Accepted);
    }

    void expiryIsJudgedAtTheExpectedTime()
    {
        JwtExpectations later = expectations();
        later.now = QDateTime::currentDateTimeUtc().addSecs(3600 + 61);
        QCOMPARE(verify(m_key.sign(claims()), later), JwtVerifier::Result::Expired);
    }

    void aTokenWithoutExpiryIsRefused()
    {
        QJsonObject content = claims();
        content.remove(QStringLiteral("exp"));
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::Expired);
    }

    void aTokenNotValidBeforeAFutureTimeIsRefused()
    {
        QJsonObject content = claims();
        content.insert(QStringLiteral("nbf"), double(QDateTime::currentSecsSinceEpoch() + 600));
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::NotYetValid);
    }

    void aTokenIssuedInTheFutureIsRefused()
    {
        QJsonObject content = claims();
        content.insert(QStringLiteral("iat"), double(QDateTime::currentSecsSinceEpoch() + 600));
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::NotYetValid);
    }

    void aTokenFromAnotherIssuerIsRefused()
    {
        QJsonObject content = claims();
        content.insert(QStringLiteral("iss"), QStringLiteral("https://id.bank.example/other"));
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::WrongIssuer);
    }

    void noTokenIsAcceptedWithoutAnExpectedIssuer()
    {
        JwtExpectations expected = expectations();
        expected.issuer.clear();
        QJsonObject content = claims();
        content.insert(QStringLiteral("iss"), QString());
        QCOMPARE(verify(m_key.sign(content), expected), JwtVerifier::Result::WrongIssuer);
    }

    void theAudienceMayBeAStringOrAnArray()
    {
        JwtClaims read;
        QJsonObject content = claims();
        content.insert(QStringLiteral("aud"), QJsonArray{QStringLiteral("another-app"), ClientId});
        QCOMPARE(JwtVerifier::verify(m_key.sign(content), m_keys, expectations(), &read),
                 JwtVerifier::Result::Accepted);
        QCOMPARE(read.audience, (QStringList{QStringLiteral("another-app"), ClientId}));
        QCOMPARE(verify(m_key.sign(claims())), JwtVerifier::Result::Accepted);
    }

    void aTokenForAnotherAudienceIsRefused()
    {
        QJsonObject content = claims();
        content.insert(QStringLiteral("aud"), QStringLiteral("another-app"));
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::WrongAudience);
        content.insert(QStringLiteral("aud"), QJsonArray{QStringLiteral("another-app")});
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::WrongAudience);
        content.remove(QStringLiteral("aud"));
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::WrongAudience);
    }

    void aTokenAuthorizedForAnotherPartyIsRefused()
    {
        QJsonObject content = claims();
        content.insert(QStringLiteral("aud"), QJsonArray{ClientId, QStringLiteral("another-app")});
        content.insert(QStringLiteral("azp"), QStringLiteral("another-app"));
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::WrongAudience);
    }

    void theAudienceIsNotCheckedWhenNoneIsExpected()
    {
        JwtExpectations expected = expectations();
        expected.audience.clear();
        QJsonObject content = claims();
        content.insert(QStringLiteral("aud"), QStringLiteral("another-app"));
        QCOMPARE(verify(m_key.sign(content), expected), JwtVerifier::Result::Accepted);
    }

    void aTokenWithAnotherNonceIsRefused()
    {
        JwtExpectations expected = expectations();
        expected.nonce = QStringLiteral("the-nonce-we-sent");
        QCOMPARE(verify(m_key.sign(TestSigningKey::standardClaims(Issuer, ClientId, Subject, 3600,
                                                                  QStringLiteral("another"))),
                        expected),
                 JwtVerifier::Result::WrongNonce);
        QCOMPARE(verify(m_key.sign(claims()), expected), JwtVerifier::Result::WrongNonce);
    }

    void aTokenWithoutSubjectIsRefused()
    {
        QJsonObject content = claims();
        content.remove(QStringLiteral("sub"));
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::MissingSubject);
        content.insert(QStringLiteral("sub"), QString());
        QCOMPARE(verify(m_key.sign(content)), JwtVerifier::Result::MissingSubject);
    }

    void theSignatureIsCheckedBeforeAnyClaim()
    {
        // Expired, from another issuer and for another app: still, the key decides first.
        QJsonObject content =
            TestSigningKey::standardClaims(QStringLiteral("https://evil.example"),
                                           QStringLiteral("another-app"), QString(), -3600);
        QCOMPARE(verify(m_otherKey.sign(content)), JwtVerifier::Result::UnknownKey);
        QCOMPARE(verify(TestSigningKey(m_key.kid()).sign(content)),
                 JwtVerifier::Result::BadSignature);
    }

    void malformedTokensAreRefused_data()
    {
        QTest::addColumn<QString>("jwt");
        const QStringList parts = m_key.sign(claims()).split(QLatin1Char('.'));
        const QString dot = QStringLiteral(".");
        QTest::newRow("empty") << QString();
        QTest::newRow("two parts") << parts.at(0) + dot + parts.at(1);
        QTest::newRow("four parts") << parts.join(dot) + dot + parts.at(2);
        QTest::newRow("standard base64 in the payload")
            << parts.at(0) + dot + parts.at(1) + QStringLiteral("+/") + dot + parts.at(2);
        QTest::newRow("padding") << parts.at(0) + QStringLiteral("==") + dot + parts.at(1) + dot +
                                        parts.at(2);
        QTest::newRow("payload not JSON")
            << parts.at(0) + dot + QString::fromLatin1(TestSigningKey::base64Url("not json")) +
                   dot + parts.at(2);
        QTest::newRow("payload a JSON array")
            << parts.at(0) + dot + QString::fromLatin1(TestSigningKey::base64Url("[1,2]")) + dot +
                   parts.at(2);
        QTest::newRow("header not JSON") << QString::fromLatin1(TestSigningKey::base64Url("{alg")) +
                                                dot + parts.at(1) + dot + parts.at(2);
        QJsonObject numericSubject = claims();
        numericSubject.insert(QStringLiteral("sub"), 42);
        QTest::newRow("sub a number") << m_key.sign(numericSubject);
        QJsonObject textExpiry = claims();
        textExpiry.insert(QStringLiteral("exp"), QStringLiteral("tomorrow"));
        QTest::newRow("exp a string") << m_key.sign(textExpiry);
        QJsonObject numericAudience = claims();
        numericAudience.insert(QStringLiteral("aud"), QJsonArray{ClientId, 7});
        QTest::newRow("aud holding a number") << m_key.sign(numericAudience);
    }
    void malformedTokensAreRefused()
    {
        QFETCH(QString, jwt);
        QCOMPARE(verify(jwt), JwtVerifier::Result::Malformed);
    }

    void eachResultHasANameForTheLogAndPlainWords()
    {
        using R = JwtVerifier::Result;
        for (R result : {R::Accepted, R::Malformed, R::UnsupportedAlgorithm, R::UnknownKey,
                         R::BadSignature, R::WrongIssuer, R::WrongAudience, R::Expired,
                         R::NotYetValid, R::WrongNonce, R::MissingSubject}) {
            QVERIFY(!JwtVerifier::name(result).contains(QLatin1Char(' ')));
            const QString words = JwtVerifier::describe(result);
            for (const char *jargon : {"JWT", "aud", "nonce", "iss", "kid", "token"})
                QVERIFY2(!words.contains(QLatin1String(jargon), Qt::CaseInsensitive),
                         qPrintable(words));
        }
        QCOMPARE(JwtVerifier::name(R::WrongAudience), QStringLiteral("WrongAudience"));
        QCOMPARE(JwtVerifier::describe(R::WrongAudience),
                 QStringLiteral("Your bank's sign-in could not be checked: it was meant for "
                                "another app."));
    }

    void aJwkSetKeepsOnlyRsaSigningKeys()
    {
        const TestSigningKey encryption;
        const TestSigningKey hs;
        QJsonObject encryptionJwk = encryption.publicJwk();
        encryptionJwk.insert(QStringLiteral("use"), QStringLiteral("enc"));
        QJsonObject otherAlgorithm = hs.publicJwk();
        otherAlgorithm.insert(QStringLiteral("alg"), QStringLiteral("RS512"));
        const QJsonObject ecKey{
            {QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("kid"), QStringLiteral("ec-1")},
            {QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("x"), QStringLiteral("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")},
            {QStringLiteral("y"), QStringLiteral("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")}};
        const QJsonObject octKey{{QStringLiteral("kty"), QStringLiteral("oct")},
                                 {QStringLiteral("kid"), QStringLiteral("secret-1")},
                                 {QStringLiteral("k"), QStringLiteral("c2VjcmV0")}};
        QJsonObject withoutUseOrAlg = m_otherKey.publicJwk();
        withoutUseOrAlg.remove(QStringLiteral("use"));
        withoutUseOrAlg.remove(QStringLiteral("alg"));
        const QJsonArray keys{encryptionJwk, otherAlgorithm,    ecKey,
                              octKey,        m_key.publicJwk(), withoutUseOrAlg};
        QString error;
        const auto set = Jwks::fromJson(
            QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson(), &error);
        QVERIFY2(set, qPrintable(error));
        QStringList expectedIds{m_key.kid(), m_otherKey.kid()};
        expectedIds.sort();
        QCOMPARE(set->keyIds(), expectedIds);
        QVERIFY(!set->hasKey(encryption.kid()));
        QVERIFY(!set->hasKey(QStringLiteral("ec-1")));
        QVERIFY(!set->hasKey(QString())); // two keys: a token must name one
        // A token signed by the encryption key is not taken, though its kid is in the set.
        QCOMPARE(JwtVerifier::verify(encryption.sign(claims()), *set, expectations()),
                 JwtVerifier::Result::UnknownKey);
        QCOMPARE(JwtVerifier::verify(m_otherKey.sign(claims()), *set, expectations()),
                 JwtVerifier::Result::Accepted);
    }

    void aJwkSetWithoutUsableKeyIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QJsonObject encryptionOnly = m_key.publicJwk();
        encryptionOnly.insert(QStringLiteral("use"), QStringLiteral("enc"));
        QJsonObject badModulus = m_key.publicJwk();
        badModulus.insert(QStringLiteral("n"), QStringLiteral("not+base64url"));
        QJsonObject shortKey = m_key.publicJwk();
        shortKey.insert(QStringLiteral("n"),
                        QString::fromLatin1(TestSigningKey::base64Url(QByteArray(128, '\x7f'))));
        const auto setOf = [](const QJsonObject &jwk) {
            return QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}}).toJson();
        };
        QTest::newRow("empty set") << QByteArray(R"({"keys":[]})");
        QTest::newRow("no keys member") << QByteArray(R"({"kty":"RSA"})");
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("encryption keys only") << setOf(encryptionOnly);
        QTest::newRow("modulus not base64url") << setOf(badModulus);
        QTest::newRow("1024-bit key") << setOf(shortKey);
    }
    void aJwkSetWithoutUsableKeyIsRefused()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!Jwks::fromJson(json, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJwtVerifier)
#include "tst_jwtverifier.moc"
