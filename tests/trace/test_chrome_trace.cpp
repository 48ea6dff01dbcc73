// The Chrome Trace Event export: valid by the format's rules (trace_event_rules.hpp) and saying
// what happened: a track per task with its waits, prints as instants, a track per pool worker, and
// flows from create_task and from a job's hand-back.
#include <doctest.h>

#include <algorithm>
#include <vector>

#include "json_reader.hpp"
#include "sched/asyncio.hpp"
#include "trace/chrome_trace.hpp"
#include "trace/recording.hpp"
#include "trace_event_rules.hpp"

using namespace asyncrace;
using testing::json;

namespace {

task<> worker(int n, double d) {
  print("start", n);
  co_await asyncio::sleep(d);
  print("done", n);
}
task<> spawner() {
  auto a = asyncio::create_task(worker(1, 2.0));
  auto b = asyncio::create_task(worker(2, 1.0));
  co_await asyncio::sleep(0);
  co_await a;
  co_await b;
}

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

trace::recording record(task<> main) {
  trace::recording r;
  event_loop loop;
  loop.set_observer(&r);
  asyncio::run(loop, std::move(main));
  return r;
}

json exported(const trace::recording& r, const trace::trace_about& about = {}) {
  return testing::json_reader::parse(trace::to_chrome_trace(r, about));
}

std::vector<json> events(const json& doc, const std::string& ph, const std::string& cat = "") {
  std::vector<json> out;
  for (const json& e : doc["traceEvents"].items)
    if (e["ph"].text == ph && (cat.empty() || (e.has("cat") && e["cat"].text == cat))) out.push_back(e);
  return out;
}

const json* find_named(const std::vector<json>& es, const std::string& name) {
  for (const json& e : es)
    if (e["name"].text == name) return &e;
  return nullptr;
}

// [begin ts, end ts] of the first slice called `name` on the async track of task `id`.
std::pair<double, double> slice_of(const json& doc, const std::string& name, const std::string& id) {
  double begin = -1;
  for (const json& e : doc["traceEvents"].items) {
    if (e["name"].text != name || testing::async_id(e) != "local:" + id) continue;
    if (e["ph"].text == "b" && begin < 0) begin = e["ts"].number;
    if (e["ph"].text == "e" && begin >= 0) return {begin, e["ts"].number};
  }
  return {-1, -1};
}

}  // namespace

TEST_CASE("chrome trace: valid by the format's rules, one async track per task, waits nested") {
  const json doc = exported(record(spawner()));
  CHECK(testing::trace_event_problems(doc) == std::vector<std::string>{});
  const std::vector<json> lives = events(doc, "b", "task");
  CHECK(find_named(lives, "Task-1 spawner") != nullptr);
  CHECK(find_named(lives, "Task-2 worker") != nullptr);
  CHECK(find_named(lives, "Task-3 worker") != nullptr);
  // Times are virtual microseconds: Task-2 sleeps two seconds, from 0 to 2,000,000.
  CHECK(slice_of(doc, "sleep(2)", "0x2") == std::pair<double, double>{0.0, 2e6});
  CHECK(slice_of(doc, "sleep(1)", "0x3") == std::pair<double, double>{0.0, 1e6});
  CHECK(slice_of(doc, "await Task-2", "0x1") == std::pair<double, double>{0.0, 2e6});
  CHECK(slice_of(doc, "Task-3 worker", "0x3") == std::pair<double, double>{0.0, 1e6});
  const json& life = *find_named(lives, "Task-3 worker");
  CHECK(life["args"]["finish_rank"].number == 1);
  CHECK(life["args"]["outcome"].text == "result");
  CHECK(life["args"]["parent"].text == "Task-1");
}

TEST_CASE("chrome trace: flows from create_task to each task's first step") {
  const json doc = exported(record(spawner()));
  std::vector<std::string> outs, ins;
  for (const json& e : events(doc, "n", "task")) {
    if (e.has("flow_out")) outs.push_back(e["name"].text + " " + testing::async_id(e));
    if (e.has("flow_in")) ins.push_back(e["name"].text + " " + testing::async_id(e));
  }
  CHECK(outs == std::vector<std::string>{"create_task(Task-2) local:0x1", "create_task(Task-3) local:0x1"});
  CHECK(ins == std::vector<std::string>{"started by Task-1 local:0x2", "started by Task-1 local:0x3"});
}

TEST_CASE("chrome trace: printed lines are instant events on the loop thread, escaped") {
  trace::recording r = record(spawner());
  r.output(1, output_stream::warning, "say \"hi\" \xe2\x98\x95 <b>", 3.0);
  const json doc = exported(r);
  CHECK(testing::trace_event_problems(doc).empty());
  const std::vector<json> prints = events(doc, "i", "print");
  REQUIRE(prints.size() == r.lines().size());
  CHECK(prints[0]["name"].text == "start 1");
  CHECK(prints[0]["s"].text == "t");
  CHECK(prints[0]["args"]["task"].text == "Task-2");
  CHECK(prints.back()["name"].text == "say \"hi\" \xe2\x98\x95 <b>");
  CHECK(prints.back()["args"]["stream"].text == "warning");
  CHECK(prints.back()["ts"].number == 3e6);
}

TEST_CASE("chrome trace: executor jobs on one track per worker, flows to the awaiting task") {
  const json doc = exported(record(three_jobs_two_workers()), {{"tutorial", "three_jobs"}});
  CHECK(testing::trace_event_problems(doc) == std::vector<std::string>{});
  CHECK(doc["otherData"]["tutorial"].text == "three_jobs");
  const std::vector<json> jobs = events(doc, "X", "job");
  REQUIRE(jobs.size() == 3);
  std::vector<std::pair<double, double>> on_worker;  // (tid, ts)
  for (const json& j : jobs) {
    CHECK(j["name"].text == "nap_io");
    CHECK(j["pid"].number == 2);
    CHECK(j["dur"].number == 1e6);
    CHECK(j["flow_out"].b);
    on_worker.emplace_back(j["tid"].number, j["ts"].number);
  }
  std::sort(on_worker.begin(), on_worker.end());
  CHECK(on_worker == std::vector<std::pair<double, double>>{{1, 0}, {1, 1e6}, {2, 0}});
  const std::vector<json> names = events(doc, "M");
  CHECK(find_named(names, "thread_name") != nullptr);
  int worker_names = 0;
  for (const json& m : names)
    if (m["pid"].number == 2 && m["name"].text == "thread_name") ++worker_names;
  CHECK(worker_names == 2);
  int hand_backs = 0;
  for (const json& e : events(doc, "n", "task"))
    if (e.has("flow_in") && e["name"].text == "nap_io done") ++hand_backs;
  CHECK(hand_backs == 3);
}

TEST_CASE("chrome trace: a task that never finishes is closed at the end of the run") {
  trace::recording r;
  r.task_created(1, no_task, "Task-1", "main", 0.0);
  r.task_stepped(1, 0.0);
  r.task_suspended(1, wait_target{wait_kind::future, 0.0, no_task, 0}, 0.0);
  r.output(1, output_stream::out, "late", 2.5);
  const json doc = exported(r);
  CHECK(testing::trace_event_problems(doc).empty());
  CHECK(slice_of(doc, "Task-1 main", "0x1") == std::pair<double, double>{0.0, 2.5e6});
  CHECK(slice_of(doc, "await future", "0x1") == std::pair<double, double>{0.0, 2.5e6});
  CHECK(events(doc, "b", "task")[0]["args"]["unfinished"].b);
}

TEST_CASE("trace rules: a broken trace is reported, rule by rule") {
  const json bad = testing::json_reader::parse(R"({"traceEvents":[
    {"ph":"b","cat":"task","name":"A","ts":5,"pid":1,"tid":1,"id2":{"local":"0x1"}},
    {"ph":"n","cat":"task","name":"step","ts":4,"pid":1,"tid":1,"id2":{"local":"0x1"}},
    {"ph":"b","cat":"task","name":"B","ts":6,"pid":1,"tid":1,"id2":{"local":"0x2"}},
    {"ph":"e","cat":"task","name":"C","ts":7,"pid":1,"tid":1,"id2":{"local":"0x2"}},
    {"ph":"X","name":"job","ts":1,"pid":2,"tid":1,"bind_id":"0x9","flow_out":true},
    {"ph":"n","cat":"task","name":"x","ts":0,"pid":1,"tid":1,"id2":{"local":"0x3"},"bind_id":"0x8","flow_in":true}
  ]})");
  const std::vector<std::string> problems = testing::trace_event_problems(bad);
  auto mentions = [&](const std::string& what) {
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(what) != std::string::npos; });
  };
  CHECK(mentions("goes back"));
  CHECK(mentions("end 'C' closes 'B'"));
  CHECK(mentions("'A' never ends"));
  CHECK(mentions("without a duration"));
  CHECK(mentions("flow \"0x9\"") == false);  // ids are compared as decoded strings
  CHECK(mentions("flow 0x9 has 1 starts and 0 ends"));
  CHECK(mentions("flow 0x8 has 0 starts and 1 ends"));
  CHECK_THROWS(testing::json_reader::parse(R"({"traceEvents":[1,]})"));
}
