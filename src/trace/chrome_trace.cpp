#include "chrome_trace.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

#include "transcript.hpp"

namespace asyncrace::trace {
namespace {

constexpr int loop_pid = 1;
constexpr int loop_tid = 1;
constexpr int first_pool_pid = 2;
constexpr double metadata_time = -1.0;  // sorts before every event; written as 0

// One event line and the time it sorts by.
struct timed_event {
  double t;
  std::string json;
};

// Virtual seconds as microseconds, to the nanosecond, without trailing zeros: 1000000, 145000.5.
std::string micros(double seconds) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3f", std::max(0.0, seconds) * 1e6);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string hex_id(std::uint64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"0x%llx\"", static_cast<unsigned long long>(n));
  return buf;
}

// Flow ids: one per created task (its first step) and one per job (its hand-back).
std::string create_flow(task_id child) { return hex_id(2 * std::uint64_t{child}); }
std::string job_flow(std::size_t job) { return hex_id(2 * std::uint64_t{job} + 1); }

std::string quoted(std::string_view s) { return json_quote(s); }

std::string task_label(const recording& r, task_id id) {
  const task_lane* l = r.lane(id);
  return l != nullptr ? l->name : "Task-" + std::to_string(id);
}

// {"ph":"b","cat":"task","name":"…","ts":…,"pid":1,"tid":1 — the caller adds the rest and "}".
std::string head(char ph, std::string_view cat, std::string_view name, double t, int pid, int tid) {
  std::string out = "{\"ph\":\"";
  out += ph;
  out += "\",\"cat\":";
  out += quoted(cat);
  out += ",\"name\":";
  out += quoted(name);
  out += ",\"ts\":" + micros(t) + ",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid);
  return out;
}

std::string wait_name(const recording& r, const wait_span& w) {
  char buf[64];
  switch (w.on.kind) {
    case wait_kind::sleep:
      std::snprintf(buf, sizeof buf, "sleep(%.6g)", std::max(0.0, w.on.deadline - w.begin));
      return buf;
    case wait_kind::yield: return "sleep(0)";
    case wait_kind::task: return "await " + task_label(r, w.on.target);
    case wait_kind::gather: return "await gather(" + std::to_string(w.on.count) + ")";
    case wait_kind::future: break;
  }
  return "await future";
}

const char* outcome_name(task_outcome o) {
  switch (o) {
    case task_outcome::exception: return "exception";
    case task_outcome::cancelled: return "cancelled";
    case task_outcome::result: break;
  }
  return "result";
}

const char* stream_name(output_stream s) {
  switch (s) {
    case output_stream::warning: return "warning";
    case output_stream::exception: return "exception";
    case output_stream::err: return "stderr";
    case output_stream::out: break;
  }
  return "out";
}

// A flow arrow's end inside a task's track: an instant at one of its steps.
struct flow_in {
  std::size_t step = 0;
  std::string name;
  std::string bind;
};
// A flow arrow's start inside a task's track: create_task at `t`.
struct flow_out {
  double t = 0.0;
  task_id child = no_task;
};

struct task_flows {
  std::map<task_id, std::vector<flow_in>> in;
  std::map<task_id, std::vector<flow_out>> out;
  std::vector<bool> job_has_flow;
};

// Which arrows exist: each needs both its ends, or it is left out (a task that never ran, a job
// whose task never woke again).
task_flows find_flows(const recording& r) {
  task_flows f;
  for (const task_lane& l : r.lanes()) {
    if (l.parent == no_task || l.steps.empty() || r.lane(l.parent) == nullptr) continue;
    f.out[l.parent].push_back({l.created, l.id});
    f.in[l.id].push_back({0, "started by " + task_label(r, l.parent), create_flow(l.id)});
  }
  f.job_has_flow.assign(r.jobs().size(), false);
  for (std::size_t j = 0; j < r.jobs().size(); ++j) {
    const pool_job& job = r.jobs()[j];
    const task_lane* l = r.lane(job.for_task);
    if (l == nullptr) continue;
    const auto woke = std::lower_bound(l->steps.begin(), l->steps.end(), job.end);
    if (woke == l->steps.end()) continue;
    f.job_has_flow[j] = true;
    f.in[l->id].push_back({static_cast<std::size_t>(woke - l->steps.begin()), job.what + " done", job_flow(j)});
  }
  return f;
}

// Appends one task's track: its life, steps, waits, create_task marks and incoming arrows, in time
// order (`last` keeps the track's timestamps from ever going back).
class task_track {
 public:
  task_track(std::vector<timed_event>& out, const recording& r, const task_lane& l)
      : out_(out), r_(r), l_(l), id_(",\"id2\":{\"local\":" + hex_id(l.id) + "}") {}

  void write(const std::vector<flow_in>& in, const std::vector<flow_out>& creates) {
    const double end = std::max(l_.done() ? l_.finished : r_.end_time(), l_.created);
    const std::string life = l_.name + " " + l_.coro;
    std::string args = ",\"args\":{\"task\":" + quoted(l_.name) + ",\"coro\":" + quoted(l_.coro);
    if (l_.parent != no_task) args += ",\"parent\":" + quoted(task_label(r_, l_.parent));
    args += l_.done() ? ",\"outcome\":\"" + std::string(outcome_name(l_.outcome)) + "\",\"finish_rank\":" +
                            std::to_string(l_.finish_rank)
                      : std::string(",\"unfinished\":true");
    add('b', life, l_.created, args + "}");
    std::size_t next_create = 0;
    for (std::size_t k = 0; k < l_.steps.size(); ++k) {
      add('n', "step", l_.steps[k], "");
      for (const flow_in& f : in)
        if (f.step == k) add('n', f.name, l_.steps[k], ",\"bind_id\":" + f.bind + ",\"flow_in\":true");
      const bool waits = k < l_.waits.size();
      const double bound = waits ? l_.waits[k].begin : end;
      for (; next_create < creates.size() && creates[next_create].t <= bound; ++next_create) add_create(creates[next_create]);
      if (waits) add_wait(l_.waits[k], end);
    }
    for (; next_create < creates.size(); ++next_create) add_create(creates[next_create]);
    for (std::size_t k = l_.steps.size(); k < l_.waits.size(); ++k) add_wait(l_.waits[k], end);
    add('e', life, end, "");
  }

 private:
  void add(char ph, std::string_view name, double t, std::string_view rest) {
    last_ = std::max(last_, t);
    std::string e = head(ph, "task", name, last_, loop_pid, loop_tid) + id_;
    e += rest;
    e += '}';
    out_.push_back({last_, std::move(e)});
  }
  void add_create(const flow_out& c) {
    add('n', "create_task(" + task_label(r_, c.child) + ")", c.t,
        ",\"bind_id\":" + create_flow(c.child) + ",\"flow_out\":true");
  }
  void add_wait(const wait_span& w, double life_end) {
    const std::string name = wait_name(r_, w);
    std::string args;
    if (w.on.kind == wait_kind::sleep) args = ",\"args\":{\"deadline_us\":" + micros(w.on.deadline) + "}";
    add('b', name, w.begin, args);
    add('e', name, w.end == never ? life_end : w.end, "");
  }

  std::vector<timed_event>& out_;
  const recording& r_;
  const task_lane& l_;
  std::string id_;
  double last_ = 0.0;
};

void add_metadata(std::vector<timed_event>& out, const char* what, int pid, int tid, std::string_view name) {
  std::string e = head('M', "__metadata", what, 0.0, pid, tid);
  e += ",\"args\":{\"name\":" + quoted(name) + "}}";
  out.push_back({metadata_time, std::move(e)});
}

void add_sort_index(std::vector<timed_event>& out, int pid) {
  std::string e = head('M', "__metadata", "process_sort_index", 0.0, pid, 0);
  e += ",\"args\":{\"sort_index\":" + std::to_string(pid) + "}}";
  out.push_back({metadata_time, std::move(e)});
}

// The loop's own thread: printed lines (instants) and blocked spans.
void add_loop_thread(std::vector<timed_event>& out, const recording& r) {
  add_metadata(out, "process_name", loop_pid, 0, "asyncio event loop");
  add_sort_index(out, loop_pid);
  add_metadata(out, "thread_name", loop_pid, loop_tid, "loop thread (prints)");
  for (const blocked_span& b : r.blocked()) {
    std::string e = head('X', "loop", "loop blocked by " + task_label(r, b.by), b.begin, loop_pid, loop_tid);
    e += ",\"dur\":" + micros(b.end - b.begin) + "}";
    out.push_back({b.begin, std::move(e)});
  }
  for (const output_line& line : r.lines()) {
    std::string e = head('i', "print", line.text, line.t, loop_pid, loop_tid);
    e += ",\"s\":\"t\",\"args\":{\"task\":" + quoted(line.from != no_task ? task_label(r, line.from) : "") +
         ",\"stream\":\"" + stream_name(line.stream) + "\"}}";
    out.push_back({line.t, std::move(e)});
  }
}

// One process per pool, one thread per worker, one complete event per job.
void add_jobs(std::vector<timed_event>& out, const recording& r, const std::vector<bool>& has_flow) {
  std::map<std::uint32_t, std::vector<std::uint32_t>> workers;
  for (const pool_job& j : r.jobs()) {
    std::vector<std::uint32_t>& w = workers[j.pool];
    if (std::find(w.begin(), w.end(), j.worker) == w.end()) w.push_back(j.worker);
  }
  for (auto& [pool, ws] : workers) {
    const int pid = first_pool_pid + static_cast<int>(pool);
    add_metadata(out, "process_name", pid, 0, "executor pool " + std::to_string(pool));
    add_sort_index(out, pid);
    std::sort(ws.begin(), ws.end());
    for (std::uint32_t w : ws)
      add_metadata(out, "thread_name", pid, static_cast<int>(w) + 1, "worker " + std::to_string(w));
  }
  for (std::size_t i = 0; i < r.jobs().size(); ++i) {
    const pool_job& j = r.jobs()[i];
    std::string e = head('X', "job", j.what, j.start, first_pool_pid + static_cast<int>(j.pool), static_cast<int>(j.worker) + 1);
    e += ",\"dur\":" + micros(std::max(0.0, j.end - j.start)) + ",\"args\":{\"for_task\":" + quoted(task_label(r, j.for_task)) +
         ",\"queued_us\":" + micros(j.queued) + ",\"queue_wait_us\":" + micros(std::max(0.0, j.start - j.queued)) + "}";
    if (has_flow[i]) e += ",\"bind_id\":" + job_flow(i) + ",\"flow_out\":true";
    e += '}';
    out.push_back({j.start, std::move(e)});
  }
}

}  // namespace

std::string to_chrome_trace(const recording& r, const trace_about& about) {
  std::vector<timed_event> events;
  const task_flows flows = find_flows(r);
  // Written in causal order (a flow's start before its end at equal times: pools, then tasks by
  // id, parents before children); the stable sort by time keeps that order among equal times.
  add_loop_thread(events, r);
  add_jobs(events, r, flows.job_has_flow);
  static const std::vector<flow_in> no_in;
  static const std::vector<flow_out> no_out;
  for (const task_lane& l : r.lanes()) {
    const auto in = flows.in.find(l.id);
    const auto out = flows.out.find(l.id);
    task_track(events, r, l).write(in != flows.in.end() ? in->second : no_in,
                                   out != flows.out.end() ? out->second : no_out);
  }
  std::stable_sort(events.begin(), events.end(), [](const timed_event& a, const timed_event& b) { return a.t < b.t; });

  std::string json = "{\"traceEvents\":[\n";
  for (std::size_t i = 0; i < events.size(); ++i) {
    json += events[i].json;
    json += i + 1 < events.size() ? ",\n" : "\n";
  }
  json += "],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":{\"clock\":\"virtual (asyncrace)\"";
  for (const auto& [key, value] : about) json += "," + quoted(key) + ":" + quoted(value);
  json += "}}\n";
  return json;
}

}  // namespace asyncrace::trace
