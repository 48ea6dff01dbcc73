// The recording of a real run: lanes, waits, wakes, finish ranks and printed lines.
#include <doctest.h>

#include "sched/asyncio.hpp"
#include "trace/recording.hpp"

using namespace asyncrace;

namespace {
task<> worker(int n, double d) {
  print("start", n);
  co_await asyncio::sleep(d);
  print("done", n);
}
task<> two() { co_await asyncio::gather(worker(1, 2.0), worker(2, 1.0)); }

trace::recording record(task<> main) {
  trace::recording r;
  event_loop loop;
  loop.set_observer(&r);
  asyncio::run(loop, std::move(main));
  return r;
}
}  // namespace

TEST_CASE("one lane per task, in creation order, with names, coroutines and parents") {
  const trace::recording r = record(two());
  REQUIRE(r.lanes().size() == 3);
  CHECK(r.lanes()[0].name == "Task-1");
  CHECK(r.lanes()[0].coro == "two");
  CHECK(r.lanes()[0].parent == no_task);
  CHECK(r.lanes()[1].coro == "worker");
  CHECK(r.lanes()[1].parent == 1);
  CHECK(r.lanes()[1].first_output == "start 1");
  CHECK(r.lanes()[2].first_output == "start 2");
}

TEST_CASE("waits record what was awaited, the deadline, and when the task woke") {
  const trace::recording r = record(two());
  const trace::task_lane& w1 = *r.lane(2);
  REQUIRE(w1.waits.size() == 1);
  CHECK(w1.waits[0].on.kind == wait_kind::sleep);
  CHECK(w1.waits[0].on.deadline == 2.0);
  CHECK(w1.waits[0].begin == 0.0);
  CHECK(w1.waits[0].end == 2.0);
  CHECK(w1.steps == std::vector<double>{0.0, 2.0});
  const trace::task_lane& main = *r.lane(1);
  REQUIRE(main.waits.size() == 1);
  CHECK(main.waits[0].on.kind == wait_kind::gather);
  CHECK(main.waits[0].on.target == 2);
  CHECK(main.waits[0].on.count == 2);
}

TEST_CASE("finish ranks and finish order follow completion") {
  const trace::recording r = record(two());
  CHECK(r.lane(3)->finish_rank == 1);  // worker 2 sleeps 1 s
  CHECK(r.lane(2)->finish_rank == 2);
  CHECK(r.lane(1)->finish_rank == 3);
  CHECK(r.finish_order() == std::vector<task_id>{3, 2, 1});
  CHECK(r.lane(2)->finished == 2.0);
  CHECK(r.end_time() == 2.0);
}

TEST_CASE("printed lines carry their task and virtual time — multi-line prints split") {
  trace::recording r;
  r.output(4, output_stream::out, "a\nb", 1.5);
  REQUIRE(r.lines().size() == 2);
  CHECK(r.lines()[0].text == "a");
  CHECK(r.lines()[1].text == "b");
  CHECK(r.lines()[1].t == 1.5);
  CHECK(r.lines()[1].from == 4);
}

TEST_CASE("a blocked loop is recorded as a span") {
  auto blocker = []() -> task<> {
    blocking_sleep(0.75);
    co_return;
  };
  const trace::recording r = record(blocker());
  REQUIRE(r.blocked().size() == 1);
  CHECK(r.blocked()[0].begin == 0.0);
  CHECK(r.blocked()[0].end == 0.75);
  CHECK(r.blocked()[0].by == 1);
}

namespace {
int nap_io(job_context& job, int x) {
  job.sleep(1);
  return x;
}
task<> three_jobs_two_workers() {
  thread_pool_executor pool(2);
  std::vector<future_handle<int>> jobs;
  for (int i = 0; i < 3; ++i) jobs.push_back(run_in_executor(pool, nap_io, i));
  co_await asyncio::gather(std::move(jobs));
  pool.shutdown();
}
}  // namespace

TEST_CASE("executor jobs: worker, queue wait, run interval and the task that awaits each") {
  const trace::recording r = record(three_jobs_two_workers());
  REQUIRE(r.jobs().size() == 3);
  for (const trace::pool_job& j : r.jobs()) {
    CHECK(j.pool == 0);  // the run's first pool, whatever its process-wide id
    CHECK(j.what == "nap_io");
    CHECK(j.queued == 0.0);
    CHECK(j.for_task == 1);
  }
  CHECK(r.jobs()[0].worker == 0);
  CHECK(r.jobs()[1].worker == 1);
  CHECK(r.jobs()[2].worker == 0);  // the third waits for the first worker to be free
  CHECK(r.jobs()[2].start == 1.0);
  CHECK(r.jobs()[2].end == 2.0);
  CHECK(r.end_time() >= 2.0);
}
