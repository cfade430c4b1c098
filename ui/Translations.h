#pragma once

#include <QLocale>
#include <QStringList>

namespace tessera::ui {

// Puts the user interface in the locale's language: Tessera's own messages (the .qm files
// embedded under :/i18n) and Qt's (qtbase_*.qm from Qt's translations folder, for the buttons of
// QWizard, QDialogButtonBox and QMessageBox). A language Tessera has no translation for gets
// English throughout, Qt's buttons included, so a window never mixes two languages. The app,
// the tests and the screenshot tool all go through here.
class Translations
{
public:
    // Installs the translators for the locale's UI languages on the running application,
    // replacing those of an earlier call; by default the system locale (LANGUAGE, LC_ALL,
    // LC_MESSAGES, LANG). Returns the language the UI is now in, e.g. "es", or "en".
    static QString install(const QLocale &locale = QLocale());
    // Takes out what install() put in: the UI falls back to the source texts (English).
    static void remove();
    // The languages Tessera is translated into (English included, for its plural forms).
    static QStringList available();
};

} // namespace tessera::ui
