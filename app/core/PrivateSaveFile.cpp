#include "PrivateSaveFile.h"

namespace tessera {

PrivateSaveFile::PrivateSaveFile(const QString &filePath)
    : QSaveFile(filePath)
{
    // Never straight into the chosen file: a failure half-way would leave half a file there.
    setDirectWriteFallback(false);
}

bool PrivateSaveFile::openOwnerOnly()
{
    if (!open(QIODevice::WriteOnly))
        return false;
    // QSaveFile gives the new file the permissions of the one it replaces; this data is the
    // owner's alone whatever was there before.
    if (!setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        cancelWriting(); // the file next to the chosen one goes with this object
        return false;
    }
    return true;
}

} // namespace tessera
