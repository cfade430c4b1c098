#include "SandboxProcess.h"

#include <QFile>

namespace tessera::test {

SandboxProcess::SandboxProcess(const QStringList &extraArguments)
    : m_process(QStringLiteral(TESSERA_SANDBOX_EXECUTABLE),
                QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                            QStringLiteral("--org-token-file"),
                            m_dir.filePath(QStringLiteral("org-token"))} +
                    extraArguments,
                QStringLiteral("*.debug=false;tessera.sandbox.info=true"))
{}

bool SandboxProcess::start(QString *error, int timeoutMs)
{
    return m_process.start(error, timeoutMs);
}

QString SandboxProcess::orgToken() const
{
    QFile file(m_dir.filePath(QStringLiteral("org-token")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace tessera::test
