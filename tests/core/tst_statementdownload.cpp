#include "ApiClient.h"
#include "ApiReply.h"
#include "Backend.h"
#include "RawHttpPeer.h"
#include "ReplyWaiting.h"
#include "SandboxServer.h"
#include "SeedIds.h"
#include "SignedInCardsFixture.h"
#include "StatementDownload.h"
#include "SuiteSetup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

namespace {

constexpr QFileDevice::Permissions OthersAndGroup =
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

// StatementDownload against the in-process sandbox, signed in as Maya: the PDF lands in the
// chosen file, the owner's alone, whole or not at all.
class TestStatementDownload : public test::SignedInCardsFixture
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString pathFor(const QString &name) const { return m_dir.filePath(name); }
    QStringList filesInTheFolder() const
    {
        return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
    }

    // Maya's checking account's newest statement, as the sandbox lists it.
    std::optional<Statement> newestStatement()
    {
        StatementListQuery query;
        query.accountId = test::seed::mayaChecking;
        query.limit = 1;
        std::unique_ptr<ApiReply> reply(m_backend->api()->listStatements(query));
        if (!test::waitForFinished(reply.get()) || reply->hasError())
            return std::nullopt;
        const StatementPage page = reply->valueAs<StatementPage>();
        if (page.items.isEmpty())
            return std::nullopt;
        return page.items.constFirst();
    }

    // Downloads and waits for finished() or failed(); the message of failed(), or empty.
    QString download(const Statement &statement, const QString &path, bool *finished)
    {
        StatementDownload download(m_backend->api(), m_backend->authenticator());
        QSignalSpy done(&download, &StatementDownload::finished);
        QSignalSpy failed(&download, &StatementDownload::failed);
        download.start(statement, path);
        *finished = QTest::qWaitFor([&] { return done.size() + failed.size() > 0; }, 10000) &&
                    done.size() == 1 && done.at(0).at(0).toString() == path;
        return failed.isEmpty() ? QString() : failed.at(0).at(0).toString();
    }

private slots:
    void initTestCase()
    {
        if (!test::prepareKeychainSuite(QStringLiteral("tst_statementdownload")))
            QSKIP("needs a D-Bus session with gnome-keyring: run through ./dev test");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start() != 0);
    }

    void init()
    {
        QVERIFY(m_sandbox.loadSeedFile(QStringLiteral(":/tessera/seed/demo-seed.json")));
        QVERIFY(signIn(test::seed::mayaThompson));
    }

    void cleanup()
    {
        signOutAndForget();
        QDir dir(m_dir.path());
        for (const QString &name : filesInTheFolder())
            dir.remove(name);
    }

    void theStatementsPdfIsSavedForItsOwnerAlone()
    {
        const auto statement = newestStatement();
        QVERIFY(statement);
        std::unique_ptr<ApiReply> pdf(m_backend->api()->getStatementPdf(statement->id));
        QVERIFY(test::waitForFinished(pdf.get()));
        QVERIFY(!pdf->hasError());

        const QString path = pathFor(QStringLiteral("statement.pdf"));
        bool finished = false;
        QCOMPARE(download(*statement, path, &finished), QString());
        QVERIFY(finished);
        const QByteArray saved = contentsOf(path);
        QVERIFY(saved.startsWith("%PDF-"));
        QCOMPARE(saved, pdf->valueAs<QByteArray>());
        const QFileInfo info(path);
        QVERIFY(info.permissions().testFlag(QFileDevice::ReadOwner));
        QVERIFY(info.permissions().testFlag(QFileDevice::WriteOwner));
        QCOMPARE(info.permissions() & OthersAndGroup, QFileDevice::Permissions());
        // Nothing else was left next to it.
        QCOMPARE(filesInTheFolder(), QStringList{QStringLiteral("statement.pdf")});
    }

    void aWorldReadableFileItReplacesBecomesTheOwnersAlone()
    {
        const auto statement = newestStatement();
        QVERIFY(statement);
        const QString path = pathFor(QStringLiteral("replaced.pdf"));
        QVERIFY(writeFile(path, "an older download"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
        bool finished = false;
        download(*statement, path, &finished);
        QVERIFY(finished);
        QVERIFY(contentsOf(path).startsWith("%PDF-"));
        QCOMPARE(QFileInfo(path).permissions() & OthersAndGroup, QFileDevice::Permissions());
    }

    void aStatementTheBankDoesNotHaveLeavesNothing()
    {
        Statement missing;
        missing.id = QStringLiteral("999999");
        const QString path = pathFor(QStringLiteral("missing.pdf"));
        bool finished = false;
        const QString message = download(missing, path, &finished);
        QVERIFY(!finished);
        QVERIFY(!message.isEmpty());
        QVERIFY2(!message.contains(QLatin1String("404")), qPrintable(message));
        QCOMPARE(filesInTheFolder(), QStringList());
    }

    void aFailureLeavesTheFileThatWasThereAsItWas()
    {
        const auto statement = newestStatement();
        QVERIFY(statement);
        const QString path = pathFor(QStringLiteral("kept.pdf"));
        QVERIFY(writeFile(path, "%PDF-1.4 last month's"));
        QVERIFY(addFault(QStringLiteral("GET /statements/*/pdf 500")));
        bool finished = false;
        QVERIFY(!download(*statement, path, &finished).isEmpty());
        QVERIFY(!finished);
        QCOMPARE(contentsOf(path), QByteArray("%PDF-1.4 last month's"));
        QCOMPARE(filesInTheFolder(), QStringList{QStringLiteral("kept.pdf")});
    }

    // A proxy's or portal's page in place of the PDF (a server Unit never is) is not saved as
    // the statement.
    void anAnswerThatIsNoPdfIsNotSaved()
    {
        const QByteArray html = "<html><body>Please sign in to the Wi-Fi</body></html>";
        test::RawHttpPeer portal{"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                                 QByteArray::number(html.size()) + "\r\nConnection: close\r\n\r\n" +
                                 html};
        QNetworkAccessManager network;
        ApiClient api(&network);
        api.setBaseUrl(portal.url());
        api.setBearerToken(QStringLiteral("test-token"));
        StatementDownload download(&api, nullptr);
        QSignalSpy failed(&download, &StatementDownload::failed);
        QSignalSpy finished(&download, &StatementDownload::finished);
        Statement statement;
        statement.id = QStringLiteral("1");
        const QString path = pathFor(QStringLiteral("portal.pdf"));
        download.start(statement, path);
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 5000));
        QCOMPARE(finished.size(), 0);
        QCOMPARE(filesInTheFolder(), QStringList());
    }

    void aCancelledDownloadWritesNothing()
    {
        const auto statement = newestStatement();
        QVERIFY(statement);
        QVERIFY(addFault(QStringLiteral("GET /statements/*/pdf delay delay=1000 n=1")));
        StatementDownload download(m_backend->api(), m_backend->authenticator());
        QSignalSpy finished(&download, &StatementDownload::finished);
        QSignalSpy failed(&download, &StatementDownload::failed);
        download.start(*statement, pathFor(QStringLiteral("cancelled.pdf")));
        QVERIFY(download.isActive());
        download.cancel();
        QVERIFY(!download.isActive());
        QTest::qWait(1500);
        QCOMPARE(finished.size() + failed.size(), 0);
        QCOMPARE(filesInTheFolder(), QStringList());
    }
};

QTEST_MAIN(TestStatementDownload)
#include "tst_statementdownload.moc"
