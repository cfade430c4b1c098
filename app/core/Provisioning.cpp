#include "Provisioning.h"

#include "Environment.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#ifndef TESSERA_PROVISIONING_FILE
#define TESSERA_PROVISIONING_FILE "/etc/tessera/provisioning.conf"
#endif

namespace tessera {

namespace {

// Said after every problem: a customer cannot fix the file, the bank's support can.
QString contactTheBank()
{
    return QCoreApplication::translate(
        "Provisioning", "Contact your bank's support; Tessera cannot sign you in until this is "
                        "fixed.");
}

} // namespace

QString Provisioning::filePath()
{
    const QString overridden = qEnvironmentVariable("TESSERA_PROVISIONING_FILE");
    return overridden.isEmpty() ? QStringLiteral(TESSERA_PROVISIONING_FILE) : overridden;
}

Provisioning Provisioning::unusable(const QString &path, const QString &problem)
{
    Provisioning provisioning;
    provisioning.m_state = State::Unusable;
    provisioning.m_path = path;
    provisioning.m_problem = problem + QLatin1Char(' ') + contactTheBank();
    return provisioning;
}

Provisioning Provisioning::read(const QString &path)
{
    Provisioning provisioning;
    provisioning.m_path = path;
    if (path.isEmpty() || !QFileInfo::exists(path))
        return provisioning; // a plain build
    qCInfo(lcUi).noquote() << "reading the provisioning file" << path;

    // QSettings reads an unreadable file as an empty one: ask first, to say the right thing.
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        qCWarning(lcUi).noquote() << "the provisioning file" << path
                                  << "cannot be read:" << file.errorString();
        return unusable(path, tr("Your bank's setup of Tessera (%1) cannot be read.").arg(path));
    }
    file.close();

    QSettings settings(path, QSettings::IniFormat);
    const QString broker = settings.value(QStringLiteral("bank/brokerUrl")).toString().trimmed();
    if (settings.status() != QSettings::NoError || broker.isEmpty()) {
        qCWarning(lcUi).noquote() << "the provisioning file" << path << "has no [bank] brokerUrl"
                                  << "(status" << int(settings.status()) << ")";
        return unusable(path, tr("Your bank's setup of Tessera (%1) is incomplete or damaged: it "
                                 "does not say where to sign in.")
                                  .arg(path));
    }
    const QUrl brokerUrl(broker, QUrl::StrictMode);
    if (auto problem = Environment::checkUrl(brokerUrl)) {
        qCWarning(lcUi).noquote() << "the provisioning file" << path
                                  << "names a broker that may not be used:" << *problem;
        return unusable(path, tr("Your bank's setup of Tessera (%1) names a sign-in address that "
                                 "is not safe to use: %2")
                                  .arg(path, *problem));
    }
    provisioning.m_state = State::Provisioned;
    provisioning.m_bankName = settings.value(QStringLiteral("bank/name")).toString().trimmed();
    provisioning.m_brokerUrl = brokerUrl;
    return provisioning;
}

} // namespace tessera
