#pragma once

#include "Provisioning.h"
#include "WriteFile.h"

#include <QByteArray>
#include <QDir>
#include <QString>

namespace tessera::test {

// A bank's provisioning file with `content`, written as `name` in `directory`, as Tessera reads
// it at start. A file that cannot be written reads as no file at all (State::Absent).
inline Provisioning provisioningFile(const QString &directory, const QByteArray &content,
                                     const QString &name = QStringLiteral("provisioning.conf"))
{
    const QString path = QDir(directory).filePath(name);
    return Provisioning::read(writeFile(path, content) ? path : QString());
}

} // namespace tessera::test
