// Programs run by the interpreter against CPython's own transcripts: every tutorial's .py (its
// golden is the same one its C++ twin must match) and every corpus program
// (tests/python/corpus/<area>/<name>.py beside <name>.jsonl, made by tests/golden/generate.py
// --corpus). One test per program: tests/CMakeLists.txt generates the cases.
#include <doctest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "address_mask.hpp"
#include "python/program_run.hpp"
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

using testing::mask_addresses;

// A program's run: its transcript (addresses normalised) and its session (none when the program
// does not compile).
struct program_run {
  std::string transcript;
  std::unique_ptr<tutorials::session> run;
};

bool same_wait(const trace::wait_span& a, const trace::wait_span& b) {
  return a.begin == b.begin && a.end == b.end && a.on.kind == b.on.kind && a.on.deadline == b.on.deadline &&
         a.on.target == b.on.target && a.on.count == b.on.count;
}

// The first difference between two recordings (every lane with its steps and waits, every printed
// line, blocked span and pool job), or "" when they are the same. Field by field, not through a
// Trace Event file: a million-task run's file would not fit in wasm's memory twice.
std::string first_difference(const trace::recording& a, const trace::recording& b) {
  if (a.lanes().size() != b.lanes().size())
    return "lanes: " + std::to_string(a.lanes().size()) + " vs " + std::to_string(b.lanes().size());
  for (std::size_t i = 0; i < a.lanes().size(); ++i) {
    const trace::task_lane& x = a.lanes()[i];
    const trace::task_lane& y = b.lanes()[i];
    const bool same = x.id == y.id && x.parent == y.parent && x.name == y.name && x.coro == y.coro &&
                      mask_addresses(x.first_output) == mask_addresses(y.first_output) && x.created == y.created && x.first_step == y.first_step &&
                      x.finished == y.finished && x.finish_rank == y.finish_rank && x.outcome == y.outcome &&
                      x.steps == y.steps && x.waits.size() == y.waits.size() &&
                      std::equal(x.waits.begin(), x.waits.end(), y.waits.begin(), same_wait);
    if (!same) return "lane " + x.name + " (" + x.coro + ") vs " + y.name + " (" + y.coro + ")";
  }
  if (a.lines().size() != b.lines().size()) return "printed lines: count";
  for (std::size_t i = 0; i < a.lines().size(); ++i) {
    const trace::output_line& x = a.lines()[i];
    const trace::output_line& y = b.lines()[i];
    // Addresses differ between the two runs (CPython's do too): compared as the goldens record them.
    if (x.t != y.t || x.from != y.from || x.stream != y.stream ||
        mask_addresses(x.text) != mask_addresses(y.text))
      return "printed line: " + x.text;
  }
  if (a.blocked().size() != b.blocked().size()) return "blocked spans: count";
  for (std::size_t i = 0; i < a.blocked().size(); ++i)
    if (a.blocked()[i].by != b.blocked()[i].by || a.blocked()[i].begin != b.blocked()[i].begin ||
        a.blocked()[i].end != b.blocked()[i].end)
      return "blocked span " + std::to_string(i);
  if (a.jobs().size() != b.jobs().size()) return "pool jobs: count";
  for (std::size_t i = 0; i < a.jobs().size(); ++i) {
    const trace::pool_job& x = a.jobs()[i];
    const trace::pool_job& y = b.jobs()[i];
    if (x.pool != y.pool || x.worker != y.worker || x.what != y.what || x.queued != y.queued || x.start != y.start ||
        x.end != y.end || x.for_task != y.for_task)
      return "pool job " + std::to_string(i) + ": " + x.what;
  }
  return {};
}

// A program whose golden records stderr (its traceback, traceback.print_exc) has this line.
bool wants_stderr(const std::string& text) {
  return ("\n" + text + "\n").find("\n# transcript: stderr\n") != std::string::npos;
}

program_run run_program(const std::string& name, std::string text, tie_policy ties) {
  python::program_options po;
  po.record_stderr = wants_stderr(text);
  std::shared_ptr<python::compiled_program> p;
  try {
    p = std::make_shared<python::compiled_program>(python::source_file(name, std::move(text)), po);
  } catch (const python::syntax_error& e) {
    trace::recording r;
    r.output(no_task, output_stream::exception, e.last_line(), 0.0);
    return {trace::to_jsonl(r), nullptr};
  }
  auto s = std::make_unique<tutorials::session>(std::move(p), tutorials::run_options{ties});
  s->run_to_end();
  std::string transcript = mask_addresses(trace::to_jsonl(s->trace()));
  return {std::move(transcript), std::move(s)};
}

}  // namespace

void check_interpreted_tutorial(std::string_view slug) {
  const tutorials::tutorial* t = tutorials::find(slug);
  REQUIRE_MESSAGE(t != nullptr, "no tutorial named " << std::string(slug));
  const std::string golden = read_text(std::string(ASYNCRACE_SOURCE_DIR) + "/tests/golden/" + std::string(slug) + ".jsonl");
  REQUIRE_MESSAGE(!golden.empty(), "no golden transcript for " << std::string(slug));
  const program_run interpreted = run_program(std::string(slug) + ".py", std::string(t->python_source), t->info->ties);
  CHECK(interpreted.transcript == golden);
  // Two identical races: where the interpreter prints what CPython prints, its whole recording
  // (every task, step, await with what it waits for, sleep and pool job) is the C++ twin's.
  if (interpreted.transcript == golden && interpreted.run) {
    tutorials::session twin(*t, tutorials::run_options{t->info->ties});
    twin.run_to_end();
    CHECK(first_difference(interpreted.run->trace(), twin.trace()) == "");
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
