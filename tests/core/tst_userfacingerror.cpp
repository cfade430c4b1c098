#include "UserFacingError.h"

#include <QTest>

using namespace tessera;

// Every failure a person may see reads as plain words, whatever Unit's detail says, and keeps
// Unit's supportId for the support conversation.
class TestUserFacingError : public QObject
{
    Q_OBJECT

private slots:
    void plainWordsForEveryKind_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<QString>("expected");
        ApiError status = ApiError::http(400, QStringLiteral("Bad Request"),
                                         QStringLiteral("Card 300012 is ClosedByCustomer; it "
                                                        "cannot be frozen."));
        QTest::newRow("card status")
            << status
            << "The bank refused this in the card's current state. Refresh to see its latest "
               "status.";
        ApiError attribute = ApiError::http(400, QStringLiteral("Bad Request"),
                                            QStringLiteral("jwtSubject must match the JWT's sub."));
        attribute.sourcePointer = QStringLiteral("/data/attributes/jwtSubject");
        QTest::newRow("validation")
            << attribute
            << "The bank did not accept this request. Check the details and try again.";
        QTest::newRow("decode") << ApiError::decode(QStringLiteral("illegal value at offset 12"))
                                << "The bank's answer could not be read. Try again later.";
        QTest::newRow("server") << ApiError::http(503, QStringLiteral("Service Unavailable"))
                                << "The bank had a problem handling this. Try again later.";
        QTest::newRow("rate limit")
            << ApiError::http(429, QStringLiteral("Too Many Requests"))
            << "The bank is receiving too many requests right now. Wait a minute and try again.";
        QTest::newRow("unknown outcome")
            << ApiError::outcomeUnknown()
            << "The connection dropped before the bank answered; it may or may not have been "
               "done.";
        QTest::newRow("network") << ApiError::network(QStringLiteral("Connection refused"))
                                 << "The bank could not be reached. Check your internet "
                                    "connection and try again.";
    }
    void plainWordsForEveryKind()
    {
        QFETCH(ApiError, error);
        QFETCH(QString, expected);
        QCOMPARE(UserFacingError(error).message(), expected);
    }

    void aRefusedCodeOrJwtIsNamedByWhatUnitPointsAt_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong code") << "/data/attributes/verificationCode"
                                    << "The verification code is incorrect."
                                    << "That code is not right. Check it and try again.";
        QTest::newRow("used up") << "/data/attributes/verificationToken"
                                 << "This verification was already used; request a new code."
                                 << "This code can no longer be used. Ask for a new code.";
        QTest::newRow("jwt") << "/data/attributes/jwtToken"
                             << "The JWT subject does not match the customer's jwtSubject."
                             << "Your bank's sign-in was not accepted. Sign in with your bank "
                                "again.";
    }
    void aRefusedCodeOrJwtIsNamedByWhatUnitPointsAt()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, detail);
        QFETCH(QString, expected);
        ApiError error = ApiError::http(400, QStringLiteral("Bad Request"), detail);
        error.sourcePointer = pointer;
        QCOMPARE(UserFacingError::forVerification(error), expected);
        // Tessera's own checks keep their words.
        QCOMPARE(UserFacingError::forVerification(
                     ApiError::invalid(QStringLiteral("Enter the 6-digit code."))),
                 QStringLiteral("Enter the 6-digit code."));
    }

    // The bank's broker: how many tries are left, how long to wait, a sign-in that ended, and
    // the broker out of reach, in words a customer can act on.
    void theBrokersRefusalsInPlainWords_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<QString>("expected");
        ApiError wrongCode = ApiError::http(400, QStringLiteral("That code is not right."));
        wrongCode.sourcePointer = QStringLiteral("/data/attributes/code");
        wrongCode.attemptsLeft = 3;
        QTest::newRow("wrong code")
            << wrongCode << "That code is not right. Check it and try again. 3 attempt";
        ApiError limited = ApiError::http(429, QStringLiteral("Too Many Requests"));
        limited.retryAfterSeconds = 215;
        QTest::newRow("limited") << limited << "Too many attempts. Try again in 4 minute";
        limited.retryAfterSeconds = 20;
        QTest::newRow("limited briefly") << limited << "Too many attempts. Try again in 1 minute";
        QTest::newRow("ended") << ApiError::http(
                                      404,
                                      QStringLiteral("This sign-in has ended. Ask for a new code."))
                               << "This sign-in has ended. Ask for a new code.";
        QTest::newRow("refused connection")
            << ApiError::network(QStringLiteral("Connection refused"))
            << "Your bank's sign-in service cannot be reached. Check your internet connection "
               "and try again.";
        QTest::newRow("unavailable")
            << ApiError::http(503, QStringLiteral("Service Unavailable"))
            << "Your bank's sign-in service is not working as it should right now. Try again in "
               "a few minutes.";
        QTest::newRow("redirect") << ApiError::redirect(302)
                                  << "Your bank's sign-in service is not working as it should "
                                     "right now. Try again in a few minutes.";
        QTest::newRow("malformed") << ApiError::decode(QStringLiteral("illegal value at offset 3"))
                                   << "Your bank's sign-in service is not working as it should "
                                      "right now. Try again in a few minutes.";
    }
    void theBrokersRefusalsInPlainWords()
    {
        QFETCH(ApiError, error);
        QFETCH(QString, expected);
        // Counted ones end in their plural form ("4 minutes"), which the English translation
        // supplies: only what comes before it is compared here.
        const QString said = UserFacingError::forBrokerSignIn(error);
        QVERIFY2(said.startsWith(expected), qPrintable(said));
    }

    void keepsTheFirstSupportId()
    {
        ApiError error = ApiError::http(400, QStringLiteral("Bad Request"));
        error.entries = {ApiError::Entry{QStringLiteral("a"), {}, {}, {}, {}},
                         ApiError::Entry{QStringLiteral("b"),
                                         {},
                                         {},
                                         QStringLiteral("abc-123"),
                                         QStringLiteral("/data/attributes/tags")}};
        QCOMPARE(UserFacingError(error).supportId(), QStringLiteral("abc-123"));
        QVERIFY(UserFacingError(ApiError::timeout()).supportId().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUserFacingError)
#include "tst_userfacingerror.moc"
