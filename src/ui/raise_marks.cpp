#include "raise_marks.hpp"

namespace asyncrace::ui {

std::vector<raise_mark> raise_marks(const trace::recording& rec) {
  std::vector<raise_mark> marks;
  for (task_id id : rec.finish_order()) {
    const trace::task_lane* lane = rec.lane(id);
    if (lane != nullptr && lane->outcome == task_outcome::exception)
      marks.push_back({lane->id, lane->name, lane->coro, lane->finished});
  }
  return marks;
}

}  // namespace asyncrace::ui
