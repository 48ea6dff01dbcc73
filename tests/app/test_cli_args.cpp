// The CLI's parsing: valid commands, and a one-line message naming the choices for bad ones.
#include <doctest.h>

#include "cli_args.hpp"
#include "pool/real_executors.hpp"
#include "tutorials/catalog.hpp"

using namespace asyncrace;

namespace {
std::string error_of(const std::vector<std::string>& args) {
  auto c = cli::parse(args);
  auto* e = std::get_if<cli::usage_error>(&c);
  return e ? e->message : "";
}
}  // namespace

TEST_CASE("run with every option") {
  auto c = cli::parse({"run", "nine_tasks_race", "--tie-break", "jitter", "--seed", "42", "--jitter-us",
                       "12.5", "--format", "jsonl"});
  auto* r = std::get_if<cli::run_command>(&c);
  REQUIRE(r);
  CHECK(r->slug == "nine_tasks_race");
  CHECK(r->options.ties == tie_policy::jitter);
  CHECK(r->options.seed == 42);
  CHECK(r->options.jitter_us == 12.5);
  CHECK(r->format == cli::output_format::jsonl);
}

TEST_CASE("defaults: the tutorial's own tie policy, text") {
  auto c = cli::parse({"run", "gather_three"});
  auto* r = std::get_if<cli::run_command>(&c);
  REQUIRE(r);
  CHECK(r->options.ties == tutorials::find("gather_three")->info->ties);
  CHECK(r->options.ties == tie_policy::cpython_heap);
  CHECK(r->format == cli::output_format::text);
  CHECK(std::holds_alternative<cli::list_command>(cli::parse({"list"})));
}

TEST_CASE("bad input names the problem and the valid choices") {
  CHECK(error_of({"run", "nope"}).find("valid: coroutine_repr, ") != std::string::npos);
  CHECK(error_of({"run", "nope"}).find("nine_tasks_race") != std::string::npos);
  CHECK(error_of({"run"}).find("needs a tutorial") != std::string::npos);
  CHECK(error_of({"run", "gather_three", "--tie-break", "lifo"}).find("fifo, cpython-heap, jitter") != std::string::npos);
  CHECK(error_of({"run", "gather_three", "--tie-break"}).find("fifo, cpython-heap, jitter") != std::string::npos);
  CHECK(error_of({"run", "gather_three", "--seed", "-1"}).find("whole number") != std::string::npos);
  CHECK(error_of({"run", "gather_three", "--seed", "99999999999999999999999"}).find("whole number") != std::string::npos);
  CHECK(error_of({"run", "gather_three", "--jitter-us", "1e300"}).find("jitter") != std::string::npos);
  CHECK(error_of({"run", "gather_three", "--jitter-us", "nan"}).find("jitter") != std::string::npos);
  CHECK(error_of({"run", "gather_three", "--format", "xml"}).find("text, jsonl, chrome-trace") != std::string::npos);
  CHECK(error_of({"run", "gather_three", "--verbose"}).find("unknown option") != std::string::npos);
  CHECK(error_of({"fly"}).find("valid: list, run") != std::string::npos);
  CHECK(error_of({}).find("missing command") != std::string::npos);
}

TEST_CASE("--executor real [--workers N]: real pools of N workers, and bad values name the range") {
  auto c = cli::parse({"run", "processpool_cpu_bound", "--executor", "real", "--workers", "2"});
  if (!pool::real_executors_available()) {  // under node: no threads, no Web Workers
    REQUIRE(std::holds_alternative<cli::usage_error>(c));
    CHECK(std::get<cli::usage_error>(c).message.find("real workers are not available here") != std::string::npos);
    return;
  }
  auto* r = std::get_if<cli::run_command>(&c);
  REQUIRE(r);
  CHECK(r->options.executors == tutorials::executor_mode::real);
  CHECK(r->options.workers == 2);
  auto d = cli::parse({"run", "gather_three"});
  CHECK(std::get<cli::run_command>(d).options.executors == tutorials::executor_mode::virtual_workers);
  CHECK(std::get<cli::run_command>(d).options.workers == 0);  // real mode would use the hardware threads
  for (const char* bad : {"0", "10000", "abc", "-1", "2.5", ""})
    CHECK_MESSAGE(error_of({"run", "gather_three", "--executor", "real", "--workers", bad}) ==
                      "--workers needs a whole number from 1 to 256 (got '" + std::string(bad) + "')",
                  bad);
  CHECK(error_of({"run", "gather_three", "--executor", "real", "--workers"}) == "--workers needs a whole number from 1 to 256");
  CHECK(error_of({"run", "gather_three", "--executor", "threads"}) == "--executor needs one of: virtual, real (got 'threads')");
  CHECK(error_of({"run", "gather_three", "--workers", "2"}) == "--workers sizes real pools: it needs --executor real");
}
