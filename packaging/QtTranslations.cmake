# tessera_install_qt_translations(DESTINATION <dir> COMPONENT <component>)
#
# Installs Qt's own catalogue qtbase_<lang>.qm (standard buttons, file dialogs) from this Qt's
# translations directory for every language Tessera speaks besides English, that is for each
# resources/translations/tessera_<lang>.ts but tessera_en.ts: ui/Translations.cpp loads
# qtbase_<lang>.qm by that name from QLibraryInfo::TranslationsPath, which DESTINATION has to be
# for the installed tree. A language this Qt has no qtbase catalogue for is skipped (OPTIONAL).
# Included by windows/windows.cmake and macos/macos.cmake.
function(tessera_install_qt_translations)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "DESTINATION;COMPONENT" "")
    if(NOT arg_DESTINATION OR NOT arg_COMPONENT OR arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "usage: tessera_install_qt_translations(DESTINATION <dir> "
                            "COMPONENT <component>)")
    endif()
    file(GLOB ts_files "${PROJECT_SOURCE_DIR}/resources/translations/tessera_*.ts")
    foreach(ts IN LISTS ts_files)
        get_filename_component(ts "${ts}" NAME_WE)
        string(REGEX REPLACE "^tessera_" "" lang "${ts}")
        if(NOT lang STREQUAL "en")
            install(FILES "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_TRANSLATIONS}/qtbase_${lang}.qm"
                    DESTINATION "${arg_DESTINATION}"
                    COMPONENT "${arg_COMPONENT}"
                    OPTIONAL)
        endif()
    endforeach()
endfunction()
