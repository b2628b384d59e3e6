# SPDX-License-Identifier: GPL-3.0-or-later
# Debian packages from this build (scripts/package runs cpack): werkstattplan (the desktop client),
# werkstattplan-server (with its systemd service) and werkstattplan-cli. Each binary's libraries come
# from dpkg-shlibdeps; what they load without linking it (QML modules, Qt plugins, translations) is
# named here, the client's from packaging/client-runtime-packages.txt, which scripts/install-deps
# installs too and tests/app/tst_qmlimports checks against the client's QML imports.

include(GNUInstallDirs)
set(packaging_dir ${PROJECT_SOURCE_DIR}/packaging)
set(app_id de.werkstattplan.Werkstattplan)

# The Debian version and release date come from the newest entry of packaging/changelog;
# its upstream part must be the project's version.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    ${packaging_dir}/changelog ${packaging_dir}/client-runtime-packages.txt
    ${packaging_dir}/${app_id}.metainfo.xml.in)
file(STRINGS ${packaging_dir}/changelog changelog_lines)
set(metainfo_releases "")
set(debian_version "")
foreach(line IN LISTS changelog_lines)
    if(line MATCHES "^werkstattplan \\(([^)-]+)-([^)]+)\\)")
        set(entry_version ${CMAKE_MATCH_1})
        if(NOT debian_version)
            set(debian_version ${CMAKE_MATCH_1})
            set(debian_release ${CMAKE_MATCH_2})
        endif()
        set(entry_items "")
    elseif(line MATCHES "^  \\* (.*)$")
        string(APPEND entry_items "          <li>${CMAKE_MATCH_1}")
    elseif(line MATCHES "^    (.*)$")
        string(APPEND entry_items " ${CMAKE_MATCH_1}")
    elseif(line MATCHES "^ -- .*>  [A-Za-z]+, ([0-9]+) ([A-Za-z]+) ([0-9]+) ")
        # RFC 2822 date → ISO 8601, the form AppStream wants.
        set(day ${CMAKE_MATCH_1})
        set(year ${CMAKE_MATCH_3})
        set(months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
        list(FIND months ${CMAKE_MATCH_2} month)
        math(EXPR month "${month} + 1")
        if(month LESS 10)
            set(month 0${month})
        endif()
        if(day LESS 10 AND NOT day MATCHES "^0")
            set(day 0${day})
        endif()
        string(REPLACE "          <li>" "</li>\n          <li>" entry_items "${entry_items}")
        string(REGEX REPLACE "^</li>\n" "" entry_items "${entry_items}")
        string(APPEND metainfo_releases
            "    <release version=\"${entry_version}\" date=\"${year}-${month}-${day}\">\n"
            "      <description>\n        <ul>\n${entry_items}</li>\n        </ul>\n      </description>\n"
            "    </release>\n")
    endif()
endforeach()
if(NOT debian_version STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "packaging/changelog's newest entry is ${debian_version}, the project's version ${PROJECT_VERSION}")
endif()
set(METAINFO_RELEASES "${metainfo_releases}")
configure_file(${packaging_dir}/${app_id}.metainfo.xml.in ${CMAKE_BINARY_DIR}/packaging/${app_id}.metainfo.xml @ONLY)

file(STRINGS ${packaging_dir}/client-runtime-packages.txt runtime_lines)
set(client_runtime_packages "")
foreach(line IN LISTS runtime_lines)
    string(STRIP "${line}" line)
    if(line AND NOT line MATCHES "^#")
        list(APPEND client_runtime_packages ${line})
    endif()
endforeach()

# Debian wants the changelog compressed at the highest level, without a time stamp (-n).
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(changelog_gz ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz)
add_custom_command(OUTPUT ${changelog_gz}
    COMMAND ${GZIP_EXECUTABLE} -9nc ${packaging_dir}/changelog > ${changelog_gz}
    DEPENDS ${packaging_dir}/changelog VERBATIM)

# The icon's PNG sizes, drawn from its SVG at build time.
set(icon_svg ${packaging_dir}/icons/${app_id}.svg)
set(icon_sizes 16 22 24 32 48 64 128 256)
set(icon_pngs "")
find_program(RSVG_CONVERT rsvg-convert)
if(RSVG_CONVERT)
    foreach(size IN LISTS icon_sizes)
        set(png ${CMAKE_BINARY_DIR}/packaging/icons/${size}x${size}/${app_id}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging/icons/${size}x${size}
            COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} ${icon_svg} -o ${png}
            DEPENDS ${icon_svg} VERBATIM)
        list(APPEND icon_pngs ${png})
        install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps COMPONENT client)
    endforeach()
else()
    message(WARNING "rsvg-convert not found (Debian: librsvg2-bin): the client's package gets only the SVG icon")
endif()
add_custom_target(werkstattplan_packaging_files ALL DEPENDS ${changelog_gz} ${icon_pngs})

# What each package holds besides its binary (the install() of each target names its component).
install(FILES ${packaging_dir}/${app_id}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT client)
install(FILES ${CMAKE_BINARY_DIR}/packaging/${app_id}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT client)
install(FILES ${icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT client)
# Debian 12 keeps units in /lib (files do not move to /usr before the next release).
install(FILES ${packaging_dir}/werkstattplan-server.service DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${packaging_dir}/werkstattplan-server.default DESTINATION /etc/default
    RENAME werkstattplan-server COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/docs/operations.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/werkstattplan-server
    COMPONENT server OPTIONAL)
foreach(package IN ITEMS werkstattplan werkstattplan-server werkstattplan-cli)
    string(REGEX REPLACE "^werkstattplan$" "client" component ${package})
    string(REGEX REPLACE "^werkstattplan-" "" component ${component})
    install(FILES ${changelog_gz} ${packaging_dir}/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME werkstattplan)
set(CPACK_PACKAGE_VENDOR "Werkstattplan Developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Werkstattplan Developers <dev@werkstattplan.invalid>")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The units and /etc/default go to their absolute places inside the package, not below the prefix.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
# cpack installs what is built and does not build everything else first (tests, benchmarks).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL client server cli)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${debian_release})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://werkstattplan.example.org/")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME werkstattplan)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION misc)
list(JOIN client_runtime_packages ", " client_depends)
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "${client_depends}")
# The key store for sign-in tokens (qtkeychain over the Secret Service or KWallet), Wayland, certificates
# of public servers; without them the client still works (tokens in its data folder, X11, --ca-file).
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-wayland, ca-certificates")
set(CPACK_DEBIAN_CLIENT_PACKAGE_SUGGESTS "werkstattplan-cli, qt6-gtk-platformtheme")
set(CPACK_COMPONENT_CLIENT_DESCRIPTION "workshop plans of municipalities, offline first: desktop client
Werkstattplan is an offline-first system for the workshop plans of the
municipalities in a model project. Each municipality edits its own plan, with
or without a network; a sync server merges every device's changes field by
field and keeps what cannot be merged as a visible conflict.
.
This package holds the desktop client (in German, English switchable): the
municipality's own plan, the peers' plans with comments, search across all
plans, workshop meetings, sync status, conflicts and history; with an office
account the project office's overview, reviews, synopsis and exports.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME werkstattplan-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# Both stores' Qt SQL drivers (SQLite by default, PostgreSQL with --db); group ssl-cert for the TLS key.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, ssl-cert")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "postgresql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${packaging_dir}/server/postinst ${packaging_dir}/server/prerm ${packaging_dir}/server/postrm
    ${packaging_dir}/server/conffiles)
set(CPACK_COMPONENT_SERVER_DESCRIPTION "workshop plans of municipalities, offline first: sync server
Werkstattplan is an offline-first system for the workshop plans of the
municipalities in a model project. Each municipality edits its own plan, with
or without a network; a sync server merges every device's changes field by
field and keeps what cannot be merged as a visible conflict.
.
This package holds the sync server and its admin commands (accounts, backup),
with a hardened systemd service (werkstattplan-server.service, not enabled on
installation). It stores in SQLite or PostgreSQL and serves HTTPS natively or
behind a reverse proxy.")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME werkstattplan-cli)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_CLI_PACKAGE_RECOMMENDS "ca-certificates")
set(CPACK_COMPONENT_CLI_DESCRIPTION "workshop plans of municipalities, offline first: command line client
Werkstattplan is an offline-first system for the workshop plans of the
municipalities in a model project. Each municipality edits its own plan, with
or without a network; a sync server merges every device's changes field by
field and keeps what cannot be merged as a visible conflict.
.
This package holds werkstattplan-cli, a headless client over the same client
core as the desktop client, for scripts, exports and automated tests.")

include(CPack)
