#pragma once

#include <QString>
#include <QStringList>

namespace tessera {

// The languages Unit can send the one-time code's text or call in (the verification's
// `language`, unit-api-notes §2.1), and which of them a user interface language maps to.
class VerificationLanguage
{
public:
    // Unit's list, in its spelling: "es", "pt-BR", "zh-HK", ...
    static const QStringList &supported();
    // "es", "es_MX", "pt_BR" -> "es", "es", "pt-BR"; empty when Unit has no such language, so
    // the request leaves `language` out and Unit uses its default (English).
    static QString forUiLanguage(const QString &uiLanguage);
};

} // namespace tessera
