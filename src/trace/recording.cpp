#include "recording.hpp"

#include <algorithm>

namespace asyncrace::trace {

const task_lane* recording::lane(task_id id) const {
  // Task ids are handed out 1, 2, 3, ... in creation order, so the lane of id n is at n - 1.
  if (id == no_task || id > lanes_.size()) return nullptr;
  return &lanes_[id - 1];
}

task_lane* recording::mutable_lane(task_id id) { return const_cast<task_lane*>(lane(id)); }

std::vector<task_id> recording::finish_order() const {
  std::vector<task_id> order(static_cast<std::size_t>(finished_count_));
  for (const task_lane& l : lanes_)
    if (l.done()) order[static_cast<std::size_t>(l.finish_rank - 1)] = l.id;
  return order;
}

void recording::clear() { *this = recording{}; }

void recording::task_created(task_id id, task_id parent, std::string_view name,
                             std::string_view coro, double t) {
  seen(t);
  task_lane l;
  l.id = id;
  l.parent = parent;
  l.name = name;
  l.coro = coro;
  l.created = t;
  if (id != lanes_.size() + 1) return;  // ids must be dense; anything else is a scheduler bug
  lanes_.push_back(std::move(l));
}

void recording::task_stepped(task_id id, double t) {
  seen(t);
  task_lane* l = mutable_lane(id);
  if (!l) return;
  if (l->steps.empty()) l->first_step = t;
  l->steps.push_back(t);
  if (!l->waits.empty() && l->waits.back().end == never) l->waits.back().end = t;
}

void recording::task_suspended(task_id id, const wait_target& on, double t) {
  seen(t);
  if (task_lane* l = mutable_lane(id)) l->waits.push_back({t, never, on});
}

void recording::task_finished(task_id id, task_outcome outcome, double t) {
  seen(t);
  task_lane* l = mutable_lane(id);
  if (!l) return;
  l->finished = t;
  l->outcome = outcome;
  l->finish_rank = ++finished_count_;
}

void recording::output(task_id from, output_stream stream, std::string_view text, double t) {
  seen(t);
  // print("a\nb") is two lines at the same moment.
  std::size_t start = 0;
  for (;;) {
    std::size_t nl = text.find('\n', start);
    std::string_view piece = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (task_lane* l = mutable_lane(from); l && l->first_output.empty() && stream == output_stream::out)
      l->first_output = piece;
    lines_.push_back({t, from, stream, std::string(piece)});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

void recording::loop_blocked(task_id by, double begin, double end) {
  seen(end);
  blocked_.push_back({by, begin, end});
}

}  // namespace asyncrace::trace
