# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE). For DEB, CPack would put
# CPACK_PACKAGE_DESCRIPTION_SUMMARY, the desktop client's summary, as the first line of every
# component's description, so tessera-broker would describe itself as the desktop client.
# Each component's CPACK_DEBIAN_<COMPONENT>_DESCRIPTION starts with its own summary instead.
if(CPACK_GENERATOR STREQUAL "DEB")
    unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
