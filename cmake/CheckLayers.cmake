# SPDX-License-Identifier: GPL-3.0-or-later
# Fails the build when a file of a lower layer includes a header of a higher one
# (docs/architecture.md): shared/common ← model ← sync ← storage ← client/core ←
# client/app, client/cli; syncserver sits on storage beside client/core.
#
# Run as a script: cmake -DSOURCE_DIR=… -DSTAMP=… -P CheckLayers.cmake
# A layer names the folders its files live in and the include prefixes it may
# use; any include of a project header outside those is a violation.

set(layers
    "shared/common|common"
    "shared/model|common model"
    "shared/sync|common model sync"
    "shared/storage|common model sync storage"
    "client/core|common model sync storage core"
    "syncserver|common model sync storage server"
    "client/app|common model sync storage core app"
    "client/cli|common model sync storage core cli")
# The first folder of an include names the part it belongs to; a bare name is
# a header of the including file's own folder.
set(parts common model sync storage)

set(violations "")
foreach(layer IN LISTS layers)
    string(REPLACE "|" ";" fields "${layer}")
    list(GET fields 0 folder)
    list(GET fields 1 allowed)
    string(REPLACE " " ";" allowed "${allowed}")
    file(GLOB_RECURSE files "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
    foreach(file IN LISTS files)
        file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[^\"]+\"")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([^\"]+)\".*" "\\1" header "${line}")
            string(FIND "${header}" "/" slash)
            if(slash LESS 0)
                continue()
            endif()
            string(SUBSTRING "${header}" 0 ${slash} prefix)
            list(FIND parts "${prefix}" part)
            if(part LESS 0)
                continue() # a subfolder of its own part (office/…, models/…) or a test helper
            endif()
            list(FIND allowed "${prefix}" ok)
            if(ok LESS 0)
                file(RELATIVE_PATH where "${SOURCE_DIR}" "${file}")
                string(APPEND violations "\n  ${where} includes \"${header}\" (a higher layer than ${folder})")
            endif()
        endforeach()
    endforeach()
endforeach()

if(violations)
    message(FATAL_ERROR "A lower layer includes a higher one:${violations}\nSee docs/architecture.md.")
endif()
file(WRITE "${STAMP}" "layers hold\n")
