#include "VerificationLanguage.h"

namespace tessera {

const QStringList &VerificationLanguage::supported()
{
    static const QStringList languages =
        QStringLiteral("en af ar ca zh zh-CN zh-HK hr cs da nl en-GB et fi fr de el he hi hu id "
                       "it ja kn ko ms mr nb pl pt-BR pt ro ru sk es sv tl te th tr vi")
            .split(QLatin1Char(' '));
    return languages;
}

QString VerificationLanguage::forUiLanguage(const QString &uiLanguage)
{
    // Qt names languages with "_" ("pt_BR"), Unit with "-" ("pt-BR").
    const QString tag = QString(uiLanguage).replace(QLatin1Char('_'), QLatin1Char('-'));
    for (const QString &language : supported()) {
        if (language.compare(tag, Qt::CaseInsensitive) == 0)
            return language;
    }
    // A region Unit does not list ("es-MX") still gets the language itself.
    const QString base = tag.section(QLatin1Char('-'), 0, 0).toLower();
    return supported().contains(base) ? base : QString();
}

} // namespace tessera
