# SQL belongs to the storage layer: shared/storage (the replica's tables and PlanQueries, the query
# module everyone else reads through) and the server's store classes (its own tables). Anywhere else in
# client/, syncserver/ and shared/ a database handle, the raw-connection accessor or an SQL statement
# fails this test, named by file and line.
#
# Usage: cmake -DSOURCE_DIR=<repository> -P nosqloutsidestorage.cmake

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "SOURCE_DIR is not set")
endif()

# Relative to SOURCE_DIR; a file matching one of these may hold SQL.
set(allowed
    "^shared/storage/"
    "^syncserver/serverstore\\.(h|cpp)$"
    "^syncserver/serversql\\.h$"
    "^syncserver/serverschema\\.(h|cpp)$"
    "^syncserver/storeidentity\\.(h|cpp)$")

# What SQL looks like in C++: Qt's database classes (a driver's notifications are no SQL), the
# accessor to a store's raw connection, and string literals that begin or hold a statement (upper
# case, as the code writes SQL).
set(forbidden
    "QSql(Query|Database|Error|Record|Result)"
    "storage/storeaccess\\.h|StoreAccess::"
    "\"[^\"]*(SELECT [^\"]* FROM|SELECT [0-9]|INSERT INTO|UPDATE [A-Za-z_\\\"]+ SET|DELETE FROM|CREATE (TABLE|INDEX|TRIGGER|VIRTUAL TABLE)|DROP (TABLE|INDEX|TRIGGER)|ALTER TABLE|PRAGMA |pg_notify)")

file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/client/*.cpp" "${SOURCE_DIR}/client/*.h"
     "${SOURCE_DIR}/syncserver/*.cpp" "${SOURCE_DIR}/syncserver/*.h"
     "${SOURCE_DIR}/shared/*.cpp" "${SOURCE_DIR}/shared/*.h")
list(LENGTH sources count)
if(count LESS 50)
    message(FATAL_ERROR "only ${count} sources found under ${SOURCE_DIR}: wrong SOURCE_DIR?")
endif()

set(findings "")
foreach(source IN LISTS sources)
    set(exempt FALSE)
    foreach(pattern IN LISTS allowed)
        if(source MATCHES "${pattern}")
            set(exempt TRUE)
        endif()
    endforeach()
    if(exempt)
        continue()
    endif()
    file(READ "${SOURCE_DIR}/${source}" content)
    set(suspect FALSE)
    foreach(pattern IN LISTS forbidden)
        if(content MATCHES "${pattern}")
            set(suspect TRUE)
        endif()
    endforeach()
    if(NOT suspect)
        continue()
    endif()
    # One list element per line: semicolons and brackets would split or join CMake list elements.
    string(REPLACE ";" "<semicolon>" content "${content}")
    string(REPLACE "[" "<open>" content "${content}")
    string(REPLACE "]" "<close>" content "${content}")
    string(REPLACE "\n" ";" lines "${content}")
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        foreach(pattern IN LISTS forbidden)
            if(line MATCHES "${pattern}")
                string(STRIP "${line}" shown)
                string(REPLACE "<semicolon>" ";" shown "${shown}")
                string(REPLACE "<open>" "[" shown "${shown}")
                string(REPLACE "<close>" "]" shown "${shown}")
                string(APPEND findings "${source}:${number}: ${shown}\n")
                break()
            endif()
        endforeach()
    endforeach()
endforeach()

if(findings)
    message(FATAL_ERROR "SQL outside shared/storage and the server's store classes; "
                        "read through PlanQueries (shared/storage/planqueries.h) instead:\n${findings}")
endif()
message(STATUS "no SQL outside storage in ${count} sources")
