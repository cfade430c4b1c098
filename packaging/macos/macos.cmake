# macOS application bundle and disk image for Tessera: Tessera.app (MACOSX_BUNDLE with its own
# Info.plist and an icon rendered from the SVG), macdeployqt at install time, CPack DragNDrop.
#
# Included by packaging/CMakeLists.txt inside if(APPLE), before its common CPACK_* settings and
# include(CPack). Written from the CMake 3.25 and Qt 6.4 documentation; it has NOT been built or
# run (there is no macOS toolchain on the Debian build machine). See packaging/README.md,
# "macOS disk image".
#
# The bundle:
#   Tessera.app/Contents/Info.plist                  (Info.plist.in)
#   Tessera.app/Contents/MacOS/Tessera               (the tessera target)
#   Tessera.app/Contents/MacOS/tessera-sandbox       (the local Unit-compatible server)
#   Tessera.app/Contents/Resources/tessera.icns, LICENSE.txt, qt.conf
#   Tessera.app/Contents/translations/qtbase_<lang>.qm
#   Tessera.app/Contents/Frameworks/, PlugIns/       (filled by macdeployqt)

include(GNUInstallDirs)
include("${CMAKE_CURRENT_LIST_DIR}/../QtTranslations.cmake")

set(TESSERA_MACOS_COMPONENT tessera_macos)
set(TESSERA_MACOS_BUNDLE_NAME Tessera)
set(TESSERA_MACOS_BUNDLE_ID io.github.tessera_banking.Tessera)

set(TESSERA_MACOS_SIGN_IDENTITY "-" CACHE STRING
    "Code signing identity for macdeployqt: '-' signs ad hoc; a 'Developer ID Application: ...' \
identity signs for notarization (hardened runtime, secure timestamp)")
find_program(TESSERA_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}"
             DOC "Qt's macdeployqt, run at install time")

# LSMinimumSystemVersion follows the deployment target the binaries are built for. Without one
# the compiler's default applies (usually the SDK's macOS version), so a release sets
# CMAKE_OSX_DEPLOYMENT_TARGET; 10.14 is the oldest macOS Qt 6.4 supports, used as the fallback.
if(CMAKE_OSX_DEPLOYMENT_TARGET)
    set(TESSERA_MACOS_MIN_VERSION "${CMAKE_OSX_DEPLOYMENT_TARGET}")
else()
    set(TESSERA_MACOS_MIN_VERSION 10.14)
    message(STATUS "Tessera.app: CMAKE_OSX_DEPLOYMENT_TARGET is not set; Info.plist says "
                   "LSMinimumSystemVersion ${TESSERA_MACOS_MIN_VERSION} but the binaries get "
                   "the compiler's default minimum")
endif()

# ---- The icon: resources/icons/*.svg -> tessera.iconset (rsvg-convert) -> tessera.icns --------
# iconutil ships with macOS; rsvg-convert comes from Homebrew's or MacPorts' librsvg.
set(TESSERA_MACOS_ICON_ENTRY "")
find_program(TESSERA_ICONUTIL iconutil)
find_program(TESSERA_RSVG rsvg-convert)
if(TESSERA_ICONUTIL AND TESSERA_RSVG)
    set(svg "${PROJECT_SOURCE_DIR}/resources/icons/${TESSERA_MACOS_BUNDLE_ID}.svg")
    set(iconset "${CMAKE_CURRENT_BINARY_DIR}/tessera.iconset")
    set(icns "${CMAKE_CURRENT_BINARY_DIR}/tessera.icns")
    set(render_commands)
    # iconutil's names: icon_<points>x<points>[@2x].png, with the pixel size each implies.
    foreach(entry 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x
                  256:256x256 512:256x256@2x 512:512x512 1024:512x512@2x)
        string(REPLACE ":" ";" entry "${entry}")
        list(GET entry 0 pixels)
        list(GET entry 1 name)
        list(APPEND render_commands
             COMMAND "${TESSERA_RSVG}" -w ${pixels} -h ${pixels} "${svg}"
                     -o "${iconset}/icon_${name}.png")
    endforeach()
    add_custom_command(OUTPUT "${icns}"
        COMMAND "${CMAKE_COMMAND}" -E rm -rf "${iconset}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${iconset}"
        ${render_commands}
        COMMAND "${TESSERA_ICONUTIL}" -c icns -o "${icns}" "${iconset}"
        DEPENDS "${svg}"
        COMMENT "Rendering tessera.icns"
        VERBATIM)
    # The command lives in this directory and the target in app/, so a target here runs it and
    # the bundle copies its output into Contents/Resources.
    add_custom_target(tessera_macos_icon DEPENDS "${icns}")
    add_dependencies(tessera tessera_macos_icon)
    target_sources(tessera PRIVATE "${icns}")
    set_source_files_properties("${icns}" TARGET_DIRECTORY tessera PROPERTIES
                                GENERATED TRUE MACOSX_PACKAGE_LOCATION Resources)
    set(TESSERA_MACOS_ICON_ENTRY
        "\n    <key>CFBundleIconFile</key>\n    <string>tessera.icns</string>")
else()
    message(WARNING "Tessera.app gets no icon: iconutil (macOS) and rsvg-convert "
                    "(brew install librsvg) are needed to render tessera.icns from the SVG.")
endif()

# ---- The bundle --------------------------------------------------------------------------------
# tessera is defined in app/, which is added before packaging/, so it exists here. Properties on
# a target are read at generate time, so setting them from here is as good as in app/.
configure_file("${CMAKE_CURRENT_LIST_DIR}/Info.plist.in"
               "${CMAKE_CURRENT_BINARY_DIR}/Info.plist.in" @ONLY)
set_target_properties(tessera PROPERTIES
    MACOSX_BUNDLE TRUE
    OUTPUT_NAME ${TESSERA_MACOS_BUNDLE_NAME}
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_BINARY_DIR}/Info.plist.in"
    MACOSX_BUNDLE_BUNDLE_NAME Tessera
    MACOSX_BUNDLE_GUI_IDENTIFIER ${TESSERA_MACOS_BUNDLE_ID}
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    XCODE_ATTRIBUTE_PRODUCT_BUNDLE_IDENTIFIER ${TESSERA_MACOS_BUNDLE_ID})

# app/'s install(TARGETS tessera RUNTIME DESTINATION bin) ran before the target became a bundle,
# so a plain `cmake --install` also copies the bundle to bin/Tessera.app (and resources/ adds
# share/ for Linux desktops). The disk image takes only this component: the bundle at the top.
install(TARGETS tessera
        BUNDLE DESTINATION .
        COMPONENT ${TESSERA_MACOS_COMPONENT})
install(TARGETS tessera-sandbox
        RUNTIME DESTINATION ${TESSERA_MACOS_BUNDLE_NAME}.app/Contents/MacOS
        COMPONENT ${TESSERA_MACOS_COMPONENT})
install(FILES "${CMAKE_CURRENT_LIST_DIR}/LICENSE.txt"
        DESTINATION ${TESSERA_MACOS_BUNDLE_NAME}.app/Contents/Resources
        COMPONENT ${TESSERA_MACOS_COMPONENT})

# Qt's own strings: a bundle's TranslationsPath is Contents/translations, and macdeployqt deploys
# no translations (Qt documents automatic translation deployment for other platforms only).
tessera_install_qt_translations(DESTINATION ${TESSERA_MACOS_BUNDLE_NAME}.app/Contents/translations
                                COMPONENT ${TESSERA_MACOS_COMPONENT})

# macdeployqt (and signing) after everything is in the bundle. Called directly rather than
# through qt_deploy_runtime_dependencies(): in Qt 6.4 that passes no options to the tool, and
# signing for notarization needs -sign-for-notarization (DEPLOY_TOOL_OPTIONS arrived in Qt 6.7).
configure_file("${CMAKE_CURRENT_LIST_DIR}/deploy-bundle.cmake.in"
               "${CMAKE_CURRENT_BINARY_DIR}/deploy-bundle.cmake" @ONLY)
install(SCRIPT "${CMAKE_CURRENT_BINARY_DIR}/deploy-bundle.cmake"
        COMPONENT ${TESSERA_MACOS_COMPONENT})

# ---- CPack DragNDrop ----------------------------------------------------------------------------
# packaging/CMakeLists.txt sets the common CPACK_PACKAGE_* values after this file is included.
# No CPACK_RESOURCE_FILE_LICENSE: CMake 3.22 would attach it as a DMG licence agreement with
# `hdiutil udifrez`, which macOS 12 deprecated; the licence is in Contents/Resources instead.
set(CPACK_GENERATOR DragNDrop)
set(CPACK_INSTALL_CMAKE_PROJECTS
    "${CMAKE_BINARY_DIR};${PROJECT_NAME};${TESSERA_MACOS_COMPONENT};/")
set(CPACK_PACKAGE_FILE_NAME "Tessera-${PROJECT_VERSION}-macOS")
set(CPACK_DMG_VOLUME_NAME "Tessera ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
# The image holds Tessera.app and a link to /Applications to drag it onto (the default).
set(CPACK_DMG_DISABLE_APPLICATIONS_SYMLINK OFF)
