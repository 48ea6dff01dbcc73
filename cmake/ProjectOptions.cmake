# Per-target defaults: warnings and the exception model. Applied target by target, never directory-wide.
function(asyncrace_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
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

set(ASYNCRACE_SANITIZE "" CACHE STRING "Sanitizers for every target, e.g. address,undefined")
if(ASYNCRACE_SANITIZE)
  add_compile_options(-fsanitize=${ASYNCRACE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${ASYNCRACE_SANITIZE})
endif()
