#include "BrokerProcess.h"

#include <QFile>

namespace tessera::test {

namespace {

bool writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // Narrowed before the secret is written, as a bank's credential file is.
    return file.setPermissions(permissions) && file.write(bytes) == bytes.size();
}

bool writeBrokerFiles(const QTemporaryDir &dir, const QUrl &unitApiUrl, const QString &orgToken,
                      const QStringList &extraConfig)
{
    const QString tokenPath = dir.filePath(QStringLiteral("unit-org-token"));
    const QStringList config =
        QStringList{QStringLiteral("[unit]"), QStringLiteral("apiUrl=") + unitApiUrl.toString(),
                    QStringLiteral("orgTokenFile=") + tokenPath} +
        extraConfig;
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    return writeFile(tokenPath, orgToken.toUtf8() + '\n', ownerOnly) &&
           writeFile(dir.filePath(QStringLiteral("broker.conf")),
                     config.join(QLatin1Char('\n')).toUtf8() + '\n', ownerOnly);
}

} // namespace

BrokerProcess::BrokerProcess(const QUrl &unitApiUrl, const QString &orgToken,
                             const QStringList &extraConfig)
    : m_written(writeBrokerFiles(m_dir, unitApiUrl, orgToken, extraConfig))
    , m_process(QStringLiteral(TESSERA_BROKER_EXECUTABLE),
                {QStringLiteral("--config"), m_dir.filePath(QStringLiteral("broker.conf")),
                 QStringLiteral("--port"), QStringLiteral("0")},
                // The broker's decisions are logged at info level: tests read them.
                QStringLiteral("*.debug=false;tessera.broker.info=true"))
{
    if (!m_written)
        qWarning("BrokerProcess: cannot write the broker's files");
}

} // namespace tessera::test
