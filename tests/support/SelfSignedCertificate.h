#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace tessera::test {

// A throwaway RSA key and self-signed certificate for 127.0.0.1 (openssl), written as PEM into
// `dir`: a TLS server of the test's own. False when openssl could not make them.
inline bool makeSelfSignedCertificate(const QTemporaryDir &dir, QString *certificatePath,
                                      QString *keyPath)
{
    *keyPath = dir.filePath(QStringLiteral("key.pem"));
    *certificatePath = dir.filePath(QStringLiteral("cert.pem"));
    return QProcess::execute(
               QStringLiteral("openssl"),
               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                *keyPath, QStringLiteral("-out"), *certificatePath, QStringLiteral("-days"),
                QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")}) == 0;
}

} // namespace tessera::test
