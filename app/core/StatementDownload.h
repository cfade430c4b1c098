#pragma once

#include "Statement.h"

#include <memory>
#include <QObject>
#include <QPointer>

namespace tessera {

class ApiClient;
class ApiJob;
class Authenticator;

// Saves a statement's PDF (GET /statements/{id}/pdf) to the file the customer chose. The file
// is readable by its owner only, from its first byte, and appears whole or not at all
// (QSaveFile: the bytes go to a file next to the chosen one, renamed over it at the end;
// never a temporary file elsewhere, where others could read it).
class StatementDownload : public QObject
{
    Q_OBJECT
public:
    StatementDownload(ApiClient *api, Authenticator *authenticator, QObject *parent = nullptr);
    ~StatementDownload() override;

    void start(const Statement &statement, const QString &filePath);
    // Stops a download under way; nothing is written and no signal follows.
    void cancel();
    bool isActive() const { return m_job != nullptr; }

signals:
    void finished(const QString &filePath);
    void failed(const QString &message); // plain words

private:
    ApiClient *m_api;
    Authenticator *m_authenticator;
    QPointer<ApiJob> m_job;
};

} // namespace tessera
