#include "StatementDownload.h"

#include "ApiClient.h"
#include "ApiJob.h"
#include "Logging.h"
#include "PrivateSaveFile.h"
#include "UserFacingError.h"

namespace tessera {

StatementDownload::StatementDownload(ApiClient *api, Authenticator *authenticator, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_authenticator(authenticator)
{}

StatementDownload::~StatementDownload()
{
    cancel();
}

void StatementDownload::start(const Statement &statement, const QString &filePath)
{
    cancel();
    ApiClient *api = m_api;
    const QString statementId = statement.id;
    auto *job = new ApiJob(
        m_authenticator, [api, statementId] { return api->getStatementPdf(statementId); }, this);
    m_job = job;
    connect(job, &ApiJob::finished, this, [this, job, filePath] {
        job->deleteLater();
        m_job = nullptr;
        if (job->hasError()) {
            UserFacingError::log(job->error(), "downloading a statement");
            emit failed(UserFacingError(job->error()).message());
            return;
        }
        const QByteArray pdf = job->valueAs<QByteArray>();
        PrivateSaveFile file(filePath);
        if (!file.openOwnerOnly() || file.write(pdf) != pdf.size() || !file.commit()) {
            qCWarning(lcApi).noquote() << "a statement could not be saved:" << file.errorString();
            emit failed(tr("The statement could not be saved there. Choose another folder or "
                           "file name and try again."));
            return;
        }
        emit finished(filePath);
    });
    job->start();
}

void StatementDownload::cancel()
{
    delete m_job; // ~ApiJob drops the request without a word
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_StatementDownload.cpp"
