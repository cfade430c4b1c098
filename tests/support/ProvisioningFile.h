#pragma once

#include "Provisioning.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

namespace tessera::test {

// A bank's provisioning file with `content`, written as `name` in `directory`, as Tessera reads
// it at start. A file that cannot be written reads as no file at all (State::Absent).
inline Provisioning provisioningFile(const QString &directory, const QByteArray &content,
                                     const QString &name = QStringLiteral("provisioning.conf"))
{
    QFile file(QDir(directory).filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        return Provisioning::read(QString());
    file.close();
    return Provisioning::read(file.fileName());
}

} // namespace tessera::test
