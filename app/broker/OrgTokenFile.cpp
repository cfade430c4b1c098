#include "OrgTokenFile.h"

#include <QDir>
#include <QFile>

namespace tessera::broker {

QString OrgTokenFile::defaultPath()
{
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (credentials.isEmpty())
        return {};
    return QDir(credentials).filePath(QStringLiteral("unit-org-token"));
}

QString OrgTokenFile::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read the org token file %1: %2").arg(path, file.errorString());
        return {};
    }
    // An org token is a few hundred bytes; a huge file is a wrong path, not a token.
    const QByteArray bytes = file.read(64 * 1024).trimmed();
    if (bytes.isEmpty() || bytes.contains('\n') || bytes.contains(' ')) {
        *error =
            QStringLiteral("the org token file %1 does not hold one token on one line").arg(path);
        return {};
    }
    return QString::fromUtf8(bytes);
}

} // namespace tessera::broker
