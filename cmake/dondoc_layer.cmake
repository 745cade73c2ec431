# dondoc_layer(NAME DEPS...): a static library `dondoc_NAME` from every .cc in the current
# folder except *_test.cc, *_fuzz.cc and main.cc, and a test binary `NAME_test` from the
# *_test.cc files beside it. Files are globbed so that adding one needs no CMake edit.
function(dondoc_layer name)
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  list(FILTER srcs EXCLUDE REGEX "(_test|_fuzz|/main)\\.cc$")
  if(srcs)
    add_library(dondoc_${name} STATIC ${srcs})
    target_include_directories(dondoc_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(dondoc_${name} PUBLIC ${ARGN})
  else()
    add_library(dondoc_${name} INTERFACE)
    target_include_directories(dondoc_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(dondoc_${name} INTERFACE ${ARGN})
  endif()
  if(DONDOC_TESTS AND tests)
    add_executable(${name}_test ${tests})
    target_link_libraries(${name}_test PRIVATE dondoc_${name} GTest::gtest GTest::gtest_main GTest::gmock)
    target_compile_definitions(${name}_test PRIVATE
      DONDOC_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      DONDOC_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    gtest_discover_tests(${name}_test DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
  endif()
endfunction()
