# One way to register a Qt Test suite with CTest: every suite runs offscreen, in UTF-8,
# with a data dir of its own so no test sees another's database or the user's.
#
#   incident_console_add_test(NAME test_database SOURCES test_database.cpp
#                             LIBS incident_core [LABELS unit] [TIMEOUT 120])
function(incident_console_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} Qt6::Test incident_console_flags)
    target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
    add_test(NAME ${T_NAME} COMMAND ${CMAKE_COMMAND} -E env
             QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
             INCIDENT_CONSOLE_TEST_BINARY_DIR=${PROJECT_BINARY_DIR}
             ${CMAKE_COMMAND} -DTEST_EXE=$<TARGET_FILE:${T_NAME}>
             -DDATA_ROOT=${CMAKE_CURRENT_BINARY_DIR}/testdata/${T_NAME}
             -P ${PROJECT_SOURCE_DIR}/cmake/RunWithFreshDataDir.cmake)
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}")
endfunction()
