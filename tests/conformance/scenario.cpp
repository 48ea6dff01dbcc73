#include "scenario.hpp"

#include <fstream>
#include <sstream>

#include "trace/transcript.hpp"

namespace asyncrace::conformance {

scenario::scenario(tie_policy ties) : loop_({ties}) { loop_.set_observer(&trace_); }

void scenario::run(task<> main) { asyncio::run(loop_, std::move(main)); }

void scenario::print(std::string_view text) { trace_.output(no_task, output_stream::out, text, loop_.time()); }

std::string scenario::transcript() const { return trace::to_jsonl(trace_); }

std::string expected(std::string_view path) {
  std::ifstream in(std::string(ASYNCRACE_SOURCE_DIR) + "/tests/conformance/" + std::string(path) + ".jsonl");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace asyncrace::conformance
