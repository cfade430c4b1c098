# Fails when a translation file is incomplete or out of date with the sources:
#   cmake -DLUPDATE=… -DTS=…/tessera_es.ts -DLIST=sources.lst -DWORK=dir [-DPLURALS_ONLY=ON]
#         -P check_translations.cmake
# lupdate runs on a copy (the sources stay untouched) the way the update_translations target
# runs it, except that vanished messages are kept so they can be reported. Then the copy must
# have no unfinished, vanished or obsolete message and no empty translation, and must equal
# the committed file.
cmake_minimum_required(VERSION 3.22)

foreach(var LUPDATE TS LIST WORK)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_translations.cmake needs -D${var}=…")
    endif()
endforeach()

get_filename_component(name "${TS}" NAME)
set(copy "${WORK}/${name}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY_FILE "${TS}" "${copy}")
set(options -locations none)
if(PLURALS_ONLY)
    list(APPEND options -pluralonly)
endif()
execute_process(COMMAND "${LUPDATE}" ${options} "@${LIST}" -ts "${copy}"
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${status}):\n${out}")
endif()
# lupdate finding fault with a tr() call says "file:line: what" (or "lupdate warning: …").
string(REGEX MATCHALL "[^\n]*(:[0-9]+: |lupdate warning|lupdate error)[^\n]*" complaints "${out}")
if(complaints)
    list(JOIN complaints "\n" complaints)
    message(FATAL_ERROR "lupdate complained about the sources:\n${complaints}")
endif()

file(READ "${copy}" ts)
set(problems "")
set(count 0)
# One <message>…</message> at a time, so each problem names its source text.
set(rest "${ts}")
while(TRUE)
    string(FIND "${rest}" "<message" begin)
    if(begin EQUAL -1)
        break()
    endif()
    string(FIND "${rest}" "</message>" end)
    math(EXPR length "${end} - ${begin}")
    string(SUBSTRING "${rest}" ${begin} ${length} message)
    math(EXPR next "${end} + 10")
    string(SUBSTRING "${rest}" ${next} -1 rest)
    math(EXPR count "${count} + 1")
    string(REGEX MATCH "<source>[^<]*</source>" source "${message}")
    string(REGEX REPLACE "</?source>" "" source "${source}")
    if(message MATCHES "type=\"(unfinished|vanished|obsolete)\"")
        if(CMAKE_MATCH_1 STREQUAL "unfinished")
            string(APPEND problems "\n  not translated: ${source}")
        else()
            string(APPEND problems "\n  no longer in the sources (${CMAKE_MATCH_1}): ${source}")
        endif()
    elseif(message MATCHES "<translation></translation>|<numerusform></numerusform>")
        string(APPEND problems "\n  empty translation: ${source}")
    endif()
endwhile()

if(problems)
    message(FATAL_ERROR "${name}: ${problems}\nRun `cmake --build BUILD --target "
                        "update_translations`, translate, and mark the messages finished.")
endif()
file(READ "${TS}" committed)
if(NOT committed STREQUAL ts)
    message(FATAL_ERROR "${name} is not what lupdate makes of it (${copy} differs): run "
                        "`cmake --build BUILD --target update_translations`.")
endif()
message(STATUS "${name}: ${count} messages, all translated")
