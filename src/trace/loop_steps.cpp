#include "trace/loop_steps.hpp"

#include "trace/recording.hpp"

#include <algorithm>
#include <cassert>
#include <unordered_set>

#include "pyrt/py_format.hpp"
#include "trace/transcript.hpp"

namespace asyncrace::trace {

std::size_t loop_steps::bytes() const {
  return records_.size() * sizeof(record) + timers_.size() * sizeof(timer_info) + ready_.size() * sizeof(ready_entry) +
         writes_.size() * sizeof(write) + popped_.size() * sizeof(std::uint32_t) + current_.size() * sizeof(std::uint32_t) +
         chains_.bytes();
}

void loop_steps::clear() {
  truncated_ = false;
  message_.clear();
  records_.clear();
  timers_.clear();
  ready_.clear();
  writes_.clear();
  popped_.clear();
  current_.clear();
  chains_.clear();
}

bool loop_steps::add(const loop_snapshot& s) {
  if (truncated_) return false;
  const std::uint64_t k = records_.size();
  auto know = [&](const timer_entry& e) {
    const auto seq = static_cast<std::uint32_t>(e.seq);
    if (seq >= timers_.size()) timers_.resize(seq + 1);
    timer_info& info = timers_[seq];
    info.deadline = e.deadline;
    info.task = e.task;
    info.kind = e.kind;
    if (e.cancelled && info.cancelled_at == never) info.cancelled_at = k;
    return seq;
  };
  const auto size = static_cast<std::uint32_t>(s.timers.size());
  // Positions dropped off the end keep their old value, for stepping back.
  for (std::uint32_t i = size; i < current_.size(); ++i) writes_.push_back({i, current_[i], none});
  current_.resize(size, none);
  for (std::uint32_t i : s.changed) {
    const std::uint32_t seq = know(s.timers[i]);
    if (current_[i] != seq) writes_.push_back({i, current_[i], seq});
    current_[i] = seq;
  }
  for (const timer_entry& e : s.popped) popped_.push_back(know(e));
  ready_.insert(ready_.end(), s.ready.begin(), s.ready.end());
  chains_.add(s.chains, s.finished);
  records_.push_back({s.iteration, s.t, size, ready_.size(), writes_.size(), popped_.size()});
  if (bytes() > max_bytes_) {
    truncated_ = true;
    message_ = "loop states recorded for iterations 0 to " + std::to_string(s.iteration) + " only: the record of the " +
               "loop's state passed " + std::to_string(max_bytes_ >> 20) + " MiB, so later iterations (ready queue, " +
               "timer heap, pops, await chains) are not recorded";
    return false;
  }
  return true;
}

timer_entry loop_steps::entry(std::uint32_t seq, std::size_t k) const {
  const timer_info& info = timers_[seq];
  return {info.deadline, seq, info.task, info.kind, info.cancelled_at <= k};
}

loop_steps::cursor::cursor(const loop_steps& s) : s_(&s), chains_(s.chains_) {
  if (!s.records_.empty()) apply(0);
}

void loop_steps::cursor::apply(std::size_t k) {
  const record& r = s_->records_[k];
  heap_.resize(r.heap_size, none);
  for (std::size_t w = k ? s_->records_[k - 1].writes_end : 0; w < r.writes_end; ++w) {
    const write& x = s_->writes_[w];
    if (x.after != none) heap_[x.index] = x.after;
  }
  chains_.apply(k);
}

void loop_steps::cursor::unapply(std::size_t k) {
  const record& r = s_->records_[k];
  heap_.resize(s_->records_[k - 1].heap_size, none);
  for (std::size_t w = s_->records_[k - 1].writes_end; w < r.writes_end; ++w) {
    const write& x = s_->writes_[w];
    if (x.before != none) heap_[x.index] = x.before;
  }
  chains_.unapply(k);
}

bool loop_steps::cursor::forward() {
  if (k_ + 1 >= s_->records_.size()) return false;
  apply(++k_);
  return true;
}

bool loop_steps::cursor::back() {
  if (k_ == 0) return false;
  unapply(k_--);
  return true;
}

void loop_steps::cursor::seek(std::size_t k) {
  while (k_ < k && forward()) {
  }
  while (k_ > k && back()) {
  }
}

loop_state loop_steps::cursor::state() const {
  loop_state out;
  if (s_->records_.empty()) return out;
  const record& r = s_->records_[k_];
  out.iteration = r.iteration;
  out.t = r.t;
  const std::size_t ready_begin = k_ ? s_->records_[k_ - 1].ready_end : 0;
  out.ready.assign(s_->ready_.begin() + static_cast<std::ptrdiff_t>(ready_begin),
                   s_->ready_.begin() + static_cast<std::ptrdiff_t>(r.ready_end));
  out.timers.reserve(heap_.size());
  for (std::uint32_t seq : heap_) out.timers.push_back(s_->entry(seq, k_));
  for (std::size_t p = k_ ? s_->records_[k_ - 1].popped_end : 0; p < r.popped_end; ++p)
    out.popped.push_back(s_->entry(s_->popped_[p], k_));
  out.chains = chains_.chains();
  return out;
}

loop_state loop_steps::at(std::size_t k) const {
  cursor c(*this);
  c.seek(k);
  return c.state();
}

namespace {
void append_timers(std::string& out, const std::vector<timer_entry>& timers) {
  out += '[';
  for (std::size_t i = 0; i < timers.size(); ++i) {
    const timer_entry& e = timers[i];
    if (i) out += ", ";
    out += "{\"deadline\": " + py_float_repr(e.deadline) + ", \"seq\": " + std::to_string(e.seq) +
           ", \"task\": " + std::to_string(e.task) + ", \"kind\": \"" + std::string(to_string(e.kind)) + '"';
    if (e.cancelled) out += ", \"cancelled\": true";
    out += '}';
  }
  out += ']';
}

std::string awaits_json(const await_chain& c) {
  if (!c.started) return "{\"kind\": \"start\"}";
  const wait_target& w = c.awaits;
  switch (w.kind) {
    case wait_kind::sleep: return "{\"kind\": \"sleep\", \"deadline\": " + py_float_repr(w.deadline) + "}";
    case wait_kind::yield: return "{\"kind\": \"yield\"}";
    case wait_kind::task: return "{\"kind\": \"task\", \"task\": " + std::to_string(w.target) + "}";
    case wait_kind::gather:
      return "{\"kind\": \"gather\", \"task\": " + std::to_string(w.target) + ", \"count\": " + std::to_string(w.count) + "}";
    case wait_kind::future: break;
  }
  return "{\"kind\": \"future\"}";
}

void append_chains(std::string& out, const std::vector<task_chain>& chains, const task_namer& task_name) {
  out += ", \"chains\": {";
  std::unordered_set<std::string> keys;
  for (std::size_t i = 0; i < chains.size(); ++i) {
    const task_chain& c = chains[i];
    std::string key = task_name(c.task);
    if (!keys.insert(key).second) key += "#" + std::to_string(c.task);
    out += (i ? ", " : "") + json_quote(key) + ": {\"task\": " + std::to_string(c.task) + ", \"frames\": [";
    for (std::size_t f = 0; f < c.chain.frames.size(); ++f) {
      const await_frame& fr = c.chain.frames[f];
      out += (f ? ", " : "") + std::string("{\"function\": ") + json_quote(fr.function) + ", \"line\": " + std::to_string(fr.line) + "}";
    }
    out += "], \"awaits\": " + awaits_json(c.chain) + "}";
  }
  out += '}';
}
}  // namespace

std::string to_json(const loop_state& s, const task_namer& task_name) {
  std::string out = "{\"iteration\": " + std::to_string(s.iteration) + ", \"t\": " + py_float_repr(s.t) + ", \"ready\": [";
  for (std::size_t i = 0; i < s.ready.size(); ++i) {
    if (i) out += ", ";
    out += "{\"kind\": \"" + std::string(to_string(s.ready[i].kind)) + "\", \"task\": " + std::to_string(s.ready[i].task) + '}';
  }
  out += "], \"timers\": ";
  append_timers(out, s.timers);
  out += ", \"popped\": ";
  append_timers(out, s.popped);
  if (task_name) append_chains(out, s.chains, task_name);
  out += '}';
  return out;
}

task_namer lane_names(const recording& r) {
  return [&r](task_id t) {
    const task_lane* lane = r.lane(t);
    return lane ? lane->name : "Task#" + std::to_string(t);
  };
}

}  // namespace asyncrace::trace
