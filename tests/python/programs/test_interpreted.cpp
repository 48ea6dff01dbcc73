// Programs run by the interpreter against CPython's own transcripts: every tutorial's .py (its
// golden is the same one its C++ twin must match) and every corpus program
// (tests/python/corpus/<area>/<name>.py beside <name>.jsonl, made by tests/golden/generate.py
// --corpus). One test per program: tests/CMakeLists.txt generates the cases.
#include <doctest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "python/program_run.hpp"
#include "trace/chrome_trace.hpp"
#include "trace/transcript.hpp"
#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"

using namespace asyncrace;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// CPython prints real addresses; the goldens record " at 0x..." (tests/golden/README.md).
std::string normalise_addresses(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 6, " at 0x") == 0) {
      out += " at 0x...";
      i += 6;
      while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (s.compare(i, 3, "...") == 0) i += 3;
      continue;
    }
    out += s[i++];
  }
  return out;
}

// A program's run: its transcript (addresses normalised) and its whole trace as Trace Event JSON
// (empty when it does not compile).
struct program_run {
  std::string transcript;
  std::string chrome_trace;
};

program_run run_program(const std::string& name, std::string text, tie_policy ties) {
  python::program_options po;
  std::shared_ptr<python::compiled_program> p;
  try {
    p = std::make_shared<python::compiled_program>(python::source_file(name, std::move(text)), po);
  } catch (const python::syntax_error& e) {
    trace::recording r;
    r.output(no_task, output_stream::exception, e.last_line(), 0.0);
    return {trace::to_jsonl(r), {}};
  }
  tutorials::session s(std::move(p), tutorials::run_options{ties});
  s.run_to_end();
  return {normalise_addresses(trace::to_jsonl(s.trace())), trace::to_chrome_trace(s.trace())};
}

}  // namespace

void check_interpreted_tutorial(std::string_view slug) {
  const tutorials::tutorial* t = tutorials::find(slug);
  REQUIRE_MESSAGE(t != nullptr, "no tutorial named " << std::string(slug));
  const std::string golden = read_text(std::string(ASYNCRACE_SOURCE_DIR) + "/tests/golden/" + std::string(slug) + ".jsonl");
  REQUIRE_MESSAGE(!golden.empty(), "no golden transcript for " << std::string(slug));
  const program_run interpreted = run_program(std::string(slug) + ".py", std::string(t->python_source), t->info->ties);
  CHECK(interpreted.transcript == golden);
  // Two identical races: where the interpreter prints what CPython prints, its whole trace (every
  // task, step, await with what it waits for, sleep, job and flow) is the C++ twin's.
  if (interpreted.transcript == golden && !interpreted.chrome_trace.empty()) {
    tutorials::session twin(*t, tutorials::run_options{t->info->ties});
    twin.run_to_end();
    CHECK(interpreted.chrome_trace == trace::to_chrome_trace(twin.trace()));
  }
}

void check_corpus_program(std::string_view relative) {
  const std::string base = std::string(ASYNCRACE_SOURCE_DIR) + "/tests/python/corpus/" + std::string(relative);
  std::string text = read_text(base + ".py");
  REQUIRE_MESSAGE(!text.empty(), "no program " << base << ".py");
  const std::string golden = read_text(base + ".jsonl");
  REQUIRE_MESSAGE(!golden.empty(), "no golden for " << base << ": run tests/golden/generate.py --corpus");
  const tie_policy ties = text.rfind("# ties: fifo", 0) == 0 ? tie_policy::fifo : tie_policy::cpython_heap;
  const std::string name = base.substr(base.find_last_of('/') + 1) + ".py";
  CHECK(run_program(name, std::move(text), ties).transcript == golden);
}
