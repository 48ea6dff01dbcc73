# Checks the Emscripten in use against emsdk-version.txt and gives every emcc call the environment
# Debian's Emscripten needs, so `emcmake cmake` by hand works as well as the presets.
file(STRINGS "${PROJECT_SOURCE_DIR}/emsdk-version.txt" ASYNCRACE_EMSDK_VERSION LIMIT_COUNT 1)
string(STRIP "${ASYNCRACE_EMSDK_VERSION}" ASYNCRACE_EMSDK_VERSION)

# emcc's JS optimizer needs Debian's node-acorn, which Node 20 finds only through NODE_PATH.
set(_asyncrace_emcc_env env NODE_PATH=/usr/share/nodejs:$ENV{NODE_PATH})
if(EXISTS /usr/bin/python3)
  list(APPEND _asyncrace_emcc_env EMSDK_PYTHON=/usr/bin/python3)
endif()
set(CMAKE_C_COMPILER_LAUNCHER ${_asyncrace_emcc_env})
set(CMAKE_CXX_COMPILER_LAUNCHER ${_asyncrace_emcc_env})
set(CMAKE_C_LINKER_LAUNCHER ${_asyncrace_emcc_env})
set(CMAKE_CXX_LINKER_LAUNCHER ${_asyncrace_emcc_env})

set(_found "${EMSCRIPTEN_VERSION}")
if(NOT _found)
  execute_process(COMMAND ${_asyncrace_emcc_env} "${CMAKE_CXX_COMPILER}" --version
                  OUTPUT_VARIABLE _out ERROR_QUIET RESULT_VARIABLE _rc)
  if(_rc EQUAL 0 AND _out MATCHES "([0-9]+\\.[0-9]+\\.[0-9]+)")
    set(_found "${CMAKE_MATCH_1}")
  endif()
endif()
if(NOT _found)
  message(FATAL_ERROR
    "asyncrace: could not run emcc to learn its version. This project is verified with Emscripten "
    "${ASYNCRACE_EMSDK_VERSION} (emsdk-version.txt). On Debian 12 run scripts/install-deps.sh; "
    "elsewhere `emsdk install ${ASYNCRACE_EMSDK_VERSION} && emsdk activate ${ASYNCRACE_EMSDK_VERSION}`.")
elseif(NOT _found VERSION_EQUAL ASYNCRACE_EMSDK_VERSION AND NOT ASYNCRACE_ALLOW_OTHER_EMSCRIPTEN)
  message(FATAL_ERROR
    "asyncrace: emcc is ${_found}, but this project is verified with Emscripten ${ASYNCRACE_EMSDK_VERSION} "
    "(emsdk-version.txt). Install that version (`emsdk install ${ASYNCRACE_EMSDK_VERSION} && emsdk activate "
    "${ASYNCRACE_EMSDK_VERSION}`, or Debian 12's `emscripten` package), or configure with "
    "-DASYNCRACE_ALLOW_OTHER_EMSCRIPTEN=ON to try yours at your own risk.")
endif()
message(STATUS "asyncrace: Emscripten ${_found} (verified: ${ASYNCRACE_EMSDK_VERSION})")

# emcmake's default emulator is `node --experimental-wasm-threads`, which Node 20 rejects.
if(NOT CMAKE_CROSSCOMPILING_EMULATOR OR CMAKE_CROSSCOMPILING_EMULATOR MATCHES "experimental-wasm-threads")
  find_program(ASYNCRACE_NODE node REQUIRED)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${ASYNCRACE_NODE}" CACHE FILEPATH "Runs wasm tests under node" FORCE)
endif()
