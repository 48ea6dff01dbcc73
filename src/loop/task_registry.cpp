#include "loop/task_registry.hpp"

#include "loop/task_driver.hpp"

namespace asyncrace {

void task_registry::adopt(task_driver& d) {
  d.id = ++task_ids_;
  d.number = ++task_counter_;
  d.prev_unfinished_ = last_unfinished_;
  (last_unfinished_ ? last_unfinished_->next_unfinished_ : first_unfinished_) = &d;
  last_unfinished_ = &d;
  ++unfinished_count_;
}

void task_registry::finished(task_driver& d) {
  (d.prev_unfinished_ ? d.prev_unfinished_->next_unfinished_ : first_unfinished_) = d.next_unfinished_;
  (d.next_unfinished_ ? d.next_unfinished_->prev_unfinished_ : last_unfinished_) = d.prev_unfinished_;
  d.prev_unfinished_ = d.next_unfinished_ = nullptr;
  --unfinished_count_;
}

std::vector<task_driver*> task_registry::unfinished() const {
  std::vector<task_driver*> out;
  out.reserve(unfinished_count_);
  for (task_driver* d = first_unfinished_; d; d = d->next_unfinished_) out.push_back(d);
  return out;
}

std::vector<task_driver*> task_registry::take_unfinished() {
  std::vector<task_driver*> out = unfinished();
  first_unfinished_ = last_unfinished_ = nullptr;
  unfinished_count_ = 0;
  return out;
}

std::string task_registry::describe() const {
  std::string out;
  for (const task_driver* d = first_unfinished_; d; d = d->next_unfinished_) {
    out += "  Task-" + std::to_string(d->number) + " (" + d->coro_name + ") awaits ";
    switch (d->waiting_on.kind) {
      case wait_kind::sleep: out += "a sleep"; break;
      case wait_kind::yield: out += "one loop iteration"; break;
      case wait_kind::task: out += "Task-" + std::to_string(d->waiting_on.target); break;
      case wait_kind::gather: out += "a gather of " + std::to_string(d->waiting_on.count) + " tasks"; break;
      case wait_kind::future: out += "a future nobody completes"; break;
    }
    out += '\n';
  }
  return out;
}

}  // namespace asyncrace
