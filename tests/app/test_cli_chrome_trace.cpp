// `asyncrace run <tutorial> --format chrome-trace`: what the CLI writes for real tutorials is a valid
// Trace Event file (tests/trace/trace_event_rules.hpp) with the run's tracks and flows.
#include <doctest.h>

#include "cli_args.hpp"
#include "trace/chrome_trace.hpp"
#include "trace/trace_event_rules.hpp"
#include "tutorials/catalog.hpp"
#include "tutorials/run_about.hpp"

using namespace asyncrace;
using testing::json;

namespace {
// What cli_main.cpp's run() writes for these arguments.
json cli_trace(const std::vector<std::string>& args) {
  auto c = cli::parse(args);
  const auto* r = std::get_if<cli::run_command>(&c);
  REQUIRE(r != nullptr);
  REQUIRE(r->format == cli::output_format::chrome_trace);
  tutorials::session s(*tutorials::find(r->slug), r->options);
  s.run_to_end();
  return testing::json_reader::parse(trace::to_chrome_trace(s.trace(), tutorials::about_run(s)));
}

int count(const json& doc, const std::string& ph, const std::string& cat) {
  int n = 0;
  for (const json& e : doc["traceEvents"].items)
    if (e["ph"].text == ph && e.has("cat") && e["cat"].text == cat) ++n;
  return n;
}
}  // namespace

TEST_CASE("--format chrome-trace: nine_tasks_race has 13 task tracks, 9 sleeps, 9 prints of completion") {
  const json doc = cli_trace({"run", "nine_tasks_race", "--format", "chrome-trace"});
  CHECK(testing::trace_event_problems(doc) == std::vector<std::string>{});
  CHECK(doc["otherData"]["tutorial"].text == "nine_tasks_race");
  CHECK(doc["otherData"]["tie_break"].text == "cpython-heap");
  int lives = 0, sleeps = 0, completions = 0, starts = 0;
  for (const json& e : doc["traceEvents"].items) {
    if (e["ph"].text == "b" && e["name"].text.rfind("Task-", 0) == 0) ++lives;
    if (e["ph"].text == "b" && e["name"].text == "sleep(1)") ++sleeps;
    if (e["ph"].text == "i" && e["name"].text.rfind("Work complete", 0) == 0) ++completions;
    if (e["ph"].text == "n" && e.has("flow_in")) ++starts;
  }
  CHECK(lives == 13);
  CHECK(sleeps == 9);
  CHECK(completions == 9);
  CHECK(starts == 12);  // every task but the main one was created by another
}

TEST_CASE("--format chrome-trace: processpool_cpu_bound's 30 jobs on 8 worker tracks, each handed back") {
  const json doc = cli_trace({"run", "processpool_cpu_bound", "--format", "chrome-trace"});
  CHECK(testing::trace_event_problems(doc) == std::vector<std::string>{});
  CHECK(count(doc, "X", "job") == 30);
  int workers = 0, hand_backs = 0;
  for (const json& e : doc["traceEvents"].items) {
    if (e["ph"].text == "M" && e["name"].text == "thread_name" && e["pid"].number >= 2) ++workers;
    if (e["ph"].text == "n" && e.has("flow_in") && e["name"].text == "cpu_bound done") ++hand_backs;
  }
  CHECK(workers == 8);
  CHECK(hand_backs == 30);
}

TEST_CASE("--format: chrome-trace is named among the choices") {
  auto c = cli::parse({"run", "gather_three", "--format", "svg"});
  const auto* e = std::get_if<cli::usage_error>(&c);
  REQUIRE(e != nullptr);
  CHECK(e->message.find("text, jsonl, chrome-trace") != std::string::npos);
}
