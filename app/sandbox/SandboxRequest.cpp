#include "SandboxRequest.h"

namespace tessera::sandbox {

QByteArray SandboxRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray SandboxRequest::mediaType() const
{
    QByteArray type = header("Content-Type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

QString SandboxRequest::bearerToken() const
{
    const QByteArray value = header("Authorization").trimmed();
    // The scheme is case-insensitive (RFC 7235); the token itself is not.
    if (value.size() <= 7 || value.left(7).toLower() != "bearer ")
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

} // namespace tessera::sandbox
