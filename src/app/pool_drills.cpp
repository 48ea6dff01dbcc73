// Fault drills for the page's Web Worker pool (browser builds): a job that raises, a worker that
// dies under its job, a job that hangs until wait_for gives up. Each drill is a small program on
// its own event loop over the page's workers, stepped from JavaScript (asyncrace_pool_drill_step)
// without ever blocking the page; the browser tests run them (tests/web/workers.test.mjs).
// The drill jobs are worker functions: the workers run them in the page's own module.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>
#include <string_view>

#include "asyncio/job_wire.hpp"
#include "asyncio/runner.hpp"
#include "pool/web_pool.hpp"
#include "sched/asyncio.hpp"
#include "trace/transcript.hpp"

namespace asyncrace::app {
namespace {

int drill_raises(int x) { throw py_exception("ValueError", "bad input " + std::to_string(x)); }
ASYNCRACE_WORKER_FUNCTION("drill.raises", drill_raises);

// os._exit(1) in the worker: it dies without an answer.
int drill_dies(job_context& job) { job.terminate_worker(); }
ASYNCRACE_WORKER_FUNCTION("drill.dies", drill_dies);

// Never returns: only terminating its worker ends it.
int drill_hangs(job_context& job) {
  job.spend(0);  // names the job
  for (volatile unsigned long i = 0;; i = i + 1) {
  }
}
ASYNCRACE_WORKER_FUNCTION("drill.hangs", drill_hangs);

int drill_twice(job_context& job, int x) {
  job.spend(0);
  return 2 * x;
}
ASYNCRACE_WORKER_FUNCTION("drill.twice", drill_twice);

// What the awaiter saw, then a job on the same pool afterwards (the pool goes on).
task<std::string> drill(std::string kind, const executor_factory& workers) {
  std::unique_ptr<executor> pool = workers.make(pool_kind::process, 1);
  std::string seen;
  try {
    if (kind == "raises") co_await run_in_executor(*pool, drill_raises, 7);
    if (kind == "dies") co_await run_in_executor(*pool, drill_dies);
    if (kind == "hangs") co_await asyncio::wait_for(run_in_executor(*pool, drill_hangs), 0.3);
    seen = "no error";
  } catch (const py_exception& e) {
    seen = e.python_text();
  }
  co_return seen + " | then " + std::to_string(co_await run_in_executor(*pool, drill_twice, 21));
}

struct drill_run {
  std::unique_ptr<pool::message_executors> workers;
  std::unique_ptr<event_loop> loop;
  std::unique_ptr<runner> run;
  task_handle<std::string> main;
  std::string error;
};
std::unique_ptr<drill_run> current;

}  // namespace
}  // namespace asyncrace::app

using asyncrace::app::current;

// Starts a drill: "raises" | "dies" | "hangs". 1 when it started, 0 for an unknown kind or where
// there are no Web Workers.
extern "C" EMSCRIPTEN_KEEPALIVE int asyncrace_pool_drill(const char* kind) {
  using namespace asyncrace;
  const std::string_view k = kind != nullptr ? kind : "";
  if ((k != "raises" && k != "dies" && k != "hangs") || !pool::web_workers_available()) return 0;
  current.reset();
  auto d = std::make_unique<app::drill_run>();
  d->workers = std::make_unique<pool::message_executors>(pool::web_workers(), 1);
  d->loop = std::make_unique<event_loop>(loop_options{.executors = d->workers.get()});
  d->run = std::make_unique<runner>(*d->loop);
  d->main = d->run->start(app::drill(std::string(k), *d->workers));
  current = std::move(d);
  return 1;
}

// Runs the drill as far as it can go without waiting; returns {"finished":…,"result":…,
// "replaced":…} (the pool's replaced-worker count). Valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* asyncrace_pool_drill_step() {
  using namespace asyncrace;
  static std::string json;
  bool finished = false;
  std::string result;
  if (app::drill_run* d = current.get()) {
    try {
      for (int i = 0; i < 10000 && !d->run->finished() && !d->loop->waiting_for_external(); ++i) d->run->step();
      if (d->run->finished()) {
        finished = true;
        result = d->main.result();
      }
    } catch (const std::exception& e) {
      finished = true;
      result = std::string("drill failed: ") + e.what();
    }
  }
  json = "{\"finished\":";
  json += finished ? "true" : "false";
  json += ",\"result\":";
  trace::append_json_quoted(json, result);
  json += ",\"replaced\":" + std::to_string(pool::web_workers_available() ? pool::web_workers().replaced() : 0);
  json += '}';
  return json.c_str();
}
