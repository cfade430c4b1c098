# Windows installer for Tessera: CPack NSIS (default) or WiX, with windeployqt run at install time.
#
# Included by packaging/CMakeLists.txt inside if(WIN32), before its common CPACK_* settings and
# include(CPack). Written from the CMake 3.25 and Qt 6.4 documentation and Qt 6.4.2's own CMake
# code; it has NOT been built or run (there is no Windows toolchain on the Debian build machine).
# See packaging/README.md, "Windows installer".
#
# Layout of the installed tree (Qt's recommended one, as qt_generate_deploy_app_script uses):
#   bin/tessera.exe, bin/tessera-sandbox.exe, bin/Qt6*.dll, bin/qt6keychain.dll, bin/qt.conf,
#   plugins/{platforms,tls,styles,imageformats,...}/, translations/*.qm,
#   README.txt, LICENSE.txt
# bin/qt.conf (Prefix=..) tells Qt where plugins/ and translations/ are.

include(GNUInstallDirs)
include("${CMAKE_CURRENT_LIST_DIR}/../QtTranslations.cmake")

# Only this component goes into the installer. app/ and resources/ also install their files for
# the Debian package (share/applications, share/icons, ...), which mean nothing on Windows, so
# the Windows tree is described here again under its own component and CPack installs only that.
set(TESSERA_WINDOWS_COMPONENT tessera_windows)

# A GUI-subsystem program: no console window opens when it is started from the Start menu.
# (tessera --version then shows a message box unless its output is redirected, see the README.)
set_target_properties(tessera PROPERTIES WIN32_EXECUTABLE TRUE)

# The icon and version block of tessera.exe. RC is enabled by CMake's MSVC and MinGW platform
# files, so a .rc source compiles with both toolchains.
set(TESSERA_WINDOWS_ICON "${CMAKE_CURRENT_LIST_DIR}/tessera.ico")
configure_file("${CMAKE_CURRENT_LIST_DIR}/tessera.rc.in" "${CMAKE_CURRENT_BINARY_DIR}/tessera.rc"
               @ONLY)
target_sources(tessera PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/tessera.rc")

install(TARGETS tessera tessera-sandbox
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT ${TESSERA_WINDOWS_COMPONENT})

# windeployqt deploys Qt's own libraries only, so QtKeychain's DLL is installed here, from the
# imported target Qt6Keychain's package config defines (a static QtKeychain needs nothing).
get_target_property(tessera_keychain_type qt6keychain TYPE)
if(tessera_keychain_type STREQUAL "SHARED_LIBRARY")
    # The DLL is a RUNTIME artifact; each kind names its component (a COMPONENT after LIBRARY
    # would not cover RUNTIME).
    install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain
            RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT ${TESSERA_WINDOWS_COMPONENT}
            LIBRARY DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT ${TESSERA_WINDOWS_COMPONENT})
endif()

install(FILES "${CMAKE_CURRENT_LIST_DIR}/README.txt" "${CMAKE_CURRENT_LIST_DIR}/LICENSE.txt"
        DESTINATION .
        COMPONENT ${TESSERA_WINDOWS_COMPONENT})

# Qt's own strings: bin/qt.conf makes translations/ the TranslationsPath. windeployqt may combine
# Qt's catalogues into qt_<lang>.qm, so the qtbase_<lang>.qm Tessera loads are installed by name.
tessera_install_qt_translations(DESTINATION translations COMPONENT ${TESSERA_WINDOWS_COMPONENT})

# MSVC's runtime DLLs (vcruntime140.dll, msvcp140.dll, ...). MinGW's runtime DLLs are copied by
# windeployqt instead; InstallRequiredSystemLibraries does nothing for MinGW.
if(MSVC)
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT ${TESSERA_WINDOWS_COMPONENT})
    include(InstallRequiredSystemLibraries)
endif()

# windeployqt at install time, through Qt's deployment API (Qt 6.3+, a technology preview in
# 6.4). This is the pattern of Qt 6.4's QT_DEPLOY_BIN_DIR documentation: a script that includes
# QT_DEPLOY_SUPPORT and calls qt_deploy_runtime_dependencies(). Qt 6.4.2 runs
#   windeployqt bin/tessera.exe --verbose 2 --dir . --libdir bin --plugindir plugins --force
#               bin/tessera-sandbox.exe
# in the install prefix and writes bin/qt.conf (Prefix = ..). windeployqt is expected to add the plugins of the
# modules Tessera uses (platforms/qwindows, the tls backends: Schannel works without extra files,
# the OpenSSL backend only with OpenSSL's DLLs, which Tessera does not ship), styles, image
# formats and Qt's translations; packaging/README.md lists what to check.
# qt_generate_deploy_app_script() does the same for one executable, but in 6.4 it takes no helper
# programs (tessera-sandbox), hence the explicit script.
set(tessera_deploy_script "${CMAKE_CURRENT_BINARY_DIR}/deploy-tessera-$<CONFIG>.cmake")
file(GENERATE OUTPUT "${tessera_deploy_script}" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:tessera>\"
    ADDITIONAL_EXECUTABLES \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:tessera-sandbox>\"
    GENERATE_QT_CONF
    VERBOSE
)
")
install(SCRIPT "${tessera_deploy_script}" COMPONENT ${TESSERA_WINDOWS_COMPONENT})

# ---- CPack ---------------------------------------------------------------------------------
# packaging/CMakeLists.txt sets the common CPACK_PACKAGE_* values after this file is included.
set(CPACK_GENERATOR NSIS)
set(CPACK_INSTALL_CMAKE_PROJECTS
    "${CMAKE_BINARY_DIR};${PROJECT_NAME};${TESSERA_WINDOWS_COMPONENT};/")
set(CPACK_PACKAGE_FILE_NAME "Tessera-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Tessera")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Tessera")
# Start menu shortcut "Tessera" to bin\tessera.exe, and the same on the desktop (NSIS and WiX).
set(CPACK_PACKAGE_EXECUTABLES tessera Tessera)
set(CPACK_CREATE_DESKTOP_LINKS tessera)
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_LIST_DIR}/LICENSE.txt")
set(CPACK_RESOURCE_FILE_README "${CMAKE_CURRENT_LIST_DIR}/README.txt")

# NSIS (3.03 or newer, as CMake 3.22+ requires). Paths inside the installer use backslashes,
# doubled twice: once for this file, once for the CPackConfig.cmake CPack writes.
set(CPACK_NSIS_PACKAGE_NAME "Tessera ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "Tessera")
set(CPACK_NSIS_MUI_ICON "${TESSERA_WINDOWS_ICON}")
set(CPACK_NSIS_MUI_UNIICON "${TESSERA_WINDOWS_ICON}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\tessera.exe")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "tessera.exe")
set(CPACK_NSIS_MENU_LINKS "README.txt" "Tessera README")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)

# WiX 3 (cpack -G WIX). The upgrade GUID must never change: it is what lets a newer .msi
# replace an installed older one.
set(CPACK_WIX_UPGRADE_GUID "6D2788D2-EC9C-4689-93F5-2F0904BA35E1")
set(CPACK_WIX_PRODUCT_ICON "${TESSERA_WINDOWS_ICON}")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Tessera")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}")
