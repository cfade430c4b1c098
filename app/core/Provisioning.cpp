#include "Provisioning.h"

#include "Environment.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
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
    QUrl apiUrl = Environment::unitProductionUrl();
    const QString api = settings.value(QStringLiteral("unit/apiUrl")).toString().trimmed();
    if (!api.isEmpty()) {
        apiUrl = QUrl(api, QUrl::StrictMode);
        if (auto problem = Environment::checkUrl(apiUrl)) {
            qCWarning(lcUi).noquote() << "the provisioning file" << path
                                      << "names a Unit address that may not be used:" << *problem;
            return unusable(path, tr("Your bank's setup of Tessera (%1) names a banking address "
                                     "that is not safe to use: %2")
                                      .arg(path, *problem));
        }
    }
    provisioning.m_bankName = settings.value(QStringLiteral("bank/name")).toString().trimmed();
    if (auto problem = readIdentityProvider(settings, &provisioning.m_identityProvider)) {
        qCWarning(lcUi).noquote() << "the provisioning file" << path
                                  << "has an [identityProvider] that cannot be used";
        return unusable(path, tr("Your bank's setup of Tessera (%1) names a sign-in service that "
                                 "cannot be used: %2")
                                  .arg(path, *problem));
    }
    if (provisioning.m_identityProvider && provisioning.m_identityProvider->displayName.isEmpty())
        provisioning.m_identityProvider->displayName = provisioning.m_bankName;
    provisioning.m_state = State::Provisioned;
    provisioning.m_brokerUrl = brokerUrl;
    provisioning.m_apiUrl = apiUrl;
    return provisioning;
}

std::optional<QString> Provisioning::readIdentityProvider(const QSettings &settings,
                                                          std::optional<IdentityProvider> *provider)
{
    const QString group = QStringLiteral("identityProvider/");
    // QSettings reads "openid, email" as a list: take either spelling.
    const auto value = [&](const char *key) {
        const QVariant read = settings.value(group + QLatin1String(key));
        return (read.typeId() == QMetaType::QStringList ? read.toStringList().join(QLatin1Char(' '))
                                                        : read.toString())
            .trimmed();
    };
    const QString issuer = value("issuer");
    const QString clientId = value("clientId");
    const QString scopes = value("scopes");
    const QString name = value("name");
    if (issuer.isEmpty() && clientId.isEmpty() && scopes.isEmpty() && name.isEmpty())
        return std::nullopt; // customers sign in by code
    if (issuer.isEmpty())
        return tr("it does not say where to sign in.");
    IdentityProvider read;
    read.issuer = QUrl(issuer, QUrl::StrictMode);
    if (auto problem = Environment::checkUrl(read.issuer))
        return *problem;
    if (clientId.isEmpty())
        return tr("it does not name Tessera's registration there.");
    read.clientId = clientId;
    // OpenID Connect asks for "openid" always; "email" lets the broker find the account.
    read.scopes = scopes.isEmpty() ? QStringList{QStringLiteral("openid"), QStringLiteral("email")}
                                   : scopes.split(QRegularExpression(QStringLiteral("[\\s,]+")),
                                                  Qt::SkipEmptyParts);
    if (!read.scopes.contains(QLatin1String("openid")))
        read.scopes.prepend(QStringLiteral("openid"));
    read.displayName = name;
    *provider = read;
    return std::nullopt;
}

} // namespace tessera
