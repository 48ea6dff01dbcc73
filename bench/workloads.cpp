#include "workloads.hpp"

#include <vector>

#include "sched/asyncio.hpp"
#include "trace/recording.hpp"

namespace asyncrace::bench {
namespace {

task<> sleeper() { co_await asyncio::sleep(1); }

task<std::uint64_t> sleepers(std::uint32_t n) {
  std::vector<task<>> coros;
  coros.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) coros.push_back(sleeper());
  auto results = co_await asyncio::gather(std::move(coros));
  co_return results.size();
}

task<> yielder() { co_await asyncio::sleep(0); }

task<std::uint64_t> create_tasks(std::uint32_t n) {
  std::vector<task_handle<>> tasks;
  tasks.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) tasks.push_back(asyncio::create_task(yielder()));
  std::uint64_t awaited = 0;
  for (const task_handle<>& t : tasks) {
    co_await t;
    ++awaited;
  }
  co_return awaited;
}

// The innermost coroutine of the chain is a separate function, as in asyncio_workloads.py: the
// sleep's awaiter would otherwise take room in every one of the million frames.
task<std::uint64_t> leaf() {
  co_await asyncio::sleep(0);
  co_return 0;
}

task<std::uint64_t> chain(std::uint32_t depth) {
  if (depth == 0) co_return co_await leaf();
  co_return 1 + co_await chain(depth - 1);
}

}  // namespace

bool run_workload(std::string_view name, std::uint32_t n, trace::recording* recording,
                  workload_result& out) {
  task<std::uint64_t> (*make)(std::uint32_t) = nullptr;
  if (name == "sleepers") make = &sleepers;
  else if (name == "create_task") make = &create_tasks;
  else if (name == "chain") make = &chain;
  else return false;
  event_loop loop;
  loop.set_observer(recording);
  out.check = asyncio::run(loop, make(n));
  out.virtual_end = loop.time();
  return true;
}

}  // namespace asyncrace::bench
