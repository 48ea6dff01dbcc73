#include "loop/task_registry.hpp"

#include "loop/task_driver.hpp"

#include <cassert>

namespace asyncrace {

void task_registry::adopt(task_driver& d) {
  d.id = ++task_ids_;
  d.number = ++task_counter_;
  d.registry_slot_ = static_cast<std::uint32_t>(list_.size());
  list_.push_back(&d);
  ++unfinished_count_;
}

void task_registry::finished(task_driver& d) {
  assert(d.registry_slot_ < list_.size() && list_[d.registry_slot_] == &d);
  list_[d.registry_slot_] = nullptr;
  --unfinished_count_;
  // Squeezing out the holes costs the list's length: done when they are three quarters of it, it
  // is paid for by the finishes that made them.
  if (list_.size() >= 64 && unfinished_count_ < list_.size() / 4) compact();
}

void task_registry::compact() {
  std::size_t kept = 0;
  for (task_driver* d : list_) {
    if (!d) continue;
    d->registry_slot_ = static_cast<std::uint32_t>(kept);
    list_[kept++] = d;
  }
  list_.resize(kept);
  if (list_.capacity() > 2 * kept + 64) list_.shrink_to_fit();
}

std::vector<task_driver*> task_registry::unfinished() const {
  std::vector<task_driver*> out;
  out.reserve(unfinished_count_);
  each_unfinished([&](task_driver* d) { out.push_back(d); });
  return out;
}

std::vector<task_driver*> task_registry::take_unfinished() {
  std::vector<task_driver*> out = unfinished();
  list_.clear();
  list_.shrink_to_fit();
  unfinished_count_ = 0;
  return out;
}

std::string task_registry::describe() const {
  std::string out;
  each_unfinished([&](const task_driver* d) {
    const wait_target on = d->waiting_on();
    out += "  Task-" + std::to_string(d->number) + " (" + d->coro_name() + ") awaits ";
    switch (on.kind) {
      case wait_kind::sleep: out += "a sleep"; break;
      case wait_kind::yield: out += "one loop iteration"; break;
      case wait_kind::task: out += "Task-" + std::to_string(on.target); break;
      case wait_kind::gather: out += "a gather of " + std::to_string(on.count) + " tasks"; break;
      case wait_kind::future: out += "a future nobody completes"; break;
    }
    out += '\n';
  });
  return out;
}

}  // namespace asyncrace
