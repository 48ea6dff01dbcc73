// The test runner for every suite, native and wasm. Colours are off: under node Emscripten's isatty
// answers yes, and colour codes would break doctest_discover_tests' parsing of the case list.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest.h>

int main(int argc, char** argv) {
  doctest::Context context;
  context.setOption("no-colors", true);
  context.applyCommandLine(argc, argv);
  return context.run();
}
