#include "recording.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <utility>

namespace asyncrace::trace {
namespace {
std::string default_name(task_id id) { return "Task-" + std::to_string(id); }

// The loop names every task "Task-<id>" (CPython's default): such names are not stored.
bool is_default_name(std::string_view name, task_id id) {
  constexpr std::string_view prefix = "Task-";
  if (name.substr(0, prefix.size()) != prefix) return false;
  char digits[16];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, id);
  return ec == std::errc{} && name.substr(prefix.size()) == std::string_view(digits, static_cast<std::size_t>(end - digits));
}

// A wait target the compact event spells exactly: a sleep's deadline, or a target and a count.
bool is_compact(const wait_target& on) {
  if (on.kind == wait_kind::sleep) return on.target == no_task && on.count == 0;
  return on.deadline == 0.0 && !std::signbit(on.deadline);
}
}  // namespace

const std::vector<task_lane>& recording::lanes() const {
  sync();
  return lanes_;
}

const task_lane* recording::lane(task_id id) const {
  sync();
  // Task ids are handed out 1, 2, 3, ... in creation order, so the lane of id n is at n - 1.
  if (id == no_task || id > lanes_.size()) return nullptr;
  return &lanes_[id - 1];
}

task_lane* recording::mutable_lane(task_id id) const {
  if (id == no_task || id > lanes_.size()) return nullptr;
  return &lanes_[id - 1];
}

std::vector<task_id> recording::finish_order() const {
  sync();
  std::vector<task_id> order(static_cast<std::size_t>(finished_count_));
  for (const task_lane& l : lanes_)
    if (l.done()) order[static_cast<std::size_t>(l.finish_rank - 1)] = l.id;
  return order;
}

void recording::clear() {
  // What to record stays; what was recorded goes.
  const bool on = loop_states_on_;
  const std::size_t max_bytes = steps_.max_bytes();
  *this = recording{};
  record_loop_states(on, max_bytes);
}

void recording::record_loop_states(bool on, std::size_t max_bytes) {
  loop_states_on_ = on;
  steps_ = loop_steps(max_bytes);
}

bool recording::iteration(const loop_snapshot& s) {
  ++changes_;
  seen(s.t);
  marks_.push_back({s.t, static_cast<std::uint32_t>(lines_.size()), static_cast<std::uint32_t>(s.popped.size()),
                    static_cast<std::uint32_t>(s.ready.size())});
  return steps_.add(s);
}

std::uint32_t recording::intern_coro(std::string_view coro) {
  if (last_coro_ < coros_.size() && coros_[last_coro_] == coro) return last_coro_;
  // Coroutine names are few (one per coroutine function): a linear search is enough.
  auto it = std::find(coros_.begin(), coros_.end(), coro);
  if (it == coros_.end()) it = coros_.insert(it, std::string(coro));
  last_coro_ = static_cast<std::uint32_t>(it - coros_.begin());
  return last_coro_;
}

void recording::task_created(task_id id, task_id parent, std::string_view name,
                             std::string_view coro, double t) {
  ++changes_;
  seen(t);
  logged_event e{t, id, event_kind::created, 0, logged_event::pack(parent, intern_coro(coro))};
  if (!is_default_name(name, id)) {
    e.detail = 1;
    custom_names_.emplace_back(name);
  }
  log_.push(e);
  ++logged_lanes_;
}

void recording::task_stepped(task_id id, double t) {
  ++changes_;
  seen(t);
  log_.push({t, id, event_kind::stepped, 0, 0});
}

void recording::task_suspended(task_id id, const wait_target& on, double t) {
  ++changes_;
  seen(t);
  logged_event e{t, id, event_kind::suspended, static_cast<std::uint8_t>(on.kind), 0};
  if (!is_compact(on)) {
    e.detail = odd_wait;
    e.payload = logged_event::pack(static_cast<std::uint32_t>(odd_waits_.size()), 0);
    odd_waits_.push_back(on);
  } else if (on.kind == wait_kind::sleep) {
    e.payload = logged_event::pack(on.deadline);
  } else {
    e.payload = logged_event::pack(on.target, on.count);
  }
  log_.push(e);
}

void recording::task_finished(task_id id, task_outcome outcome, double t) {
  ++changes_;
  seen(t);
  log_.push({t, id, event_kind::finished, static_cast<std::uint8_t>(outcome), 0});
}

void recording::output(task_id from, output_stream stream, std::string_view text, double t) {
  ++changes_;
  seen(t);
  // print("a\nb") is two lines at the same moment.
  std::size_t start = 0;
  for (;;) {
    std::size_t nl = text.find('\n', start);
    std::string_view piece = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (stream == output_stream::out && from != no_task) {  // a candidate for the lane's first_output
      log_.push({t, from, event_kind::output, 0, logged_event::pack(static_cast<std::uint32_t>(lines_.size()), 0)});
    }
    lines_.push_back({t, from, stream, std::string(piece)});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

void recording::loop_blocked(task_id by, double begin, double end) {
  ++changes_;
  seen(end);
  blocked_.push_back({by, begin, end});
}

void recording::executor_job(std::uint32_t pool, std::uint32_t worker, std::string_view what,
                             double queued, double start, double end, task_id for_task) {
  ++changes_;
  seen(end);
  // Executors number themselves process-wide; the lanes number the pools of this run: 0, 1, ...
  auto it = std::find(pool_ids_.begin(), pool_ids_.end(), pool);
  if (it == pool_ids_.end()) it = pool_ids_.insert(it, pool);
  const auto dense = static_cast<std::uint32_t>(it - pool_ids_.begin());
  jobs_.push_back({dense, worker, std::string(what), queued, start, end, for_task});
}

void recording::sync() const {
  // Oldest first, freeing as it goes: the log and the lanes it becomes are never both whole.
  if (logged_lanes_ > 0) lanes_.reserve(lanes_.size() + std::exchange(logged_lanes_, 0));
  while (!log_.empty()) apply(log_.pop());
}

void recording::apply(const logged_event& e) const {
  switch (e.what) {
    case event_kind::created: {
      const std::string* custom = e.detail ? &custom_names_[custom_names_used_++] : nullptr;
      // The loop hands out task ids 1, 2, 3, ... and reports every task it creates: a gap or a
      // repeat is a scheduler bug, not something to record around.
      assert(e.id == lanes_.size() + 1 && "task ids must be dense, in creation order");
      if (e.id != lanes_.size() + 1) return;  // release builds: no lane at the wrong index
      task_lane& l = lanes_.emplace_back();
      l.id = e.id;
      l.parent = e.first();
      l.name = custom ? *custom : default_name(e.id);
      l.coro = coros_[e.second()];
      l.created = e.t;
      return;
    }
    case event_kind::stepped: {
      task_lane* l = mutable_lane(e.id);
      assert(l && "the loop reports a task's events only after creating it");
      if (!l) return;  // release builds: no null dereference
      if (l->steps.empty()) l->first_step = e.t;
      l->steps.push_back(e.t);
      if (!l->waits.empty() && l->waits.back().end == never) l->waits.back().end = e.t;
      return;
    }
    case event_kind::suspended: {
      task_lane* l = mutable_lane(e.id);
      assert(l && "the loop reports a task's events only after creating it");
      if (!l) return;  // release builds: no null dereference
      wait_target on;
      if (e.detail == odd_wait) {
        on = odd_waits_[e.first()];
      } else {
        on.kind = static_cast<wait_kind>(e.detail);
        if (on.kind == wait_kind::sleep)
          on.deadline = e.as_double();
        else
          on.target = e.first(), on.count = e.second();
      }
      l->waits.push_back({e.t, never, on});
      return;
    }
    case event_kind::finished: {
      task_lane* l = mutable_lane(e.id);
      assert(l && "the loop reports a task's events only after creating it");
      if (!l) return;  // release builds: no null dereference
      l->finished = e.t;
      l->outcome = static_cast<task_outcome>(e.detail);
      l->finish_rank = ++finished_count_;
      return;
    }
    case event_kind::output: {
      task_lane* l = mutable_lane(e.id);
      if (l && l->first_output.empty()) l->first_output = lines_[e.first()].text;
      return;
    }
  }
}

}  // namespace asyncrace::trace
