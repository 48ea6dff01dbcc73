# Per-target defaults: warnings, the exception model and the sanitizers. Applied target by target,
# never directory-wide.

# The sanitizers of a sanitizer build (ASYNCRACE_SANITIZE, e.g. address,undefined) as a target that
# every asyncrace target links: its own code is instrumented, a third-party target only if it asks,
# and the executables that link any asyncrace library get the sanitizer runtimes with it.
set(ASYNCRACE_SANITIZE "" CACHE STRING "Sanitizers for every asyncrace target, e.g. address,undefined")
add_library(asyncrace_sanitizers INTERFACE)
if(ASYNCRACE_SANITIZE)
  target_compile_options(asyncrace_sanitizers INTERFACE
                         -fsanitize=${ASYNCRACE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(asyncrace_sanitizers INTERFACE -fsanitize=${ASYNCRACE_SANITIZE})
endif()

function(asyncrace_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_link_libraries(${target} PUBLIC asyncrace_sanitizers)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  endif()
  if(EMSCRIPTEN)
    # Without an explicit flag em++ 3.1.6 defines __cpp_exceptions yet aborts on the first throw;
    # native wasm exceptions run in Node 20 and Chromium (docs/toolchain.md).
    # clang 14 + libc++ 13 only have <experimental/coroutine> (loop/coro.hpp), and say so on every co_await.
    target_compile_options(${target} PUBLIC -fwasm-exceptions -Wno-deprecated-experimental-coroutine)
    target_link_options(${target} PUBLIC -fwasm-exceptions)
  endif()
endfunction()

# How a growing wasm memory grows (the page, its workers and the benchmarks alike): 16 MB at a
# time. Emscripten's default adds 20 % of the size (up to 96 MB) at each step, so the memory a run
# holds overshoots what it uses by up to a fifth; at a million tasks that is 50 MB for nothing.
set(ASYNCRACE_WASM_MEMORY_GROWTH -sALLOW_MEMORY_GROWTH=1 -sMEMORY_GROWTH_LINEAR_STEP=16MB)

# Page weight (issue 12: the site ≤ 1.5 MB gzip). The web build compiles code that runs once per
# frame or per click (ImGui, SDL, the views, the page's glue) for size: -Os after the build type's
# -O2. The interpreter, the scheduler, the trace recording and the run digests, whose loops decide
# how fast a run goes, keep the build type's level. Natively nothing changes.
option(ASYNCRACE_WEB_SIZE_OPT "Web build: compile the UI and its libraries with -Os" ON)
function(asyncrace_optimize_for_size target)
  if(EMSCRIPTEN AND ASYNCRACE_WEB_SIZE_OPT)
    target_compile_options(${target} PRIVATE $<$<CONFIG:Release,RelWithDebInfo>:-Os>)
  endif()
endfunction()

# The same for single sources of a target whose other sources stay fast (call it in the directory
# that adds the sources: source properties are per directory).
function(asyncrace_optimize_sources_for_size)
  if(EMSCRIPTEN AND ASYNCRACE_WEB_SIZE_OPT)
    set_property(SOURCE ${ARGN} APPEND PROPERTY COMPILE_OPTIONS $<$<CONFIG:Release,RelWithDebInfo>:-Os>)
  endif()
endfunction()
