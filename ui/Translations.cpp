#include "Translations.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace tessera::ui {

namespace {

QString resourceDir()
{
    return QStringLiteral(":/i18n");
}

QPointer<QTranslator> &ownTranslator()
{
    static QPointer<QTranslator> translator;
    return translator;
}

QPointer<QTranslator> &qtTranslator()
{
    static QPointer<QTranslator> translator;
    return translator;
}

void forget(QPointer<QTranslator> &translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator.data();
    translator = nullptr;
}

} // namespace

QString Translations::install(const QLocale &locale)
{
    remove();
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return QStringLiteral("en");

    // The first of the locale's UI languages Tessera speaks. English is the source language:
    // its file holds only the plural forms ("1 minute", "5 minutes"), so it is also what every
    // other language falls back to.
    auto *own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("tessera"), QStringLiteral("_"), resourceDir()) &&
        !own->load(QStringLiteral("tessera_en"), resourceDir())) {
        qCWarning(lcUi) << "no translations under" << resourceDir();
        delete own;
        return QStringLiteral("en");
    }
    const QString language = own->language().isEmpty() ? QStringLiteral("en") : own->language();
    QCoreApplication::installTranslator(own);
    ownTranslator() = own;

    // Qt's own strings in the same language, whatever else the locale lists.
    auto *qt = new QTranslator(app);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"), qtDir)) {
        QCoreApplication::installTranslator(qt);
        qtTranslator() = qt;
    } else {
        // English needs none: Qt's source texts are English.
        if (language != QLatin1String("en"))
            qCWarning(lcUi) << "no Qt translation for" << language << "in" << qtDir;
        delete qt;
    }
    return language;
}

void Translations::remove()
{
    forget(qtTranslator());
    forget(ownTranslator());
}

QStringList Translations::available()
{
    QStringList languages;
    const QStringList files =
        QDir(resourceDir()).entryList({QStringLiteral("tessera_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages << file.mid(8, file.size() - 8 - 3); // "tessera_" … ".qm"
    return languages;
}

} // namespace tessera::ui
