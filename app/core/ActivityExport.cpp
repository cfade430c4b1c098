#include "ActivityExport.h"

#include "ActivityCsv.h"
#include "ActivityStream.h"
#include "Logging.h"
#include "PrivateSaveFile.h"
#include "UserFacingError.h"

namespace tessera {

ActivityExport::ActivityExport(ApiClient *api, Authenticator *authenticator, QObject *parent)
    : QObject(parent)
    , m_stream(new ActivityStream(api, authenticator, this))
{
    connect(m_stream, &ActivityStream::entriesReady, this, &ActivityExport::write);
    connect(m_stream, &ActivityStream::failed, this, [this](const ApiError &error) {
        UserFacingError::log(error, "exporting activity");
        fail(UserFacingError(error).message());
    });
}

ActivityExport::~ActivityExport()
{
    stop();
}

void ActivityExport::start(const ActivityScope &scope, const ActivityFilter &filter,
                           const QString &filePath)
{
    stop();
    m_rowsWritten = 0;
    m_file = std::make_unique<PrivateSaveFile>(filePath);
    if (!m_file->openOwnerOnly() || m_file->write(ActivityCsv::header()) < 0) {
        qCWarning(lcApi).noquote() << "an export file could not be made:" << m_file->errorString();
        m_file.reset();
        emit failed(tr("The file could not be saved there. Choose another folder or file name "
                       "and try again."));
        return;
    }
    m_stream->start(scope, filter, PageSize);
}

void ActivityExport::cancel()
{
    if (!isActive())
        return;
    stop();
    emit cancelled();
}

void ActivityExport::stop()
{
    m_stream->cancel();
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset(); // removes what was written so far
    }
}

void ActivityExport::write(const QList<ActivityEntry> &entries)
{
    if (!m_file)
        return;
    QByteArray bytes;
    for (const ActivityEntry &entry : entries)
        bytes += ActivityCsv::row(entry);
    if (m_file->write(bytes) != bytes.size()) {
        qCWarning(lcApi).noquote()
            << "an export file could not be written:" << m_file->errorString();
        fail(tr("The file could not be written. Check that there is space on the disk and try "
                "again."));
        return;
    }
    m_rowsWritten += int(entries.size());
    emit progress(m_rowsWritten, m_stream->totalEntries());
    if (!m_stream->atEnd()) {
        m_stream->fetchMore();
        return;
    }
    if (!m_file->commit()) {
        qCWarning(lcApi).noquote() << "an export file could not be saved:" << m_file->errorString();
        m_file.reset();
        emit failed(tr("The file could not be saved. Check that there is space on the disk and "
                       "try again."));
        return;
    }
    m_file.reset();
    emit finished(m_rowsWritten);
}

void ActivityExport::fail(const QString &message)
{
    stop();
    emit failed(message);
}

} // namespace tessera

// Compiled here rather than in the bundled mocs_compilation.cpp: a program that does not use
// this class (tessera-broker) then links neither it nor the keychain it leads to.
#include "moc_ActivityExport.cpp"
