#include "scenario.hpp"

#include <fstream>
#include <sstream>

#include "address_mask.hpp"
#include "pyrt/py_exception.hpp"
#include "trace/transcript.hpp"

namespace asyncrace::conformance {

scenario::scenario(tie_policy ties) : loop_({ties}) { loop_.set_observer(&trace_); }

namespace {
std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// __FILE__ is the path the compiler was given: absolute from CMake, but relative to the build
// directory when a compiler cache rewrites it (ccache's base_dir), which the test's working
// directory does not match. Such a path is read from the source tree instead.
std::string source_path(const char* file) {
  const std::string f = file;
  if (!f.empty() && f[0] == '/') return f;
  const std::size_t tests = f.rfind("tests/");
  return std::string(ASYNCRACE_SOURCE_DIR) + "/" + (tests == std::string::npos ? f : f.substr(tests));
}
}  // namespace

scenario::scenario(std::string_view python, const char* cpp_file) : scenario() {
  const std::string py = std::string(python);
  python_ = std::make_unique<python_source>(py.substr(py.rfind('/') + 1) + ".py",
                                            read(std::string(ASYNCRACE_SOURCE_DIR) + "/tests/conformance/" + py + ".py"),
                                            read(source_path(cpp_file)));
  loop_.set_python(python_.get());
}

void scenario::run(task<> main) {
  try {
    asyncio::run(loop_, std::move(main));
  } catch (const py_exception& e) {
    trace_.output(no_task, output_stream::exception, e.python_text(), loop_.time());
  }
}

void scenario::print(std::string_view text) { trace_.output(no_task, output_stream::out, text, loop_.time()); }

// Addresses masked as the goldens record them.
std::string scenario::transcript() const { return testing::mask_addresses(trace::to_jsonl(trace_)); }

std::string expected(std::string_view path) {
  return read(std::string(ASYNCRACE_SOURCE_DIR) + "/tests/conformance/" + std::string(path) + ".jsonl");
}

}  // namespace asyncrace::conformance
