#pragma once

#include <QSaveFile>

namespace tessera {

// A file the customer chose for their own money data (a statement, exported activity): readable
// and writable by its owner only, from its first byte, whatever file it replaces; and whole or
// not there at all — the bytes go to a file next to it that commit() renames over it, and
// that a cancel, a failure or the object's end removes. Never a temporary file elsewhere.
class PrivateSaveFile : public QSaveFile
{
public:
    explicit PrivateSaveFile(const QString &filePath);

    // Opens for writing. False (errorString() says why) when no file can be made there.
    bool openOwnerOnly();
};

} // namespace tessera
