#include "loop_stepper.hpp"

#include <algorithm>
#include <utility>

namespace asyncrace::ui {
namespace {

bool less(const timer_entry& a, const timer_entry& b, heap_order order) {
  if (a.deadline != b.deadline || order == heap_order::deadline_only) return a.deadline < b.deadline;
  return a.seq < b.seq;
}

// heapq._siftdown: moves heap[pos] up towards `start` while it is smaller than its parent.
void sift_down(std::vector<timer_entry>& heap, std::size_t start, std::size_t pos, heap_order order) {
  const timer_entry item = heap[pos];
  while (pos > start) {
    const std::size_t parent = (pos - 1) >> 1;
    if (!less(item, heap[parent], order)) break;
    heap[pos] = heap[parent];
    pos = parent;
  }
  heap[pos] = item;
}

// heapq._siftup: moves the smaller child up until a leaf, then sifts the item down into place.
void sift_up(std::vector<timer_entry>& heap, std::size_t pos, heap_order order) {
  const std::size_t end = heap.size();
  const std::size_t start = pos;
  const timer_entry item = heap[pos];
  std::size_t child = 2 * pos + 1;
  while (child < end) {
    const std::size_t right = child + 1;
    if (right < end && !less(heap[child], heap[right], order)) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  sift_down(heap, start, pos, order);
}

void pop_one(std::vector<timer_entry>& heap, heap_order order) {
  const timer_entry last = heap.back();
  heap.pop_back();
  if (heap.empty()) return;
  heap[0] = last;
  sift_up(heap, 0, order);
}

}  // namespace

void heap_pop(std::vector<timer_entry>& heap, heap_order order, std::size_t count) {
  while (!heap.empty() && heap.front().cancelled) pop_one(heap, order);
  for (std::size_t i = 0; i < count && !heap.empty(); ++i) {
    pop_one(heap, order);
    while (!heap.empty() && heap.front().cancelled) pop_one(heap, order);
  }
}

std::size_t loop_stepper::steps_in(std::size_t k) const {
  const auto& marks = rec_->iteration_marks();
  if (k >= marks.size()) return 0;
  return std::size_t{marks[k].pops} + marks[k].callbacks;
}

double loop_stepper::time() const {
  const auto& marks = rec_->iteration_marks();
  return marks.empty() ? 0.0 : marks[std::min(pos_.iteration, marks.size() - 1)].t;
}

std::size_t loop_stepper::lines_after(std::size_t k) const {
  const auto& marks = rec_->iteration_marks();
  return k + 1 < marks.size() ? marks[k + 1].lines_before : rec_->lines().size();
}

const loop_picture& loop_stepper::picture() {
  if (iterations() == 0) {
    picture_ = {};
    pictured_.reset();
    return picture_;
  }
  if (pictured_ == pos_) return picture_;
  if (!cursor_) cursor_.emplace(rec_->loop_states());
  cursor_->seek(pos_.iteration);
  loop_picture p;
  p.state = cursor_->state();
  const std::size_t pops = p.state.popped.size();
  p.pops_done = std::min(pos_.sub, pops);
  p.callbacks_done = pos_.sub - p.pops_done;
  p.heap = p.state.timers;
  heap_pop(p.heap, order_, p.pops_done);
  if (pos_.sub >= steps_in(pos_.iteration) && pos_.iteration + 1 < iterations()) {
    // Its callbacks have run: the timers they pushed and the chains they left are what the next
    // iteration recorded before its own pops.
    cursor_->seek(pos_.iteration + 1);
    trace::loop_state next = cursor_->state();
    p.heap = std::move(next.timers);
    heap_pop(p.heap, order_, 0);
    p.state.chains = std::move(next.chains);
  }
  p.lines_printed = pos_.sub >= steps_in(pos_.iteration) ? lines_after(pos_.iteration)
                                                          : rec_->iteration_marks()[pos_.iteration].lines_before;
  picture_ = std::move(p);
  pictured_ = pos_;
  return picture_;
}

void loop_stepper::seek(loop_position p) {
  const std::size_t n = iterations();
  if (n == 0) {
    pos_ = {};
    return;
  }
  p.iteration = std::min(p.iteration, n - 1);
  p.sub = std::min(p.sub, steps_in(p.iteration));
  pos_ = p;
}

bool loop_stepper::step(int direction) {
  const loop_position before = pos_;
  if (direction > 0) {
    if (pos_.sub < steps_in(pos_.iteration)) ++pos_.sub;
    else if (pos_.iteration + 1 < iterations()) pos_ = {pos_.iteration + 1, 0};
  } else if (direction < 0) {
    if (pos_.sub > 0) --pos_.sub;
    else if (pos_.iteration > 0) pos_ = {pos_.iteration - 1, steps_in(pos_.iteration - 1)};
  }
  return pos_ != before;
}

bool loop_stepper::step_iteration(int direction) {
  const loop_position before = pos_;
  if (direction > 0 && pos_.iteration + 1 < iterations()) pos_ = {pos_.iteration + 1, 0};
  else if (direction > 0) seek({pos_.iteration, steps_in(pos_.iteration)});  // the last one: its end
  else if (direction < 0 && pos_.sub > 0) pos_.sub = 0;
  else if (direction < 0 && pos_.iteration > 0) pos_ = {pos_.iteration - 1, 0};
  return pos_ != before;
}

bool loop_stepper::step_line(int direction) {
  const auto& marks = rec_->iteration_marks();
  const auto prints = [&](std::size_t k) { return lines_after(k) > marks[k].lines_before; };
  if (direction > 0) {
    for (std::size_t k = pos_.iteration; k < marks.size(); ++k) {
      const loop_position end{k, steps_in(k)};
      if (end > pos_ && prints(k)) {
        pos_ = end;
        return true;
      }
    }
  } else if (direction < 0) {
    for (std::size_t k = std::min(pos_.iteration + 1, marks.size()); k-- > 0;) {
      const loop_position end{k, steps_in(k)};
      if (end < pos_ && prints(k)) {
        pos_ = end;
        return true;
      }
    }
  }
  return false;
}

void loop_stepper::seek_time(double t) {
  const auto& marks = rec_->iteration_marks();
  const auto after = std::upper_bound(marks.begin(), marks.end(), t,
                                      [](double v, const trace::iteration_mark& m) { return v < m.t; });
  const std::size_t k = after == marks.begin() ? 0 : static_cast<std::size_t>(after - marks.begin()) - 1;
  seek({k, after == marks.begin() ? 0 : steps_in(k)});
}

void loop_stepper::seek_end() {
  const std::size_t n = iterations();
  if (n > 0) seek({n - 1, steps_in(n - 1)});
}

}  // namespace asyncrace::ui
