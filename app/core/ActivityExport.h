#pragma once

#include "ActivityEntry.h"
#include "ActivityFilter.h"
#include "ActivityScope.h"

#include <memory>
#include <QObject>

namespace tessera {

class ActivityStream;
class ApiClient;
class Authenticator;
class PrivateSaveFile;

// Writes a card's or an account's filtered activity to a CSV file (ActivityCsv), newest first,
// in pages of 1000 merged as the list shows them (ActivityStream). The file is the owner's
// alone and appears only whole: a cancel or a failure leaves no file and never half of one
// (PrivateSaveFile).
class ActivityExport : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageSize = 1000;

    ActivityExport(ApiClient *api, Authenticator *authenticator, QObject *parent = nullptr);
    ~ActivityExport() override;

    void start(const ActivityScope &scope, const ActivityFilter &filter, const QString &filePath);
    // Stops; the file is not written. cancelled() follows when an export was under way.
    void cancel();
    bool isActive() const { return m_file != nullptr; }

signals:
    // After each page: rows in the file so far, and how many there will be (-1 unknown).
    void progress(int rowsWritten, int totalRows);
    void finished(int rowsWritten);
    void failed(const QString &message); // plain words
    void cancelled();

private:
    void write(const QList<ActivityEntry> &entries);
    void fail(const QString &message);
    void stop();

    ActivityStream *m_stream;
    std::unique_ptr<PrivateSaveFile> m_file;
    int m_rowsWritten = 0;
};

} // namespace tessera
