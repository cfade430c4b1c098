#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace tessera::test {

// Writes `content` to `path`, replacing what was there; false when any of it could not be.
inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

} // namespace tessera::test
